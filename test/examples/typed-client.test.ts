import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeleteAssetsMutation, listAssets, newestAssets, playableUrls, request } from '../../examples/client/list-assets.js';
import { watchAssets, type AssetChange } from '../../examples/client/watch-assets.js';
import { encodeGlobalId } from '../../src/ids.js';
import { startDemoHarness, type DemoHarness } from '../support/gateway-harness.js';

// The example client is type-checked with the rest of the project (npm run typecheck) and
// run here against the demo.
let h: DemoHarness;
beforeAll(async () => {
  h = await startDemoHarness();
});
afterAll(async () => h.stop());

describe('typed example client', () => {
  it('lists assets with codegen-typed results', async () => {
    const assets = await listAssets(h.gateway.url, 'ncp-demo');
    expect(assets).toHaveLength(5);
    expect(assets[0]).toEqual({ title: 'ep01-teaser.mp4', seconds: 31.161 });
  });

  it('reads the newest assets of every source with a typed orderBy', async () => {
    const newest = await newestAssets(h.gateway.url, 10);
    expect(new Set(newest.map((asset) => asset.source))).toEqual(new Set(['iconik-demo', 'icareus-demo', 'ncp-demo', 'nomad-demo']));
    const times = newest.map((asset) => asset.createdAt?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('picks a playable rendition per asset from typed media fields', async () => {
    const video = [...h.demo.iconik.state.assets.values()].find((a) => a.title === 'Skyline Timelapse Dawn');
    const nomad = [...h.demo.nomad.state.assets.values()].find((a) => a.displayName === 'festival-trailer.mp4');
    const playable = await playableUrls(h.gateway.url, [encodeGlobalId('Asset', 'iconik-demo', video?.id ?? ''), encodeGlobalId('Asset', 'nomad-demo', nomad?.id ?? '')]);
    expect(playable.map((p) => [p.title, p.size, new URL(p.url).pathname.split('.').pop()])).toEqual([
      ['Skyline Timelapse Dawn', '1920x1080', 'mp4'],
      ['festival-trailer.mp4', '1920x1080', 'mp4'],
    ]);
    for (const p of playable) expect(p.expiresAt?.getTime() ?? 0).toBeGreaterThan(Date.now());
  });

  it('sends a typed mutation and reads typed per-item results', async () => {
    const data = await request(h.gateway.url, DeleteAssetsMutation, {
      ids: [encodeGlobalId('Asset', 'ncp-demo', '1234/1001'), encodeGlobalId('Asset', 'ncp-demo', '1234/999999')],
    });
    const [deleted, missing] = data.deleteAssets.results;
    expect(deleted).toMatchObject({ ok: true, error: null });
    expect(missing?.ok).toBe(false);
    expect(missing?.error?.code).toBe('NOT_FOUND');
  });

  it('watches an asset with a typed subscription and sees a write', async () => {
    const nomad = [...h.demo.nomad.state.assets.values()].find((a) => a.displayName === 'festival-trailer.mp4');
    const id = encodeGlobalId('Asset', 'nomad-demo', nomad?.id ?? '');
    const changes: AssetChange[] = [];
    const watch = watchAssets(h.gateway.url, [id], (change) => changes.push(change));
    await new Promise((resolve) => setTimeout(resolve, 400));
    await h.gql('mutation ($input: UpdateAssetInput!) { updateAsset(input: $input) { asset { id } } }', { input: { id, title: 'festival-trailer-v2.mp4' } });
    const deadline = Date.now() + 2_000;
    while (changes.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    await watch.stop();
    expect(changes[0]).toMatchObject({ assetId: id, kind: 'UPDATED', cause: 'WRITE', asset: { title: 'festival-trailer-v2.mp4' } });
  });
});
