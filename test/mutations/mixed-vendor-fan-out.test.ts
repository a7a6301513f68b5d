import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/ids.js';
import { startDemoHarness, type DemoHarness } from '../support/gateway-harness.js';

type Result = {
  id: string;
  ok: boolean;
  note: string | null;
  asset: { id: string; status: string; source: { name: string } } | null;
  error: { code: string; source: string | null } | null;
};
const RESULT = 'id ok note asset { id status source { name } } error { code message source }';

/** Adds `count` fresh assets per vendor to the simulators and returns their global IDs, interleaved. */
function seedBatch(h: DemoHarness, count: number, tag: string): { ids: string[]; vendorOf: Map<string, string> } {
  const { iconik, icareus, ncp, nomad } = h.demo;
  const vendorOf = new Map<string, string>();
  const perVendor: string[][] = [[], [], [], []];
  const iconikTemplate = [...iconik.state.assets.values()].find((a) => a.status === 'ACTIVE');
  const icareusTemplate = [...icareus.state.assets.values()][0];
  const nomadTemplate = [...nomad.state.assets.values()].find((a) => a.assetType === 'File' && a.assetStatus === 'Available');
  const ncpTemplate = [...ncp.state.assets.values()][0];
  for (let i = 0; i < count; i++) {
    const kind = i % 4;
    let id: string;
    if (kind === 0 && iconikTemplate) {
      const nativeId = `${tag}-iconik-${i}`;
      iconik.state.assets.set(nativeId, { ...structuredClone(iconikTemplate), id: nativeId, title: `${tag} iconik ${i}` });
      id = encodeGlobalId('Asset', 'iconik-demo', nativeId);
    } else if (kind === 1 && icareusTemplate) {
      const nativeId = 20_000_000 + Math.floor(Math.random() * 1e9);
      icareus.state.assets.set(nativeId, { ...structuredClone(icareusTemplate), id: nativeId });
      id = encodeGlobalId('Asset', 'icareus-demo', String(nativeId));
    } else if (kind === 2 && nomadTemplate) {
      const nativeId = `${tag}-nomad-${i}`;
      nomad.state.assets.set(nativeId, { ...structuredClone(nomadTemplate), id: nativeId });
      id = encodeGlobalId('Asset', 'nomad-demo', nativeId);
    } else {
      const assetId = 200_000 + Math.floor(Math.random() * 1e9);
      if (ncpTemplate) ncp.state.assets.set(assetId, { ...structuredClone(ncpTemplate), assetId, fileName: `${tag}-ncp-${i}.mp4` });
      id = encodeGlobalId('Asset', 'ncp-demo', `${ncpTemplate?.projectId}/${assetId}`);
    }
    vendorOf.set(id, ['iconik', 'icareus', 'nomad', 'ncp'][kind] as string);
    perVendor[kind]?.push(id);
  }
  return { ids: [...vendorOf.keys()], vendorOf };
}

