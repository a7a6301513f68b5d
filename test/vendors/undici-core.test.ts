// src/vendors/undici-core.ts loads three of undici's own files instead of its index (8 MB
// of RSS an idle gateway does not need). Those paths are not undici's documented API, so
// this test holds them to it: they must be the very objects `import 'undici'` exports, and
// the request they make must behave as `pool.request` does, over a real socket.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as undici from 'undici';
import { Pool, errors, request } from '../../src/vendors/undici-core.js';

describe("undici's parts, loaded without its index", () => {
  const server = createServer((req, res) => {
    res.writeHead(201, { 'content-type': 'application/json', 'x-seen': `${req.method} ${req.url}` });
    res.end(JSON.stringify({ ok: true }));
  });
  let origin = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('are the Pool and error classes undici exports', () => {
    expect(Pool).toBe(undici.Pool);
    expect(errors).toBe(undici.errors);
    expect(errors.HeadersTimeoutError).toBe(undici.errors.HeadersTimeoutError);
  });

  it('send a request and read its answer as pool.request does', async () => {
    const pool = new Pool(origin, { connections: 1 });
    try {
      const ours = await request(pool, { method: 'POST', path: '/items?x=1', body: '{}' });
      const theirs = await pool.request({ method: 'POST', path: '/items?x=1', body: '{}' });
      expect(ours.statusCode).toBe(201);
      expect(ours.headers['x-seen']).toBe('POST /items?x=1');
      expect(await ours.body.json()).toEqual({ ok: true });
      expect(theirs.statusCode).toBe(ours.statusCode);
      expect(await theirs.body.json()).toEqual({ ok: true });
    } finally {
      await pool.close();
    }
  });

  it('reject with the same error classes the gateway maps to timeouts', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const pool = new Pool(`http://127.0.0.1:${(silent.address() as AddressInfo).port}`, { connections: 1 });
    try {
      await expect(request(pool, { method: 'GET', path: '/', headersTimeout: 50 })).rejects.toBeInstanceOf(undici.errors.HeadersTimeoutError);
    } finally {
      await pool.destroy();
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
