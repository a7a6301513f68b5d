// Adds the per-source failures collected during execution (context.sourceErrors) to the
// response's `errors`, next to the data the other sources returned. graphql-js can only
// report an error by nulling a field; a cross-source list must not be nulled for one
// failing vendor, so these errors are added here instead.
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.js';

export const sourceErrorsPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        const { sourceErrors } = contextValue;
        if (sourceErrors.length === 0 || response.body.kind !== 'single') return;
        const { singleResult } = response.body;
        singleResult.errors = [...(singleResult.errors ?? []), ...sourceErrors];
      },
    };
  },
};