describe('deleteAssets and recoverDeletedAssets fan out across vendors', () => {
  let h: DemoHarness;
  beforeAll(async () => {
    h = await startDemoHarness();
  });
  afterAll(async () => h.stop());

  for (const size of [1, 10, 500]) {
    it(`handles a mixed batch of ${size}: one result per id, in order, matching the vendors' end state`, async () => {
      const { ids, vendorOf } = seedBatch(h, size, `b${size}`);
      // A repeated id and a malformed one ride along in the bigger batches.
      const asked = size > 1 ? [...ids, ids[0] as string, 'garbage'] : ids;
      h.clearRequests();
      const res = await h.gql(`mutation($ids: [ID!]!) { deleteAssets(input: { ids: $ids }) { results { ${RESULT} } userErrors { code } } }`, { ids: asked });
      expect(res.body.errors).toBeUndefined();
      const results = (res.body.data?.['deleteAssets'] as { results: Result[] }).results;
      expect(results.map((r) => r.id)).toEqual(asked);

      for (const result of results) {
        const vendor = vendorOf.get(result.id);
        if (!vendor) {
          expect(result).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
        } else if (vendor === 'iconik' || vendor === 'icareus') {
          expect(result, result.id).toMatchObject({ ok: true, error: null, asset: { status: 'DELETED' } });
        } else if (vendor === 'nomad') {
          expect(result).toMatchObject({ ok: true, asset: { status: 'DELETING' }, note: 'Deleted permanently: Nomad has no recycle bin.' });
        } else {
          expect(result).toMatchObject({ ok: true, asset: null, note: 'Deleted permanently: NCP Media Intelligence has no recycle bin.' });
        }
      }
      const ncpIds = ids.filter((id) => vendorOf.get(id) === 'ncp').map((id) => Number(Buffer.from(id, 'base64url').toString().split('/').pop()));
      expect(ncpIds.every((id) => !h.demo.ncp.state.assets.has(id))).toBe(true);

      // End state, read from the simulators themselves.
      const iconikIds = ids.filter((id) => vendorOf.get(id) === 'iconik').map((id) => Buffer.from(id, 'base64url').toString().split(':').pop());
      expect(iconikIds.every((id) => h.demo.iconik.state.assets.get(id ?? '')?.status === 'DELETED')).toBe(true);
      const icareusIds = ids.filter((id) => vendorOf.get(id) === 'icareus').map((id) => Number(Buffer.from(id, 'base64url').toString().split(':').pop()));
      expect(icareusIds.every((id) => h.demo.icareus.state.recycleBin.has(id) && !h.demo.icareus.state.assets.has(id))).toBe(true);
      // iconik got its batch endpoint: one delete_queue call per 500 ids.
      const iconikDeletes = h.demo.iconik.requests.filter((r) => r.method === 'POST' && r.url.startsWith('/API/assets/v1/delete_queue/assets/'));
      expect(iconikDeletes).toHaveLength(iconikIds.length > 0 ? 1 : 0);
      const nomadBatches = h.demo.nomad.requests.filter((r) => r.url === '/admin/asset/delete');
      expect(nomadBatches).toHaveLength(ids.some((id) => vendorOf.get(id) === 'nomad') ? 1 : 0);

      // And through the gateway: the bins list them, restore brings them back.
      const restorable = ids.filter((id) => ['iconik', 'icareus'].includes(vendorOf.get(id) ?? ''));
      if (restorable.length === 0) return;
      const restored = await h.gql(`mutation($ids: [ID!]!) { recoverDeletedAssets(input: { ids: $ids }) { results { ${RESULT} } } }`, { ids: restorable });
      const restoredResults = (restored.body.data?.['recoverDeletedAssets'] as { results: Result[] }).results;
      expect(restoredResults.every((r) => r.ok && r.asset?.status !== 'DELETED')).toBe(true);
      expect(iconikIds.every((id) => h.demo.iconik.state.assets.get(id ?? '')?.status === 'ACTIVE')).toBe(true);
      expect(icareusIds.every((id) => h.demo.icareus.state.assets.has(id) && !h.demo.icareus.state.recycleBin.has(id))).toBe(true);
    });
  }
});

describe('a failing source fails only its own items', () => {
  let h: DemoHarness;
  beforeAll(async () => {
    h = await startDemoHarness((sources) => {
      const nomad = sources.find((s) => s['vendor'] === 'NOMAD');
      (nomad?.['credentials'] as Record<string, string>)['token'] = 'revoked';
    });
  });
  afterAll(async () => h.stop());

  it('reports UNAUTHENTICATED for the broken source and completes the rest', async () => {
    const { ids, vendorOf } = seedBatch(h, 40, 'fail');
    const res = await h.gql(`mutation($ids: [ID!]!) { deleteAssets(input: { ids: $ids }) { results { ${RESULT} } } }`, { ids });
    const results = (res.body.data?.['deleteAssets'] as { results: Result[] }).results;
    expect(results).toHaveLength(40);
    for (const result of results) {
      const vendor = vendorOf.get(result.id);
      if (vendor === 'nomad') expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', source: 'nomad-demo' } });
      else expect(result.ok).toBe(true);
    }
    const nomadIds = ids.filter((id) => vendorOf.get(id) === 'nomad').map((id) => Buffer.from(id, 'base64url').toString().split(':').pop() ?? '');
    expect(nomadIds.every((id) => h.demo.nomad.state.assets.get(id)?.assetStatus === 'Available')).toBe(true);
  });
});

