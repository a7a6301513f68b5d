import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoHarness, type DemoHarness } from '../support/gateway-harness.js';

let h: DemoHarness;
beforeAll(async () => {
  h = await startDemoHarness();
});
afterAll(async () => h.stop());

const sims = () => ({ iconik: h.demo.iconik, icareus: h.demo.icareus, ncp: h.demo.ncp, nomad: h.demo.nomad });

async function callsFor(source: string, first: number): Promise<number> {
  const sim = sims()[source as keyof ReturnType<typeof sims>];
  sim.clearRequests();
  const res = await h.gql(`query($s: [String!], $n: Int) { assets(first: $n, filter: { sources: $s }) {
    edges { node { title collections { edges { node { title } } } } } } }`, { s: [`${source}-demo`], n: first });
  expect(res.body.errors).toBeUndefined();
  return sim.requests.length;
}

// Upstream calls for a page of assets with their collections, per vendor, and the lower
// bound each vendor's API allows:
// - iconik: 2 = one search for the page + one search for all their collections by id
//   (iconik's search filters on id with value_in).
// - Icareus: 2 = one getOrganizationAssets page + one read of the folders (no folder
//   listing exists; the organization collection needs no call).
// - NCP: 1 + P + 1 = the project list, one asset list per project touched (assets are listed
//   per project only), and the project list again for the collections' titles (no
//   multi-project read; the list is one call for up to 100 projects). P = 3 in the demo.
// - Nomad: 1 + F = one search page + one GET per distinct parent folder (Nomad has no
//   multi-asset read). F is bounded by the folders, not the assets.
describe('reads batch: calls per page do not grow with the number of assets', () => {
  it.each([
    ['iconik', 2, 2],
    ['icareus', 2, 2],
    ['ncp', 5, 5],
  ])('%s: %i calls for 5 assets, %i for 50', async (source, small, large) => {
    expect(await callsFor(source, 5)).toBeLessThanOrEqual(small);
    expect(await callsFor(source, 50)).toBe(large);
  });

  it('nomad: one search plus one read per distinct parent folder and collection', async () => {
    const files = [...h.demo.nomad.state.assets.values()].filter((a) => a.assetType === 'File');
    const parents = new Set(files.map((file) => file.parentId));
    const collections = new Set(files.flatMap((file) => file.collections.map((c) => c.id)));
    expect(collections.size).toBe(1);
    expect(await callsFor('nomad', 50)).toBe(1 + parents.size + collections.size);
    expect(parents.size).toBeLessThan(files.length);
  });

  it('a 50-asset mixed-vendor page with collections stays within the sum of those bounds', async () => {
    for (const sim of Object.values(sims())) sim.clearRequests();
    const res = await h.gql(`{ assets(first: 50) { edges { node { title source { vendor } collections { edges { node { title } } } } } } }`);
    expect(res.body.errors).toBeUndefined();
    const vendors = new Set((res.body.data?.['assets'] as { edges: Array<{ node: { source: { vendor: string } } }> }).edges.map((e) => e.node.source.vendor));
    expect(vendors.size).toBeGreaterThan(1);
    const total = Object.values(sims()).reduce((sum, sim) => sum + sim.requests.length, 0);
    // iconik runs out after its 38 assets, so the other sources are asked at once for the
    // remaining 12: the page holds Icareus' 11 and one NCP asset: iconik 2 + Icareus 2 + NCP
    // (list 1 + 3 projects + its one project 1) + Nomad's search 1 = 10.
    expect(total).toBe(2 + 2 + 5 + 1);
  });

  it('a page the first source fills asks no other source', async () => {
    for (const sim of Object.values(sims())) sim.clearRequests();
    const res = await h.gql(`{ assets(first: 20) { edges { node { source { vendor } } } pageInfo { hasNextPage } } }`);
    expect(res.body.errors).toBeUndefined();
    const page = res.body.data?.['assets'] as { edges: Array<{ node: { source: { vendor: string } } }>; pageInfo: { hasNextPage: boolean } };
    expect(page.edges.map((e) => e.node.source.vendor)).toEqual(Array(20).fill('ICONIK'));
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(h.demo.iconik.requests).toHaveLength(1);
    expect([h.demo.icareus, h.demo.ncp, h.demo.nomad].map((sim) => sim.requests.length)).toEqual([0, 0, 0]);
  });
});
