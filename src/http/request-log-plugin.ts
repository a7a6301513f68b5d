// One log line per GraphQL request: request id, operation name, duration, upstream calls
// and their time per source, and each error's code, source and path. Only client-safe fields are logged (the same ones the client sees), so
// no credential, signature or raw vendor body reaches the log.
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.js';
import { logger } from '../logger.js';

export const requestLogPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    const started = performance.now();
    return {
      async willSendResponse({ request, response, contextValue, operationName }) {
        const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
        const { scope } = contextValue;
        logger.info({
          requestId: scope.requestId,
          // The name in the document when the client did not send `operationName`.
          operationName: operationName ?? request.operationName ?? null,
          upstream: Object.fromEntries([...scope.upstream].map(([source, stats]) => [source, { calls: stats.calls, ms: Math.round(stats.totalMs) }])),
          durationMs: Math.round(performance.now() - started),
          errors: errors.map((error) => ({
            code: error.extensions?.['code'] ?? null,
            source: error.extensions?.['source'] ?? null,
            path: error.path ?? null,
            message: error.message,
          })),
        }, 'graphql request');
      },
    };
  },
};
