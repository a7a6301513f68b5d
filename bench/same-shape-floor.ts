// The same-shape floor of a benchmark read (issue 17): what the same work costs without a
// gateway. Two parts, each measured in its own process in the same run:
//  1. a stock @apollo/server answering the identical query with the identical data from
//     memory (./floor-server.ts), and
//  2. the identical vendor requests, as recorded from the simulators, sent with bare
//     undici pools and their answers parsed (./bare-upstream.ts).
// The gateway's CPU per request is compared with their sum.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, visit, type FieldNode } from 'graphql';
import type { RunningSimulator } from '../simulators/kit/simulator-server.js';
import { runMeasurement } from './gateway-process.js';
import type { BenchOperation } from './operations.js';

export interface UpstreamRequest {
  readonly origin: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  /** The status the vendor answered the gateway with (a replay answered otherwise failed). */
  readonly status: number;
}

/** A field error of the gateway's response, as the in-memory floor raises it again. */
export interface FixtureError {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: Record<string, unknown>;
}

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };
const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

/** The query with __typename in every selection set (so the in-memory server can resolve abstract types). */
export function withTypenames(query: string): string {
  return print(
    visit(parse(query), {
      SelectionSet: (node) =>
        node.selections.some((selection) => selection.kind === Kind.FIELD && selection.name.value === '__typename' && !selection.alias)
          ? undefined
          : { ...node, selections: [...node.selections, TYPENAME] },
    }),
  );
}

/**
 * Waits until the simulators have received no request for `quietMs`: requests a load left in
 * the gateway (admitted or waiting when the load generator stopped) still reach the vendors
 * for a while, and must neither be recorded as a read's calls nor slow the next measurement.
 */
export async function waitForQuiet(sims: readonly RunningSimulator[], quietMs = 300): Promise<void> {
  const seen = () => sims.reduce((sum, sim) => sum + sim.receivedCount(), 0);
  let count = seen();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = seen();
    if (now === count) return;
    count = now;
  }
}

/**
 * Runs the read once through the gateway: its data (with __typename) and the vendor requests
 * it made. With `lowerBound` (a benchmark read's deterministic call count), a capture that
 * also caught a background call (the status poller's, after the benchmark's writes) is taken
 * again.
 */
export async function captureRead(gatewayUrl: string, operation: Pick<BenchOperation, 'query' | 'variables'> & { lowerBound?: number }, sims: readonly RunningSimulator[]) {
  for (let attempt = 1; ; attempt++) {
    const captured = await captureOnce(gatewayUrl, operation, sims);
    if (operation.lowerBound === undefined || captured.upstream.length === operation.lowerBound) return captured;
    if (attempt === 5) throw new Error(`captured ${captured.upstream.length} upstream calls, expected ${operation.lowerBound}`);
  }
}

async function captureOnce(gatewayUrl: string, operation: Pick<BenchOperation, 'query' | 'variables'>, sims: readonly RunningSimulator[]) {
  await waitForQuiet(sims);
  sims.forEach((sim) => sim.clearRequests());
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: withTypenames(operation.query), variables: operation.variables }),
  });
  const { data, errors } = (await response.json()) as { data: unknown; errors?: FixtureError[] };
  const upstream: UpstreamRequest[] = sims.flatMap((sim) =>
    sim.exchanges.map((exchange) => ({
      origin: sim.origin,
      method: exchange.method,
      path: exchange.rawUrl,
      headers: Object.fromEntries(Object.entries(exchange.headers).flatMap(([key, value]) => (typeof value === 'string' && !HOP_BY_HOP.has(key) ? [[key, value]] : []))),
      ...(exchange.body !== undefined ? { body: JSON.stringify(exchange.body) } : {}),
      status: exchange.status,
    })),
  );
  // The errors too (a source without share listings answers UNSUPPORTED per asset): the
  // floor answers the identical response, not the data without them.
  const fixtureErrors = (errors ?? []).map(({ message, path, extensions }) => ({ message, path, extensions }));
  return { fixture: { query: operation.query, data, errors: fixtureErrors }, upstream };
}

/** CPU per replayed read of the bare-client half, in its own process; with `rate`, reads started at that many per second. */
export async function bareUpstreamCpu(dir: string, name: string, upstream: readonly UpstreamRequest[], durationS: number, rate?: number): Promise<{ cpuMsPerRead: number; reads: number; failed: number; warmUpCpuMsPerRead: number[] }> {
  const file = join(dir, `upstream-${name.replace(/\W+/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(upstream));
  return runMeasurement('dist/bench/bare-upstream.js', { FLOOR_UPSTREAM: file, DURATION_S: String(durationS), ...(rate ? { RATE: String(rate) } : {}) });
}
