// What belongs to one GraphQL request but is needed deep in the upstream client: the
// request's deadline, the credentials the client sent, and the per-source call stats for
// the request log. The HTTP front creates one per request (src/http/http-server.ts) and it
// travels explicitly: the context holds it, and each request gets views of the adapters
// made for it (VendorConnection.forRequest). It is not carried by AsyncLocalStorage: on Node
// 20 that installs promise hooks that cost about a tenth of the gateway's CPU.

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

/** A scope for work outside a client request (readiness checks). */
export function internalScope(deadlineMs: number): RequestScope {
  return { requestId: 'internal', upstream: new Map(), deadline: Date.now() + deadlineMs, credentials: new Map() };
}
