import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/ids.js';
import { startHarness, upstreamCalls, type Harness } from '../support/gateway-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.stop());
beforeEach(() => h.iconik.clearRequests());

type Edges<T> = { edges: Array<{ node: T }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
const titles = (c: Edges<{ title: string }>) => c.edges.map((e) => e.node.title);

describe('collections', () => {
  it('lists top-level collections and walks the tree three levels down with assets', async () => {
    const res = await h.gql(`{ collections(first: 10, filter: { topLevelOnly: true }) { edges { node {
      title parent { title }
      children(first: 5) { edges { node { title
        children(first: 5) { edges { node { title ancestors { title } assets(first: 10) { edges { node { title } } } } } }
      } } }
    } } } }`);
    expect(res.body.errors).toBeUndefined();
    type Level3 = { title: string; ancestors: Array<{ title: string }>; assets: Edges<{ title: string }> };
    type Level2 = { title: string; children: Edges<Level3> };
    type Level1 = { title: string; parent: null; children: Edges<Level2> };
    const top = res.body.data?.['collections'] as Edges<Level1>;
    expect(titles(top).sort()).toEqual(['Archive 2019', 'Documentaries', 'Marketing', 'News Desk']);
    const docs = top.edges.find((e) => e.node.title === 'Documentaries')?.node;
    expect(docs?.parent).toBeNull();
    const ocean = docs?.children.edges[0]?.node;
    expect(ocean?.title).toBe('Ocean Stories');
    const interviews = ocean?.children.edges[0]?.node;
    expect(interviews?.title).toBe('Interviews');
    expect(interviews?.ancestors.map((a) => a.title)).toEqual(['Documentaries', 'Ocean Stories']);
    expect(titles(interviews?.assets as Edges<{ title: string }>)).toEqual([
      'Interview - Fisherman',
      'Interview - Marine Biologist',
      'Interview Transcripts',
    ]);
  });

  it('pages through a collection with offset cursors', async () => {
    const brandId = [...h.iconik.state.collections.values()].find((c) => c.title === 'Brand Library')?.id ?? '';
    const id = encodeGlobalId('Collection', 'iconik-test', brandId);
    const first = await h.gql(`query($id: ID!) { node(id: $id) { ... on Collection { assets(first: 4) {
      edges { node { title } } pageInfo { hasNextPage endCursor } } } } }`, { id });
    const page1 = (first.body.data?.['node'] as { assets: Edges<{ title: string }> }).assets;
    expect(page1.edges).toHaveLength(4);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await h.gql(`query($id: ID!, $after: String) { node(id: $id) { ... on Collection { assets(first: 4, after: $after) {
      edges { node { title } } pageInfo { hasNextPage } } } } }`, { id, after: page1.pageInfo.endCursor });
    const page2 = (second.body.data?.['node'] as { assets: Edges<{ title: string }> }).assets;
    const all = [...titles(page1), ...titles(page2)];
    expect(all).toEqual([...all].sort());
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(7);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('shows an asset in every collection iconik lists for it', async () => {
    const res = await h.gql(`{ assets(first: 100, filter: { search: "Hero Film 30s" }) { edges { node { title collections { edges { node { title } } } } } } }`);
    const asset = (res.body.data?.['assets'] as Edges<{ title: string; collections: Edges<{ title: string }> }>).edges[0]?.node;
    expect(asset?.title).toBe('Spring Hero Film 30s');
    expect(titles(asset?.collections as Edges<{ title: string }>).sort()).toEqual(['Social Cutdowns', 'Spring Campaign 2026']);
  });

  it('URL-encodes native ids into vendor paths, so an id cannot change the URL called', async () => {
    const evilId = 'x/delete_queue/assets?x=1#frag';
    h.iconik.state.collections.set(evilId, {
      id: evilId,
      title: 'Odd id',
      parent_id: null,
      status: 'ACTIVE',
      date_created: '2026-01-01T00:00:00Z',
      date_modified: '2026-01-01T00:00:00Z',
    });
    const id = encodeGlobalId('Collection', 'iconik-test', evilId);
    const res = await h.gql(`query($id: ID!) { node(id: $id) { ... on Collection { title children { edges { cursor } } } } }`, { id });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.['node']).toEqual({ title: 'Odd id', children: { edges: [] } });
    expect(upstreamCalls(h.iconik)).toContainEqual(
      expect.stringMatching(/^GET \/API\/assets\/v1\/collections\/x%2Fdelete_queue%2Fassets%3Fx%3D1%23frag\/contents\/\?/),
    );
    h.iconik.state.collections.delete(evilId);
  });
});
