import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/ids.js';
import { postJson, startHarness, upstreamCalls, type Harness } from '../support/gateway-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.stop());

const deep = (levels: number) => {
  let selection = 'title';
  for (let i = 0; i < levels; i++) selection = `children { edges { node { ${selection} } } }`;
  return `{ collections { edges { node { ${selection} } } } }`;
};

describe('query limits refuse abusive queries before any vendor call, and the server keeps serving', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['too deep', deep(5), /depth limit of 15/],
    ['too many aliases', `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: sources { name }`).join(' ')} }`, /Aliases limit of 15/i],
    ['too many tokens', `{ sources { ${Array(1100).fill('name').join(' ')} } }`, /more that 1000 tokens/],
    ['too many directives', `{ sources { name ${Array(51).fill('@include(if: true)').join(' ')} } }`, /Directives limit of 50/i],
  ];

  // The vendor-call budget counts what the other limits cannot see: list sizes, also in variables.
  const ids = (n: number) => Array.from({ length: n }, (_, j) => `id-${j}`);
  it.each([
    ['15 aliases of nodes(ids: 100)', `query($ids: [ID!]!) { ${Array.from({ length: 15 }, (_, i) => `a${i}: nodes(ids: $ids) { id }`).join(' ')} }`, { ids: ids(100) }, 1500],
    ['a tree of default-sized connections', '{ collections { edges { node { children { edges { node { children { edges { node { assets { edges { node { title } } } } } } } } } } } } }', {}, 8421],
    // 3 x 100 x (the node + renditions' three calls + media + metadata) = 1800.
    ['media of 100 assets under three aliases', `query($ids: [ID!]!) { ${['a', 'b', 'c'].map((a) => `${a}: nodes(ids: $ids) { ... on Asset { media { width } renditions { url } metadata { key } } }`).join(' ')} }`, { ids: ids(100) }, 1800],
    ['the shares of 100 objects under eleven aliases', `query($t: [ID!]!) { ${Array.from({ length: 11 }, (_, i) => `s${i}: shares(filter: { targets: $t }) { edges { node { id } } }`).join(' ')} }`, { t: ids(100) }, 1100],
    ['two bulk deletes of 1000 IDs', 'mutation($ids: [ID!]!) { a: deleteAssets(input: { ids: $ids }) { results { ok } } b: deleteAssets(input: { ids: $ids }) { results { ok } } }', { ids: ids(1000) }, 2000],
  ])('refuses %s (worst case over 1000 vendor calls) before any vendor call', async (_name, query, variables: Record<string, unknown>, estimate) => {
    h.iconik.clearRequests();
    const res = await h.gql(query, variables);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toContain(`up to ${estimate} vendor calls`);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', vendorCalls: estimate, vendorCallLimit: 1000 });
    expect(h.iconik.requests).toHaveLength(0);
  });

  it.each(cases)('%s', async (_name, query, message) => {
    h.iconik.clearRequests();
    const res = await h.gql(query);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toMatch(message);
    expect(res.body.errors?.[0]?.extensions?.['code']).toMatch(/GRAPHQL_(VALIDATION|PARSE)_FAILED/);
    expect(h.iconik.requests).toHaveLength(0);
    expect((await h.gql('{ sources { name } }')).status).toBe(200);
  });

  it('refuses batched HTTP requests (one operation per request)', async () => {
    const res = await postJson(h.gateway.url, [{ query: '{ sources { name } }' }, { query: '{ sources { name } }' }]);
    expect(res.status).toBe(400);
  });
});

describe('IDs cannot steer which vendor URL is called', () => {
  it('keeps ../, ?, # and hosts inside one encoded path segment of the configured vendor', async () => {
    // ("../" ids are refused before any call: see "dot segments" below.)
    const hostile = ['a/b/purge/all', 'x?per_page=100000', 'x#frag', '//evil.example/API', 'http://evil.example/'];
    for (const nativeId of hostile) {
      h.iconik.clearRequests();
      const id = encodeGlobalId('Collection', 'iconik-test', nativeId);
      h.iconik.state.collections.set(nativeId, { id: nativeId, title: 't', parent_id: null, status: 'ACTIVE', date_created: '2026-01-01T00:00:00Z', date_modified: '2026-01-01T00:00:00Z' });
      const res = await h.gql(`query($id: ID!) { node(id: $id) { ... on Collection { assets { edges { cursor } } } } }`, { id });
      expect(res.body.errors).toBeUndefined();
      const contents = upstreamCalls(h.iconik).find((call) => call.includes('/contents/'));
      expect(contents).toBe(`GET /API/assets/v1/collections/${encodeURIComponent(nativeId).replace(/\./g, (d) => d)}/contents/?object_types=assets&page=1&per_page=20`);
      h.iconik.state.collections.delete(nativeId);
    }
  });
});

describe('dot segments', () => {
  it('refuses native ids that are dot segments before any vendor call', async () => {
    h.iconik.clearRequests();
    for (const nativeId of ['.', '..', 'a/../b', '../../../delete_queue/assets/purge/all']) {
      const res = await h.gql(`mutation($id: ID!) { updateAsset(input: { id: $id, title: "x" }) { asset { id } userErrors { code } } }`, {
        id: encodeGlobalId('Asset', 'iconik-test', nativeId),
      });
      expect(res.body.data?.['updateAsset']).toEqual({ asset: null, userErrors: [{ code: 'BAD_USER_INPUT' }] });
    }
    expect(h.iconik.requests).toHaveLength(0);
  });
});
