// Every error a client can see carries `extensions.code` from this one list (modelled on
// @apollo/server's ApolloServerErrorCode). Gateway code throws the small classes below;
// `formatError` (src/normalize-error.ts) turns them into GraphQL errors and masks
// anything else as INTERNAL_SERVER_ERROR.
import type { Vendor } from './generated/resolvers-types.js';

export const ErrorCode = {
  /** The client sent something invalid: a malformed ID, an unknown source, `first` out of range. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** The vendor rejected the credentials the gateway used for this source. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The credentials are valid but lack the vendor permission this needs. */
  FORBIDDEN: 'FORBIDDEN',
  /** The vendor does not know the object. */
  NOT_FOUND: 'NOT_FOUND',
  /** The source's vendor cannot do this (see `Source.capabilities`). */
  UNSUPPORTED: 'UNSUPPORTED',
  /** The vendor could not be reached, or answered with a server error or an unusable response. */
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  /** The vendor did not answer in time. */
  UPSTREAM_TIMEOUT: 'UPSTREAM_TIMEOUT',
  /** The vendor refused the request as invalid (a 4xx other than auth and not-found). */
  UPSTREAM_REJECTED: 'UPSTREAM_REJECTED',
  /**
   * A write whose answer was lost (timeout, dropped connection) and whose effect could not
   * be read back: the vendor may or may not have made the change. Look before retrying.
   */
  OUTCOME_UNKNOWN: 'OUTCOME_UNKNOWN',
  /** A fault in the gateway itself; details are in the gateway's log, never in the response. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Where an upstream error came from, for `extensions.source`/`vendor`/`upstreamStatus`. */
export interface ErrorOrigin {
  readonly source: string;
  readonly vendor: Vendor;
  readonly upstreamStatus?: number;
}

/**
 * An error whose message is safe to show to clients. Messages must never contain
 * credentials or raw vendor response bodies; a vendor's own message may be quoted only
 * after the adapter has picked it out of a known error shape.
 */
export class GatewayError extends Error {
  /**
   * True when the request may have reached the vendor and been acted on although no answer
   * came back (a timeout, a dropped connection): a write's outcome must then be read back.
   */
  ambiguous = false;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly origin?: ErrorOrigin,
  ) {
    // An expected outcome (a vendor's refusal, an unsupported field), never a fault of the
    // gateway: its stack is never logged or shown, so none is captured. Capturing and then
    // formatting one (graphql-js reads `stack` when it wraps the error) was 5% of the CPU
    // of a read that reports UNSUPPORTED for 34 assets (issue 17).
    const { stackTraceLimit } = Error;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = stackTraceLimit;
    this.name = 'GatewayError';
    this.stack = `GatewayError: ${message}`;
  }
}

export function badUserInput(message: string): GatewayError {
  return new GatewayError(ErrorCode.BAD_USER_INPUT, message);
}

export function unsupported(origin: ErrorOrigin, what: string): GatewayError {
  return new GatewayError(ErrorCode.UNSUPPORTED, `Source "${origin.source}" (${origin.vendor}) does not support ${what}.`, origin);
}

/**
 * After an ambiguous write (its answer lost) whose effect could not be read back, or was not
 * visible yet: a vendor may still apply a request whose answer timed out.
 */
export function outcomeUnknown(origin: ErrorOrigin, what: string, readBack: 'failed' | 'not-visible' = 'failed'): GatewayError {
  const why =
    readBack === 'failed'
      ? 'did not confirm the change and it could not be read back'
      : 'did not confirm the change; it is not visible yet, but the vendor may still apply it';
  return new GatewayError(ErrorCode.OUTCOME_UNKNOWN, `${what}: ${origin.vendor} source "${origin.source}" ${why}; check the object before retrying.`, origin);
}

/** Whether an error leaves a write's outcome open (the vendor may have acted). */
export const isAmbiguous = (error: unknown): boolean => error instanceof GatewayError && error.ambiguous;

/** Whether a vendor said the object does not exist. */
export const isNotFound = (error: unknown): boolean => error instanceof GatewayError && error.code === ErrorCode.NOT_FOUND;

export function notFound(origin: ErrorOrigin, what: string): GatewayError {
  return new GatewayError(ErrorCode.NOT_FOUND, `${what} was not found in source "${origin.source}".`, origin);
}

/** Maps an upstream HTTP status onto our codes; our own HTTP status never mirrors the vendor's. */
export function codeForUpstreamStatus(status: number): ErrorCode {
  if (status === 401) return ErrorCode.UNAUTHENTICATED;
  if (status === 403) return ErrorCode.FORBIDDEN;
  if (status === 404) return ErrorCode.NOT_FOUND;
  if (status === 408 || status === 504) return ErrorCode.UPSTREAM_TIMEOUT;
  if (status === 429 || status >= 500) return ErrorCode.UPSTREAM_UNAVAILABLE;
  return ErrorCode.UPSTREAM_REJECTED;
}
