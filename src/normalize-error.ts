// The one error normaliser (after @apollo/server's errorNormalize and graphql-yoga's
// mask-error): every error leaving the gateway has `extensions.code`. GatewayErrors keep
// their message and origin (source, vendor, upstream HTTP status); Apollo's own errors
// (parse, validation, bad variables) keep their code; anything else is a fault of ours,
// logged whole and shown to the client only as INTERNAL_SERVER_ERROR. No stack traces.
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, GatewayError } from './errors.js';
import { logger } from './logger.js';

type FormattedParts = Pick<GraphQLFormattedError, 'message' | 'extensions'>;

/** Numeric extensions a client may act on: the estimated vendor calls of an operation refused for cost, and the limit. */
const PASSED_NUMBERS = ['vendorCalls', 'vendorCallLimit'] as const;

/** Message and extensions for any error, masking unexpected ones. */
export function toFormattedError(error: unknown, fallback?: GraphQLFormattedError): FormattedParts {
  const original = unwrapResolverError(error);
  if (original instanceof GatewayError) {
    const { origin } = original;
    return {
      message: original.message,
      extensions: {
        code: original.code,
        ...(origin ? { source: origin.source, vendor: origin.vendor } : {}),
        ...(origin?.upstreamStatus !== undefined ? { upstreamStatus: origin.upstreamStatus } : {}),
      },
    };
  }
  const code = fallback?.extensions?.['code'];
  if (fallback && typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    // Besides the code, only the vendor-call budget's numbers (./http/vendor-call-budget.ts) pass.
    const numbers = Object.fromEntries(PASSED_NUMBERS.flatMap((key) => (typeof fallback.extensions?.[key] === 'number' ? [[key, fallback.extensions[key]]] : [])));
    return { message: fallback.message, extensions: { code, ...numbers } };
  }
  logger.error({
    error: original instanceof Error ? { name: original.name, message: original.message, stack: original.stack } : String(original),
  }, 'unexpected error while serving a request');
  return { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/** Apollo Server's formatError hook. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  return {
    ...toFormattedError(error, formatted),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
}
