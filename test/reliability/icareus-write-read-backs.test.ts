// Icareus writes are sent once (never retried), so an answer that is lost, garbled or
// refused because another caller made the same change first is settled by reading back
// where the asset is: the client hears what Icareus did, or OUTCOME_UNKNOWN.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/ids.js';
import { startDemoHarness, type DemoHarness } from '../support/gateway-harness.js';

let h: DemoHarness;
/**
 * Each group runs on its own gateway and simulators. The first group makes every Icareus
 * read fail on purpose, and when enough of those failures come in a row the source's
 * circuit breaker opens for 10 s: a later group sharing that gateway would see its calls
 * refused (a CI run failed six tests that way).
 */
function ownHarness(): void {
  beforeAll(async () => {
    h = await startDemoHarness();
  });
  afterAll(async () => h.stop());
}

const HOME = 2631609;
const PARTNER = 2631610;
let next = 31_000_000;

/** A fresh asset in the demo organization (or straight in its recycle bin). */
function freshAsset(where: 'organization' | 'bin' = 'organization'): { native: number; id: string } {
  const template = [...h.demo.icareus.state.assets.values()].find((a) => a.organizationId === HOME);
  if (!template) throw new Error('no Icareus demo asset');
  const native = next++;
  const asset = { ...structuredClone(template), id: native, name: { en_US: `Read-back ${native}` } };
  if (where === 'bin') h.demo.icareus.state.recycleBin.set(native, { asset, deletedAtMs: Date.now() - 60_000 });
  else h.demo.icareus.state.assets.set(native, asset);
  return { native, id: encodeGlobalId('Asset', 'icareus-demo', String(native)) };
}

type Item = { ok: boolean; note?: string | null; asset?: { id: string; status: string } | null; replacedBy?: { id: string } | null; error: { code: string } | null };
const items = (body: { data?: Record<string, unknown> | null }, field: string) => (body.data?.[field] as { results: Item[] }).results;
const write = (field: string, ids: string[], extra = '') =>
  h.gql(`mutation($ids: [ID!]!) { ${field}(input: { ids: $ids ${extra} }) { results { ok note asset { id status } replacedBy { id } error { code } } } }`, { ids });

describe('Icareus writes whose answer was lost after Icareus acted', () => {
  ownHarness();

  it('reports a delete as done: the asset is read back from the recycle bin', async () => {
    const { native, id } = freshAsset();
    h.demo.icareus.faults.inject({ fault: { kind: 'lost-answer' }, times: 1, match: 'GET /api/archive' });
    const res = await write('deleteAssets', [id]);
    expect(h.demo.icareus.state.recycleBin.has(native)).toBe(true);
    expect(items(res.body, 'deleteAssets')).toEqual([{ ok: true, note: null, asset: { id, status: 'DELETED' }, replacedBy: null, error: null }]);
  });

  it('reports a recovery as done: the asset is read back from the organization', async () => {
    const { native, id } = freshAsset('bin');
    h.demo.icareus.faults.inject({ fault: { kind: 'lost-answer' }, times: 1, match: 'GET /api/recyclebin' });
    const res = await write('recoverDeletedAssets', [id]);
    expect(h.demo.icareus.state.assets.has(native)).toBe(true);
    expect(items(res.body, 'recoverDeletedAssets')[0]).toMatchObject({ ok: true, asset: { id, status: 'AVAILABLE' }, error: null });
  });

  it('reports a purge as done when the asset is gone from the bin', async () => {
    const { native, id } = freshAsset('bin');
    h.demo.icareus.faults.inject({ fault: { kind: 'lost-answer' }, times: 1, match: 'GET /api/recyclebin' });
    const res = await write('purgeAssets', [id]);
    expect(h.demo.icareus.state.recycleBin.has(native)).toBe(false);
    expect(items(res.body, 'purgeAssets')).toEqual([{ ok: true, note: null, asset: null, replacedBy: null, error: null }]);
  });

  it('reports a move into the partner organization under its ID there', async () => {
    const { native, id } = freshAsset();
    const to = encodeGlobalId('Collection', 'icareus-demo', `organization:${PARTNER}`);
    h.demo.icareus.faults.inject({ fault: { kind: 'lost-answer' }, times: 1, match: 'GET /api/archive' });
    const res = await write('moveAssets', [id], ', destinationId: "' + to + '"');
    expect(h.demo.icareus.state.assets.get(native)?.organizationId).toBe(PARTNER);
    const moved = encodeGlobalId('Asset', 'icareus-demo', `${PARTNER}:${native}`);
    expect(items(res.body, 'moveAssets')[0]).toMatchObject({ ok: true, replacedBy: { id: moved }, error: null });
  });

  it('finds the one copy a lost copy answer made, and says OUTCOME_UNKNOWN when it cannot look', async () => {
    const { id } = freshAsset();
    const to = encodeGlobalId('Collection', 'icareus-demo', `organization:${PARTNER}`);
    const copiesOf = (title: string) => [...h.demo.icareus.state.assets.values()].filter((a) => a.organizationId === PARTNER && a.name['en_US'] === title);
    const title = `Read-back ${next - 1}`;

    h.demo.icareus.faults.inject({ fault: { kind: 'lost-answer' }, times: 1, match: 'GET /api/archive' });
    const found = await write('copyAssets', [id], ', destinationId: "' + to + '"');
    const [copy] = copiesOf(title);
    expect(items(found.body, 'copyAssets')[0]).toMatchObject({
      ok: true,
      asset: { id: encodeGlobalId('Asset', 'icareus-demo', `${PARTNER}:${copy?.id}`), status: 'COPYING' },
      error: null,
    });

    // Lost again, and every read after it fails: nobody can tell, so the client must look.
    h.demo.icareus.faults.inject({ fault: { kind: 'lost-answer' }, times: 1, match: 'GET /api/archive' });
    h.demo.icareus.faults.inject({ fault: { kind: 'status', status: 503 }, times: 10, match: 'GET /api/archive' });
    const unknown = await write('copyAssets', [id], ', destinationId: "' + to + '"');
    h.demo.icareus.faults.clear();
    expect(items(unknown.body, 'copyAssets')[0]).toMatchObject({ ok: false, error: { code: 'OUTCOME_UNKNOWN' } });
    expect(copiesOf(title)).toHaveLength(2);
  });
});

