import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/ids.js';
import { startDemoHarness, type DemoHarness } from '../support/gateway-harness.js';

let h: DemoHarness;
beforeAll(async () => {
  h = await startDemoHarness();
});
afterAll(async () => h.stop());

const iconikAsset = (title: string) =>
  encodeGlobalId('Asset', 'iconik-demo', [...h.demo.iconik.state.assets.values()].find((a) => a.title === title)?.id ?? '');
const iconikCollection = (title: string) =>
  encodeGlobalId('Collection', 'iconik-demo', [...h.demo.iconik.state.collections.values()].find((c) => c.title === title)?.id ?? '');

describe('collection mutations', () => {
  it('creates a nested iconik collection, fills it, empties it and deletes it', async () => {
    const created = await h.gql(`mutation($parent: ID!) { createCollection(input: { title: "Festival Selects", parentId: $parent }) {
      collection { id title parent { title } } userErrors { code } } }`, { parent: iconikCollection('Documentaries') });
    const payload = created.body.data?.['createCollection'] as { collection: { id: string; title: string; parent: { title: string } } };
    expect(payload).toMatchObject({ collection: { title: 'Festival Selects', parent: { title: 'Documentaries' } }, userErrors: [] });
    const collectionId = payload.collection.id;

    const ids = [iconikAsset('Reef Dive Sequence'), iconikAsset('Coastline Aerials')];
    const added = await h.gql(`mutation($c: ID!, $ids: [ID!]!) { addToCollection(input: { collectionId: $c, ids: $ids }) {
      results { ok asset { collections { edges { node { title } } } } } } }`, { c: collectionId, ids });
    const addResults = (added.body.data?.['addToCollection'] as { results: Array<{ ok: boolean; asset: { collections: { edges: Array<{ node: { title: string } }> } } }> }).results;
    expect(addResults.every((r) => r.ok && r.asset.collections.edges.some((e) => e.node.title === 'Festival Selects'))).toBe(true);
    const contents = await h.gql(`query($c: ID!) { node(id: $c) { ... on Collection { assets { edges { node { title } } } } } }`, { c: collectionId });
    expect(contents.body.data?.['node']).toEqual({ assets: { edges: [{ node: { title: 'Coastline Aerials' } }, { node: { title: 'Reef Dive Sequence' } }] } });

    const removed = await h.gql(`mutation($c: ID!, $ids: [ID!]!) { removeFromCollection(input: { collectionId: $c, ids: $ids }) { results { ok error { code } } } }`, {
      c: collectionId,
      ids: [ids[0], ids[0]],
    });
    expect((removed.body.data?.['removeFromCollection'] as { results: unknown[] }).results).toEqual([
      { ok: true, error: null },
      { ok: true, error: null },
    ]);

    const deleted = await h.gql(`mutation($c: ID!) { deleteCollection(input: { id: $c }) { deletedCollectionId userErrors { code } } }`, { c: collectionId });
    expect(deleted.body.data?.['deleteCollection']).toEqual({ deletedCollectionId: collectionId, userErrors: [] });
    const gone = await h.gql(`query($c: ID!) { node(id: $c) { id } }`, { c: collectionId });
    expect(gone.body.data?.['node']).toBeNull();
  });

  it('creates Nomad folders inside a folder, Nomad collections at the top level, and says what each vendor cannot do', async () => {
    const marketing = [...h.demo.nomad.state.assets.values()].find((a) => a.displayName === 'Marketing')?.id ?? '';
    const res = await h.gql(`mutation($p: ID!) {
      nomad: createCollection(input: { title: "Festival 2027", parentId: $p }) { collection { title parent { title } } userErrors { code } }
      topLevel: createCollection(input: { title: "Loose", source: "nomad-demo" }) { collection { title parent { id } } userErrors { code field } }
      ncp: createCollection(input: { title: "New project", source: "ncp-demo" }) { collection { id } userErrors { code } }
    }`, { p: encodeGlobalId('Collection', 'nomad-demo', marketing) });
    expect(res.body.data).toEqual({
      nomad: { collection: { title: 'Festival 2027', parent: { title: 'Marketing' } }, userErrors: [] },
      topLevel: { collection: { title: 'Loose', parent: null }, userErrors: [] },
      ncp: { collection: null, userErrors: [{ code: 'UNSUPPORTED' }] },
    });
    expect([...h.demo.nomad.state.assets.values()].some((a) => a.displayName === 'Festival 2027' && a.parentId === marketing)).toBe(true);
    expect([...h.demo.nomad.state.collections.values()].map((c) => c.name)).toContain('Loose');
  });
});

