// Job limits and imports (issue 15): bytes per second per destination source, the job size
// cap, and importAsset, which fetches only from hosts the configuration allows (no SSRF).
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { encodeGlobalId } from '../../src/ids.js';
import { startGateway, type RunningGateway } from '../../src/server.js';
import { startDemoSimulators, type DemoSimulators } from '../../simulators/index.js';
import { postJson, smallNomadParts } from '../support/gateway-harness.js';

const RATE = 256 * 1024;
let demo: DemoSimulators;
let gateway: RunningGateway;
let files: Server;
let filesHost = '';
const served = randomBytes(600 * 1024);

beforeAll(async () => {
  // A web server with one file, as an app's own storage would be.
  files = createServer((req, res) => {
    if (req.url?.startsWith('/clips/')) {
      const range = /bytes=(\d+)-(\d+)/.exec(req.headers.range ?? '');
      const [start, end] = range ? [Number(range[1]), Number(range[2])] : [0, served.length - 1];
      res.writeHead(range ? 206 : 200, { 'content-length': String(end - start + 1), 'accept-ranges': 'bytes' });
      res.end(req.method === 'HEAD' ? undefined : served.subarray(start, end + 1));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  filesHost = `127.0.0.1:${(files.address() as AddressInfo).port}`;
  demo = await startDemoSimulators();
  const sources = structuredClone(demo.config.sources);
  smallNomadParts(sources);
  const config = parseConfig({ sources, jobs: { bytesPerSecondPerSource: RATE, maxItemsPerJob: 2, importAllowedHosts: [filesHost] } });
  gateway = await startGateway({ config, port: 0 });
});
afterAll(async () => {
  await gateway.stop();
  await demo.close();
  files.close();
});

const gql = async (query: string, variables: Record<string, unknown>) => (await postJson(gateway.url, { query, variables })).body;
const folder = () => encodeGlobalId('Collection', 'nomad-demo', [...demo.nomad.state.assets.values()].find((a) => a.displayName === 'Marketing')?.id ?? '');
const IMPORT = `mutation($url: URL!, $to: ID!, $name: String) { importAsset(input: { url: $url, destinationId: $to, fileName: $name }) { job { id } userErrors { code field message } } }`;

async function settled(id: string) {
  for (;;) {
    const body = await gql(`query($id: ID!) { node(id: $id) { ... on Job { state progress { bytesDone } items { state sourceUrl destinationId error { code message } } } } }`, { id });
    const job = body.data?.['node'] as { state: string; items: Array<{ state: string; sourceUrl: string; destinationId: string; error: unknown }> };
    if (!['QUEUED', 'RUNNING'].includes(job.state)) return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('importAsset and job limits', () => {
  it('imports a file from an allowed host at no more than the configured bytes per second', async () => {
    const started = Date.now();
    const body = await gql(IMPORT, { url: `http://${filesHost}/clips/interview.mp4`, to: folder(), name: null });
    const id = ((body.data?.['importAsset'] as { job: { id: string } }).job).id;
    const job = await settled(id);
    const seconds = (Date.now() - started) / 1000;
    expect(job.items).toMatchObject([{ state: 'SUCCEEDED', sourceUrl: `http://${filesHost}/clips/interview.mp4`, error: null }]);
    // 600 KiB at 256 KiB/s: the first second's bucket, then at least the rest's time (over 1.3 s).
    expect(seconds).toBeGreaterThan((served.length - RATE) / RATE);
    const nativeId = Buffer.from(job.items[0]?.destinationId ?? '', 'base64url').toString().split(':').pop() ?? '';
    expect(demo.nomad.state.assets.get(nativeId)?.displayName).toBe('interview.mp4');
    const stored = Buffer.from(await (await fetch(`${demo.nomad.origin}/media/original/${nativeId}/x`)).arrayBuffer());
    expect(stored.equals(served)).toBe(true);
  });

  it('refuses hosts outside the allow-list, other schemes and URLs with credentials, before any request', async () => {
    for (const url of ['http://169.254.169.254/latest/meta-data/', 'file:///etc/passwd', `http://user:secret@${filesHost}/clips/a.mp4`, `http://localhost:${filesHost.split(':')[1]}/clips/a.mp4`]) {
      const body = await gql(IMPORT, { url, to: folder(), name: 'a.mp4' });
      expect(body.data?.['importAsset']).toMatchObject({ job: null, userErrors: [{ code: 'FORBIDDEN', field: ['input', 'url'] }] });
    }
  });

  it('caps the assets of one job', async () => {
    const ids = ['1001', '1002', '1003'].map((id) => encodeGlobalId('Asset', 'ncp-demo', `1234/${id}`));
    const body = await gql(`mutation($ids: [ID!]!, $to: ID!) { transferAssets(input: { ids: $ids, destinationId: $to }) { job { id } userErrors { code message } } }`, { ids, to: folder() });
    expect(body.data?.['transferAssets']).toMatchObject({ job: null, userErrors: [{ code: 'BAD_USER_INPUT', message: 'A transfer takes 1 to 2 assets.' }] });
  });
});