describe('concurrent identical Icareus writes', () => {
  ownHarness();

  it('tells both callers a delete was done, though Icareus refused the second as not found', async () => {
    const { native, id } = freshAsset();
    const [a, b] = await Promise.all([write('deleteAssets', [id]), write('deleteAssets', [id])]);
    expect(h.demo.icareus.state.recycleBin.has(native)).toBe(true);
    expect([...items(a.body, 'deleteAssets'), ...items(b.body, 'deleteAssets')].map((r) => [r.ok, r.asset?.status])).toEqual([
      [true, 'DELETED'],
      [true, 'DELETED'],
    ]);
  });

  it('tells both callers a recovery was done', async () => {
    const { native, id } = freshAsset('bin');
    const [a, b] = await Promise.all([write('recoverDeletedAssets', [id]), write('recoverDeletedAssets', [id])]);
    expect(h.demo.icareus.state.assets.has(native)).toBe(true);
    expect([...items(a.body, 'recoverDeletedAssets'), ...items(b.body, 'recoverDeletedAssets')].every((r) => r.ok)).toBe(true);
  });

  it('still says NOT_FOUND for a purge of an id that never existed', async () => {
    const res = await write('purgeAssets', [encodeGlobalId('Asset', 'icareus-demo', '999999999')]);
    expect(items(res.body, 'purgeAssets')[0]).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('Icareus write answers are confirmed, not believed', () => {
  ownHarness();

  it('does not report a purge answered "ok" as done while the asset is still in the bin', async () => {
    const { native, id } = freshAsset('bin');
    const body = { message: 'asset-permanently-deleted', assetId: native, status: 'ok' };
    h.demo.icareus.faults.inject({ fault: { kind: 'status', status: 200, body }, times: 1, match: 'GET /api/recyclebin' });
    const res = await write('purgeAssets', [id]);
    expect(h.demo.icareus.state.recycleBin.has(native)).toBe(true);
    expect(items(res.body, 'purgeAssets')[0]).toMatchObject({ ok: false, error: { code: 'UPSTREAM_REJECTED' } });
  });

  it('does not report an empty bin answered "ok" as done while it still holds assets', async () => {
    freshAsset('bin');
    h.demo.icareus.faults.inject({ fault: { kind: 'status', status: 200, body: { message: 'assets-deleted', status: 'ok' } }, times: 1, match: 'GET /api/recyclebin' });
    const res = await h.gql(`mutation { emptyRecycleBin(input: { source: "icareus-demo" }) { recycleBin { enabled } userErrors { code } } }`);
    expect(h.demo.icareus.state.recycleBin.size).toBeGreaterThan(0);
    expect(res.body.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_REJECTED');
  });

  it('reports an empty bin whose answer was lost as done once the bin reads empty', async () => {
    freshAsset('bin');
    h.demo.icareus.faults.inject({ fault: { kind: 'lost-answer' }, times: 1, match: 'GET /api/recyclebin' });
    const res = await h.gql(`mutation { emptyRecycleBin(input: { source: "icareus-demo" }) { recycleBin { enabled } userErrors { code } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.['emptyRecycleBin']).toEqual({ recycleBin: { enabled: true }, userErrors: [] });
    expect([...h.demo.icareus.state.recycleBin.values()].filter((e) => e.asset.organizationId === HOME)).toHaveLength(0);
  });
});
