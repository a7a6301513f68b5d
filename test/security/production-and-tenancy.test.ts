import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { setLogSink } from '../../src/logger.js';
import { startGateway, type RunningGateway } from '../../src/server.js';
import { startIconikSimulator, type IconikSimulator } from '../../simulators/iconik/server.js';
import { postJson } from '../support/gateway-harness.js';

const APP_ID = 'tenant-app-id';
const GOOD_TOKEN = 'tenant-a-token-9f8e7d6c5b4a';
const WRONG_TOKEN = 'tenant-b-token-0a1b2c3d4e5f';

let sim: IconikSimulator;
let gateway: RunningGateway;
const logLines: string[] = [];

beforeAll(async () => {
  setLogSink((line) => logLines.push(line));
  process.env.NODE_ENV = 'production';
  sim = await startIconikSimulator({ appId: APP_ID, authToken: GOOD_TOKEN });
  gateway = await startGateway({
    port: 0,
    config: parseConfig({
      sources: [
        {
          name: 'iconik-tenants',
          vendor: 'ICONIK',
          baseUrl: sim.baseUrl,
          credentials: { appId: APP_ID },
          // Each app sends its own iconik token; the gateway stores none.
          credentialHeaders: { authToken: 'x-iconik-auth-token' },
        },
      ],
    }),
  });
});

afterAll(async () => {
  await gateway.stop();
  await sim.close();
  process.env.NODE_ENV = 'test';
  setLogSink(null);
});

const asTenant = (token: string | null, query: string) =>
  postJson(gateway.url, { query }, token ? { 'x-iconik-auth-token': token } : {});

describe('per-request credentials', () => {
  it('serves each tenant with its own credentials only, even interleaved', async () => {
    const tenants = Array.from({ length: 20 }, (_, i) => [GOOD_TOKEN, WRONG_TOKEN, null][i % 3] ?? null);
    const answers = await Promise.all(tenants.map((token) => asTenant(token, '{ assets(first: 3) { edges { node { title } } } }')));
    answers.forEach((answer, i) => {
      const edges = (answer.body.data?.['assets'] as { edges: unknown[] }).edges;
      if (tenants[i] === GOOD_TOKEN) {
        expect(answer.body.errors).toBeUndefined();
        expect(edges).toHaveLength(3);
      } else {
        expect(edges).toEqual([]);
        expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', source: 'iconik-tenants' });
      }
    });
    const withoutHeader = answers[2];
    expect(withoutHeader?.body.errors?.[0]?.message).toBe('No credentials for source "iconik-tenants" on this request (missing authToken).');
    // The request without credentials never reached the vendor.
    expect(sim.requests.length).toBe(tenants.filter((t) => t !== null).length);
  });
});

describe('production mode', () => {
  it('turns off introspection and the landing page and keeps CSRF prevention on', async () => {
    const introspection = await asTenant(GOOD_TOKEN, '{ __schema { types { name } } }');
    expect(introspection.status).toBe(400);
    expect(introspection.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    // The message names the gateway's switch, not an Apollo option.
    expect(introspection.body.errors?.[0]?.message).toContain('GATEWAY_INTROSPECTION=on');

    const landing = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(await landing.text()).not.toMatch(/sandbox|embeddable|graphiql/i);
    for (const path of ['/sandbox', '/explorer/assets/graphiql.js']) {
      expect((await fetch(new URL(path, gateway.url))).status).toBe(404);
    }

    const simpleGet = await fetch(`${gateway.url}?query=${encodeURIComponent('{ sources { name } }')}`);
    expect(simpleGet.status).toBe(400);
    expect(await simpleGet.text()).toContain('CSRF');
  });

  it('serves no /subgraph (its _service { sdl } is the whole schema) and no field suggestions', async () => {
    const sdl = await fetch(gateway.url.replace('/graphql', '/subgraph'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-iconik-auth-token': GOOD_TOKEN },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    });
    expect(sdl.status).toBe(404);
    const typo = await asTenant(GOOD_TOKEN, '{ asset(first: 1) { edges { cursor } } }');
    expect(typo.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typo.text).not.toMatch(/Did you mean/);
  });

  it('masks unexpected errors as INTERNAL_SERVER_ERROR and logs them whole', async () => {
    const asset = [...sim.state.assets.values()].find((a) => a.keyframes.length > 0);
    const keyframe = asset?.keyframes[0];
    if (!keyframe) throw new Error('seed has no keyframes');
    keyframe.url = 'not a url at all';
    const res = await asTenant(GOOD_TOKEN, '{ assets(first: 100) { edges { node { title thumbnailUrl } } } }');
    const error = res.body.errors?.[0];
    expect(error).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(res.text).not.toMatch(/stacktrace|\.ts:\d+|not a url/);
    expect(logLines.some((line) => line.includes('unexpected error') && line.includes('URL'))).toBe(true);
    keyframe.url = 'https://files.example/keyframe.jpg';
  });

  it('never writes a token, secret or auth header to the log', () => {
    expect(logLines.length).toBeGreaterThan(0);
    const log = logLines.join('\n');
    for (const secret of [GOOD_TOKEN, WRONG_TOKEN, 'x-iconik-auth-token', 'Auth-Token', 'authorization']) {
      expect(log).not.toContain(secret);
    }
  });
});
