// The circuit breaker counts vendor failures only. Before, a call refused or cut short by
// the GraphQL request's own deadline counted as a failure of the vendor: slow-but-healthy
// requests opened NCP's circuit, and the next client's node(id) on healthy NCP was refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/ids.js';
import { postJson } from '../support/gateway-harness.js';
import { parseConfig } from '../../src/config.js';
import { startGateway, type RunningGateway } from '../../src/server.js';
import { startDemoSimulators, type DemoSimulators } from '../../simulators/index.js';

let demo: DemoSimulators;
let gateway: RunningGateway;
beforeAll(async () => {
  demo = await startDemoSimulators();
  const sources = structuredClone(demo.config.sources).filter((source) => source['vendor'] === 'NCP_MEDIA_INTELLIGENCE');
  for (const source of sources) {
    source['breakerThreshold'] = 2;
    source['retries'] = 0;
  }
  gateway = await startGateway({ port: 0, config: parseConfig({ sources, requestDeadlineMs: 300 }) });
});
afterAll(async () => {
  await gateway.stop();
  await demo.close();
});

const gql = (query: string, variables?: Record<string, unknown>) => postJson(gateway.url, { query, variables });

describe('circuit breaker and the request deadline', () => {
  it('does not open a healthy vendor\'s circuit because requests ran out of their own time', async () => {
    // NCP answers, but slower than these requests' 300 ms budget.
    demo.ncp.faults.inject({ fault: { kind: 'latency', ms: 700 }, times: 4 });
    for (let i = 0; i < 4; i++) {
      const res = await gql(`{ assets(first: 5, filter: { sources: ["ncp-demo"] }) { edges { cursor } } }`);
      expect(res.body.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_TIMEOUT');
    }
    await new Promise((resolve) => setTimeout(resolve, 750));
    // NCP is fast again: the next client is served, not refused by an open circuit.
    const res = await gql(`query($id: ID!) { node(id: $id) { ... on Asset { title } } }`, { id: encodeGlobalId('Asset', 'ncp-demo', '5678/1005') });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ node: { title: 'opening-sketch.mov' } });
  });
});
