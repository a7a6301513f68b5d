// Cross-vendor transfers (issue 15), over HTTP end to end: a job is answered at once, the
// original's bytes stream from the source's download URL into Nomad's multipart upload,
// and the result is visible in both sources through the normal queries.
import { randomBytes } from 'node:crypto';
import { addAssetWithOriginal } from '../../simulators/iconik/media.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/ids.js';
import { smallNomadParts, startDemoHarness, type DemoHarness } from '../support/gateway-harness.js';

let h: DemoHarness;
beforeAll(async () => {
  h = await startDemoHarness(smallNomadParts);
});
afterAll(async () => h.stop());

const JOB = `id state mode progress { itemsTotal itemsDone itemsFailed bytesTotal bytesDone }
  items { state sourceId destinationId bytesTotal bytesDone error { code message source } destination { id title status source { name } } }`;

async function transfer(ids: string[], destinationId: string, mode = 'COPY', conflict = 'SKIP') {
  const res = await h.gql(`mutation($ids: [ID!]!, $to: ID!, $mode: TransferMode, $conflict: TransferConflict) {
    transferAssets(input: { ids: $ids, destinationId: $to, mode: $mode, conflict: $conflict }) { job { ${JOB} } userErrors { code field message } } }`, { ids, to: destinationId, mode, conflict });
  return res.body.data?.['transferAssets'] as { job: Job | null; userErrors: Array<{ code: string; field: string[]; message: string }> };
}

interface Job {
  id: string;
  state: string;
  progress: { itemsTotal: number; itemsDone: number; itemsFailed: number; bytesTotal: number | null; bytesDone: number };
  items: Array<{ state: string; sourceId: string; destinationId: string | null; bytesTotal: number | null; bytesDone: number; error: { code: string; message: string } | null; destination: { id: string; title: string; status: string } | null }>;
}

async function settled(id: string): Promise<Job> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await h.gql(`query($id: ID!) { node(id: $id) { ... on Job { ${JOB} } } }`, { id });
    const job = res.body.data?.['node'] as Job;
    if (!['QUEUED', 'RUNNING'].includes(job.state) || Date.now() > deadline) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function settledOrRunning(id: string): Promise<{ bytesDone: number }> {
  const res = await h.gql(`query($id: ID!) { node(id: $id) { ... on Job { progress { bytesDone } } } }`, { id });
  return (res.body.data?.['node'] as { progress: { bytesDone: number } }).progress;
}

const folder = (name: string) => encodeGlobalId('Collection', 'nomad-demo', [...h.demo.nomad.state.assets.values()].find((a) => a.displayName === name && a.assetType !== 'File')?.id ?? '');
const nomadBytes = async (assetId: string) => Buffer.from(await (await fetch(`${h.demo.nomad.origin}/media/original/${assetId}/x`)).arrayBuffer());

/** An iconik asset whose original holds `bytes` (with iconik's MD5 checksum). */
async function iconikAssetWith(bytes: Buffer, title: string): Promise<string> {
  const asset = await addAssetWithOriginal(h.demo.iconik.state, h.demo.iconik.store, title, { bytes });
  return encodeGlobalId('Asset', 'iconik-demo', asset.id);
}

