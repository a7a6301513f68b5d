// A Nomad asset read by id names its folder (`parentId`) but not its collections, so
// `Asset.collections` reads the asset detail. The detail lists the folders above the asset
// as asset models (AssetDetailModel.parents), so the folder is taken from there instead of
// being read on its own; a detail without usable parents costs the folder's own read
// (docs/vendors.md M12).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/ids.js';
import { startDemoHarness, upstreamCalls, type DemoHarness, type GraphQLResponse } from '../support/gateway-harness.js';

let h: DemoHarness;
beforeAll(async () => {
  h = await startDemoHarness();
});
afterAll(async () => h.stop());
beforeEach(() => {
  h.demo.nomad.faults.clear();
  h.demo.nomad.clearRequests();
});

const QUERY = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Asset { title collections { edges { node { id title } } } } } }`;

function fileInAFolder() {
  const assets = [...h.demo.nomad.state.assets.values()];
  const asset = assets.find((a) => a.assetType === 'File' && assets.some((folder) => folder.id === a.parentId && folder.assetType === 'Folder'));
  const folder = assets.find((a) => a.id === asset?.parentId);
  if (!asset || !folder) throw new Error('the Nomad demo data has no file in a folder');
  return { asset, folder };
}

const collectionTitles = (response: GraphQLResponse) =>
  ((response.body.data?.['nodes'] as Array<{ collections: { edges: Array<{ node: { title: string } }> } }>)[0]?.collections.edges ?? []).map((edge) => edge.node.title);

describe('Nomad: the folder an asset is in comes with its detail', () => {
  it('names the folder without reading it', async () => {
    const { asset, folder } = fileInAFolder();
    const response = await h.gql(QUERY, { ids: [encodeGlobalId('Asset', 'nomad-demo', asset.id)] });
    expect(response.body.errors).toBeUndefined();
    expect(collectionTitles(response)).toContain(folder.displayName);
    const calls = upstreamCalls(h.demo.nomad);
    expect(calls).toContain(`GET /admin/asset/${asset.id}/detail`);
    expect(calls).not.toContain(`GET /admin/asset/${folder.id}`);
  });

  it('reads the folder on its own when the detail lists no parent of the documented shape', async () => {
    const { asset, folder } = fileInAFolder();
    // A detail whose parent lacks the asset model's fields (as a vendor version might send).
    h.demo.nomad.faults.inject({
      fault: { kind: 'status', status: 200, body: { assetId: asset.id, collections: [], shares: [], parents: [{ id: folder.id, displayName: 'Not the folder' }] } },
      match: `GET /admin/asset/${asset.id}/detail`,
      times: 1,
    });
    const response = await h.gql(QUERY, { ids: [encodeGlobalId('Asset', 'nomad-demo', asset.id)] });
    expect(response.body.errors).toBeUndefined();
    expect(collectionTitles(response)).toEqual([folder.displayName]);
    expect(upstreamCalls(h.demo.nomad)).toContain(`GET /admin/asset/${folder.id}`);
  });
});
