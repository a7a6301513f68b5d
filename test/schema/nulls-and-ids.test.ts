// What the schema promises about failures and IDs, checked over real HTTP:
// - a vendor failure nulls only the field that needed it, with the reason in `errors`;
// - a cross-source list reports a failing source next to the data (`sourceErrors`);
// - a vendor failure in a single-object mutation is a top-level error, not a userError;
// - every ID the gateway returns resolves through `node`;
// - the AssetStatus descriptions list exactly the vendor values the mapping tables map.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLEnumType } from 'graphql';
import { encodeGlobalId } from '../../src/ids.js';
import { buildSchema } from '../../src/schema.js';
import { NOMAD_STATUS_NAMES, assetStatus } from '../../src/vendors/nomad/mapping.js';
import { startDemoHarness, type DemoHarness } from '../support/gateway-harness.js';

let h: DemoHarness;
beforeAll(async () => {
  h = await startDemoHarness();
});
afterAll(async () => h.stop());

const codes = (errors: Array<{ extensions?: Record<string, unknown> }> | undefined) => (errors ?? []).map((e) => e.extensions?.['code']);

describe('a vendor failure nulls only its field', () => {
  it('Asset.collections is null when reading the memberships fails; the asset itself is there', async () => {
    const file = [...h.demo.nomad.state.assets.values()].find((a) => a.displayName === 'festival-trailer.mp4');
    // Nomad's asset detail names the asset's collections and its folder (docs/vendors.md M12).
    h.demo.nomad.faults.inject({ fault: { kind: 'status', status: 500 }, match: `GET /admin/asset/${file?.id}/detail` });
    const res = await h.gql(`query($id: ID!) { node(id: $id) { ... on Asset { title collections { edges { node { title } } } } } }`, {
      id: encodeGlobalId('Asset', 'nomad-demo', file?.id ?? ''),
    });
    h.demo.nomad.faults.clear();
    expect(res.body.data).toEqual({ node: { title: 'festival-trailer.mp4', collections: null } });
    expect(res.body.errors?.[0]).toMatchObject({ path: ['node', 'collections'], extensions: { code: 'UPSTREAM_UNAVAILABLE', source: 'nomad-demo' } });
  });

  it('RecycleBin.enabled is null when the vendor cannot say; the bin itself is there', async () => {
    h.demo.icareus.faults.inject({ fault: { kind: 'status', status: 500 }, match: 'GET /api/recyclebin' });
    const res = await h.gql(`{ recycleBin(source: "icareus-demo") { source { name } enabled } }`);
    h.demo.icareus.faults.clear();
    expect(res.body.data).toEqual({ recycleBin: { source: { name: 'icareus-demo' }, enabled: null } });
    expect(codes(res.body.errors)).toEqual(['UPSTREAM_UNAVAILABLE']);
  });

  it('a cross-source list names the failing source in sourceErrors next to the other sources\' page', async () => {
    h.demo.ncp.faults.inject({ fault: { kind: 'status', status: 503 } });
    const res = await h.gql(`{ assets(first: 100) { sourceErrors { source { name } code } edges { node { source { name } } } } }`);
    h.demo.ncp.faults.clear();
    const page = res.body.data?.['assets'] as { sourceErrors: unknown[]; edges: Array<{ node: { source: { name: string } } }> };
    expect(page.sourceErrors).toEqual([{ source: { name: 'ncp-demo' }, code: 'UPSTREAM_UNAVAILABLE' }]);
    expect(new Set(page.edges.map((e) => e.node.source.name))).toEqual(new Set(['iconik-demo', 'icareus-demo', 'nomad-demo']));
    expect(codes(res.body.errors)).toEqual(['UPSTREAM_UNAVAILABLE']);
  });

  it('Asset.shares says UNSUPPORTED on a source without a share listing instead of an empty list', async () => {
    const res = await h.gql(`{ assets(first: 2, filter: { sources: ["ncp-demo"] }) { edges { node { title shares { edges { node { id } } } } } } }`);
    const edges = (res.body.data?.['assets'] as { edges: Array<{ node: { title: string; shares: unknown } }> }).edges;
    expect(edges.map((e) => e.node.shares)).toEqual([null, null]);
    expect(codes(res.body.errors)).toEqual(['UNSUPPORTED', 'UNSUPPORTED']);
    // The whole error as a client reads it: located at the field, the source named, nothing else.
    expect(res.body.errors?.[1]).toEqual({
      message: 'Source "ncp-demo" (NCP_MEDIA_INTELLIGENCE) does not support listing the shares of an asset.',
      locations: [{ line: 1, column: 78 }],
      path: ['assets', 'edges', 1, 'node', 'shares'],
      extensions: { code: 'UNSUPPORTED', source: 'ncp-demo', vendor: 'NCP_MEDIA_INTELLIGENCE' },
    });
  });
});

