// A field's expected failure (a GatewayError: UNSUPPORTED, a vendor's refusal) handed to
// graphql-js already located, and made without a stack trace or GraphQLError's
// constructor. graphql-js wraps any other error a resolver throws in a GraphQLError, whose
// Error constructor captures ten stack frames that V8 then formats when graphql-js sets
// the wrapper's `stack` (13 to 18 us per error, microbenchmark); and even with no stack
// captured, that constructor's `Object.defineProperties` on an Error costs 13 us per error
// (microbenchmark, graphql 16): 2.8% of the CPU of the 50-asset benchmark read, which
// reports 22 UNSUPPORTED shares, in its profile (issue 17). An error that already carries
// its path passes through graphql-js as it is, and Apollo Server reads a GraphQLError's
// fields, `toJSON` and `instanceof`: so this makes an object of GraphQLError's prototype
// with the same fields, in 2.6 us. test/resolvers/located-error.test.ts holds it equal to
// what graphql-js's own `locatedError` makes.
import { GraphQLError, getLocation, responsePathAsArray, type FieldNode, type GraphQLResolveInfo, type Source } from 'graphql';
import { GatewayError } from '../errors.js';

/** Runs a field's resolver; a GatewayError it throws or rejects with leaves already located. */
export async function resolveLocated<T>(info: GraphQLResolveInfo, resolve: () => T | Promise<T>): Promise<T> {
  try {
    return await resolve();
  } catch (error) {
    throw error instanceof GatewayError ? locatedGatewayError(error, info) : error;
  }
}

/**
 * What `locatedError(error, info.fieldNodes, path)` returns for an error with no location
 * of its own: message, path, locations and (empty) extensions as enumerable fields; the
 * blamed nodes, their source and positions, the original error and its stack readable but
 * not enumerable (here getters over private fields, which cost an object nothing to set,
 * where `Object.defineProperty` on each error cost 1 us a property).
 */
class LocatedGatewayError {
  message: string;
  readonly path: ReadonlyArray<string | number>;
  readonly locations: GraphQLError['locations'];
  readonly extensions: GraphQLError['extensions'] = Object.create(null) as GraphQLError['extensions'];
  readonly #error: GatewayError;
  readonly #nodes: readonly FieldNode[];

  constructor(error: GatewayError, info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'path'>) {
    this.message = error.message;
    this.path = responsePathAsArray(info.path);
    this.#error = error;
    this.#nodes = info.fieldNodes;
    const positions = this.positions;
    this.locations = positions && this.source ? positions.map((start) => getLocation(this.source as Source, start)) : undefined;
  }

  get name(): string {
    return 'GraphQLError';
  }

  get originalError(): GatewayError {
    return this.#error;
  }

  get stack(): string | undefined {
    return this.#error.stack;
  }

  get nodes(): readonly FieldNode[] | undefined {
    return this.#nodes.length > 0 ? this.#nodes : undefined;
  }

  get source(): Source | undefined {
    return this.#nodes.find((node) => node.loc)?.loc?.source;
  }

  get positions(): readonly number[] | undefined {
    const starts = this.#nodes.flatMap((node) => (node.loc ? [node.loc.start] : []));
    return starts.length > 0 ? starts : undefined;
  }
}
// Its instances are GraphQLErrors to graphql-js and Apollo Server (`instanceof`, `toJSON`, `toString`).
Object.setPrototypeOf(LocatedGatewayError.prototype, GraphQLError.prototype);

export function locatedGatewayError(error: GatewayError, info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'path'>): GraphQLError {
  return new LocatedGatewayError(error, info) as unknown as GraphQLError;
}
