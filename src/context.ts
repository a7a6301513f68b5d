// The per-request context: the (shared, start-up) source registry, a fresh set of
// loaders, and the per-source failures of list fields that the source-errors plugin adds
// to the response's `errors`.
import type { GraphQLFormattedError } from 'graphql';
import type { CacheBinding } from './cache/cached-reads.js';
import { createLoaders, type Loaders } from './loaders/create-loaders.js';
import type { SourceRegistry } from './sources.js';

export interface GatewayContext {
  readonly sources: SourceRegistry;
  readonly loaders: Loaders;
  /** Failures of one source inside a list that still returned the other sources' items. */
  readonly sourceErrors: GraphQLFormattedError[];
  /** The optional shared read cache, for mutations to invalidate what they touch. */
  readonly cache: CacheBinding | undefined;
}

export function createContext(sources: SourceRegistry, options: { batch?: boolean; cache?: CacheBinding } = {}): GatewayContext {
  return { sources, loaders: createLoaders(sources, options), sourceErrors: [], cache: options.cache };
}
