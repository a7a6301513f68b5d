// The per-request context: the request's scope, the source registry bound to it, a fresh
// set of loaders, and the per-source failures of list fields that the source-errors plugin
// adds to the response's `errors`.
import type { GraphQLFormattedError } from 'graphql';
import type { CacheBinding } from './cache/cached-reads.js';
import type { JobRunner } from './jobs/job-runner.js';
import type { LiveUpdates } from './live/live-updates.js';
import type { LiveConnection } from './live/subscription-context.js';
import { createLoaders, type Loaders } from './loaders/create-loaders.js';
import type { RequestScope } from './request-scope.js';
import type { SourceConnections, SourceRegistry } from './sources.js';

export interface GatewayContext {
  /** Request id, deadline, per-request credentials and upstream call stats. */
  readonly scope: RequestScope;
  /** The configured sources, with adapters made for this request (its scope). */
  readonly sources: SourceRegistry;
  readonly loaders: Loaders;
  /** Failures of one source inside a list that still returned the other sources' items. */
  readonly sourceErrors: GraphQLFormattedError[];
  /** The optional shared read cache, for mutations to invalidate what they touch. */
  readonly cache: CacheBinding | undefined;
  /** Background jobs (transfers). */
  readonly jobs: JobRunner;
  /** Live updates: writes are published here for subscribers (src/live/). */
  readonly live: LiveUpdates;
  /** Set on subscriptions (WebSocket): what the connection may read, and its controls. */
  readonly connection?: LiveConnection;
}

export function createContext(
  sources: SourceConnections,
  scope: RequestScope,
  jobs: JobRunner,
  live: LiveUpdates,
  options: { batch?: boolean; cache?: CacheBinding } = {},
): GatewayContext {
  const requestSources = sources.forRequest(scope);
  const cache = options.cache ? { ...options.cache, requestCredentials: scope.credentials } : undefined;
  return {
    scope,
    sources: requestSources,
    loaders: createLoaders(requestSources, { ...(options.batch !== undefined ? { batch: options.batch } : {}), ...(cache ? { cache } : {}) }),
    sourceErrors: [],
    cache,
    jobs,
    live,
  };
}
