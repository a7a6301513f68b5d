// AssetFilter's kinds, statuses, time ranges and collection (issue 14): applied by the
// gateway on every vendor's assets, so a filtered list equals the unfiltered one filtered
// by hand, page after page; a scan that runs out of budget returns a short page whose
// cursor goes on, never a silent end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/ids.js';
import { startDemoHarness, type DemoHarness } from '../support/gateway-harness.js';

let h: DemoHarness;
beforeAll(async () => {
  h = await startDemoHarness();
});
afterAll(async () => h.stop());

type Node = { id: string; title: string | null; kind: string | null; status: string; createdAt: string | null; source: { name: string } };
type Page = { edges: Array<{ node: Node }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
const QUERY = `query($first: Int, $after: String, $filter: AssetFilter, $order: AssetOrder) {
  assets(first: $first, after: $after, filter: $filter, orderBy: $order) {
    edges { node { id title kind status createdAt source { name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function all(variables: Record<string, unknown>, pageSize: number): Promise<Node[]> {
  const nodes: Node[] = [];
  let after: string | null = null;
  for (let i = 0; i < 200; i++) {
    const res = await h.gql(QUERY, { ...variables, first: pageSize, after });
    expect(res.body.errors).toBeUndefined();
    const page = res.body.data?.['assets'] as Page;
    nodes.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
    expect(after).toBeTruthy();
  }
  throw new Error('did not end');
}

describe('AssetFilter applied by the gateway', () => {
  it('kinds and statuses: the same assets, in the same order, as filtering the whole list by hand', async () => {
    const everything = await all({}, 100);
    expect(new Set(everything.map((n) => n.source.name)).size).toBe(4);
    const audio = await all({ filter: { kinds: ['AUDIO'] } }, 3);
    expect(audio.map((n) => n.id)).toEqual(everything.filter((n) => n.kind === 'AUDIO').map((n) => n.id));
    expect(audio.length).toBeGreaterThan(0);
    const processing = await all({ filter: { statuses: ['PROCESSING', 'ERROR'] } }, 2);
    expect(processing.map((n) => n.id)).toEqual(everything.filter((n) => ['PROCESSING', 'ERROR'].includes(n.status)).map((n) => n.id));
    expect(processing.length).toBeGreaterThan(0);
  });

  it('a creation range on a list merged across vendors, newest first', async () => {
    const order = { field: 'CREATED_AT', direction: 'DESC' };
    const everything = await all({ order }, 100);
    const range = { after: '2026-10-31T00:00:00.000Z', before: '2026-10-31T12:00:00.000Z' };
    const inRange = await all({ order, filter: { created: range } }, 4);
    const expected = everything.filter((n) => n.createdAt !== null && n.createdAt >= range.after && n.createdAt < range.before);
    expect(inRange.map((n) => n.id)).toEqual(expected.map((n) => n.id));
    expect(new Set(inRange.map((n) => n.source.name)).size).toBeGreaterThan(1);
  });

  it('collection: one collection\'s assets, with search matched by the gateway; orderBy is refused there', async () => {
    const folder = [...h.demo.nomad.state.assets.values()].find((a) => a.displayName === 'Marketing');
    const collection = encodeGlobalId('Collection', 'nomad-demo', folder?.id ?? '');
    const inside = [...h.demo.nomad.state.assets.values()].filter((a) => a.parentId === folder?.id && a.assetType === 'File');
    const listed = await all({ filter: { collection } }, 2);
    expect(listed.map((n) => n.title).sort()).toEqual(inside.map((a) => a.displayName).sort());
    const word = (inside[0]?.displayName ?? '').slice(0, 4).toUpperCase();
    const searched = await all({ filter: { collection, search: word } }, 2);
    expect(searched.map((n) => n.title)).toEqual(listed.filter((n) => (n.title ?? '').toLowerCase().includes(word.toLowerCase())).map((n) => n.title));
    const refused = await h.gql(QUERY, { filter: { collection }, order: { field: 'TITLE', direction: 'ASC' } });
    expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('a scan that runs out of budget returns a short page whose cursor goes on to the match', async () => {
    const template = [...h.demo.iconik.state.assets.values()].find((a) => a.status === 'ACTIVE' && a.media_type === 'image');
    if (!template) throw new Error('no iconik image in the demo');
    for (let i = 0; i < 1_200; i++) {
      h.demo.iconik.state.assets.set(`bulk-${i}`, { ...structuredClone(template), id: `bulk-${i}`, title: `bulk ${i}`, date_created: new Date(Date.UTC(2027, 0, 1) - i * 60_000).toISOString() });
    }
    // The only video among them is the oldest: past the first 1,000 the scan reads.
    h.demo.iconik.state.assets.set('bulk-video', { ...structuredClone(template), id: 'bulk-video', title: 'bulk video', media_type: 'video', date_created: '2026-12-01T00:00:00.000Z' });
    const filter = { sources: ['iconik-demo'], kinds: ['VIDEO'] };
    const first = await h.gql(QUERY, { first: 1, filter });
    const page = first.body.data?.['assets'] as Page;
    expect(page.edges).toEqual([]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await h.gql(QUERY, { first: 1, filter, after: page.pageInfo.endCursor });
    expect((next.body.data?.['assets'] as Page).edges.map((e) => e.node.title)).toEqual(['bulk video']);
  });
});
