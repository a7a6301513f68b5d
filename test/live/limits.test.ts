// The limits of live updates, as a client meets them: IDs per subscription, subscriptions
// per connection, connections per instance, and a subscription that falls behind (its
// changes cannot be delivered as fast as they come) closes its connection instead of
// queueing without bound.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Client } from 'graphql-ws';
import { encodeGlobalId } from '../../src/ids.js';
import { startDemoHarness, type DemoHarness } from '../support/gateway-harness.js';
import { liveClient, subscribe, wsUrl } from '../support/live-client.js';

let h: DemoHarness;
const clients: Client[] = [];
beforeAll(async () => {
  h = await startDemoHarness(undefined, {
    config: { subscriptions: { maxConnections: 3, maxSubscriptionsPerConnection: 1, maxIdsPerSubscription: 2, maxQueuedEvents: 2, keepAliveMs: 12_000 } },
  });
});
afterAll(async () => {
  await Promise.all(clients.map(async (client) => client.dispose()));
  await h.stop();
});

const client = () => {
  const c = liveClient(h.gateway.url);
  clients.push(c);
  return c;
};
const iconikIds = (n: number) =>
  [...h.demo.iconik.state.assets.values()].filter((a) => a.status === 'ACTIVE').slice(0, n).map((a) => encodeGlobalId('Asset', 'iconik-demo', a.id));

describe('live update limits', () => {
  it('refuses more IDs than a subscription may watch, and a second subscription on a full connection', async () => {
    const c = client();
    const tooMany = subscribe(c, 'subscription ($ids: [ID!]!) { assetChanged(ids: $ids) { assetId } }', { ids: iconikIds(3) });
    const refusal = await tooMany.waitFor((m) => m.errors !== undefined);
    expect(refusal.errors?.[0]).toMatchObject({ message: '"ids" takes 1 to 2 asset IDs; got 3.', extensions: { code: 'BAD_USER_INPUT' } });

    const first = subscribe(c, 'subscription { assetsChanged { assetId } }');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = subscribe(c, 'subscription { assetsChanged { kind } }');
    const { error } = await second.ended;
    expect(JSON.stringify(error)).toContain('already has 1 subscriptions');
    await first.close();
  });

  it('refuses a subscription whose changes could each cost more vendor calls than the budget', async () => {
    const c = client();
    const deep = subscribe(
      c,
      `subscription ($ids: [ID!]!) { assetChanged(ids: $ids) { asset { collections(first: 100) { edges { node {
        assets(first: 100) { edges { node { collections(first: 100) { edges { node { title } } } } } } } } } } } }`,
      { ids: iconikIds(2) },
    );
    const { error } = await deep.ended;
    expect(JSON.stringify(error)).toContain('vendor calls; the limit is 1000');
  });

  it('closes a subscription that falls behind (1013), instead of queueing its changes', async () => {
    const c = client();
    const closed = new Promise<{ code: number; reason: string }>((resolve) => c.on('closed', (event) => resolve(event as { code: number; reason: string })));
    // Each change reads its asset, and iconik answers reads slowly: changes pile up.
    subscribe(c, 'subscription { assetsChanged(filter: { sources: ["iconik-demo"] }) { assetId asset { title } } }');
    await new Promise((resolve) => setTimeout(resolve, 300));
    h.demo.iconik.faults.inject({ fault: { kind: 'latency', ms: 1_500 }, match: 'POST /API/search' });
    const res = await h.gql('mutation ($ids: [ID!]!) { deleteAssets(input: { ids: $ids }) { results { ok } } }', { ids: iconikIds(6) });
    expect((res.body.data?.['deleteAssets'] as { results: unknown[] }).results).toHaveLength(6);
    const event = await closed;
    h.demo.iconik.faults.clear();
    expect(event.code).toBe(1013);
    expect(event.reason).toContain('Slow consumer');
  });

  it('refuses WebSocket upgrades past the connection limit with 503', async () => {
    const open: WebSocket[] = [];
    let status = 0;
    for (let i = 0; i < 4 && status === 0; i++) {
      const socket = new WebSocket(wsUrl(h.gateway.url), 'graphql-transport-ws');
      // A refused upgrade also ends in an 'error' event.
      socket.on('error', () => {});
      status = await new Promise<number>((resolve) => {
        socket.once('open', () => resolve(0));
        socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? -1));
      });
      open.push(socket);
    }
    expect(status).toBe(503);
    open.forEach((socket) => socket.terminate());
  });
});
