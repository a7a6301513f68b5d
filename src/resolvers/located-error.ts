// A field's expected failure (a GatewayError: UNSUPPORTED, a vendor's refusal) handed to
// graphql-js already located, and made without a stack trace. graphql-js wraps any other
// error a resolver throws in a GraphQLError, whose Error constructor captures ten stack
// frames that V8 then formats when graphql-js sets the wrapper's `stack`: 13 to 18 us per
// error (microbenchmark), and the 50-asset benchmark read reports 34 UNSUPPORTED shares
// (issue 17). An error that already carries its path passes through graphql-js as it is;
// the client sees the same message, path and extensions either way.
import { locatedError, responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import { GatewayError } from '../errors.js';

/** Runs a field's resolver; a GatewayError it throws or rejects with leaves already located. */
export async function resolveLocated<T>(info: GraphQLResolveInfo, resolve: () => T | Promise<T>): Promise<T> {
  try {
    return await resolve();
  } catch (error) {
    throw error instanceof GatewayError ? locatedWithoutStack(error, info) : error;
  }
}

function locatedWithoutStack(error: GatewayError, info: GraphQLResolveInfo): Error {
  const { stackTraceLimit } = Error;
  Error.stackTraceLimit = 0;
  try {
    return locatedError(error, info.fieldNodes, responsePathAsArray(info.path));
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}
