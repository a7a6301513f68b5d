// The three parts of undici the gateway's vendor calls use: Pool, the promise `request`
// and the error classes. undici's index loads all of undici on import (fetch, WebSocket,
// EventSource, caches, mocks, proxies), and that costs an idle gateway 8 MB of RSS
// (measured, issue 17) for code it never runs. So this module loads the three files the
// index itself re-exports, and nothing else. undici has no `exports` map, so these paths
// are reachable, but they are not its documented API: test/vendors/undici-core.test.ts
// checks that they are still the very objects `import 'undici'` gives, so an undici
// release that moves them fails the tests rather than the gateway.
import { createRequire } from 'node:module';
import type { Dispatcher, Pool as UndiciPool, errors as undiciErrors } from 'undici';

const requireUndici = createRequire(import.meta.url);

export const Pool = requireUndici('undici/lib/dispatcher/pool.js') as typeof UndiciPool;
export type Pool = UndiciPool;
export const errors = requireUndici('undici/lib/core/errors.js') as typeof undiciErrors;
const dispatcherRequest = requireUndici('undici/lib/api/api-request.js') as (this: Dispatcher, options: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData>;

/** `dispatcher.request(options)`: the method undici's index adds to every dispatcher, called without loading the index. */
export function request(dispatcher: Dispatcher, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData> {
  return dispatcherRequest.call(dispatcher, options);
}