describe('transferAssets', () => {
  it('copies an iconik asset into a Nomad folder: bytes, checksum and custom fields arrive, the source stays', async () => {
    const bytes = randomBytes(300 * 1024 + 123);
    const source = await iconikAssetWith(bytes, 'Transfer One');
    const started = await transfer([source], folder('Marketing'));
    expect(started.userErrors).toEqual([]);
    expect(['QUEUED', 'RUNNING']).toContain(started.job?.state);

    const job = await settled(started.job?.id ?? '');
    expect(job.state).toBe('SUCCEEDED');
    expect(job.progress).toMatchObject({ itemsTotal: 1, itemsDone: 1, itemsFailed: 0, bytesTotal: bytes.length, bytesDone: bytes.length });
    const item = job.items[0];
    expect(item?.destination).toMatchObject({ title: 'transfer-one.mov', status: 'AVAILABLE' });
    const nativeId = Buffer.from(item?.destinationId ?? '', 'base64url').toString().split(':').pop() ?? '';
    expect((await nomadBytes(nativeId)).equals(bytes)).toBe(true);
    // Five parts of 64 KiB, each PUT once and confirmed with its ETag.
    expect(h.demo.nomad.exchanges.filter((e) => e.path.startsWith('/asset/upload/part/') && e.body && (e.body as { etag?: string }).etag)).toHaveLength(5);
    // iconik's multi-value keywords become one Nomad custom property.
    const original = [...h.demo.iconik.state.assets.values()].find((a) => a.title === 'Transfer One');
    expect(original?.metadata['keywords']?.length).toBeGreaterThan(0);
    expect(h.demo.nomad.state.assets.get(nativeId)?.customAttributes).toMatchObject({
      keywords: original?.metadata['keywords']?.join(', '),
      rights_holder: original?.metadata['rights_holder']?.[0],
    });
    const stillThere = await h.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: source });
    expect(stillThere.body.data?.['node']).toEqual({ id: source });
  });

  it('moves Icareus and Nomad assets, deleting each source only after its copy was verified; a name taken is renamed', async () => {
    const icareus = [...h.demo.icareus.state.assets.values()].find((a) => a.organizationId === 2631609 && a.presets.length > 0 && !a.isPodcastAsset && a.description['en_US']);
    const nomad = [...h.demo.nomad.state.assets.values()].find((a) => a.displayName === 'press-kit.pdf');
    const ids = [encodeGlobalId('Asset', 'icareus-demo', String(icareus?.id)), encodeGlobalId('Asset', 'nomad-demo', nomad?.id ?? '')];
    // press-kit.pdf already is in Marketing: moving it there again makes "press-kit (2).pdf".
    const started = await transfer(ids, folder('Marketing'), 'MOVE', 'RENAME');
    const job = await settled(started.job?.id ?? '');
    expect(job.items.map((i) => [i.state, i.error?.code ?? null, i.destination?.title])).toEqual([
      ['SUCCEEDED', null, 'master.mp4'],
      ['SUCCEEDED', null, 'press-kit (2).pdf'],
    ]);
    expect(job.items[0]?.bytesTotal).toBe(20_000_000);
    // Sources: the Icareus asset went to its recycle bin, the Nomad one is being deleted.
    expect(h.demo.icareus.state.recycleBin.has(icareus?.id ?? 0)).toBe(true);
    // Icareus' descriptive fields and description become Nomad custom properties.
    const copy = Buffer.from(job.items[0]?.destinationId ?? '', 'base64url').toString().split(':').pop() ?? '';
    expect(h.demo.nomad.state.assets.get(copy)?.customAttributes).toMatchObject({
      director: 'Demo Director',
      releaseYear: '2026',
      description: icareus?.description['en_US'],
    });
    expect(h.demo.nomad.state.assets.get(nomad?.id ?? '')?.assetStatus ?? 'gone').toMatch(/Deleting|gone/);
  });

  it('copies Nomad and Icareus assets into an iconik collection: one pre-signed PUT per file, then the file is closed', async () => {
    const nomad = [...h.demo.nomad.state.assets.values()].find((a) => a.displayName === 'key-art.png');
    const icareus = [...h.demo.icareus.state.assets.values()].find((a) => a.organizationId === 2631609 && a.presets.length > 0 && !a.isPodcastAsset);
    const collection = [...h.demo.iconik.state.collections.values()].find((c) => c.title.startsWith('Brand'));
    const iconik = await iconikAssetWith(randomBytes(70 * 1024), 'Transfer Within iconik');
    h.demo.iconik.clearRequests();
    const started = await transfer(
      [encodeGlobalId('Asset', 'nomad-demo', nomad?.id ?? ''), encodeGlobalId('Asset', 'icareus-demo', String(icareus?.id)), iconik],
      encodeGlobalId('Collection', 'iconik-demo', collection?.id ?? ''),
    );
    const job = await settled(started.job?.id ?? '');
    expect(job.items.map((i) => [i.state, i.error, i.destination?.title])).toEqual([
      ['SUCCEEDED', null, 'key-art.png'],
      ['SUCCEEDED', null, icareus?.name['en_US']],
      ['SUCCEEDED', null, 'Transfer Within iconik'],
    ]);
    // Nomad's custom attributes arrive as iconik metadata fields.
    const fromNomad = Buffer.from(job.items[0]?.destinationId ?? '', 'base64url').toString().split(':').pop() ?? '';
    expect(h.demo.iconik.state.assets.get(fromNomad)?.metadata).toMatchObject({ project: ['Marketing'], approved: ['true'] });
    for (const item of job.items) {
      const nativeId = Buffer.from(item.destinationId ?? '', 'base64url').toString().split(':').pop() ?? '';
      const asset = h.demo.iconik.state.assets.get(nativeId);
      expect(asset?.in_collections).toEqual([collection?.id]);
      expect(asset?.files.map((f) => [f.status, f.size])).toEqual([['CLOSED', item.bytesTotal]]);
      expect(asset?.files[0]?.checksum).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(h.demo.iconik.requests.filter((r) => r.method === 'PUT' && r.url.startsWith('/storage/upload/'))).toHaveLength(3);
    // The copies read back like any iconik asset, with their original as a rendition.
    const read = await h.gql(`query($id: ID!) { node(id: $id) { ... on Asset { title renditions { kind fileSize } } } }`, { id: job.items[0]?.destinationId });
    expect(read.body.data?.['node']).toEqual({ title: 'key-art.png', renditions: [{ kind: 'ORIGINAL', fileSize: 12_000_000 }] });
  });

  it('keeps the source of a MOVE whose copy fails verification (the bytes do not match its checksum)', async () => {
    const source = await iconikAssetWith(randomBytes(100 * 1024), 'Transfer Mismatch');
    const record = [...h.demo.iconik.state.assets.values()].find((a) => a.title === 'Transfer Mismatch');
    const file = record?.files[0];
    if (file) file.checksum = '0'.repeat(32);
    const started = await transfer([source], folder('Marketing'), 'MOVE');
    const job = await settled(started.job?.id ?? '');
    expect(job.items.map((i) => [i.state, i.error?.code])).toEqual([['FAILED', 'UPSTREAM_REJECTED']]);
    expect(job.items[0]?.error?.message).toContain("do not match the source's checksum");
    // Not deleted: iconik still has it, active.
    expect(h.demo.iconik.state.assets.get(record?.id ?? '')?.status).toBe('ACTIVE');
  });

  it('gives two items of one job that share a file name different names', async () => {
    const [a, b] = [...h.demo.icareus.state.assets.values()].filter((x) => x.organizationId === 2631609 && x.presets.length > 0);
    const started = await transfer([encodeGlobalId('Asset', 'icareus-demo', String(a?.id)), encodeGlobalId('Asset', 'icareus-demo', String(b?.id))], folder('Feature Documentary'), 'COPY', 'RENAME');
    const job = await settled(started.job?.id ?? '');
    const names = job.items.map((i) => i.destination?.title);
    expect(job.items.map((i) => i.state)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expect(new Set(names).size).toBe(2);
    expect(names.every((name) => name?.startsWith('master'))).toBe(true);
  });

  it('cancelJob stops a running transfer and cancels its upload at the destination', async () => {
    const source = await iconikAssetWith(randomBytes(640 * 1024), 'Transfer Cancelled');
    h.demo.nomad.faults.inject({ match: 'PUT /upload/parts/', fault: { kind: 'latency', ms: 300 } });
    const started = await transfer([source], folder('Dailies'));
    const id = started.job?.id ?? '';
    for (let i = 0; i < 100 && (await settledOrRunning(id)).bytesDone === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    const cancelled = await h.gql(`mutation($id: ID!) { cancelJob(input: { id: $id }) { job { id } userErrors { code } } }`, { id });
    expect((cancelled.body.data?.['cancelJob'] as { userErrors: unknown[] }).userErrors).toEqual([]);
    const job = await settled(id);
    h.demo.nomad.faults.clear();
    expect(job.state).toBe('CANCELLED');
    expect(job.items[0]?.state).toBe('CANCELLED');
    expect(job.items[0]?.bytesDone).toBeLessThan(640 * 1024);
    // The partial upload is cancelled: no half asset stays in Nomad.
    expect([...h.demo.nomad.state.assets.values()].filter((a) => a.displayName === 'transfer-cancelled.mov')).toEqual([]);
    const again = await h.gql(`mutation($id: ID!) { cancelJob(input: { id: $id }) { job { id } userErrors { code } } }`, { id });
    expect((again.body.data?.['cancelJob'] as { userErrors: Array<{ code: string }> }).userErrors[0]?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a destination that cannot take uploads, and fails items of a source that cannot download before any byte moves', async () => {
    const ncpProject = encodeGlobalId('Collection', 'ncp-demo', '9012');
    const refused = await transfer([encodeGlobalId('Asset', 'ncp-demo', '1234/1002')], ncpProject);
    expect(refused).toMatchObject({ job: null, userErrors: [{ code: 'UNSUPPORTED', field: ['input', 'destinationId'] }] });

    h.demo.nomad.clearRequests();
    const started = await transfer([encodeGlobalId('Asset', 'ncp-demo', '1234/1002')], folder('Marketing'));
    const job = await settled(started.job?.id ?? '');
    expect(job.state).toBe('FAILED');
    expect(job.items[0]?.error).toMatchObject({ code: 'UNSUPPORTED', source: 'ncp-demo' });
    expect(h.demo.nomad.requests.filter((r) => r.url.startsWith('/asset/upload'))).toEqual([]);
  });

  it('survives connections dropped in the middle of a part, on the download and on the upload side', async () => {
    const bytes = randomBytes(200 * 1024);
    const source = await iconikAssetWith(bytes, 'Transfer Cut');
    h.demo.iconik.faults.inject({ match: 'GET /storage/files/', fault: { kind: 'cut', afterBytes: 10_000 }, times: 1 });
    h.demo.nomad.faults.inject({ match: 'PUT /upload/parts/', fault: { kind: 'cut', afterBytes: 20_000 }, times: 1 });
    const started = await transfer([source], folder('Productions'));
    const job = await settled(started.job?.id ?? '');
    h.demo.iconik.faults.clear();
    h.demo.nomad.faults.clear();
    expect(job.items.map((i) => [i.state, i.error])).toEqual([['SUCCEEDED', null]]);
    const nativeId = Buffer.from(job.items[0]?.destinationId ?? '', 'base64url').toString().split(':').pop() ?? '';
    expect((await nomadBytes(nativeId)).equals(bytes)).toBe(true);
  });

  it('fails an item whose source breaks mid-file, and retryJob resumes the same upload after its completed parts', async () => {
    const bytes = randomBytes(256 * 1024);
    const source = await iconikAssetWith(bytes, 'Transfer Retry');
    // From the third ranged read on, the source's storage answers 500 (each part is tried
    // three times): two parts are sent and confirmed first.
    h.demo.iconik.faults.inject({ match: 'GET /storage/files/', fault: { kind: 'latency', ms: 0 }, times: 2 });
    h.demo.iconik.faults.inject({ match: 'GET /storage/files/', fault: { kind: 'status', status: 500 }, times: 3 });
    const started = await transfer([source], folder('Dailies'));
    const failed = await settled(started.job?.id ?? '');
    expect(failed.state).toBe('FAILED');
    expect(failed.items[0]?.error?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(failed.items[0]?.bytesDone).toBe(2 * 64 * 1024);
    const uploadsBefore = h.demo.nomad.exchanges.filter((e) => e.path === '/asset/upload/start').length;

    const retried = await h.gql(`mutation($id: ID!) { retryJob(input: { id: $id }) { job { state } userErrors { code } } }`, { id: started.job?.id });
    expect((retried.body.data?.['retryJob'] as { userErrors: unknown[] }).userErrors).toEqual([]);
    const job = await settled(started.job?.id ?? '');
    expect(job.state).toBe('SUCCEEDED');
    // The same upload, no second destination asset; the completed parts were not sent again.
    expect(h.demo.nomad.exchanges.filter((e) => e.path === '/asset/upload/start').length).toBe(uploadsBefore);
    const nativeId = Buffer.from(job.items[0]?.destinationId ?? '', 'base64url').toString().split(':').pop() ?? '';
    expect((await nomadBytes(nativeId)).equals(bytes)).toBe(true);
    expect([...h.demo.nomad.state.assets.values()].filter((a) => a.displayName === 'transfer-retry.mov')).toHaveLength(1);
  });
});