describe('updateCollection', () => {
  it('renames an iconik collection and moves it under another, then to the top level', async () => {
    const [first, second] = [...h.demo.iconik.state.collections.values()].filter((c) => c.status === 'ACTIVE' && c.parent_id === null);
    const id = encodeGlobalId('Collection', 'iconik-demo', first?.id ?? '');
    h.clearRequests();
    const res = await h.gql(`mutation($id: ID!, $p: ID) { updateCollection(input: { id: $id, title: "Renamed", parentId: $p }) { collection { id title parent { id } } userErrors { code } } }`, {
      id,
      p: encodeGlobalId('Collection', 'iconik-demo', second?.id ?? ''),
    });
    expect(res.body.data?.['updateCollection']).toEqual({
      collection: { id, title: 'Renamed', parent: { id: encodeGlobalId('Collection', 'iconik-demo', second?.id ?? '') } },
      userErrors: [],
    });
    const patch = h.demo.iconik.exchanges.find((e) => e.method === 'PATCH' && e.path.endsWith(`/collections/${first?.id}/`));
    expect(patch?.body).toEqual({ title: 'Renamed', parent_id: second?.id });
    expect(h.demo.iconik.state.collections.get(first?.id ?? '')).toMatchObject({ title: 'Renamed', parent_id: second?.id });

    const top = await h.gql(`mutation($id: ID!) { updateCollection(input: { id: $id, parentId: null }) { collection { title parent { id } } userErrors { code } } }`, { id });
    expect(top.body.data?.['updateCollection']).toEqual({ collection: { title: 'Renamed', parent: null }, userErrors: [] });
  });

  it('renames and moves a Nomad folder; refuses other sources\' parents, itself as parent, and NCP', async () => {
    const folder = [...h.demo.nomad.state.assets.values()].find((a) => a.displayName === 'Productions');
    const marketing = [...h.demo.nomad.state.assets.values()].find((a) => a.displayName === 'Marketing');
    const id = encodeGlobalId('Collection', 'nomad-demo', folder?.id ?? '');
    const res = await h.gql(`mutation($id: ID!, $p: ID) { updateCollection(input: { id: $id, title: "Productions 2027", parentId: $p }) { collection { title } userErrors { code } } }`, {
      id,
      p: encodeGlobalId('Collection', 'nomad-demo', marketing?.id ?? ''),
    });
    expect(res.body.data?.['updateCollection']).toEqual({ collection: { title: 'Productions 2027' }, userErrors: [] });
    await new Promise((resolve) => setTimeout(resolve, 1_700));
    expect(h.demo.nomad.state.assets.get(folder?.id ?? '')).toMatchObject({ displayName: 'Productions 2027', parentId: marketing?.id, assetStatus: 'Available' });

    const refused = await h.gql(`mutation($id: ID!, $other: ID!, $ncp: ID!) {
      foreign: updateCollection(input: { id: $id, parentId: $other }) { collection { id } userErrors { code } }
      itself: updateCollection(input: { id: $id, parentId: $id }) { collection { id } userErrors { code } }
      ncp: updateCollection(input: { id: $ncp, title: "x" }) { collection { id } userErrors { code } }
    }`, { id, other: iconikCollection([...h.demo.iconik.state.collections.values()][0]?.title ?? ''), ncp: encodeGlobalId('Collection', 'ncp-demo', '1234') });
    expect(refused.body.data).toEqual({
      foreign: { collection: null, userErrors: [{ code: 'BAD_USER_INPUT' }] },
      itself: { collection: null, userErrors: [{ code: 'BAD_USER_INPUT' }] },
      ncp: { collection: null, userErrors: [{ code: 'UNSUPPORTED' }] },
    });
  });
});

