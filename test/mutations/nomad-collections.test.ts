// Nomad collections (issue 14): flat, named sets next to the folder tree. They resolve
// through node, list their assets, show in Asset.collections, and back addToCollection and
// removeFromCollection with Nomad's collection-content endpoints; folders refuse those.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/ids.js';
import { startDemoHarness, type DemoHarness } from '../support/gateway-harness.js';

let h: DemoHarness;
beforeAll(async () => {
  h = await startDemoHarness();
});
afterAll(async () => h.stop());

const assetId = (name: string) => encodeGlobalId('Asset', 'nomad-demo', [...h.demo.nomad.state.assets.values()].find((a) => a.displayName === name)?.id ?? '');
const collectionsOf = async (id: string) => {
  const res = await h.gql(`query($id: ID!) { node(id: $id) { ... on Asset { collections { edges { node { title } } } } } }`, { id });
  return ((res.body.data?.['node'] as { collections: { edges: Array<{ node: { title: string } }> } }).collections.edges).map((e) => e.node.title);
};

describe('Nomad collections', () => {
  it('creates a collection, adds and removes assets, and shows it on both sides', async () => {
    const created = await h.gql(`mutation { createCollection(input: { title: "Shortlist", source: "nomad-demo" }) { collection { id title parent { id } } userErrors { code message } } }`);
    const collection = (created.body.data?.['createCollection'] as { collection: { id: string; title: string; parent: null } }).collection;
    expect(collection).toMatchObject({ title: 'Shortlist', parent: null });
    const ids = [assetId('rough-cut-v3.mp4'), assetId('key-art.png'), encodeGlobalId('Asset', 'nomad-demo', '00000000-0000-4000-8000-000000000000')];

    const added = await h.gql(`mutation($c: ID!, $ids: [ID!]!) { addToCollection(input: { collectionId: $c, ids: $ids }) { results { ok error { code } } userErrors { code } } }`, { c: collection.id, ids });
    expect(added.body.data?.['addToCollection']).toEqual({ results: [{ ok: true, error: null }, { ok: true, error: null }, { ok: false, error: { code: 'NOT_FOUND' } }], userErrors: [] });
    const sent = h.demo.nomad.exchanges.filter((e) => e.path === '/admin/collection/content').map((e) => e.body as { items: Array<{ contentId: string }> });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.items).toHaveLength(3);

    const listed = await h.gql(`query($c: ID!) { node(id: $c) { ... on Collection { title assets { edges { node { title } } } children { edges { node { id } } } ancestors { id } } } }`, { c: collection.id });
    expect(listed.body.data?.['node']).toEqual({ title: 'Shortlist', assets: { edges: [{ node: { title: 'key-art.png' } }, { node: { title: 'rough-cut-v3.mp4' } }] }, children: { edges: [] }, ancestors: [] });
    expect(await collectionsOf(assetId('rough-cut-v3.mp4'))).toEqual(['Feature Documentary', 'Shortlist']);

    const removed = await h.gql(`mutation($c: ID!, $ids: [ID!]!) { removeFromCollection(input: { collectionId: $c, ids: $ids }) { results { ok } } }`, { c: collection.id, ids: ids.slice(0, 1) });
    expect(removed.body.data?.['removeFromCollection']).toEqual({ results: [{ ok: true }] });
    expect(await collectionsOf(assetId('rough-cut-v3.mp4'))).toEqual(['Feature Documentary']);
  });

  it('renames a collection, refuses moving it, and deletes it while its assets stay', async () => {
    const seeded = [...h.demo.nomad.state.collections.values()].find((c) => c.name === 'Festival selection');
    const id = encodeGlobalId('Collection', 'nomad-demo', `collection:${seeded?.id}`);
    expect(await collectionsOf(assetId('festival-trailer.mp4'))).toEqual(['Marketing', 'Festival selection']);
    const renamed = await h.gql(`mutation($id: ID!) { updateCollection(input: { id: $id, title: "Festival picks" }) { collection { title } userErrors { code } } }`, { id });
    expect(renamed.body.data?.['updateCollection']).toEqual({ collection: { title: 'Festival picks' }, userErrors: [] });
    const folder = encodeGlobalId('Collection', 'nomad-demo', [...h.demo.nomad.state.assets.values()].find((a) => a.displayName === 'Marketing')?.id ?? '');
    const moved = await h.gql(`mutation($id: ID!, $p: ID) { updateCollection(input: { id: $id, parentId: $p }) { collection { title } userErrors { code } } }`, { id, p: folder });
    expect(moved.body.data?.['updateCollection']).toEqual({ collection: null, userErrors: [{ code: 'BAD_USER_INPUT' }] });
    const deleted = await h.gql(`mutation($id: ID!) { deleteCollection(input: { id: $id }) { deletedCollectionId userErrors { code } } }`, { id });
    expect(deleted.body.data?.['deleteCollection']).toEqual({ deletedCollectionId: id, userErrors: [] });
    expect(await collectionsOf(assetId('festival-trailer.mp4'))).toEqual(['Marketing']);
  });

  it('refuses adding to a folder (folders hold assets by location) and malformed collection ids', async () => {
    const folder = encodeGlobalId('Collection', 'nomad-demo', [...h.demo.nomad.state.assets.values()].find((a) => a.displayName === 'Marketing')?.id ?? '');
    const res = await h.gql(`mutation($c: ID!, $ids: [ID!]!) { addToCollection(input: { collectionId: $c, ids: $ids }) { results { ok error { code message } } } }`, { c: folder, ids: [assetId('key-art.png')] });
    expect(res.body.data?.['addToCollection']).toMatchObject({ results: [{ ok: false, error: { code: 'BAD_USER_INPUT' } }] });
    const bad = await h.gql(`query($c: ID!) { node(id: $c) { id } }`, { c: encodeGlobalId('Collection', 'nomad-demo', 'collection:not-a-uuid') });
    expect(bad.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