describe('Collection.shares', () => {
  it('lists the shares of an iconik collection, each resolving through node, and says UNSUPPORTED elsewhere', async () => {
    const collection = [...h.demo.iconik.state.collections.values()][0];
    const id = encodeGlobalId('Collection', 'iconik-demo', collection?.id ?? '');
    const created = await h.gql(`mutation($id: ID!) { createShare(input: { targetId: $id, title: "Press pack" }) { share { id } userErrors { code } } }`, { id });
    const shareId = (created.body.data?.['createShare'] as { share: { id: string } }).share.id;
    const res = await h.gql(`query($id: ID!) { node(id: $id) { ... on Collection { shares { edges { node { id title } } } } } }`, { id });
    expect(res.body.errors).toBeUndefined();
    const shares = (res.body.data?.['node'] as { shares: { edges: Array<{ node: { id: string; title: string } }> } }).shares.edges.map((e) => e.node);
    expect(shares).toContainEqual({ id: shareId, title: 'Press pack' });
    const again = await h.gql(`query($id: ID!) { node(id: $id) { ... on Share { title } } }`, { id: shareId });
    expect(again.body.data?.['node']).toEqual({ title: 'Press pack' });

    const project = await h.gql(`query($id: ID!) { node(id: $id) { ... on Collection { shares { edges { node { id } } } } } }`, { id: encodeGlobalId('Collection', 'ncp-demo', '1234') });
    expect(project.body.data?.['node']).toEqual({ shares: null });
    expect(codes(project.body.errors)).toEqual(['UNSUPPORTED']);
  });
});

describe('one channel per kind of failure', () => {
  it('a vendor failure in createShare is a top-level error with its code, not a userError', async () => {
    const asset = [...h.demo.iconik.state.assets.values()].find((a) => a.status === 'ACTIVE');
    h.demo.iconik.faults.inject({ fault: { kind: 'status', status: 503 }, match: '/shares/' });
    const res = await h.gql(`mutation($t: ID!) { createShare(input: { targetId: $t, title: "x" }) { share { id } userErrors { code } } }`, {
      t: encodeGlobalId('Asset', 'iconik-demo', asset?.id ?? ''),
    });
    h.demo.iconik.faults.clear();
    expect(res.body.data).toEqual({ createShare: null });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', source: 'iconik-demo' });
  });

  it('input the user can fix stays a userError with its field', async () => {
    const res = await h.gql(`mutation { createShare(input: { targetId: "not-an-id" }) { share { id } userErrors { field code } } }`);
    expect(res.body.data).toEqual({ createShare: { share: null, userErrors: [{ field: ['input', 'targetId'], code: 'BAD_USER_INPUT' }] } });
  });
});

