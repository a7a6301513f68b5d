// The two parts of undici the gateway's vendor calls load: Pool and the error classes.
// undici's index loads all of undici on import (fetch, WebSocket, EventSource, caches,
// mocks, proxies), and that costs an idle gateway 8 MB of RSS (measured, issue 17) for code
// it never runs. So this module loads the two files the index itself re-exports, and
// nothing else. undici has no `exports` map, so these paths are reachable, but they are not
// its documented API: test/vendors/undici-core.test.ts checks that they are still the very
// objects `import 'undici'` gives, so an undici release that moves them fails the tests
// rather than the gateway.
import { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';
import type { Dispatcher, Pool as UndiciPool, errors as undiciErrors } from 'undici';
import type { IncomingHttpHeaders } from 'undici/types/header.js';

const requireUndici = createRequire(import.meta.url);

export const Pool = requireUndici('undici/lib/dispatcher/pool.js') as typeof UndiciPool;
export type Pool = UndiciPool;
export const errors = requireUndici('undici/lib/core/errors.js') as typeof undiciErrors;

/** A vendor's answer, read whole. */
export interface TextResponse {
  readonly statusCode: number;
  readonly headers: IncomingHttpHeaders;
  /** The body decoded as UTF-8 ('' when empty). */
  readonly text: string;
}

/**
 * Sends one request through the dispatcher (`dispatcher.dispatch`, undici's documented
 * handler API) and resolves with its status, headers and body text; rejects with undici's
 * own errors (timeouts, a closed socket) as `request` does.
 *
 * Why not `request` and `body.text()`: those build an AsyncResource and a Readable stream
 * per answer and read it back through the stream, and every vendor answer here is small
 * JSON read whole. The gateway's client CPU per vendor call (iconik's share list, 16 at
 * once, eight alternating rounds in one process): median 56.2 -> 51.9 us (issue 17).
 */
export function requestText(dispatcher: Dispatcher, options: Dispatcher.DispatchOptions): Promise<TextResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let statusCode = 0;
    let headers: IncomingHttpHeaders = {};
    dispatcher.dispatch(options, {
      onRequestStart() {},
      onResponseStart(_controller, status, responseHeaders) {
        // An informational answer (1xx) is followed by the real one.
        if (status < 200) return;
        statusCode = status;
        headers = responseHeaders;
      },
      onResponseData(_controller, chunk) {
        chunks.push(chunk);
      },
      onResponseEnd() {
        const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
        resolve({ statusCode, headers, text: body ? body.toString('utf8') : '' });
      },
      onResponseError(_controller, error) {
        reject(error);
      },
    });
  });
}