describe('copy, move and archive', () => {
  let h: DemoHarness;
  beforeAll(async () => {
    h = await startDemoHarness();
  });
  afterAll(async () => h.stop());

  const nomadId = (name: string) => [...h.demo.nomad.state.assets.values()].find((a) => a.displayName === name)?.id ?? '';

  it('moves Nomad assets asynchronously: MOVING in the payload, then settled at the vendor', async () => {
    const asset = encodeGlobalId('Asset', 'nomad-demo', nomadId('score-demo.wav'));
    const destination = encodeGlobalId('Collection', 'nomad-demo', nomadId('Marketing'));
    const res = await h.gql(`mutation($ids: [ID!]!, $to: ID!) { moveAssets(input: { ids: $ids, destinationId: $to }) { results { ${RESULT} } } }`, {
      ids: [asset],
      to: destination,
    });
    expect((res.body.data?.['moveAssets'] as { results: Result[] }).results[0]).toMatchObject({ ok: true, asset: { status: 'MOVING' } });
    await new Promise((resolve) => setTimeout(resolve, 1700));
    const after = await h.gql(`query($id: ID!) { node(id: $id) { ... on Asset { status collections { edges { node { title } } } } } }`, { id: asset });
    expect(after.body.data?.['node']).toEqual({ status: 'AVAILABLE', collections: { edges: [{ node: { title: 'Marketing' } }] } });
  });

  it('copies into Nomad folders and Icareus organizations, and refuses cross-source destinations per item', async () => {
    const nomadAsset = encodeGlobalId('Asset', 'nomad-demo', nomadId('key-art.png'));
    const icareusAsset = encodeGlobalId('Asset', 'icareus-demo', String([...h.demo.icareus.state.assets.keys()][0]));
    const nomadFolder = encodeGlobalId('Collection', 'nomad-demo', nomadId('Productions'));
    const res = await h.gql(`mutation($ids: [ID!]!, $to: ID!) { copyAssets(input: { ids: $ids, destinationId: $to }) { results { ${RESULT} } } }`, {
      ids: [nomadAsset, icareusAsset],
      to: nomadFolder,
    });
    const [nomadCopy, icareusCopy] = (res.body.data?.['copyAssets'] as { results: Result[] }).results;
    expect(nomadCopy).toMatchObject({ ok: true, asset: { status: 'COPYING' } });
    expect(nomadCopy?.asset?.id).not.toBe(nomadAsset);
    expect(icareusCopy).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT', source: 'icareus-demo' } });

    const organization = encodeGlobalId('Collection', 'icareus-demo', 'organization:2631610');
    const copied = await h.gql(`mutation($ids: [ID!]!, $to: ID!) { copyAssets(input: { ids: $ids, destinationId: $to }) { results { ${RESULT} } } }`, {
      ids: [icareusAsset],
      to: organization,
    });
    const result = (copied.body.data?.['copyAssets'] as { results: Result[] }).results[0];
    // The copy is in the partner organization, under an ID of its own that resolves here.
    expect(result).toMatchObject({ ok: true, asset: { status: 'COPYING' } });
    expect(result?.note).toContain('organization 2631610');
    const copyId = (result?.asset as { id: string }).id;
    const again = await h.gql(`query($id: ID!) { node(id: $id) { ... on Asset { status collections { edges { node { title } } } } } }`, { id: copyId });
    const node = again.body.data?.['node'] as { status: string; collections: { edges: Array<{ node: { title: string } }> } };
    expect(node.status).toBe('COPYING');
    expect(node.collections.edges.map((e) => e.node.title)).toContain('Organization 2631610');
    expect([...h.demo.icareus.state.assets.values()].filter((a) => a.organizationId === 2631610)).toHaveLength(1);
  });

  it('moves an NCP asset to another project with a new ID, and reports bad destinations in userErrors', async () => {
    const asset = encodeGlobalId('Asset', 'ncp-demo', '1234/1001');
    const project = encodeGlobalId('Collection', 'ncp-demo', '9012');
    const res = await h.gql(`mutation($ids: [ID!]!, $to: ID!) { moveAssets(input: { ids: $ids, destinationId: $to }) { results { ${RESULT} } } }`, {
      ids: [asset],
      to: project,
    });
    const moved = (res.body.data?.['moveAssets'] as { results: Result[] }).results[0];
    expect(moved).toMatchObject({ ok: true, asset: { id: encodeGlobalId('Asset', 'ncp-demo', '9012/1001') } });
    expect(h.demo.ncp.state.assets.get(1001)?.projectId).toBe(9012);
    expect(h.demo.ncp.requests.some((r) => r.method === 'PATCH' && r.url.endsWith('/projects/1234/assets/1001?new_project_id=9012'))).toBe(true);

    const bad = await h.gql(`mutation($ids: [ID!]!) { moveAssets(input: { ids: $ids, destinationId: "nope" }) { results { ok error { code } } userErrors { field code } } }`, {
      ids: [asset],
    });
    // Reported once: the input was refused as a whole, so no item results.
    expect(bad.body.data?.['moveAssets']).toEqual({
      results: [],
      userErrors: [{ field: ['input', 'destinationId'], code: 'BAD_USER_INPUT' }],
    });
  });

  it('archives Nomad assets and says UNSUPPORTED for vendors without archive storage', async () => {
    const nomadAsset = encodeGlobalId('Asset', 'nomad-demo', nomadId('rough-cut-v3.mp4'));
    const iconikAsset = encodeGlobalId('Asset', 'iconik-demo', [...h.demo.iconik.state.assets.keys()][0] ?? '');
    const res = await h.gql(`mutation($ids: [ID!]!) { archiveAssets(input: { ids: $ids }) { results { ${RESULT} } } }`, { ids: [nomadAsset, iconikAsset] });
    const [nomad, iconik] = (res.body.data?.['archiveAssets'] as { results: Result[] }).results;
    expect(nomad).toMatchObject({ ok: true, asset: { status: 'ARCHIVING' } });
    expect(iconik).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED', source: 'iconik-demo' } });
  });

  it('refuses more than 1000 ids as a client error', async () => {
    const ids = Array.from({ length: 1001 }, (_, i) => encodeGlobalId('Asset', 'nomad-demo', `x${i}`));
    const res = await h.gql(`mutation($ids: [ID!]!) { deleteAssets(input: { ids: $ids }) { results { ok } } }`, { ids });
    expect(res.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
