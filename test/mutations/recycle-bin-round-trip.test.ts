import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/ids.js';
import { startHarness, upstreamCalls, type Harness } from '../support/gateway-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.stop());
beforeEach(() => h.iconik.clearRequests());

type Result = { id: string; ok: boolean; asset: { id: string; status: string; deletedAt: string | null } | null; error: { code: string; message: string; source: string | null } | null };
const RESULT = 'id ok asset { id status deletedAt } error { code message source }';
const idOf = (title: string) => {
  const asset = [...h.iconik.state.assets.values()].find((a) => a.title === title);
  return encodeGlobalId('Asset', 'iconik-test', asset?.id ?? '');
};
const binTitles = async () => {
  const res = await h.gql(`{ recycleBin(source: "iconik-test") { assets(first: 100) { edges { node { title } } } } }`);
  return (res.body.data?.['recycleBin'] as { assets: { edges: Array<{ node: { title: string } }> } }).assets.edges.map((e) => e.node.title);
};

describe('iconik delete -> recycle bin -> restore -> purge', () => {
  it('deletes into the delete queue with one batch call and reports each id by its end state', async () => {
    const ids = [idOf('Spring Teaser 6s Bumper'), 'not-an-id', idOf('Logo Animation 4K'), encodeGlobalId('Asset', 'iconik-test', 'no-such-asset')];
    const res = await h.gql(`mutation($ids: [ID!]!) { deleteAssets(input: { ids: $ids }) { results { ${RESULT} } userErrors { code } } }`, { ids });
    expect(res.body.errors).toBeUndefined();
    const results = (res.body.data?.['deleteAssets'] as { results: Result[] }).results;
    expect(results.map((r) => r.id)).toEqual(ids);
    expect(results.map((r) => r.ok)).toEqual([true, false, true, false]);
    expect(results[0]?.asset).toMatchObject({ id: ids[0], status: 'DELETED' });
    expect(results[0]?.asset?.deletedAt).toMatch(/^\d{4}-/);
    expect(results[1]?.error).toMatchObject({ code: 'BAD_USER_INPUT', source: null });
    expect(results[3]?.error).toMatchObject({ code: 'NOT_FOUND', source: 'iconik-test' });
    const calls = upstreamCalls(h.iconik);
    expect(calls.filter((c) => c.startsWith('POST /API/assets/v1/delete_queue/assets/'))).toHaveLength(1);
    // The simulator's own state agrees with every result.
    const sim = [...h.iconik.state.assets.values()];
    expect(sim.find((a) => a.title === 'Spring Teaser 6s Bumper')?.status).toBe('DELETED');
    expect(await binTitles()).toEqual(expect.arrayContaining(['Spring Teaser 6s Bumper', 'Logo Animation 4K']));
  });

  it('is safe to repeat: already-deleted assets are reported ok, nothing duplicated', async () => {
    const ids = [idOf('Spring Teaser 6s Bumper')];
    const before = await binTitles();
    const res = await h.gql(`mutation($ids: [ID!]!) { deleteAssets(input: { ids: $ids }) { results { ${RESULT} } } }`, { ids });
    expect((res.body.data?.['deleteAssets'] as { results: Result[] }).results[0]).toMatchObject({ ok: true, asset: { status: 'DELETED' } });
    expect(await binTitles()).toEqual(before);
  });

  it('restores from the bin, and the same request reads the new state', async () => {
    const id = idOf('Logo Animation 4K');
    const res = await h.gql(`mutation($ids: [ID!]!) { recoverDeletedAssets(input: { ids: $ids }) { results { ${RESULT} } } }`, { ids: [id] });
    expect((res.body.data?.['recoverDeletedAssets'] as { results: Result[] }).results[0]).toMatchObject({ ok: true, asset: { status: 'AVAILABLE', deletedAt: null } });
    expect(await binTitles()).not.toContain('Logo Animation 4K');
    const node = await h.gql(`query($id: ID!) { node(id: $id) { ... on Asset { status } } }`, { id });
    expect(node.body.data?.['node']).toEqual({ status: 'AVAILABLE' });
  });

  it('purges only what is in the bin', async () => {
    const ids = [idOf('Spring Teaser 6s Bumper'), idOf('Logo Animation 4K')];
    const res = await h.gql(`mutation($ids: [ID!]!) { purgeAssets(input: { ids: $ids }) { results { ${RESULT} } } }`, { ids });
    const results = (res.body.data?.['purgeAssets'] as { results: Result[] }).results;
    expect(results[0]).toMatchObject({ ok: true, asset: null, error: null });
    expect(results[1]).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect([...h.iconik.state.assets.values()].some((a) => a.title === 'Spring Teaser 6s Bumper')).toBe(false);
    expect([...h.iconik.state.assets.values()].find((a) => a.title === 'Logo Animation 4K')?.status).toBe('ACTIVE');
  });

  it('empties the bin', async () => {
    const res = await h.gql(`mutation { emptyRecycleBin(input: { source: "iconik-test" }) { recycleBin { assets { edges { cursor } } } userErrors { code } } }`);
    expect(res.body.data?.['emptyRecycleBin']).toEqual({ recycleBin: { assets: { edges: [] } }, userErrors: [] });
    expect([...h.iconik.state.assets.values()].some((a) => a.status === 'DELETED')).toBe(false);
  });

  it('changes a title, and a description through the metadata field iconik keeps it in', async () => {
    const id = idOf('Sonic Logo');
    const res = await h.gql(`mutation($id: ID!) { a: updateAsset(input: { id: $id, title: "Sonic Logo v2" }) { asset { title } userErrors { code } }
      b: updateAsset(input: { id: $id, description: "Three-note sonic logo" }) { asset { title description } userErrors { field code message } } }`, { id });
    expect(res.body.data?.['a']).toEqual({ asset: { title: 'Sonic Logo v2' }, userErrors: [] });
    expect(res.body.data?.['b']).toEqual({ asset: { title: 'Sonic Logo v2', description: 'Three-note sonic logo' }, userErrors: [] });
    const put = h.iconik.exchanges.filter((e) => e.method === 'PUT' && e.path.includes('/metadata/v1/assets/'));
    expect(put.map((e) => e.body)).toEqual([{ metadata_values: { description: { field_values: [{ value: 'Three-note sonic logo' }] } } }]);
  });
});
