// Cursors survive changes (issue 14): after an asset of page 1 is deleted, or a new one
// added before the cursor, page 2 neither skips nor repeats anything. The cursor holds the
// last item's id and the next page finds it again near its old place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/ids.js';
import { startDemoHarness, type DemoHarness } from '../support/gateway-harness.js';

let h: DemoHarness;
beforeAll(async () => {
  h = await startDemoHarness();
});
afterAll(async () => h.stop());

type Page = { edges: Array<{ node: { id: string; title: string } }>; pageInfo: { endCursor: string | null } };
const QUERY = `query($first: Int, $after: String, $sources: [String!]) {
  assets(first: $first, after: $after, filter: { sources: $sources }) { edges { node { id title } } pageInfo { endCursor } }
}`;
const page = async (sources: string[], first: number, after: string | null = null) =>
  (await h.gql(QUERY, { sources, first, after })).body.data?.['assets'] as Page;

describe('cursors that survive changes', () => {
  it.each([['iconik-demo'], ['nomad-demo'], ['icareus-demo']])('%s: page 2 skips nothing after an asset of page 1 is deleted', async (source) => {
    const whole = (await page([source], 10)).edges.map((e) => e.node.id);
    const first = await page([source], 4);
    expect(first.edges.map((e) => e.node.id)).toEqual(whole.slice(0, 4));
    const gone = first.edges[1]?.node.id ?? '';
    const deleted = await h.gql(`mutation($ids: [ID!]!) { deleteAssets(input: { ids: $ids }) { results { ok } } }`, { ids: [gone] });
    expect(deleted.body.data?.['deleteAssets']).toEqual({ results: [{ ok: true }] });
    const second = await page([source], 4, first.pageInfo.endCursor);
    expect(second.edges.map((e) => e.node.id)).toEqual(whole.slice(4, 8));
  });

  it('page 2 repeats nothing after a newer asset is added before the cursor', async () => {
    const whole = (await page(['iconik-demo'], 10)).edges.map((e) => e.node.id);
    const first = await page(['iconik-demo'], 3);
    const template = [...h.demo.iconik.state.assets.values()].find((a) => a.status === 'ACTIVE');
    h.demo.iconik.state.assets.set('brand-new', { ...structuredClone(template as NonNullable<typeof template>), id: 'brand-new', title: 'Brand new', date_created: '2027-06-01T00:00:00.000Z' });
    const second = await page(['iconik-demo'], 3, first.pageInfo.endCursor);
    expect(second.edges.map((e) => e.node.id)).toEqual(whole.slice(3, 6));
    expect(second.edges.map((e) => e.node.id)).not.toContain(encodeGlobalId('Asset', 'iconik-demo', 'brand-new'));
  });
});

describe('keyset cursors (iconik search_after)', () => {
  it('continue after the last asset shown however many assets before it were deleted or added', async () => {
    const whole = (await page(['iconik-demo'], 30)).edges.map((e) => e.node.id);
    const first = await page(['iconik-demo'], 15);
    expect(first.edges.map((e) => e.node.id)).toEqual(whole.slice(0, 15));
    // More deletions before the cursor than the window around its old place covers, and
    // additions at the end.
    const gone = first.edges.slice(0, 14).map((e) => e.node.id);
    const deleted = await h.gql(`mutation($ids: [ID!]!) { deleteAssets(input: { ids: $ids }) { results { ok } } }`, { ids: gone });
    expect((deleted.body.data?.['deleteAssets'] as { results: Array<{ ok: boolean }> }).results.every((r) => r.ok)).toBe(true);
    const template = [...h.demo.iconik.state.assets.values()].find((a) => a.status === 'ACTIVE');
    for (let i = 0; i < 12; i++) {
      h.demo.iconik.state.assets.set(`newer-${i}`, { ...structuredClone(template as NonNullable<typeof template>), id: `newer-${i}`, title: `Newer ${i}`, date_created: `2001-07-0${1 + (i % 9)}T00:00:00.000Z` });
    }
    h.demo.iconik.clearRequests();
    const second = await page(['iconik-demo'], 5, first.pageInfo.endCursor);
    expect(second.edges.map((e) => e.node.id)).toEqual(whole.slice(15, 20));
    // One search, continuing after the last hit's sort values.
    const searches = h.demo.iconik.exchanges.filter((e) => e.path.endsWith('/search/v1/search/'));
    expect(searches).toHaveLength(1);
    expect((searches[0]?.body as { search_after?: unknown[] }).search_after).toHaveLength(2);
  });

  it('refuse a forged keyset cursor as BAD_USER_INPUT', async () => {
    const forged = Buffer.from('k:{"o":3,"s":"iconik-demo"}', 'utf8').toString('base64url');
    const res = await h.gql(QUERY, { sources: ['iconik-demo'], first: 2, after: forged });
    expect(res.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
