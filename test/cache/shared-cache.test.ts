import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { encodeGlobalId } from '../../src/ids.js';
import { startGateway, type RunningGateway } from '../../src/server.js';
import { startIconikSimulator, type IconikSimulator } from '../../simulators/iconik/server.js';
import { postJson } from '../support/gateway-harness.js';
import { redisTestPort } from '../support/test-redis.js';

const APP_ID = 'cache-app';
const TOKEN = 'cache-token-a1b2c3';

function config(sim: IconikSimulator, cache: boolean) {
  return parseConfig({
    ...(cache ? { cache: { ttlMs: 60_000 } } : {}),
    sources: [
      {
        name: 'iconik-cached',
        vendor: 'ICONIK',
        baseUrl: sim.baseUrl,
        credentials: { appId: APP_ID, authToken: TOKEN },
        credentialHeaders: { authToken: 'x-iconik-auth-token' },
      },
    ],
  });
}

const assetQuery = 'query($id: ID!) { node(id: $id) { ... on Asset { title status } } }';

describe('in-process read cache (cache: in GATEWAY_CONFIG)', () => {
  let sim: IconikSimulator;
  let gateway: RunningGateway;
  let id: string;
  beforeAll(async () => {
    sim = await startIconikSimulator({ appId: APP_ID, authToken: TOKEN });
    gateway = await startGateway({ port: 0, config: config(sim, true) });
    id = encodeGlobalId('Asset', 'iconik-cached', [...sim.state.assets.values()].find((a) => a.status === 'ACTIVE')?.id ?? '');
  });
  afterAll(async () => {
    await gateway.stop();
    await sim.close();
  });

  it('serves a repeated by-id read from the cache, and our own mutation invalidates it', async () => {
    sim.clearRequests();
    const first = await postJson(gateway.url, { query: assetQuery, variables: { id } });
    const second = await postJson(gateway.url, { query: assetQuery, variables: { id } });
    expect(second.body.data).toEqual(first.body.data);
    expect(sim.requests).toHaveLength(1);

    await postJson(gateway.url, { query: 'mutation($ids: [ID!]!) { deleteAssets(input: { ids: $ids }) { results { ok } } }', variables: { ids: [id] } });
    const after = await postJson(gateway.url, { query: assetQuery, variables: { id } });
    expect(after.body.data?.['node']).toMatchObject({ status: 'DELETED' });
  });

  it('never caches an asset that can change without a write through the gateway (in a bin, in transit)', async () => {
    const deleted = [...sim.state.assets.values()].find((a) => a.status === 'DELETED');
    const deletedId = encodeGlobalId('Asset', 'iconik-cached', deleted?.id ?? '');
    expect((await postJson(gateway.url, { query: assetQuery, variables: { id: deletedId } })).body.data?.['node']).toMatchObject({ status: 'DELETED' });
    // The bin is emptied elsewhere (iconik's web app): the gateway must not keep showing it.
    sim.state.assets.delete(deleted?.id ?? '');
    expect((await postJson(gateway.url, { query: assetQuery, variables: { id: deletedId } })).body.data?.['node']).toBeNull();

    const archiving = [...sim.state.assets.values()].find((a) => a.status === 'ACTIVE' && a.id !== id.toString());
    if (!archiving) throw new Error('seed has no second active asset');
    archiving.archive_status = 'ARCHIVING';
    const archivingId = encodeGlobalId('Asset', 'iconik-cached', archiving.id);
    expect((await postJson(gateway.url, { query: assetQuery, variables: { id: archivingId } })).body.data?.['node']).toMatchObject({ status: 'ARCHIVING' });
    archiving.archive_status = 'ARCHIVED'; // settles on iconik's schedule
    expect((await postJson(gateway.url, { query: assetQuery, variables: { id: archivingId } })).body.data?.['node']).toMatchObject({ status: 'ARCHIVED' });
  });

  it('keys entries by the credentials in use: another tenant never gets them', async () => {
    await postJson(gateway.url, { query: assetQuery, variables: { id } }, { 'x-iconik-auth-token': TOKEN });
    const stranger = await postJson(gateway.url, { query: assetQuery, variables: { id } }, { 'x-iconik-auth-token': 'someone-else' });
    expect(stranger.body.data?.['node']).toBeNull();
    expect(stranger.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});

// Redis: .ci/run installs and starts redis-server and sets REDIS_TEST_URL; without it, a
// local redis-server binary is started here; without either the test says so and skips.
const hasRedisBinary = spawnSync('redis-server', ['--version']).status === 0;
describe.runIf(Boolean(process.env.REDIS_TEST_URL) || hasRedisBinary)('Redis read cache shared by two gateway instances', () => {
  let sim: IconikSimulator;
  let one: RunningGateway;
  let two: RunningGateway;
  let redis: ChildProcess | undefined;
  let sourceName = '';
  beforeAll(async () => {
    let url = process.env.REDIS_TEST_URL;
    if (!url) {
      const port = redisTestPort();
      redis = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
      url = `redis://127.0.0.1:${port}`;
    }
    sourceName = `redis-test-${Date.now()}`;
    sim = await startIconikSimulator({ appId: APP_ID, authToken: TOKEN });
    // A unique source name keeps this run's keys apart from any other run on the same Redis.
    const cfg = config(sim, false);
    const named = { ...cfg, sources: cfg.sources.map((s) => ({ ...s, name: sourceName })) };
    one = await startGateway({ port: 0, config: named, redisUrl: url });
    two = await startGateway({ port: 0, config: named, redisUrl: url });
  });
  afterAll(async () => {
    await one.stop();
    await two.stop();
    await sim.close();
    redis?.kill();
  });

  it('lets a second instance read what the first cached, and invalidates across instances', async () => {
    const id = encodeGlobalId('Asset', sourceName, [...sim.state.assets.values()].find((a) => a.status === 'ACTIVE')?.id ?? '');
    sim.clearRequests();
    const viaOne = await postJson(one.url, { query: assetQuery, variables: { id } });
    const viaTwo = await postJson(two.url, { query: assetQuery, variables: { id } });
    expect(viaTwo.body.data).toEqual(viaOne.body.data);
    expect(sim.requests).toHaveLength(1);

    await postJson(one.url, { query: 'mutation($ids: [ID!]!) { deleteAssets(input: { ids: $ids }) { results { ok } } }', variables: { ids: [id] } });
    const afterOnTwo = await postJson(two.url, { query: assetQuery, variables: { id } });
    expect(afterOnTwo.body.data?.['node']).toMatchObject({ status: 'DELETED' });
  });
});

// A Redis outage is not silent (issue 14): logged once, shown in /readyz as degraded while
// the gateway keeps serving; with a redis-server binary, its return is noticed too.
describe('Redis outage', () => {
  let sim: IconikSimulator;
  let gateway: RunningGateway;
  let redis: ChildProcess | undefined;
  const lines: string[] = [];
  const port = redisTestPort();
  beforeAll(async () => {
    const { setLogSink } = await import('../../src/logger.js');
    setLogSink((line) => lines.push(line));
    sim = await startIconikSimulator({ appId: APP_ID, authToken: TOKEN });
    // Nothing listens on this port yet.
    gateway = await startGateway({ port: 0, config: config(sim, false), redisUrl: `redis://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    const { setLogSink } = await import('../../src/logger.js');
    setLogSink(null);
    await gateway.stop();
    await sim.close();
    redis?.kill();
  });

  const readyz = async () => {
    const res = await fetch(new URL('/readyz', gateway.url));
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const logged = (message: string) => lines.filter((line) => line.includes(message)).length;

  it('logs the outage once, keeps serving, and says degraded in /readyz', async () => {
    const id = encodeGlobalId('Asset', 'iconik-cached', [...sim.state.assets.values()].find((a) => a.status === 'ACTIVE')?.id ?? '');
    for (let i = 0; i < 3; i++) {
      const res = await postJson(gateway.url, { query: assetQuery, variables: { id } });
      expect(res.body.data?.['node']).toMatchObject({ status: 'AVAILABLE' });
    }
    expect(logged('Redis is unreachable')).toBe(1);
    expect(await readyz()).toEqual({ status: 200, body: { status: 'degraded', sources: { 'iconik-cached': 'up' }, sharedCache: 'down' } });
  });

  it.runIf(hasRedisBinary)('notices when Redis is back', async () => {
    redis = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const deadline = Date.now() + 10_000;
    while ((await readyz()).body['sharedCache'] !== 'up' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await readyz()).body).toMatchObject({ status: 'ready', sharedCache: 'up' });
    expect(logged('Redis is reachable again')).toBe(1);
  }, 15_000);
});
