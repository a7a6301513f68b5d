// Durable transfers on real Redis with BullMQ (issue 15): a worker process killed in the
// middle of a file leaves its item to another worker, which resumes the same upload after
// its completed parts: correct bytes, one destination asset, one upload started. .ci/run
// starts redis-server (REDIS_TEST_URL); without it a local redis-server is started here.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { addAssetWithOriginal } from '../../simulators/iconik/media.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { encodeGlobalId } from '../../src/ids.js';
import { startGateway, type RunningGateway } from '../../src/server.js';
import { startDemoSimulators, type DemoSimulators } from '../../simulators/index.js';
import { postJson, smallNomadParts } from '../support/gateway-harness.js';
import { buildForProcesses } from '../support/production-build.js';
import { redisAvailable, startTestRedis, type TestRedis } from '../support/test-redis.js';

describe.runIf(redisAvailable)('durable transfers on Redis', () => {
  let demo: DemoSimulators;
  let gateway: RunningGateway;
  let other: RunningGateway;
  let redis: TestRedis | undefined;
  let redisUrl = '';
  let configFile = '';
  const workers: ChildProcess[] = [];

  const startWorker = () => {
    const worker = spawn(process.execPath, ['dist/gateway/worker.js'], {
      env: { ...process.env, GATEWAY_CONFIG: configFile, REDIS_URL: redisUrl, GATEWAY_JOB_LOCK_MS: '1500', LOG_LEVEL: 'silent', NODE_ENV: 'production' },
      stdio: 'ignore',
    });
    workers.push(worker);
    return worker;
  };

  beforeAll(async () => {
    // The worker runs from the production build.
    await buildForProcesses();
    // A database of its own: no other test's gateways share this queue.
    redis = await startTestRedis(7);
    redisUrl = redis.url;
    demo = await startDemoSimulators();
    const sources = structuredClone(demo.config.sources);
    smallNomadParts(sources);
    configFile = join(mkdtempSync(join(tmpdir(), 'mam-worker-')), 'gateway.json');
    writeFileSync(configFile, JSON.stringify({ sources }));
    const config = parseConfig({ sources });
    // The gateways only take requests; the worker processes do the work.
    gateway = await startGateway({ config, port: 0, redisUrl, jobWorkers: false });
    other = await startGateway({ config, port: 0, redisUrl, jobWorkers: false });
  }, 180_000);

  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await gateway?.stop();
    await other?.stop();
    await demo?.close();
    redis?.stop();
  });

  const jobState = async (url: string, id: string) =>
    ((await postJson(url, { query: `query($id: ID!) { node(id: $id) { ... on Job { state progress { bytesDone } items { destinationId error { code message } } } } }`, variables: { id } })).body.data?.['node']) as {
      state: string;
      progress: { bytesDone: number };
      items: Array<{ destinationId: string | null; error: unknown }>;
    };

  it('finishes a transfer on a second worker after the first was killed mid-file, uploading nothing twice', async () => {
    const bytes = randomBytes(10 * 64 * 1024);
    const asset = await addAssetWithOriginal(demo.iconik.state, demo.iconik.store, 'Durable One', { bytes });
    // Each part takes a while to store, so the worker can be killed in the middle.
    demo.nomad.faults.inject({ match: 'PUT /upload/parts/', fault: { kind: 'latency', ms: 250 } });

    const first = startWorker();
    const folder = [...demo.nomad.state.assets.values()].find((a) => a.displayName === 'Marketing');
    const started = await postJson(gateway.url, {
      query: `mutation($ids: [ID!]!, $to: ID!) { transferAssets(input: { ids: $ids, destinationId: $to }) { job { id } userErrors { message } } }`,
      variables: { ids: [encodeGlobalId('Asset', 'iconik-demo', asset.id)], to: encodeGlobalId('Collection', 'nomad-demo', folder?.id ?? '') },
    });
    const id = ((started.body.data?.['transferAssets'] as { job: { id: string } }).job).id;

    // Killed once some parts are in.
    const deadline = Date.now() + 30_000;
    while ((await jobState(gateway.url, id)).progress.bytesDone < 3 * 64 * 1024 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    first.kill('SIGKILL');
    const atKill = (await jobState(gateway.url, id)).progress.bytesDone;
    expect(atKill).toBeGreaterThanOrEqual(3 * 64 * 1024);
    expect(atKill).toBeLessThan(bytes.length);

    startWorker();
    let job = await jobState(other.url, id);
    while (!['SUCCEEDED', 'FAILED', 'PARTIAL'].includes(job.state) && Date.now() < deadline + 30_000) {
      await new Promise((r) => setTimeout(r, 100));
      job = await jobState(other.url, id);
    }
    demo.nomad.faults.clear();
    expect(job.state).toBe('SUCCEEDED');
    const nativeId = Buffer.from(job.items[0]?.destinationId ?? '', 'base64url').toString().split(':').pop() ?? '';
    const stored = Buffer.from(await (await fetch(`${demo.nomad.origin}/media/original/${nativeId}/x`)).arrayBuffer());
    expect(stored.equals(bytes)).toBe(true);
    expect([...demo.nomad.state.assets.values()].filter((a) => a.displayName === 'durable-one.mov')).toHaveLength(1);
    expect(demo.nomad.exchanges.filter((e) => e.path === '/asset/upload/start')).toHaveLength(1);
    // Ten parts; at most the one in flight at the kill is sent again.
    const puts = demo.nomad.requests.filter((r) => r.method === 'PUT' && r.url.startsWith('/upload/parts/')).length;
    expect(puts).toBeGreaterThanOrEqual(10);
    expect(puts).toBeLessThanOrEqual(11);
  }, 90_000);
});
