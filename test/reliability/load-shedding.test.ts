// Load is shed in time: while the gateway is saturated, a request that cannot start within
// queueWaitMs gets 503 with Retry-After at once (before, it waited out the whole 25 s
// deadline). And a hung vendor costs one timeout, not one per retry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { startGateway, type RunningGateway } from '../../src/server.js';
import { startDemoSimulators, type DemoSimulators } from '../../simulators/index.js';
import { postJson } from '../support/gateway-harness.js';

let demo: DemoSimulators;
let saturated: RunningGateway;
let quickTimeout: RunningGateway;
beforeAll(async () => {
  demo = await startDemoSimulators();
  const ncp = structuredClone(demo.config.sources).filter((source) => source['vendor'] === 'NCP_MEDIA_INTELLIGENCE');
  // A gateway whose event loop always reads as saturated, admitting one request at a time.
  saturated = await startGateway({
    port: 0,
    config: parseConfig({ sources: ncp, queueWaitMs: 200 }),
    admission: { minConcurrent: 1, utilization: () => 1, sampleMs: 10 },
  });
  const hungSource = ncp.map((source) => ({ ...source, timeoutMs: 300, retries: 2 }));
  quickTimeout = await startGateway({ port: 0, config: parseConfig({ sources: hungSource }) });
});
afterAll(async () => {
  await Promise.all([saturated.stop(), quickTimeout.stop()]);
  await demo.close();
});

const QUERY = '{ assets(first: 1, filter: { sources: ["ncp-demo"] }) { edges { cursor } } }';

describe('load shedding', () => {
  it('answers 503 with Retry-After to requests that cannot start within queueWaitMs', async () => {
    await new Promise((resolve) => setTimeout(resolve, 30)); // the gate samples the "saturated" loop
    demo.ncp.faults.inject({ fault: { kind: 'latency', ms: 800 }, times: 1 });
    const running = fetch(saturated.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const shed = await fetch(saturated.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('1');
    expect(await shed.json()).toMatchObject({ errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    expect((await running).status).toBe(200);
  });

  it('sends a hung vendor one call per read (a timeout is not retried)', async () => {
    demo.ncp.clearRequests();
    demo.ncp.faults.inject({ fault: { kind: 'hang' }, times: 3 });
    const res = await postJson(quickTimeout.url, { query: QUERY });
    demo.ncp.faults.clear();
    expect(res.body.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_TIMEOUT');
    expect(demo.ncp.requests).toHaveLength(1);
  });
});
