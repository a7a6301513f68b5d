// iconik webhooks end to end: the gateway registers its endpoint with the iconik simulator
// at start (secret in the webhook's headers), the simulator calls it when an asset changes
// outside the gateway, and the change reaches a subscriber over WebSocket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { encodeGlobalId } from '../../src/ids.js';
import { startDemoHarness, type DemoHarness } from '../support/gateway-harness.js';
import { liveClient, subscribe, type Received } from '../support/live-client.js';

let h: DemoHarness;
let client: Client;
beforeAll(async () => {
  h = await startDemoHarness(undefined, { webhooks: true });
  client = liveClient(h.gateway.url);
});
afterAll(async () => {
  await client.dispose();
  await h.stop();
});

const change = (message: Received) => message.data?.['assetChanged'] as Record<string, unknown> | undefined;
const hookUrl = () => `http://127.0.0.1:${h.gateway.port}/webhooks/iconik-demo`;

describe('iconik webhooks', () => {
  it('registers one webhook for asset events at start, with the shared secret as a header', () => {
    const hooks = [...h.demo.iconik.webhooks.hooks.values()];
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ url: hookUrl(), event_type: 'assets', status: 'ENABLED' });
    expect(Object.keys(hooks[0]?.headers ?? {})).toEqual(['x-mam-webhook-secret']);
    expect(hooks[0]?.headers['x-mam-webhook-secret']?.length).toBeGreaterThanOrEqual(16);
  });

  it('delivers a change made outside the gateway to a subscriber, through the webhook', async () => {
    const asset = [...h.demo.iconik.state.assets.values()].find((a) => a.status === 'ACTIVE');
    const id = encodeGlobalId('Asset', 'iconik-demo', asset?.id ?? '');
    const sub = subscribe(client, 'subscription ($ids: [ID!]!) { assetChanged(ids: $ids) { assetId kind status cause asset { title } } }', { ids: [id] });
    await new Promise((resolve) => setTimeout(resolve, 400));
    // Another iconik client renames the asset through iconik's API.
    const iconik = h.demo.config.sources.find((source) => source['vendor'] === 'ICONIK') as { credentials: { appId: string; authToken: string } };
    const res = await fetch(`${h.demo.iconik.baseUrl}assets/v1/assets/${asset?.id ?? ''}/`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'app-id': iconik.credentials.appId, 'auth-token': iconik.credentials.authToken },
      body: JSON.stringify({ title: 'Renamed in iconik' }),
    });
    expect(res.status).toBe(200);
    const seen = await sub.waitFor((m) => change(m)?.['cause'] === 'WEBHOOK', 3_000);
    expect(change(seen)).toEqual({ assetId: id, kind: 'UPDATED', status: 'AVAILABLE', cause: 'WEBHOOK', asset: { title: 'Renamed in iconik' } });
    expect(h.demo.iconik.webhooks.deliveries.at(-1)).toMatchObject({ url: hookUrl(), status: 204 });
    await sub.close();
  });

  it('refuses deliveries without the secret, and paths of sources without webhooks', async () => {
    const event = { event_type: 'assets', operation: 'update', object_id: 'x' };
    const post = (path: string, headers: Record<string, string> = {}) =>
      fetch(new URL(path, h.gateway.url), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(event) });
    const noSecret = await post('/webhooks/iconik-demo');
    expect(noSecret.status).toBe(401);
    expect(await noSecret.json()).toEqual({ errors: [{ message: 'Missing or wrong webhook secret.', extensions: { code: 'UNAUTHENTICATED' } }] });
    expect((await post('/webhooks/iconik-demo', { 'x-mam-webhook-secret': 'wrong-secret-of-some-length' })).status).toBe(401);
    expect((await post('/webhooks/nomad-demo')).status).toBe(404);
  });
});