describe('share mutations', () => {
  it('creates, changes and deletes an iconik share, visible on the asset at each step', async () => {
    const asset = iconikAsset('Coastline Aerials');
    const created = await h.gql(`mutation($t: ID!) { createShare(input: { targetId: $t, title: "Aerials for the broadcaster",
      emails: ["traffic@broadcaster.example"], expiresAt: "2027-01-31T00:00:00Z", allowDownload: true, password: "s3cret" }) {
      share { id title url expiresAt allowDownload allowComments recipients target { ... on Asset { id } } } userErrors { code } } }`, { t: asset });
    const share = (created.body.data?.['createShare'] as { share: { id: string; url: string } }).share;
    expect(created.body.data?.['createShare']).toMatchObject({
      share: { title: 'Aerials for the broadcaster', expiresAt: '2027-01-31T00:00:00.000Z', allowDownload: true, allowComments: false, recipients: ['traffic@broadcaster.example'], target: { id: asset } },
      userErrors: [],
    });
    expect(share.url).toMatch(/\/share\//);
    expect(created.text).not.toContain('s3cret');

    const updated = await h.gql(`mutation($id: ID!) { updateShare(input: { id: $id, allowComments: true, expiresAt: "2027-03-01T00:00:00Z" }) { share { allowComments allowDownload expiresAt } userErrors { code } } }`, { id: share.id });
    expect(updated.body.data?.['updateShare']).toEqual({ share: { allowComments: true, allowDownload: true, expiresAt: '2027-03-01T00:00:00.000Z' }, userErrors: [] });
    // ShareSchema's `expires` is a non-null date-time: an expiry moves, it is not removed.
    const cleared = await h.gql(`mutation($id: ID!) { updateShare(input: { id: $id, expiresAt: null }) { share { expiresAt } userErrors { code } } }`, { id: share.id });
    expect(cleared.body.data?.['updateShare']).toEqual({ share: null, userErrors: [{ code: 'UNSUPPORTED' }] });

    const onAsset = async () => {
      const res = await h.gql(`query($a: ID!) { node(id: $a) { ... on Asset { shares { edges { node { id } } } } } }`, { a: asset });
      return (res.body.data?.['node'] as { shares: { edges: Array<{ node: { id: string } }> } }).shares.edges.map((e) => e.node.id);
    };
    expect(await onAsset()).toContain(share.id);
    const deleted = await h.gql(`mutation($id: ID!) { deleteShare(input: { id: $id }) { deletedShareId userErrors { code } } }`, { id: share.id });
    expect(deleted.body.data?.['deleteShare']).toEqual({ deletedShareId: share.id, userErrors: [] });
    expect(await onAsset()).not.toContain(share.id);
    const again = await h.gql(`mutation($id: ID!) { deleteShare(input: { id: $id }) { deletedShareId userErrors { code } } }`, { id: share.id });
    expect(again.body.data?.['deleteShare']).toEqual({ deletedShareId: null, userErrors: [{ code: 'NOT_FOUND' }] });
  });

  it('creates, reads back, renames and deletes a Nomad share through the portal /share API; refuses what Nomad cannot take', async () => {
    const file = [...h.demo.nomad.state.assets.values()].find((a) => a.displayName === 'festival-trailer.mp4')?.id ?? '';
    const ncp = encodeGlobalId('Asset', 'ncp-demo', '5678/1005');
    const target = encodeGlobalId('Asset', 'nomad-demo', file);
    const res = await h.gql(`mutation($n: ID!, $c: ID!) {
      nomad: createShare(input: { targetId: $n, title: "Festival cut", expiresAt: "2027-01-31T00:00:00.000Z" }) { share { id title url expiresAt target { ... on Asset { title } } } userErrors { code } }
      emails: createShare(input: { targetId: $n, emails: ["buyer@distributor.example"] }) { share { id } userErrors { code message } }
      ncp: createShare(input: { targetId: $c }) { share { id } userErrors { code } }
    }`, { n: target, c: ncp });
    const created = res.body.data?.['nomad'] as { share: { id: string; url: string } };
    expect(created).toMatchObject({ share: { title: 'Festival cut', expiresAt: '2027-01-31T00:00:00.000Z', target: { title: 'festival-trailer.mp4' } }, userErrors: [] });
    expect(created.share.url).toMatch(/^http/);
    expect(res.body.data?.['emails']).toMatchObject({ share: null, userErrors: [{ code: 'UNSUPPORTED' }] });
    expect(res.body.data?.['ncp']).toEqual({ share: null, userErrors: [{ code: 'UNSUPPORTED' }] });

    const read = await h.gql(`query($id: ID!) { node(id: $id) { ... on Share { title url } } }`, { id: created.share.id });
    expect(read.body.data?.['node']).toEqual({ title: 'Festival cut', url: created.share.url });
    const renamed = await h.gql(`mutation($id: ID!) { updateShare(input: { id: $id, title: "Festival cut v2" }) { share { title expiresAt } userErrors { code } } }`, { id: created.share.id });
    expect(renamed.body.data?.['updateShare']).toEqual({ share: { title: 'Festival cut v2', expiresAt: '2027-01-31T00:00:00.000Z' }, userErrors: [] });
    const deleted = await h.gql(`mutation($id: ID!) { deleteShare(input: { id: $id }) { deletedShareId userErrors { code } } }`, { id: created.share.id });
    expect(deleted.body.data?.['deleteShare']).toEqual({ deletedShareId: created.share.id, userErrors: [] });
    expect([...h.demo.nomad.state.shares.values()].map((share) => share.name)).not.toContain('Festival cut v2');
  });
});

describe('remaining asset mutations', () => {
  it('moves an iconik asset between collections', async () => {
    const asset = iconikAsset('Spring Music Bed');
    const res = await h.gql(`mutation($ids: [ID!]!, $to: ID!) { moveAssets(input: { ids: $ids, destinationId: $to }) {
      results { ok asset { collections { edges { node { title } } } } } } }`, { ids: [asset], to: iconikCollection('Archive 2019') });
    expect((res.body.data?.['moveAssets'] as { results: unknown[] }).results).toEqual([
      { ok: true, asset: { collections: { edges: [{ node: { title: 'Archive 2019' } }] } } },
    ]);
  });

  it('moves an Icareus asset to another organization and purges from its bin', async () => {
    const [first, second] = [...h.demo.icareus.state.assets.values()].filter((a) => a.organizationId === 2631609);
    const moved = await h.gql(`mutation($ids: [ID!]!, $to: ID!) { moveAssets(input: { ids: $ids, destinationId: $to }) { results { ok note error { code } } } }`, {
      ids: [encodeGlobalId('Asset', 'icareus-demo', String(first?.id))],
      to: encodeGlobalId('Collection', 'icareus-demo', 'organization:2631610'),
    });
    expect((moved.body.data?.['moveAssets'] as { results: Array<{ ok: boolean }> }).results[0]?.ok).toBe(true);
    expect(h.demo.icareus.state.assets.get(first?.id ?? 0)?.organizationId).toBe(2631610);

    const id = encodeGlobalId('Asset', 'icareus-demo', String(second?.id));
    await h.gql(`mutation($ids: [ID!]!) { deleteAssets(input: { ids: $ids }) { results { ok } } }`, { ids: [id] });
    const purged = await h.gql(`mutation($ids: [ID!]!) { purgeAssets(input: { ids: $ids }) { results { ok asset { id } error { code } } } }`, { ids: [id, id] });
    expect((purged.body.data?.['purgeAssets'] as { results: unknown[] }).results).toEqual([
      { ok: true, asset: null, error: null },
      { ok: true, asset: null, error: null },
    ]);
    expect(h.demo.icareus.state.recycleBin.has(second?.id ?? 0)).toBe(false);
    const emptied = await h.gql(`mutation { emptyRecycleBin(input: { source: "icareus-demo" }) { recycleBin { assets { edges { cursor } } } userErrors { code } } }`);
    expect(emptied.body.data?.['emptyRecycleBin']).toEqual({ recycleBin: { assets: { edges: [] } }, userErrors: [] });
    const ncp = await h.gql(`mutation { emptyRecycleBin(input: { source: "ncp-demo" }) { recycleBin { enabled } userErrors { code field } } }`);
    expect(ncp.body.data?.['emptyRecycleBin']).toEqual({ recycleBin: null, userErrors: [{ code: 'UNSUPPORTED', field: ['input', 'source'] }] });
  });

  it('restores an archived Nomad asset and renames one, and refuses restore of one that is not archived', async () => {
    const nomad = (name: string) => encodeGlobalId('Asset', 'nomad-demo', [...h.demo.nomad.state.assets.values()].find((a) => a.displayName === name)?.id ?? '');
    const res = await h.gql(`mutation($ids: [ID!]!) { restoreArchivedAssets(input: { ids: $ids }) { results { ok asset { status } error { code } } } }`, {
      ids: [nomad('2021-teaser.mp4'), nomad('press-kit.pdf')],
    });
    expect((res.body.data?.['restoreArchivedAssets'] as { results: unknown[] }).results).toEqual([
      { ok: true, asset: { status: 'RESTORING' }, error: null },
      { ok: false, asset: null, error: { code: 'UPSTREAM_REJECTED' } },
    ]);
    const renamed = await h.gql(`mutation($id: ID!) { updateAsset(input: { id: $id, title: "press-kit-2027.pdf" }) { asset { title } userErrors { code } } }`, {
      id: nomad('press-kit.pdf'),
    });
    expect(renamed.body.data?.['updateAsset']).toEqual({ asset: { title: 'press-kit-2027.pdf' }, userErrors: [] });
  });
});
