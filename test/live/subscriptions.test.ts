// Subscriptions over a real WebSocket (graphql-ws), against the four vendor simulators:
// writes reach subscribers at once, Nomad's asynchronous archive is seen settling without
// the client polling, and credentials decide which sources a connection hears about.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { encodeGlobalId } from '../../src/ids.js';
import { postJson, startDemoHarness, type DemoHarness } from '../support/gateway-harness.js';
import { connected, liveClient, subscribe, wsUrl, type Received } from '../support/live-client.js';
import WebSocket from 'ws';
import { randomBytes } from 'node:crypto';
import { addAssetWithOriginal } from '../../simulators/iconik/media.js';

const NOMAD_TOKEN_HEADER = 'x-nomad-token';
let h: DemoHarness;
let nomadToken = '';
const clients: Client[] = [];

beforeAll(async () => {
  // Nomad is read with each client's own token (no configured one), the others with the configuration's.
  h = await startDemoHarness((sources) => {
    const nomad = sources.find((source) => source['vendor'] === 'NOMAD') as Record<string, unknown>;
    nomadToken = (nomad['credentials'] as { token: string }).token;
    nomad['credentials'] = {};
    nomad['credentialHeaders'] = { token: NOMAD_TOKEN_HEADER };
  });
});
afterAll(async () => {
  await Promise.all(clients.map(async (client) => client.dispose()));
  await h.stop();
});

async function client(params: Record<string, string> = {}): Promise<Client> {
  const c = liveClient(h.gateway.url, params);
  clients.push(c);
  const ready = connected(c);
  // A lazy client connects with its first subscription; this one only opens the socket.
  return Object.assign(c, { ready });
}

const change = (message: Received) => (message.data?.['assetChanged'] ?? message.data?.['assetsChanged']) as Record<string, unknown> | undefined;
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

const ASSET_CHANGED = `subscription ($ids: [ID!]!) {
  assetChanged(ids: $ids) { id assetId source kind status cause at asset { id title status } }
}`;

function iconikAsset(title: string) {
  const asset = [...h.demo.iconik.state.assets.values()].find((a) => a.title === title);
  if (!asset) throw new Error(`no iconik asset ${title}`);
  return encodeGlobalId('Asset', 'iconik-demo', asset.id);
}

function nomadFile(status = 'Available') {
  const asset = [...h.demo.nomad.state.assets.values()].find((a) => a.assetType === 'File' && a.assetStatus === status);
  if (!asset) throw new Error(`no Nomad file in ${status}`);
  return { id: encodeGlobalId('Asset', 'nomad-demo', asset.id), asset };
}

