// Live updates across gateway instances on a real Redis: two gateway processes (this test
// process and a production build started as a child) share changes over Redis pub/sub,
// and only one of them polls an asset that both have subscribers for.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { parseConfig } from '../../src/config.js';
import { encodeGlobalId } from '../../src/ids.js';
import { startGateway, type RunningGateway } from '../../src/server.js';
import { startDemoSimulators, type DemoSimulators } from '../../simulators/index.js';
import { postJson } from '../support/gateway-harness.js';
import { liveClient, subscribe, type Received } from '../support/live-client.js';
import { buildForProcesses, startBuiltGateway } from '../support/production-build.js';
import { redisAvailable, startTestRedis, type TestRedis } from '../support/test-redis.js';

describe.runIf(redisAvailable)('live updates across instances on Redis', () => {
  let demo: DemoSimulators;
  let local: RunningGateway;
  let child: ChildProcess;
  let childUrl = '';
  let redis: TestRedis | undefined;
  const clients: Client[] = [];

  beforeAll(async () => {
    await buildForProcesses();
    // A database of its own for the leases (pub/sub is server-wide: other tests' changes on the channel name assets this test does not watch).
    redis = await startTestRedis(8);
    const redisUrl = redis.url;
    demo = await startDemoSimulators();
    const configFile = join(mkdtempSync(join(tmpdir(), 'mam-live-')), 'gateway.json');
    writeFileSync(configFile, JSON.stringify({ sources: demo.config.sources }));
    local = await startGateway({ config: parseConfig({ sources: demo.config.sources }), port: 0, redisUrl });
    const started = startBuiltGateway({ ...process.env, GATEWAY_CONFIG: configFile, REDIS_URL: redisUrl, PORT: '0', LOG_LEVEL: 'silent' });
    child = started.child;
    childUrl = await started.ready;
  }, 180_000);

  afterAll(async () => {
    await Promise.all(clients.map(async (client) => client.dispose()));
    child?.kill('SIGTERM');
    await local?.stop();
    await demo?.close();
    redis?.stop();
  });

  const client = (url: string) => {
    const c = liveClient(url);
    clients.push(c);
    return c;
  };
  const change = (message: Received) => message.data?.['assetChanged'] as Record<string, unknown> | undefined;
  const SUB = 'subscription ($ids: [ID!]!) { assetChanged(ids: $ids) { assetId status cause asset { title } } }';

  it('delivers a write made through one process to a subscriber of the other within a second', async () => {
    const asset = [...demo.iconik.state.assets.values()].find((a) => a.status === 'ACTIVE');
    const id = encodeGlobalId('Asset', 'iconik-demo', asset?.id ?? '');
    const sub = subscribe(client(local.url), SUB, { ids: [id] });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const sentAt = Date.now();
    const res = await postJson(childUrl, { query: 'mutation ($input: UpdateAssetInput!) { updateAsset(input: $input) { userErrors { message } } }', variables: { input: { id, title: 'Written on the other instance' } } });
    expect(res.body.data).toEqual({ updateAsset: { userErrors: [] } });
    const seen = await sub.waitFor((m) => change(m)?.['cause'] === 'WRITE', 1_000);
    expect(seen.at - sentAt).toBeLessThan(1_000);
    expect(change(seen)).toMatchObject({ assetId: id, asset: { title: 'Written on the other instance' } });
  });

  it('polls a settling asset from one instance only: each subscriber sees ARCHIVED once', async () => {
    const file = [...demo.nomad.state.assets.values()].find((a) => a.assetType === 'File' && a.assetStatus === 'Available');
    const id = encodeGlobalId('Asset', 'nomad-demo', file?.id ?? '');
    const res = await postJson(childUrl, { query: 'mutation ($ids: [ID!]!) { archiveAssets(input: { ids: $ids }) { results { ok } } }', variables: { ids: [id] } });
    expect(res.body.data).toEqual({ archiveAssets: { results: [{ ok: true }] } });
    // Both instances now watch it: the writer, and the other for its subscriber.
    const onLocal = subscribe(client(local.url), SUB, { ids: [id] });
    const onChild = subscribe(client(childUrl), SUB, { ids: [id] });
    await onLocal.waitFor((m) => change(m)?.['status'] === 'ARCHIVED', 10_000);
    await onChild.waitFor((m) => change(m)?.['status'] === 'ARCHIVED', 10_000);
    // Long enough for a second poller's lease and backoff to come round.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    for (const sub of [onLocal, onChild]) expect(sub.received.filter((m) => change(m)?.['status'] === 'ARCHIVED')).toHaveLength(1);
  });
});
