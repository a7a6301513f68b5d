import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetsWithCollectionsAndShares, collectionTree, deleteMixed, mediaOfMixedAssets, nodesOf100, type BenchOperation } from '../../bench/operations.js';
import { startDemoHarness, type DemoHarness } from '../support/gateway-harness.js';

// Call counts are deterministic, so regressions in batching are caught here; the benchmark
// (npm run bench) reports the same numbers next to timings.
let h: DemoHarness;
beforeAll(async () => {
  h = await startDemoHarness();
});
afterAll(async () => h.stop());

const totalCalls = () => [h.demo.iconik, h.demo.icareus, h.demo.ncp, h.demo.nomad].reduce((sum, sim) => sum + sim.requests.length, 0);

async function measure(operation: BenchOperation): Promise<number> {
  h.clearRequests();
  const res = await h.gql(operation.query, operation.variables);
  // Only the sources without a share listing say so (Asset.shares is UNSUPPORTED there).
  expect((res.body.errors ?? []).filter((e) => e.extensions?.['code'] !== 'UNSUPPORTED')).toEqual([]);
  return totalCalls();
}

describe('upstream calls of the benchmark operations', () => {
  it.each([
    ['50 mixed assets + collections + shares', assetsWithCollectionsAndShares],
    ['collection tree', collectionTree],
    ['nodes of 100', nodesOf100],
    ['media of 20 mixed assets', mediaOfMixedAssets],
  ])('%s: exactly the vendors\' lower bound', async (_name, build) => {
    const operation = build(h.demo);
    expect(await measure(operation)).toBe(operation.lowerBound);
  });

  it('500-id deleteAssets: exactly the lower bound, which includes iconik\'s reads before and after for per-id outcomes', async () => {
    const operation = deleteMixed(h.demo, 500, 'cc');
    expect(await measure(operation)).toBe(operation.lowerBound);
  });

  it('500-id deleteAssets selecting the deleted assets: Icareus reads its bin (2 calls), Nomad reads each asset back', async () => {
    const operation = deleteMixed(h.demo, 500, 'cc-assets');
    h.clearRequests();
    const res = await h.gql(`mutation($ids: [ID!]!) { deleteAssets(input: { ids: $ids }) { results { ok ...Deleted } } }
      fragment Deleted on AssetResult { asset { status } note }`, operation.variables);
    expect(res.body.errors).toBeUndefined();
    // Icareus: is the bin enabled, and the bin's contents (to return each deleted asset).
    // Nomad's batch answer holds partial models ({id, assetStatus}): one GET per asset.
    const nomadIds = (operation.variables['ids'] as string[]).filter((id) => Buffer.from(id, 'base64url').toString().includes(':nomad-demo:'));
    expect(totalCalls()).toBe(operation.lowerBound + 2 + nomadIds.length);
    expect(h.demo.icareus.requests.filter((r) => r.url.includes('/api/recyclebin')).length).toBe(2);
  });
});