describe('Relay refetch', () => {
  it('every ID the gateway returns resolves through node', async () => {
    // First the write that changes an ID (the lists below then show the asset's new ID).
    const moved = await h.gql(`mutation($ids: [ID!]!, $to: ID!) { moveAssets(input: { ids: $ids, destinationId: $to }) { results { replacedBy { id } } } }`, {
      ids: [encodeGlobalId('Asset', 'ncp-demo', '1234/1002')],
      to: encodeGlobalId('Collection', 'ncp-demo', '9012'),
    });
    const icareusAsset = [...h.demo.icareus.state.assets.values()].find((a) => a.organizationId === 2631609);
    const icareusMoved = await h.gql(`mutation($ids: [ID!]!, $to: ID!) { moveAssets(input: { ids: $ids, destinationId: $to }) { results { replacedBy { id } } } }`, {
      ids: [encodeGlobalId('Asset', 'icareus-demo', String(icareusAsset?.id))],
      to: encodeGlobalId('Collection', 'icareus-demo', 'organization:2631610'),
    });
    expect((icareusMoved.body.data?.['moveAssets'] as { results: Array<{ replacedBy: unknown }> }).results[0]?.replacedBy).not.toBeNull();
    const lists = await h.gql(`{
      assets(first: 60) { edges { node { id collections(first: 5) { edges { node { id ancestors { id } } } } } } }
      collections(first: 60) { edges { node { id children { edges { node { id } } } } } }
      recycleBin(source: "iconik-demo") { assets { edges { node { id } } } }
    }`);
    const shareOf = await h.gql(`{ assets(first: 60, filter: { sources: ["iconik-demo"] }) { edges { node { shares { edges { node { id target { ... on Asset { id } ... on Collection { id } } } } } } } } }`);
    const nomadFile = [...h.demo.nomad.state.assets.values()].find((a) => a.assetType === 'File' && a.assetStatus === 'Available');
    const share = await h.gql(`mutation($t: ID!) { createShare(input: { targetId: $t, title: "Refetch" }) { share { id } } }`, {
      t: encodeGlobalId('Asset', 'nomad-demo', nomadFile?.id ?? ''),
    });
    const ids = new Set<string>();
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          if (key === 'id' && typeof inner === 'string') ids.add(inner);
          else collect(inner);
        }
      }
    };
    [lists, shareOf, share, moved, icareusMoved].forEach((res) => collect(res.body.data));
    expect(ids.size).toBeGreaterThan(60);
    const all = [...ids];
    for (let i = 0; i < all.length; i += 100) {
      const chunk = all.slice(i, i + 100);
      const res = await h.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: chunk });
      const unresolved = chunk.filter((_id, j) => (res.body.data?.['nodes'] as Array<{ id: string } | null>)[j]?.id !== chunk[j]);
      expect(unresolved).toEqual([]);
    }
  });
});

describe('descriptions match behaviour', () => {
  it('an ID whose native part cannot be the vendor\'s is BAD_USER_INPUT, in its own slot, before any call', async () => {
    h.clearRequests();
    const malformed = [encodeGlobalId('Asset', 'ncp-demo', 'abc'), encodeGlobalId('Asset', 'icareus-demo', 'x1'), encodeGlobalId('Collection', 'ncp-demo', 'projects')];
    const good = encodeGlobalId('Asset', 'ncp-demo', '1234/1001');
    const res = await h.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [...malformed, good] });
    expect(res.body.data?.['nodes']).toEqual([null, null, null, { id: good }]);
    expect(res.body.errors?.map((e) => [e.path?.[1], e.extensions?.['code']])).toEqual([
      [0, 'BAD_USER_INPUT'],
      [1, 'BAD_USER_INPUT'],
      [2, 'BAD_USER_INPUT'],
    ]);
    expect(res.body.errors?.[0]?.message).toContain('"<project id>/<asset id>"');
    expect(h.demo.icareus.requests).toHaveLength(0);
    const deleted = await h.gql(`mutation($ids: [ID!]!) { deleteAssets(input: { ids: $ids }) { results { ok error { code } } } }`, { ids: [malformed[0]] });
    expect(deleted.body.data?.['deleteAssets']).toEqual({ results: [{ ok: false, error: { code: 'BAD_USER_INPUT' } }] });
  });

  it('AssetStatus lists exactly the Nomad statuses its mapping table maps to each value', () => {
    const statusEnum = buildSchema().getType('AssetStatus') as GraphQLEnumType;
    const described = new Map<string, string[]>();
    for (const value of statusEnum.getValues()) {
      const names = /Nomad: ([^.]+)\./.exec(value.description ?? '')?.[1]?.split(',').map((name) => name.trim()) ?? [];
      described.set(value.name, names.sort());
    }
    const mapped = new Map<string, string[]>();
    for (const name of NOMAD_STATUS_NAMES) mapped.set(assetStatus(name).status, [...(mapped.get(assetStatus(name).status) ?? []), name].sort());
    for (const value of statusEnum.getValues()) expect([value.name, described.get(value.name)]).toEqual([value.name, mapped.get(value.name) ?? []]);
  });
});