describe('subscriptions over WebSocket', () => {
  it('delivers a write made over HTTP within a second, with the asset read anew', async () => {
    const id = iconikAsset('Skyline Timelapse Dawn');
    const sub = subscribe(await client(), ASSET_CHANGED, { ids: [id] });
    await settle();
    const sentAt = Date.now();
    const write = await h.gql('mutation ($input: UpdateAssetInput!) { updateAsset(input: $input) { asset { title } userErrors { message } } }', {
      input: { id, title: 'Skyline Timelapse Dawn (edited)' },
    });
    expect(write.body.errors).toBeUndefined();
    const seen = await sub.waitFor((m) => change(m)?.['cause'] === 'WRITE', 1_000);
    expect(seen.at - sentAt).toBeLessThan(1_000);
    expect(change(seen)).toMatchObject({ assetId: id, source: 'iconik-demo', kind: 'UPDATED', status: 'AVAILABLE', asset: { id, title: 'Skyline Timelapse Dawn (edited)' } });
    await sub.close();
  });

  it('sees a Nomad archive go ARCHIVING then ARCHIVED without the client polling', async () => {
    const { id } = nomadFile();
    const sub = subscribe(await client({ [NOMAD_TOKEN_HEADER]: nomadToken }), ASSET_CHANGED, { ids: [id] });
    await settle();
    const write = await postJson(h.gateway.url, { query: 'mutation ($ids: [ID!]!) { archiveAssets(input: { ids: $ids }) { results { ok } } }', variables: { ids: [id] } }, { [NOMAD_TOKEN_HEADER]: nomadToken });
    expect(write.body.data).toEqual({ archiveAssets: { results: [{ ok: true }] } });
    const archived = await sub.waitFor((m) => change(m)?.['status'] === 'ARCHIVED', 10_000);
    expect(change(archived)).toMatchObject({ cause: 'POLL', kind: 'UPDATED', asset: { id, status: 'ARCHIVED' } });
    const statuses = sub.received.map((m) => change(m)?.['status']);
    // Nomad answers the archive at once with the asset pending; the poll sees it settle.
    expect(statuses.indexOf('ARCHIVING')).toBeGreaterThanOrEqual(0);
    expect(statuses.indexOf('ARCHIVING')).toBeLessThan(statuses.indexOf('ARCHIVED'));
    await sub.close();
  });

  it('tells a connection nothing about a source it has no credentials for', async () => {
    const filter = 'subscription { assetsChanged { assetId source kind cause } }';
    const withToken = subscribe(await client({ [NOMAD_TOKEN_HEADER]: nomadToken }), filter);
    const without = subscribe(await client(), filter);
    await settle();
    const { id } = nomadFile();
    const iconikId = iconikAsset('Skyline Timelapse Dawn (edited)');
    await postJson(h.gateway.url, { query: 'mutation ($input: UpdateAssetInput!) { updateAsset(input: $input) { asset { id } } }', variables: { input: { id, title: 'renamed-by-test.mp4' } } }, { [NOMAD_TOKEN_HEADER]: nomadToken });
    await h.gql('mutation ($input: UpdateAssetInput!) { updateAsset(input: $input) { asset { id } } }', { input: { id: iconikId, title: 'Skyline Timelapse Dawn' } });
    await withToken.waitFor((m) => change(m)?.['assetId'] === id);
    await withToken.waitFor((m) => change(m)?.['assetId'] === iconikId);
    await without.waitFor((m) => change(m)?.['assetId'] === iconikId);
    expect(without.received.filter((m) => change(m)?.['source'] === 'nomad-demo')).toEqual([]);

    // Asking for the source outright is refused with a code.
    const refused = subscribe(await client(), 'subscription { assetsChanged(filter: { sources: ["nomad-demo"] }) { assetId } }');
    const answer = await refused.waitFor((m) => m.errors !== undefined);
    expect(answer.errors?.[0]?.message).toContain('no credentials for source "nomad-demo"');
    expect(answer.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('follows a transfer job from its first state to SUCCEEDED, then completes', async () => {
    const original = await addAssetWithOriginal(h.demo.iconik.state, h.demo.iconik.store, 'Live Transfer', { bytes: randomBytes(256 * 1024) });
    const collection = [...h.demo.iconik.state.collections.values()][0];
    const started = await h.gql('mutation ($ids: [ID!]!, $to: ID!) { transferAssets(input: { ids: $ids, destinationId: $to }) { job { id } userErrors { message } } }', {
      ids: [encodeGlobalId('Asset', 'iconik-demo', original.id)],
      to: encodeGlobalId('Collection', 'iconik-demo', collection?.id ?? ''),
    });
    expect(started.body.data?.['transferAssets']).toMatchObject({ userErrors: [] });
    const jobId = (started.body.data?.['transferAssets'] as { job: { id: string } }).job.id;
    const sub = subscribe(await client(), 'subscription ($id: ID!) { jobChanged(id: $id) { id state progress { itemsDone bytesDone } } }', { id: jobId });
    expect(await sub.ended).toEqual({});
    const states = sub.received.map((m) => (m.data?.['jobChanged'] as { state: string }).state);
    expect(states.at(-1)).toBe('SUCCEEDED');
    expect(sub.received.at(-1)?.data?.['jobChanged']).toMatchObject({ id: jobId, progress: { itemsDone: 1, bytesDone: 256 * 1024 } });
  });

  it('closes a connection whose own credentials the vendor rejects, at connection_init', async () => {
    const bad = liveClient(h.gateway.url, { [NOMAD_TOKEN_HEADER]: 'not-the-token' });
    clients.push(bad);
    const closed = new Promise<{ code: number }>((resolve) => bad.on('closed', (event) => resolve(event as { code: number })));
    subscribe(bad, 'subscription { assetsChanged { assetId } }');
    expect((await closed).code).toBe(4403);
  });

  it('serves only subscriptions over WebSocket, and refuses subscriptions over HTTP', async () => {
    const sub = subscribe(await client(), '{ sources { name } }');
    expect(JSON.stringify((await sub.ended).error)).toContain('send query operations over HTTP POST');
    const http = await h.gql('subscription { assetsChanged { assetId } }');
    expect(http.body.errors?.[0]?.message).toContain('served over WebSocket');
  });

  it('refuses WebSocket upgrades from origins the CORS policy does not list', async () => {
    const socket = new WebSocket(wsUrl(h.gateway.url), 'graphql-transport-ws', { headers: { origin: 'https://evil.example' } });
    const status = await new Promise<number>((resolve) => socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(403);
  });
});
