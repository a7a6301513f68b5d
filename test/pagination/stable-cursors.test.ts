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
