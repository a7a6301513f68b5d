import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/ids.js';
import { startHarness, upstreamCalls, type Harness } from '../support/gateway-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.stop());
beforeEach(() => h.iconik.clearRequests());

interface AssetNode {
  id: string;
  nativeId: string;
  title: string;
  status: string;
}
type Edges<T> = { edges: Array<{ cursor: string; node: T }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

describe('Query.assets over the iconik simulator', () => {
  it('pages through every non-deleted asset exactly once, newest first', async () => {
    const active = [...h.iconik.state.assets.values()].filter((a) => a.status === 'ACTIVE');
    const seen: AssetNode[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 20; guard++) {
      const res = await h.gql(
        `query($after: String) { assets(first: 7, after: $after) {
           edges { cursor node { id nativeId title status } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(res.body.errors).toBeUndefined();
      const page = res.body.data?.['assets'] as Edges<AssetNode>;
      seen.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.map((a) => a.nativeId).sort()).toEqual(active.map((a) => a.id).sort());
    expect(new Set(seen.map((a) => a.id)).size).toBe(seen.length);
    const created = seen.map((a) => h.iconik.state.assets.get(a.nativeId)?.date_created ?? '');
    expect(created).toEqual([...created].sort().reverse());
  });

  it('maps iconik fields and statuses onto the unified Asset', async () => {
    const res = await h.gql(`{ assets(first: 100) { edges { node {
      title description kind status vendorStatus durationMs createdAt updatedAt deletedAt thumbnailUrl source { name vendor } } } } }`);
    const nodes = (res.body.data?.['assets'] as Edges<Record<string, unknown>>).edges.map((e) => e.node);
    const byTitle = new Map(nodes.map((n) => [n['title'], n]));
    expect(byTitle.get('Spring Hero Film 60s')).toMatchObject({
      description: 'Master 60-second hero film for the spring launch.',
      kind: 'VIDEO',
      status: 'AVAILABLE',
      vendorStatus: 'ACTIVE',
      durationMs: 60_000,
      deletedAt: null,
      source: { name: 'iconik-test', vendor: 'ICONIK' },
    });
    expect(String(byTitle.get('Spring Hero Film 60s')?.['thumbnailUrl'])).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/keyframes\/.+\.jpg$/);
    expect(byTitle.get('2019 Annual Report Film')).toMatchObject({ status: 'ARCHIVED', vendorStatus: 'ARCHIVED' });
    expect(byTitle.get('2019 Holiday Spot')).toMatchObject({ status: 'ARCHIVING' });
    expect(byTitle.get('2019 Event Photos')).toMatchObject({ status: 'ERROR', vendorStatus: 'FAILED_TO_ARCHIVE', kind: 'IMAGE' });
    expect(byTitle.get('Ocean Stories - Final Mix')).toMatchObject({ status: 'PLACEHOLDER', kind: null, thumbnailUrl: null });
    expect(byTitle.get('Brand Guidelines 2026')).toMatchObject({ kind: 'DOCUMENT', durationMs: null });
    expect(byTitle.get('Whale Song Recording')).toMatchObject({ kind: 'AUDIO' });
  });

  it('searches with the vendor search', async () => {
    const res = await h.gql(`{ assets(filter: { search: "interview" }) { edges { node { title } } } }`);
    const titles = (res.body.data?.['assets'] as Edges<{ title: string }>).edges.map((e) => e.node.title).sort();
    expect(titles).toEqual(['Interview - Fisherman', 'Interview - Marine Biologist', 'Interview Transcripts']);
    expect(upstreamCalls(h.iconik)).toEqual([expect.stringMatching(/^POST \/API\/search\/v1\/search\/\?/)]);
  });

  it('refuses first above the cap and unknown sources before calling a vendor', async () => {
    const tooMany = await h.gql(`{ assets(first: 101) { edges { cursor } } }`);
    expect(tooMany.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(tooMany.body.errors?.[0]?.message).toContain('between 1 and 100');
    const unknown = await h.gql(`{ assets(filter: { sources: ["nope"] }) { edges { cursor } } }`);
    expect(unknown.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const badCursor = await h.gql(`{ assets(after: "garbage") { edges { cursor } } }`);
    expect(badCursor.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(h.iconik.requests).toHaveLength(0);
  });

  it('lists 50 assets with their collections in two upstream calls, not 50+ (no N+1)', async () => {
    const res = await h.gql(`{ assets(first: 50) { edges { node { title collections { edges { node { title } } } } } } }`);
    expect(res.body.errors).toBeUndefined();
    const edges = (res.body.data?.['assets'] as Edges<{ collections: Edges<{ title: string }> }>).edges;
    expect(edges.length).toBeGreaterThanOrEqual(35);
    expect(edges.every((e) => e.node.collections.edges.length > 0)).toBe(true);
    const calls = upstreamCalls(h.iconik);
    expect(calls).toHaveLength(2);
    expect(calls.every((call) => call.startsWith('POST /API/search/v1/search/'))).toBe(true);
  });
});

describe('node and nodes', () => {
  it('resolve IDs from any list again, in the order asked, null for unknown', async () => {
    const list = await h.gql(`{ assets(first: 3) { edges { node { id title } } } }`);
    const nodes = (list.body.data?.['assets'] as Edges<{ id: string; title: string }>).edges.map((e) => e.node);
    const unknown = encodeGlobalId('Asset', 'iconik-test', '00000000-0000-0000-0000-000000000000');
    h.iconik.clearRequests();
    const ids = [nodes[2]?.id, unknown, nodes[0]?.id, nodes[1]?.id];
    const res = await h.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Asset { title } } }`, { ids });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.['nodes']).toEqual([nodes[2], null, nodes[0], nodes[1]]);
    // One search for all four; the id it did not return is asked once through the documented
    // by-id read (a deleted asset would be there), which answers 404.
    const calls = upstreamCalls(h.iconik);
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatch(/^POST \/API\/search\/v1\/search\//);
    expect(calls[1]).toBe('GET /API/assets/v1/assets/00000000-0000-0000-0000-000000000000/');
  });

  it('answers a malformed or foreign ID with BAD_USER_INPUT and no vendor call', async () => {
    const foreign = encodeGlobalId('Asset', 'someone-elses-source', 'abc');
    const res = await h.gql(`query($a: ID!, $b: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } }`, { a: 'nonsense', b: foreign });
    expect(res.body.data).toEqual({ a: null, b: null });
    expect(res.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(h.iconik.requests).toHaveLength(0);
  });

  it('fails only the malformed slot of nodes', async () => {
    const list = await h.gql(`{ assets(first: 1) { edges { node { id } } } }`);
    const id = (list.body.data?.['assets'] as Edges<{ id: string }>).edges[0]?.node.id;
    const res = await h.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [id, 'broken'] });
    expect(res.body.data?.['nodes']).toEqual([{ id }, null]);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors?.[0]).toMatchObject({ path: ['nodes', 1], extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('caps nodes at 100 IDs', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => encodeGlobalId('Asset', 'iconik-test', `id-${i}`));
    const res = await h.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    expect(res.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(h.iconik.requests).toHaveLength(0);
  });
});
