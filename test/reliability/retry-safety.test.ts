// Retry safety comes from each call's description (src/vendors/<vendor>/endpoints.ts), not
// from the HTTP verb, and write answers are validated like reads. Icareus writes are GETs:
// before this, a 503 made the gateway send deleteAsset twice, and an empty 204 answer to a
// purge was reported as success.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/ids.js';
import { startDemoHarness, type DemoHarness } from '../support/gateway-harness.js';

let h: DemoHarness;
beforeAll(async () => {
  h = await startDemoHarness();
});
afterAll(async () => h.stop());

const actions = (name: string) => h.demo.icareus.requests.filter((r) => r.url.includes(`action=${name}&`) || r.url.endsWith(`action=${name}`));
type Results = { results: Array<{ ok: boolean; error: { code: string } | null }> };

describe('retry safety per call', () => {
  it('sends an Icareus delete (a GET) once, even when the vendor answers 503', async () => {
    const asset = [...h.demo.icareus.state.assets.values()].find((a) => a.organizationId === 2631609);
    h.clearRequests();
    h.demo.icareus.faults.inject({ fault: { kind: 'status', status: 503 }, times: 1, match: 'GET /api/archive' });
    const res = await h.gql(`mutation($ids: [ID!]!) { deleteAssets(input: { ids: $ids }) { results { ok error { code } } } }`, {
      ids: [encodeGlobalId('Asset', 'icareus-demo', String(asset?.id))],
    });
    expect((res.body.data?.['deleteAssets'] as Results).results).toEqual([{ ok: false, error: { code: 'UPSTREAM_UNAVAILABLE' } }]);
    expect(h.demo.icareus.requests.filter((r) => r.url.includes('action=deleteAsset'))).toHaveLength(1);
    expect(h.demo.icareus.state.assets.has(asset?.id ?? 0)).toBe(true);
  });

  it('still retries an Icareus read (a GET declared safe to repeat)', async () => {
    h.clearRequests();
    h.demo.icareus.faults.inject({ fault: { kind: 'status', status: 503 }, times: 1, match: 'GET /api/archive' });
    const res = await h.gql(`{ assets(first: 2, filter: { sources: ["icareus-demo"] }) { edges { node { title } } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(actions('getOrganizationAssets')).toHaveLength(2);
  });

  it('does not report success for a write answered with an empty 204', async () => {
    const asset = [...h.demo.icareus.state.assets.values()].find((a) => a.organizationId === 2631609);
    const id = encodeGlobalId('Asset', 'icareus-demo', String(asset?.id));
    await h.gql(`mutation($ids: [ID!]!) { deleteAssets(input: { ids: $ids }) { results { ok } } }`, { ids: [id] });
    expect(h.demo.icareus.state.recycleBin.has(asset?.id ?? 0)).toBe(true);
    h.demo.icareus.faults.inject({ fault: { kind: 'empty' }, times: 1, match: 'GET /api/recyclebin' });
    const res = await h.gql(`mutation($ids: [ID!]!) { purgeAssets(input: { ids: $ids }) { results { ok error { code } } } }`, { ids: [id] });
    // A 2xx said Icareus acted, so the gateway cannot call it failed; the bin shows it was not
    // purged (yet): the client is told to look before retrying.
    expect((res.body.data?.['purgeAssets'] as Results).results).toEqual([{ ok: false, error: { code: 'OUTCOME_UNKNOWN' } }]);
    expect(h.demo.icareus.state.recycleBin.has(asset?.id ?? 0)).toBe(true);
  });
});

describe('a write whose answer is lost after the vendor acted', () => {
  it('reports the iconik delete by its end state (read back from the delete queue), not as failed', async () => {
    const asset = [...h.demo.iconik.state.assets.values()].find((a) => a.status === 'ACTIVE');
    h.demo.iconik.faults.inject({ fault: { kind: 'lost-answer' }, times: 1, match: 'POST /API/assets/v1/delete_queue/assets/' });
    const res = await h.gql(`mutation($ids: [ID!]!) { deleteAssets(input: { ids: $ids }) { results { ok asset { status } error { code } } } }`, {
      ids: [encodeGlobalId('Asset', 'iconik-demo', asset?.id ?? '')],
    });
    expect(h.demo.iconik.state.assets.get(asset?.id ?? '')?.status).toBe('DELETED');
    expect((res.body.data?.['deleteAssets'] as { results: unknown[] }).results).toEqual([{ ok: true, asset: { status: 'DELETED' }, error: null }]);
  });
});

describe('iconik purge is confirmed by a read-back', () => {
  it('does not report a purge as done when the asset was restored while the purge was on its way', async () => {
    const asset = [...h.demo.iconik.state.assets.values()].find((a) => a.status === 'ACTIVE');
    const id = asset?.id ?? '';
    h.demo.iconik.state.assets.set(id, { ...(asset as NonNullable<typeof asset>), status: 'DELETED', date_deleted: new Date().toISOString() });
    // The purge reaches iconik 200 ms late; meanwhile another client restores the asset.
    h.demo.iconik.faults.inject({ fault: { kind: 'latency', ms: 200 }, times: 1, match: 'POST /API/assets/v1/delete_queue/assets/purge/' });
    setTimeout(() => {
      const current = h.demo.iconik.state.assets.get(id);
      if (current) current.status = 'ACTIVE';
    }, 100);
    const res = await h.gql(`mutation($ids: [ID!]!) { purgeAssets(input: { ids: $ids }) { results { ok error { code } } } }`, {
      ids: [encodeGlobalId('Asset', 'iconik-demo', id)],
    });
    expect(h.demo.iconik.state.assets.get(id)?.status).toBe('ACTIVE');
    expect((res.body.data?.['purgeAssets'] as Results).results).toEqual([{ ok: false, error: { code: 'UPSTREAM_REJECTED' } }]);
  });
});

describe('OUTCOME_UNKNOWN and read-backs after lost answers', () => {
  it('reports a Nomad batch move whose answer was lost by the assets\' end state', async () => {
    const file = [...h.demo.nomad.state.assets.values()].find((a) => a.assetType === 'File' && a.assetStatus === 'Available');
    const folder = [...h.demo.nomad.state.assets.values()].find((a) => a.displayName === 'Marketing');
    h.demo.nomad.faults.inject({ fault: { kind: 'lost-answer' }, times: 1, match: 'POST /admin/asset/move' });
    const res = await h.gql(`mutation($ids: [ID!]!, $to: ID!) { moveAssets(input: { ids: $ids, destinationId: $to }) { results { ok asset { status } error { code } } } }`, {
      ids: [encodeGlobalId('Asset', 'nomad-demo', file?.id ?? '')],
      to: encodeGlobalId('Collection', 'nomad-demo', folder?.id ?? ''),
    });
    expect((res.body.data?.['moveAssets'] as { results: unknown[] }).results).toEqual([{ ok: true, asset: { status: 'MOVING' }, error: null }]);
  });

  it('finds the copy a lost Nomad copy answer made in the destination folder', async () => {
    const file = [...h.demo.nomad.state.assets.values()].find((a) => a.assetType === 'File' && a.assetStatus === 'Available');
    const folder = [...h.demo.nomad.state.assets.values()].find((a) => a.displayName === 'Productions');
    const copies = () => [...h.demo.nomad.state.assets.values()].filter((a) => a.displayName === file?.displayName && a.parentId === folder?.id);
    const before = copies().length;
    h.demo.nomad.faults.inject({ fault: { kind: 'lost-answer' }, times: 1, match: '/copy' });
    const res = await h.gql(`mutation($ids: [ID!]!, $to: ID!) { copyAssets(input: { ids: $ids, destinationId: $to }) { results { ok asset { id status } error { code } } } }`, {
      ids: [encodeGlobalId('Asset', 'nomad-demo', file?.id ?? '')],
      to: encodeGlobalId('Collection', 'nomad-demo', folder?.id ?? ''),
    });
    const made = copies().filter((a) => a.id !== file?.id);
    expect(made).toHaveLength(before + 1);
    const copy = made[made.length - 1];
    expect((res.body.data?.['copyAssets'] as { results: unknown[] }).results).toEqual([
      { ok: true, asset: { id: encodeGlobalId('Asset', 'nomad-demo', copy?.id ?? ''), status: 'COPYING' }, error: null },
    ]);
  });

  it('says OUTCOME_UNKNOWN when the answer was lost and the read-back fails too', async () => {
    const file = [...h.demo.nomad.state.assets.values()].find((a) => a.assetType === 'File' && a.assetStatus === 'Available');
    h.demo.nomad.faults.inject({ fault: { kind: 'lost-answer' }, times: 1, match: 'POST /admin/asset/archive' });
    h.demo.nomad.faults.inject({ fault: { kind: 'status', status: 503 }, times: 3, match: `GET /admin/asset/${file?.id}` });
    const res = await h.gql(`mutation($ids: [ID!]!) { archiveAssets(input: { ids: $ids }) { results { ok error { code } } } }`, {
      ids: [encodeGlobalId('Asset', 'nomad-demo', file?.id ?? '')],
    });
    h.demo.nomad.faults.clear();
    expect((res.body.data?.['archiveAssets'] as { results: unknown[] }).results).toEqual([{ ok: false, error: { code: 'OUTCOME_UNKNOWN' } }]);
    // Nomad did archive it: the client was right to look before retrying.
    expect(['PendingArchive', 'Archived']).toContain(h.demo.nomad.state.assets.get(file?.id ?? '')?.assetStatus);
  });
});

describe('NCP writes whose answer was lost', () => {
  it('reports a moved asset under its new ID, read back from the destination project', async () => {
    h.demo.ncp.faults.inject({ fault: { kind: 'lost-answer' }, times: 1, match: 'PATCH /api/v1/workspaces/' });
    const res = await h.gql(`mutation($ids: [ID!]!, $to: ID!) { moveAssets(input: { ids: $ids, destinationId: $to }) { results { ok replacedBy { id } error { code } } } }`, {
      ids: [encodeGlobalId('Asset', 'ncp-demo', '5678/1006')],
      to: encodeGlobalId('Collection', 'ncp-demo', '9012'),
    });
    expect(h.demo.ncp.state.assets.get(1006)?.projectId).toBe(9012);
    expect((res.body.data?.['moveAssets'] as { results: unknown[] }).results).toEqual([
      { ok: true, replacedBy: { id: encodeGlobalId('Asset', 'ncp-demo', '9012/1006') }, error: null },
    ]);
  });

  it('tells both callers of the same move that it was done, though NCP refused the second', async () => {
    const move = () =>
      h.gql(`mutation($ids: [ID!]!, $to: ID!) { moveAssets(input: { ids: $ids, destinationId: $to }) { results { ok replacedBy { id } error { code } } } }`, {
        ids: [encodeGlobalId('Asset', 'ncp-demo', '5678/1008')],
        to: encodeGlobalId('Collection', 'ncp-demo', '9012'),
      });
    const answers = await Promise.all([move(), move()]);
    expect(h.demo.ncp.state.assets.get(1008)?.projectId).toBe(9012);
    for (const res of answers) {
      expect((res.body.data?.['moveAssets'] as { results: unknown[] }).results).toEqual([
        { ok: true, replacedBy: { id: encodeGlobalId('Asset', 'ncp-demo', '9012/1008') }, error: null },
      ]);
    }
  });

  it('reports a delete as done when the asset is gone', async () => {
    h.demo.ncp.faults.inject({ fault: { kind: 'lost-answer' }, times: 1, match: 'DELETE /api/v1/workspaces/' });
    const res = await h.gql(`mutation($ids: [ID!]!) { deleteAssets(input: { ids: $ids }) { results { ok error { code } } } }`, {
      ids: [encodeGlobalId('Asset', 'ncp-demo', '5678/1007')],
    });
    expect(h.demo.ncp.state.assets.has(1007)).toBe(false);
    expect((res.body.data?.['deleteAssets'] as { results: unknown[] }).results).toEqual([{ ok: true, error: null }]);
  });
});
