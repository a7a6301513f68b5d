import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Fault } from '../../simulators/kit/simulator-server.js';
import { startDemoHarness, type DemoHarness } from '../support/gateway-harness.js';

// Every fault the simulators can inject, on every vendor: the gateway answers with a typed
// error for that source (or recovers by retrying a read), never a crash or half data.
let h: DemoHarness;
beforeAll(async () => {
  h = await startDemoHarness((sources) => {
    for (const source of sources) {
      source['timeoutMs'] = 300;
      source['retries'] = 1;
      // The fault matrix fails many calls in a row; the breaker has its own test below.
      source['breakerThreshold'] = 1000;
    }
  });
});
afterAll(async () => h.stop());
beforeEach(() => {
  for (const sim of [h.demo.iconik, h.demo.icareus, h.demo.ncp, h.demo.nomad]) sim.faults.clear();
  h.clearRequests();
});

const VENDORS = [
  { source: 'iconik-demo', sim: () => h.demo.iconik },
  { source: 'icareus-demo', sim: () => h.demo.icareus },
  { source: 'ncp-demo', sim: () => h.demo.ncp },
  { source: 'nomad-demo', sim: () => h.demo.nomad },
] as const;

type Edges = { edges: Array<{ node: { source: { name: string } } }> };
const listOf = async (source: string) =>
  h.gql(`query($s: [String!]) { assets(first: 5, filter: { sources: $s }) { edges { node { source { name } } } } }`, { s: [source] });

const CASES: ReadonlyArray<{ name: string; fault: Fault; code: string; upstreamStatus?: number }> = [
  { name: 'error status 503', fault: { kind: 'status', status: 503 }, code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 503 },
  { name: 'body that is not JSON', fault: { kind: 'malformed' }, code: 'UPSTREAM_UNAVAILABLE' },
  { name: 'JSON of the wrong shape', fault: { kind: 'wrong-shape' }, code: 'UPSTREAM_UNAVAILABLE' },
  { name: 'empty 204 body', fault: { kind: 'empty' }, code: 'UPSTREAM_UNAVAILABLE' },
  { name: 'HTML error page', fault: { kind: 'html' }, code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 502 },
  { name: 'connection reset', fault: { kind: 'reset' }, code: 'UPSTREAM_UNAVAILABLE' },
  { name: 'no answer (hang)', fault: { kind: 'hang' }, code: 'UPSTREAM_TIMEOUT' },
];

describe.each(VENDORS)('$source', ({ source, sim }) => {
  it.each(CASES)('turns a $name into $code for this source only', async ({ fault, code, upstreamStatus }) => {
    sim().faults.inject({ fault });
    const res = await h.gql(`{ assets(first: 100) { edges { node { source { name } } } } }`);
    expect(res.status).toBe(200);
    const sources = new Set((res.body.data?.['assets'] as Edges).edges.map((e) => e.node.source.name));
    expect(sources.has(source)).toBe(false);
    expect(sources.size).toBe(3);
    const error = res.body.errors?.find((e) => e.extensions?.['source'] === source);
    expect(error?.extensions).toMatchObject({ code, source, ...(upstreamStatus ? { upstreamStatus } : {}) });
    expect(res.text).not.toMatch(/<html>|"objects": \[|not a list/);
  });

  it('rides out added latency and a single 503 or 429 by retrying the read', async () => {
    sim().faults.inject({ fault: { kind: 'latency', ms: 50 }, times: 1 });
    expect((await listOf(source)).body.errors).toBeUndefined();
    sim().faults.inject({ fault: { kind: 'status', status: 503 }, times: 1 });
    const after503 = await listOf(source);
    expect(after503.body.errors).toBeUndefined();
    expect((after503.body.data?.['assets'] as Edges).edges.length).toBeGreaterThan(0);
    sim().faults.inject({ fault: { kind: 'status', status: 429, retryAfter: '0' }, times: 1 });
    expect((await listOf(source)).body.errors).toBeUndefined();
  });

  it('retries a read as often as configured, then reports the failure; waits as long as Retry-After asks', async () => {
    await listOf(source);
    const calls = sim().requests.length;
    h.clearRequests();
    sim().faults.inject({ fault: { kind: 'status', status: 503 } });
    const failed = await listOf(source);
    expect(failed.body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', source, upstreamStatus: 503 });
    expect(sim().requests).toHaveLength(2); // the read's first call, and its one retry (retries: 1)
    sim().faults.clear();
    h.clearRequests();
    sim().faults.inject({ fault: { kind: 'status', status: 429, retryAfter: '1' }, times: 1 });
    const started = performance.now();
    const retried = await listOf(source);
    expect(retried.body.errors).toBeUndefined();
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(sim().requests).toHaveLength(calls + 1);
  });
});

describe('writes and the circuit breaker', () => {
  let b: DemoHarness;
  beforeAll(async () => {
    b = await startDemoHarness((sources) => {
      for (const source of sources) source['breakerHalfOpenMs'] = 60_000;
    });
  });
  afterAll(async () => b.stop());

  it('never retries a write on its own', async () => {
    h.demo.nomad.faults.inject({ fault: { kind: 'status', status: 503 }, match: 'POST /admin/asset/delete' });
    const file = [...h.demo.nomad.state.assets.values()].find((a) => a.assetType === 'File');
    const { encodeGlobalId } = await import('../../src/ids.js');
    const res = await h.gql(`mutation($ids: [ID!]!) { deleteAssets(input: { ids: $ids }) { results { ok error { code } } } }`, {
      ids: [encodeGlobalId('Asset', 'nomad-demo', file?.id ?? '')],
    });
    expect((res.body.data?.['deleteAssets'] as { results: unknown[] }).results).toEqual([{ ok: false, error: { code: 'UPSTREAM_UNAVAILABLE' } }]);
    expect(h.demo.nomad.requests.filter((r) => r.url === '/admin/asset/delete')).toHaveLength(1);
    expect(file?.assetStatus).toBe('Available');
  });

  it('stops calling a vendor that keeps failing, and says so', async () => {
    b.demo.ncp.faults.inject({ fault: { kind: 'status', status: 500 } });
    const messages: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await b.gql(`{ assets(first: 5, filter: { sources: ["ncp-demo"] }) { edges { cursor } } }`);
      messages.push(res.body.errors?.[0]?.message ?? '');
    }
    expect(messages.at(-1)).toContain('circuit open');
    const callsWhileOpen = b.demo.ncp.requests.length;
    await b.gql(`{ assets(first: 5, filter: { sources: ["ncp-demo"] }) { edges { cursor } } }`);
    expect(b.demo.ncp.requests.length).toBe(callsWhileOpen);
  });
});
