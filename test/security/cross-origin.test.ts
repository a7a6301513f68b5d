// A web page on another site must not be able to use the gateway (and with it the vendor
// credentials in its configuration). Before this policy, `cors()` answered
// `Access-Control-Allow-Origin: *` and a POST from https://evil.example emptied the bin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { startGateway, type RunningGateway } from '../../src/server.js';
import { startIconikSimulator, type IconikSimulator } from '../../simulators/iconik/server.js';
import { TEST_APP_ID, TEST_AUTH_TOKEN } from '../support/gateway-harness.js';

const TRUSTED = 'https://media-app.example.com';
const EVIL = 'https://evil.example';
const EMPTY_BIN = JSON.stringify({ query: 'mutation { emptyRecycleBin(input: { source: "iconik-test" }) { results { ok } } }' });

let sim: IconikSimulator;
let defaults: RunningGateway;
let listed: RunningGateway;

beforeAll(async () => {
  sim = await startIconikSimulator({ appId: TEST_APP_ID, authToken: TEST_AUTH_TOKEN });
  const source = { name: 'iconik-test', vendor: 'ICONIK', baseUrl: sim.baseUrl, credentials: { appId: TEST_APP_ID, authToken: TEST_AUTH_TOKEN } };
  defaults = await startGateway({ port: 0, config: parseConfig({ sources: [source] }) });
  listed = await startGateway({
    port: 0,
    config: parseConfig({ sources: [{ ...source, credentialHeaders: { authToken: 'x-iconik-auth-token' } }], cors: { allowedOrigins: [TRUSTED] } }),
  });
});
afterAll(async () => {
  await Promise.all([defaults.stop(), listed.stop()]);
  await sim.close();
});

const post = (url: string, headers: Record<string, string>) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: EMPTY_BIN });

describe('cross-origin policy', () => {
  it('is off by default: a preflight from another site gets no CORS grant', async () => {
    const preflight = await fetch(defaults.url, {
      method: 'OPTIONS',
      headers: { origin: EVIL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('refuses a write from another site before any vendor call', async () => {
    sim.clearRequests();
    const res = await post(defaults.url, { origin: EVIL });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    expect(sim.requests).toHaveLength(0);
  });

  it('serves clients without an Origin (servers, curl) and the same-origin Sandbox page', async () => {
    const query = JSON.stringify({ query: '{ sources { name } }' });
    const plain = await fetch(defaults.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query });
    expect(plain.status).toBe(200);
    const sameOrigin = await fetch(defaults.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: new URL(defaults.url).origin },
      body: query,
    });
    expect(await sameOrigin.json()).toEqual({ data: { sources: [{ name: 'iconik-test' }] } });
    expect(sameOrigin.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('grants exactly the listed origins, with the credential headers but not any header', async () => {
    const preflight = await fetch(listed.url, {
      method: 'OPTIONS',
      headers: { origin: TRUSTED, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-iconik-auth-token' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(TRUSTED);
    const allowedHeaders = preflight.headers.get('access-control-allow-headers')?.split(',') ?? [];
    expect(allowedHeaders).toContain('x-iconik-auth-token');
    expect(allowedHeaders).toContain('content-type');
    expect(allowedHeaders).not.toContain('x-anything');

    const ok = await fetch(listed.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: TRUSTED },
      body: JSON.stringify({ query: '{ sources { name } }' }),
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(TRUSTED);

    sim.clearRequests();
    expect((await post(listed.url, { origin: EVIL })).status).toBe(403);
    expect(sim.requests).toHaveLength(0);
  });

  it('rejects wildcards and paths in the configuration', () => {
    const source = { name: 'x', vendor: 'ICONIK', baseUrl: 'http://127.0.0.1:1/', credentials: { appId: 'a', authToken: 'b' } };
    expect(() => parseConfig({ sources: [source], cors: { allowedOrigins: ['*'] } })).toThrow(/cors.allowedOrigins.0/);
    expect(() => parseConfig({ sources: [source], cors: { allowedOrigins: ['https://a.example/app'] } })).toThrow(/exact origin/);
  });
});
