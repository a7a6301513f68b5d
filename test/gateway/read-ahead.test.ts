// `node` and `nodes` start the reads an asset's selected fields need by id alone (shares,
// media, renditions, metadata, Nomad's memberships) together with the asset's own read,
// rather than one vendor round trip after it (src/loaders/read-ahead.ts, issue 17).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/ids.js';
import { startDemoHarness, upstreamCalls, type DemoHarness, type GraphQLResponse } from '../support/gateway-harness.js';

let h: DemoHarness;
beforeAll(async () => {
  h = await startDemoHarness();
});
afterAll(async () => h.stop());
beforeEach(() => {
  for (const sim of [h.demo.iconik, h.demo.icareus, h.demo.ncp, h.demo.nomad]) {
    sim.faults.clear();
    sim.clearRequests();
  }
});

const HELD_MS = 1_500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `query` while the vendor holds its first answer matching `match` for HELD_MS, and
 * returns the calls the vendor had received 300 ms after that first request arrived
 * (still held), and the response.
 */
async function callsWhileFirstAnswerHeld(
  sim: DemoHarness['demo']['iconik'] | DemoHarness['demo']['nomad'],
  match: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ early: string[]; response: GraphQLResponse }> {
  sim.faults.inject({ fault: { kind: 'latency', ms: HELD_MS }, match, times: 1 });
  const pending = h.gql(query, variables);
  const deadline = Date.now() + HELD_MS;
  while (sim.requests.length === 0 && Date.now() < deadline) await sleep(5);
  await sleep(300);
  const early = upstreamCalls(sim).map((call) => call.replace(/\?.*/, ''));
  return { early, response: await pending };
}

describe('reads an asset field needs by id start with the asset read', () => {
  it('iconik: the share list and media reads are sent while the asset search is still unanswered', async () => {
    const asset = [...h.demo.iconik.state.assets.values()].find((a) => a.title === 'Spring Hero Film 30s');
    const id = encodeGlobalId('Asset', 'iconik-demo', asset?.id ?? 'missing');
    const { early, response } = await callsWhileFirstAnswerHeld(
      h.demo.iconik,
      'POST /API/search',
      `query($id: ID!) { node(id: $id) { ... on Asset { title shares { edges { node { id } } } media { container } } } }`,
      { id },
    );
    expect(early.some((call) => call.startsWith('POST /API/search/'))).toBe(true);
    expect(early.some((call) => call.endsWith(`/assets/${asset?.id}/shares/`))).toBe(true);
    expect(early.some((call) => call.endsWith(`/assets/${asset?.id}/formats/`))).toBe(true);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.['node']).toMatchObject({ title: 'Spring Hero Film 30s', media: { container: 'QuickTime' } });
    // No call more than reading the fields after the asset would make.
    expect(upstreamCalls(h.demo.iconik).filter((call) => call.includes('/formats/'))).toHaveLength(1);
  });

  it('nomad: the asset detail (its collections) is sent with the asset read, and each is read once', async () => {
    const asset = [...h.demo.nomad.state.assets.values()].find((a) => a.assetType === 'File' && a.collections.length > 0);
    const id = encodeGlobalId('Asset', 'nomad-demo', asset?.id ?? 'missing');
    const { early, response } = await callsWhileFirstAnswerHeld(
      h.demo.nomad,
      'GET /admin/asset/',
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Asset { title collections { edges { node { title } } } } } }`,
      { ids: [id] },
    );
    expect(early).toEqual(expect.arrayContaining([`GET /admin/asset/${asset?.id}`, `GET /admin/asset/${asset?.id}/detail`]));
    expect(response.body.errors).toBeUndefined();
    const titles = ((response.body.data?.['nodes'] as Array<{ collections: { edges: Array<{ node: { title: string } }> } }>)[0]?.collections.edges ?? []).map((e) => e.node.title);
    const collection = h.demo.nomad.state.collections.get(asset?.collections[0]?.id ?? '');
    expect(titles).toContain(collection?.name);
    const calls = upstreamCalls(h.demo.nomad);
    expect(calls.filter((call) => call === `GET /admin/asset/${asset?.id}`)).toHaveLength(1);
    expect(calls.filter((call) => call === `GET /admin/asset/${asset?.id}/detail`)).toHaveLength(1);
  });

  it('a field the client skips, or selects only on another type, starts nothing', async () => {
    const asset = [...h.demo.iconik.state.assets.values()].find((a) => a.title === 'Spring Hero Film 30s');
    const response = await h.gql(
      `query($id: ID!, $no: Boolean!) { node(id: $id) { ... on Asset { title media @include(if: $no) { container } } ... on Collection { shares { edges { node { id } } } } } }`,
      { id: encodeGlobalId('Asset', 'iconik-demo', asset?.id ?? 'missing'), no: false },
    );
    expect(response.body.errors).toBeUndefined();
    expect(upstreamCalls(h.demo.iconik).map((call) => call.replace(/\?.*/, ''))).toEqual(['POST /API/search/v1/search/']);
  });

  it('an asset that does not exist is null, and what was started for it reports nothing', async () => {
    const unknown = encodeGlobalId('Asset', 'iconik-demo', '00000000-0000-4000-8000-000000000000');
    const response = await h.gql(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Asset { title shares { edges { node { id } } } media { container } metadata { key } } } }`,
      { ids: [unknown] },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.['nodes']).toEqual([null]);
    // The reads were started (and answered 404) though nobody asks for them.
    expect(upstreamCalls(h.demo.iconik).some((call) => call.includes('/shares/'))).toBe(true);
  });
});
