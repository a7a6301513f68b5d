// Sends a read's recorded vendor requests with bare undici pools, all at once or in a
// number of sequential round trips, and parses each answer: the upstream half of the
// same-shape floor (./bare-upstream.ts), of the one-process floor (./floor-server.ts with
// FLOOR_REPLAY), the bare-client floor of latency (./bare-round-trips.ts) and each step of
// the fan-out's bare client (./bare-fan-out.ts).
import { Pool } from 'undici';
import type { UpstreamRequest } from './same-shape-floor.js';

export type Pools = ReadonlyMap<string, Pool>;

/** One keep-alive pool per vendor origin the requests name. */
export function poolsFor(requests: readonly UpstreamRequest[]): Pools {
  return new Map([...new Set(requests.map((request) => request.origin))].map((origin) => [origin, new Pool(origin, { connections: 64 })]));
}

/**
 * How many answers came back with another status than the vendor gave the gateway, and,
 * with `hold`, the parsed answers (null for an empty body), kept until every call is done
 * as a gateway keeps them until its response is built. Without it each answer is dropped
 * once parsed, as the same-shape floor has always measured it. With `rounds` above 1 the
 * requests go out in that many sequential round trips (a read's critical path), dealt
 * over them in turn.
 */
export async function replayUpstream(pools: Pools, requests: readonly UpstreamRequest[], hold = false, rounds = 1): Promise<{ answers: unknown[]; failed: number }> {
  if (rounds > 1) {
    const answers: unknown[] = [];
    let failed = 0;
    for (const these of dealtOverRoundTrips(requests, rounds)) {
      const sent = await replayUpstream(pools, these, hold);
      answers.push(...sent.answers);
      failed += sent.failed;
    }
    return { answers, failed };
  }
  let failed = 0;
  const answers = await Promise.all(
    requests.map(async (request) => {
      const pool = pools.get(request.origin);
      if (!pool) throw new Error(`no pool for ${request.origin}`);
      const response = await pool.request({ method: request.method, path: request.path, headers: request.headers, body: request.body });
      const text = await response.body.text();
      if (response.statusCode !== request.status) failed += 1;
      const answer = text ? (JSON.parse(text) as unknown) : null;
      return hold ? answer : null;
    }),
  );
  return { answers, failed };
}

/** The requests dealt over `rounds` sequential round trips in turn: the first to the first, the second to the second, ... */
export function dealtOverRoundTrips(requests: readonly UpstreamRequest[], rounds: number): UpstreamRequest[][] {
  return Array.from({ length: rounds }, (_trip, round) => requests.filter((_request, index) => index % rounds === round));
}
