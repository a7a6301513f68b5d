import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { encodeGlobalId } from '../../src/ids.js';
import { startGateway, type RunningGateway } from '../../src/server.js';
import { postJson } from '../support/gateway-harness.js';

// Stand-ins for broken vendors: one that never answers, one that answers an HTML error
// page, and a port where nothing listens.
let hanging: Server;
let html: Server;
let gateway: RunningGateway;

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  hanging = createServer(() => {});
  html = createServer((_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad gateway</html>'));
  // Port 1 on loopback: nothing listens there (a freed ephemeral port may be taken by
  // another test's server when the suite runs in parallel).
  const closedPort = 1;
  const source = (name: string, port: number) => ({
    name,
    vendor: 'ICONIK',
    baseUrl: `http://127.0.0.1:${port}/API/`,
    timeoutMs: 300,
    credentials: { appId: 'app', authToken: 'token-that-must-not-leak' },
  });
  gateway = await startGateway({
    port: 0,
    config: parseConfig({
      sources: [source('slow', await listen(hanging)), source('broken', await listen(html)), source('down', closedPort)],
    }),
  });
});

afterAll(async () => {
  await gateway.stop();
  hanging.closeAllConnections();
  await Promise.all([hanging, html].map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('vendor faults become typed errors on the fields they touch', () => {
  it('maps timeout, 5xx HTML and refused connections per source', async () => {
    const ids = ['slow', 'broken', 'down'].map((source) => encodeGlobalId('Asset', source, 'a1'));
    const res = await postJson(gateway.url, {
      query: `query($ids: [ID!]!) { nodes(ids: $ids) { id } sources { name } }`,
      variables: { ids },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ nodes: [null, null, null], sources: [{ name: 'slow' }, { name: 'broken' }, { name: 'down' }] });
    const bySlot = new Map(res.body.errors?.map((e) => [e.path?.[1], e.extensions]));
    expect(bySlot.get(0)).toEqual({ code: 'UPSTREAM_TIMEOUT', source: 'slow', vendor: 'ICONIK' });
    expect(bySlot.get(1)).toEqual({ code: 'UPSTREAM_UNAVAILABLE', source: 'broken', vendor: 'ICONIK', upstreamStatus: 502 });
    expect(bySlot.get(2)).toEqual({ code: 'UPSTREAM_UNAVAILABLE', source: 'down', vendor: 'ICONIK' });
    expect(res.text).not.toContain('token-that-must-not-leak');
    expect(res.text).not.toContain('<html>');
    expect(res.text).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });
});
