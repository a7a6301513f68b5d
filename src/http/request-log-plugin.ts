// One log line per GraphQL request: operation name, duration, and each error's code,
// source and path. Only client-safe fields are logged (the same ones the client sees), so
// no credential, signature or raw vendor body reaches the log.
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.js';
import { logger } from '../logger.js';

export const requestLogPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    const started = performance.now();
    return {
      async willSendResponse({ request, response }) {
        const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
        logger.info('graphql request', {
          operationName: request.operationName ?? null,
          durationMs: Math.round(performance.now() - started),
          errors: errors.map((error) => ({
            code: error.extensions?.['code'] ?? null,
            source: error.extensions?.['source'] ?? null,
            path: error.path ?? null,
            message: error.message,
          })),
        });
      },
    };
  },
};
