// /healthz: the process is up and serving HTTP. /readyz: the sources answer. A source
// counts as reachable when a one-item collection list (the cheapest read every adapter
// has) succeeds within READY_TIMEOUT_MS; the gateway is ready when at least one source is,
// because a source that is down only nulls its own fields (see README).
import type { SourceConnections } from '../sources.js';
import { internalScope } from '../request-scope.js';

const READY_TIMEOUT_MS = 3_000;

export type Readiness = {
  ready: boolean;
  sources: Record<string, 'up' | 'down'>;
  /** The Redis read cache, when REDIS_URL is set: while it is down the gateway serves, degraded. */
  sharedCache?: 'up' | 'down';
};

/** Adds the shared cache's state, read live (it costs no call), to each readiness answer. */
export function withSharedCache(readiness: () => Promise<Readiness>, cache: { health(): 'up' | 'down' } | undefined): () => Promise<Readiness> {
  if (!cache) return readiness;
  return async () => ({ ...(await readiness()), sharedCache: cache.health() });
}

/**
 * /readyz answers from a result at most `cacheMs` old: probes call every vendor, so a
 * load balancer (or anyone) polling /readyz must not multiply vendor calls. Concurrent
 * hits share one probe.
 */
export function cachedReadiness(sources: SourceConnections, cacheMs: number): () => Promise<Readiness> {
  let last: { at: number; result: Promise<Readiness> } | undefined;
  return () => {
    const now = Date.now();
    if (!last || now - last.at >= cacheMs) last = { at: now, result: readiness(sources) };
    return last.result;
  };
}

export async function readiness(sources: SourceConnections): Promise<Readiness> {
  const probes = sources.forRequest(internalScope(READY_TIMEOUT_MS));
  const states = await Promise.all(
    probes.all.map(async (source) => {
      try {
        await source.adapter.listCollections({ offset: 0, limit: 1 }, { topLevelOnly: true });
        return [source.name, 'up'] as const;
      } catch {
        return [source.name, 'down'] as const;
      }
    }),
  );
  return { ready: states.some(([, state]) => state === 'up'), sources: Object.fromEntries(states) };
}
