// src/vendors/undici-core.ts loads two of undici's own files instead of its index (8 MB
// of RSS an idle gateway does not need). Those paths are not undici's documented API, so
// this test holds them to it: they must be the very objects `import 'undici'` exports; and
// its requestText (undici's handler API) must answer what `pool.request` and `body.text()`
// do, over a real socket.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as undici from 'undici';
import { Pool, errors, requestText } from '../../src/vendors/undici-core.js';

describe("undici's parts, loaded without its index", () => {
  const server = createServer((req, res) => {
    if (req.url === '/split') {
      // A body in two writes that cut a two-byte UTF-8 character in half.
      const bytes = Buffer.from(JSON.stringify({ title: 'Pääkaupunki' }));
      const cut = bytes.indexOf(0xc3) + 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(bytes.subarray(0, cut));
      setTimeout(() => res.end(bytes.subarray(cut)), 20);
      return;
    }
    if (req.url === '/empty') {
      res.writeHead(204).end();
      return;
    }
    res.writeHead(201, { 'content-type': 'application/json', 'retry-after': '7', 'x-seen': `${req.method} ${req.url}` });
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

  it.each(['/items?x=1', '/split', '/empty'])('send a request and read its answer as pool.request does: %s', async (path) => {
    const pool = new Pool(origin, { connections: 1 });
    try {
      const ours = await requestText(pool, { method: 'POST', path, body: '{}' });
      const theirs = await pool.request({ method: 'POST', path, body: '{}' });
      expect(ours.statusCode).toBe(theirs.statusCode);
      expect(ours.headers).toEqual(theirs.headers);
      expect(ours.text).toBe(await theirs.body.text());
    } finally {
      await pool.close();
    }
  });

  it('read status, headers and a split UTF-8 body', async () => {
    const pool = new Pool(origin, { connections: 1 });
    try {
      const created = await requestText(pool, { method: 'POST', path: '/items?x=1', body: '{}' });
      expect(created).toMatchObject({ statusCode: 201, text: '{"ok":true}' });
      expect(created.headers).toMatchObject({ 'x-seen': 'POST /items?x=1', 'retry-after': '7' });
      expect(JSON.parse((await requestText(pool, { method: 'GET', path: '/split' })).text)).toEqual({ title: 'Pääkaupunki' });
      expect(await requestText(pool, { method: 'GET', path: '/empty' })).toMatchObject({ statusCode: 204, text: '' });
    } finally {
      await pool.close();
    }
  });

  it('reject with the same error classes the gateway maps to timeouts', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const pool = new Pool(`http://127.0.0.1:${(silent.address() as AddressInfo).port}`, { connections: 1 });
    try {
      await expect(requestText(pool, { method: 'GET', path: '/', headersTimeout: 50 })).rejects.toBeInstanceOf(undici.errors.HeadersTimeoutError);
    } finally {
      await pool.destroy();
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
