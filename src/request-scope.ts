// What belongs to one GraphQL request but is needed deep in the upstream client: the
// request's deadline and, for sources set up for it, the credentials the client sent.
// Carried with AsyncLocalStorage so adapters and loaders need no extra parameters; the HTTP
// front opens the scope around each request (src/http/http-server.ts).
import { AsyncLocalStorage } from 'node:async_hooks';

export interface UpstreamStats {
  calls: number;
  totalMs: number;
}

export interface RequestScope {
  /** Correlates the request's log line with the client (x-request-id, echoed back). */
  readonly requestId: string;
  /** Upstream calls made for this request, per source, for the request log. */
  readonly upstream: Map<string, UpstreamStats>;
  /** Epoch ms after which no upstream call may start or continue. */
  readonly deadline: number;
  /** Per-source credentials from request headers (source name -> credential fields). */
  readonly credentials: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, run: () => T): T {
  return storage.run(scope, run);
}

/** A scope for work outside a client request (readiness checks). */
export function internalScope(deadlineMs: number): RequestScope {
  return { requestId: 'internal', upstream: new Map(), deadline: Date.now() + deadlineMs, credentials: new Map() };
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
