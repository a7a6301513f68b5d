// Ingest from an app (issue 15): createAsset answers the vendor's own pre-signed part URLs,
// the client PUTs the bytes straight to the vendor's storage, and completeUpload confirms
// the parts' ETags and completes the asset.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/ids.js';
import { smallNomadParts, startDemoHarness, type DemoHarness } from '../support/gateway-harness.js';

let h: DemoHarness;
beforeAll(async () => {
  h = await startDemoHarness(smallNomadParts);
});
afterAll(async () => h.stop());

const CREATE = `mutation($to: ID!, $name: String!, $size: Float!) {
  createAsset(input: { destinationId: $to, fileName: $name, size: $size, contentType: "video/mp4" }) {
    asset { id title status } upload { id parts { number url start end } } userErrors { code field message } } }`;
const COMPLETE = `mutation($id: ID!, $parts: [CompletedPartInput!]!) { completeUpload(input: { uploadId: $id, parts: $parts }) { asset { id title status } userErrors { code message } } }`;
const marketing = () => encodeGlobalId('Collection', 'nomad-demo', [...h.demo.nomad.state.assets.values()].find((a) => a.displayName === 'Marketing')?.id ?? '');

type Created = { asset: { id: string; title: string; status: string }; upload: { id: string; parts: Array<{ number: number; url: string; start: number; end: number }> } };

describe('createAsset and completeUpload', () => {
  it('hands out the vendor part URLs, takes the bytes there, and completes the asset', async () => {
    const bytes = randomBytes(150 * 1024);
    const res = await h.gql(CREATE, { to: marketing(), name: 'from-the-app.mp4', size: bytes.length });
    const created = res.body.data?.['createAsset'] as Created;
    expect(created.asset).toMatchObject({ title: 'from-the-app.mp4', status: 'UPLOADING' });
    expect(created.upload.parts.map((p) => [p.number, p.start, p.end])).toEqual([[1, 0, 65535], [2, 65536, 131071], [3, 131072, 153599]]);
    // The bytes go to the vendor's storage, not through the gateway.
    expect(created.upload.parts.every((p) => p.url.startsWith(h.demo.nomad.origin))).toBe(true);
    const etags = [];
    for (const part of created.upload.parts) {
      const put = await fetch(part.url, { method: 'PUT', body: bytes.subarray(part.start, part.end + 1) });
      etags.push({ number: part.number, etag: put.headers.get('etag') ?? '' });
    }
    const wrong = await h.gql(COMPLETE, { id: created.upload.id, parts: etags.map((e) => (e.number === 2 ? { ...e, etag: '"0000"' } : e)) });
    expect((wrong.body.data?.['completeUpload'] as { userErrors: Array<{ code: string }> }).userErrors[0]?.code).toBe('BAD_USER_INPUT');
    const done = await h.gql(COMPLETE, { id: created.upload.id, parts: etags });
    expect(done.body.data?.['completeUpload']).toEqual({ asset: { id: created.asset.id, title: 'from-the-app.mp4', status: 'AVAILABLE' }, userErrors: [] });
    const nativeId = Buffer.from(created.asset.id, 'base64url').toString().split(':').pop() ?? '';
    const stored = Buffer.from(await (await fetch(`${h.demo.nomad.origin}/media/original/${nativeId}/x`)).arrayBuffer());
    expect(stored.equals(bytes)).toBe(true);
  });

  it('creates an iconik asset the same way: one part, straight to its storage, then the file is closed', async () => {
    const bytes = randomBytes(90 * 1024);
    const collection = [...h.demo.iconik.state.collections.values()][0];
    const res = await h.gql(CREATE, { to: encodeGlobalId('Collection', 'iconik-demo', collection?.id ?? ''), name: 'from-the-app.mov', size: bytes.length });
    const created = res.body.data?.['createAsset'] as Created;
    expect(created.asset.title).toBe('from-the-app');
    expect(created.upload.parts.map((p) => [p.number, p.start, p.end])).toEqual([[1, 0, bytes.length - 1]]);
    const put = await fetch(created.upload.parts[0]?.url ?? '', { method: 'PUT', body: bytes });
    const done = await h.gql(COMPLETE, { id: created.upload.id, parts: [{ number: 1, etag: put.headers.get('etag') ?? '' }] });
    expect((done.body.data?.['completeUpload'] as { userErrors: unknown[] }).userErrors).toEqual([]);
    const nativeId = Buffer.from(created.asset.id, 'base64url').toString().split(':').pop() ?? '';
    const asset = h.demo.iconik.state.assets.get(nativeId);
    expect(asset?.in_collections).toEqual([collection?.id]);
    expect(asset?.files.map((f) => [f.status, f.size])).toEqual([['CLOSED', bytes.length]]);
  });

  it('refuses sources without UPLOAD, bad file names and forged upload ids', async () => {
    const ncp = encodeGlobalId('Collection', 'ncp-demo', '9012');
    const unsupported = await h.gql(CREATE, { to: ncp, name: 'a.mp4', size: 10 });
    expect((unsupported.body.data?.['createAsset'] as { userErrors: Array<{ code: string }> }).userErrors[0]?.code).toBe('UNSUPPORTED');
    const badName = await h.gql(CREATE, { to: marketing(), name: '../etc/passwd', size: 10 });
    expect((badName.body.data?.['createAsset'] as { userErrors: Array<{ code: string }> }).userErrors[0]?.code).toBe('BAD_USER_INPUT');
    const forged = await h.gql(COMPLETE, { id: 'not-an-upload', parts: [] });
    expect((forged.body.data?.['completeUpload'] as { userErrors: Array<{ code: string }> }).userErrors[0]?.code).toBe('BAD_USER_INPUT');
  });
});
