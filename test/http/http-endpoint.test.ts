import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startHarness, type Harness } from '../support/gateway-harness.js';

let h: Harness;
beforeAll(async () => {
  // Readiness probes every call here (the cache is tested below).
  h = await startHarness({ config: { readinessCacheMs: 0 } });
});
afterAll(async () => h.stop());

describe('the /graphql endpoint', () => {
  it('serves browsers the offline explorer, its assets from the project, and the online Sandbox page', async () => {
    const res = await fetch(h.gateway.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    expect(page).toContain('/explorer/assets/graphiql.js');
    expect(page).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)[a-z]/i);
    const script = await fetch(new URL('/explorer/assets/graphiql.js', h.gateway.url));
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect((await script.text()).length).toBeGreaterThan(100_000);
    const sandbox = await fetch(new URL('/sandbox', h.gateway.url));
    expect(await sandbox.text()).toContain('EmbeddedSandbox');
  });

  it('answers GET queries and redirects / to /graphql', async () => {
    const res = await fetch(`${h.gateway.url}?query=${encodeURIComponent('{ sources { name } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(await res.json()).toEqual({ data: { sources: [{ name: 'iconik-test' }] } });
    const root = await fetch(h.gateway.url.replace('/graphql', '/'), { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/graphql');
  });

  it('refuses malformed JSON with 400 and oversized bodies with 413, and keeps serving', async () => {
    const malformed = await postJson(h.gateway.url, '{"query": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.[0]?.extensions?.['code']).toBe('BAD_REQUEST');
    const huge = await postJson(h.gateway.url, { query: `{ sources { name } } # ${'x'.repeat(1_100_000)}` });
    expect(huge.status).toBe(413);
    expect(huge.body.errors?.[0]?.extensions?.['code']).toBe('PAYLOAD_TOO_LARGE');
    const fine = await h.gql('{ sources { name } }');
    expect(fine.status).toBe(200);
  });

  it('gives validation errors their code and no stack trace', async () => {
    const res = await h.gql('{ assets { edges { node { noSuchField } } } }');
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('refuses a subscription over HTTP as a validation error pointing to WebSocket, not an internal one', async () => {
    const res = await h.gql('subscription { assetsChanged { id } }');
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]).toMatchObject({
      message: 'Subscriptions are served over WebSocket (graphql-ws protocol) at /graphql, not over HTTP.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('answers other paths with 404', async () => {
    const res = await fetch(h.gateway.url.replace('/graphql', '/admin'));
    expect(res.status).toBe(404);
  });
});

describe('health endpoints', () => {
  it('/healthz says the process is up; /readyz checks the sources', async () => {
    expect(await (await fetch(h.gateway.url.replace('/graphql', '/healthz'))).json()).toEqual({ status: 'ok' });
    const ready = await fetch(h.gateway.url.replace('/graphql', '/readyz'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', sources: { 'iconik-test': 'up' } });
    h.iconik.faults.inject({ fault: { kind: 'status', status: 401 } });
    const down = await fetch(h.gateway.url.replace('/graphql', '/readyz'));
    h.iconik.faults.clear();
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unavailable', sources: { 'iconik-test': 'down' } });
  });
});

describe('readiness cache', () => {
  it('probes the vendors at most once per readinessCacheMs, however often /readyz is hit', async () => {
    const cached = await startHarness({ config: { readinessCacheMs: 60_000 } });
    try {
      const readyz = cached.gateway.url.replace('/graphql', '/readyz');
      cached.iconik.clearRequests();
      const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(readyz).then((r) => r.status)));
      expect(answers.every((status) => status === 200)).toBe(true);
      await fetch(readyz);
      expect(cached.iconik.requests).toHaveLength(1);
    } finally {
      await cached.stop();
    }
  });
});

describe('automatic persisted queries', () => {
  it('asks for an unknown hash, then serves it by hash alone', async () => {
    const { createHash } = await import('node:crypto');
    const query = '{ sources { name vendor } }';
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    const miss = await postJson(h.gateway.url, { extensions: { persistedQuery } });
    expect(miss.body.errors?.[0]?.extensions?.['code']).toBe('PERSISTED_QUERY_NOT_FOUND');
    const register = await postJson(h.gateway.url, { query, extensions: { persistedQuery } });
    expect(register.body.data).toEqual({ sources: [{ name: 'iconik-test', vendor: 'ICONIK' }] });
    const hit = await postJson(h.gateway.url, { extensions: { persistedQuery } });
    expect(hit.body.data).toEqual(register.body.data);
  });
});

describe('request log', () => {
  it('writes one JSON line per request with the request id, operation and upstream calls per source', async () => {
    const { setLogSink } = await import('../../src/logger.js');
    const lines: string[] = [];
    setLogSink((line) => lines.push(line));
    try {
      const res = await fetch(h.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'req-42' },
        body: JSON.stringify({ query: 'query Firsts { assets(first: 2) { edges { cursor } } }', operationName: 'Firsts' }),
      });
      expect(res.headers.get('x-request-id')).toBe('req-42');
      await res.text();
      // No operationName in the body: the log takes it from the document.
      const unnamed = await fetch(h.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'req-43' },
        body: JSON.stringify({ query: 'query Unnamed { sources { name } }' }),
      });
      await unnamed.text();
    } finally {
      setLogSink(null);
    }
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const entry = entries.find((e) => e['requestId'] === 'req-42');
    expect(entries.find((e) => e['requestId'] === 'req-43')?.['operationName']).toBe('Unnamed');
    expect(entry).toMatchObject({ level: 'info', message: 'graphql request', operationName: 'Firsts', errors: [] });
    const anyNumber: unknown = expect.any(Number);
    expect(entry?.['upstream']).toEqual({ 'iconik-test': { calls: 1, ms: anyNumber } });
  });
});
