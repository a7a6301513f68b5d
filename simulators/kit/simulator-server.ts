// A tiny HTTP server kit shared by the vendor simulators: route table with :params,
// JSON bodies, a request log (tests count upstream calls from it), and an auth check per
// vendor. Each simulator implements its vendor's documented paths, verbs, status codes
// and bodies on top of this; nothing vendor-specific lives here.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SimRequest {
  readonly method: string;
  readonly path: string;
  /** Path and query exactly as received (what NCP signs). */
  readonly rawUrl: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

export interface SimResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export type SimHandler = (request: SimRequest) => SimResponse | Promise<SimResponse>;

export interface Route {
  readonly method: string;
  readonly pattern: string;
  readonly handler: SimHandler;
}

export interface LoggedRequest {
  readonly method: string;
  /** Path and query as received. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

/** One request with its parsed body and the answer the simulator gave (contract tests). */
export interface Exchange {
  readonly method: string;
  readonly path: string;
  /** Path and query exactly as received (replays keep NCP's signature valid). */
  readonly rawUrl: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
  readonly status: number;
  readonly response: unknown;
}

/**
 * A fault the simulator injects into matching requests, for tests and benchmarks:
 * extra latency, an error status (with Retry-After), a body that is not JSON, JSON of the
 * wrong shape, an empty 204, an HTML error page, a reset connection, or no answer at all.
 */
export type Fault =
  | { readonly kind: 'latency'; readonly ms: number }
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string; readonly body?: unknown }
  | { readonly kind: 'malformed' | 'wrong-shape' | 'empty' | 'html' | 'reset' | 'hang' }
  /** The vendor does the work, then the answer is lost (the connection drops). */
  | { readonly kind: 'lost-answer' }
  /** Object storage only: the connection drops after this many bytes of the body (mid-part). */
  | { readonly kind: 'cut'; readonly afterBytes: number };

export interface FaultRule {
  readonly fault: Fault;
  /** How many matching requests get the fault (default: all until cleared). */
  readonly times?: number;
  /** Only requests whose method + path (e.g. "POST /API/search") contain this. */
  readonly match?: string;
}

export interface FaultSwitch {
  inject(rule: FaultRule): void;
  clear(): void;
}

/**
 * A route over raw bytes (object storage: signed-URL downloads and part uploads): handled
 * before any JSON parsing, without the vendor's API auth (the URL's signature is the
 * authority), with faults applied like every other request.
 */
export interface ByteRoute {
  readonly method: 'GET' | 'HEAD' | 'PUT';
  readonly pattern: string;
  readonly handle: (req: IncomingMessage, res: ServerResponse, params: Readonly<Record<string, string>>, query: URLSearchParams, cut?: number) => Promise<void>;
}

export interface SimulatorOptions {
  readonly port?: number;
  readonly byteRoutes?: readonly ByteRoute[];
  /** Latency added to every request (benchmarks), on top of injected faults. */
  readonly latencyMs?: number;
  readonly routes: readonly Route[];
  /** Returns a response to refuse the request (for example 401), or undefined to serve it. */
  readonly authenticate: (request: SimRequest) => SimResponse | undefined;
  /** The answer for a path no route matches. */
  readonly notFound: (request: SimRequest) => SimResponse;
}

export interface RunningSimulator {
  readonly origin: string;
  readonly port: number;
  /** The requests received, oldest first: the newest LOG_LIMIT at least, and at most twice that. */
  readonly requests: LoggedRequest[];
  /** Requests a route or the auth check answered, with both bodies, oldest first; bounded like `requests`. */
  readonly exchanges: Exchange[];
  clearRequests(): void;
  /** How many requests were received since start, including those the bounded log no longer holds. */
  receivedCount(): number;
  /** Fault injection for tests: what the vendor does when it misbehaves. */
  readonly faults: FaultSwitch;
  close(): Promise<void>;
}

interface CompiledRoute {
  readonly method: string;
  readonly regex: RegExp;
  readonly names: readonly string[];
  readonly handler: SimHandler;
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.pattern
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { method: route.method, regex: new RegExp(`^${source}$`), names, handler: route.handler };
}

/**
 * The request logs keep the newest entries only. Tests look at a few; the demo runs for
 * hours and the benchmarks send hundreds of thousands of requests, and an unbounded log of
 * every answer's body (an iconik search of 20 assets is 13 kB of JSON) grew the benchmark's
 * own process by hundreds of megabytes and its garbage collection with it (issue 17).
 */
export const LOG_LIMIT = 1_000;

/** Appends to a bounded log, dropping the oldest LOG_LIMIT entries once it holds twice that. */
function append<T>(log: T[], entry: T): void {
  if (log.length >= 2 * LOG_LIMIT) log.splice(0, LOG_LIMIT);
  log.push(entry);
}

export async function startSimulatorServer(options: SimulatorOptions): Promise<RunningSimulator> {
  const routes = options.routes.map(compile);
  const byteRoutes = (options.byteRoutes ?? []).map((route) => ({ route, compiled: compile({ method: route.method, pattern: route.pattern, handler: () => ({ status: 500 }) }) }));
  const requests: LoggedRequest[] = [];
  const exchanges: Exchange[] = [];
  let received = 0;
  const rules: Array<{ rule: FaultRule; left: number }> = [];
  const faults: FaultSwitch = {
    inject: (rule) => rules.push({ rule, left: rule.times ?? Infinity }),
    clear: () => {
      rules.length = 0;
    },
  };

  // A request the client gave up on (it closed the connection during an injected latency,
  // say) must not take the simulator down: the handler's failures end that exchange only.
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    received += 1;
    append(requests, { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers });
    if (options.latencyMs) await sleep(options.latencyMs);
    const active = rules.find(({ rule, left }) => left > 0 && (!rule.match || `${req.method} ${url.pathname}`.includes(rule.match)));
    let loseAnswer = false;
    let cut: number | undefined;
    if (active) {
      active.left -= 1;
      const { fault } = active.rule;
      if (fault.kind === 'latency') await sleep(fault.ms);
      else if (fault.kind === 'lost-answer') loseAnswer = true;
      else if (fault.kind === 'cut') cut = fault.afterBytes;
      else return injectFault(fault, res);
    }
    for (const { route, compiled } of byteRoutes) {
      const match = route.method === req.method || (route.method === 'GET' && req.method === 'HEAD') ? compiled.regex.exec(url.pathname) : null;
      if (!match) continue;
      const params = Object.fromEntries(compiled.names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]));
      // A lost answer: the work is done (the part stored), then the connection drops
      // instead of the answer being sent.
      if (loseAnswer) res.writeHead = () => (res.socket?.destroy(), res);
      return route.handle(req, res, params, url.searchParams, cut);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');

    let body: unknown;
    try {
      body = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      return send(res, { status: 400, body: { errors: ['Request body is not valid JSON'] } });
    }

    const request = (params: Record<string, string>): SimRequest => ({
      method: req.method ?? 'GET',
      path: url.pathname,
      rawUrl: req.url ?? '/',
      params,
      query: url.searchParams,
      headers: req.headers,
      body,
    });

    for (const route of routes) {
      if (route.method !== req.method) continue;
      const match = route.regex.exec(url.pathname);
      if (!match) continue;
      try {
        const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]));
        const routed = request(params);
        const response = options.authenticate(routed) ?? (await route.handler(routed));
        if (loseAnswer) {
          res.socket?.destroy();
          return;
        }
        append(exchanges, { method: routed.method, path: routed.path, rawUrl: routed.rawUrl, query: routed.query, headers: req.headers, body, status: response.status, response: response.body });
        return send(res, response);
      } catch (error) {
        return send(res, { status: 500, body: { errors: [error instanceof Error ? error.message : 'simulator error'] } });
      }
    }
    return send(res, options.notFound(request({})));
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) res.writeHead(500).end();
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    exchanges,
    faults,
    receivedCount: () => received,
    clearRequests: () => {
      requests.length = 0;
      exchanges.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A query or body value as text for comparisons: strings and numbers as they are, anything else empty. */
export function scalarText(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

function injectFault(fault: Exclude<Fault, { kind: 'latency' | 'lost-answer' }>, res: ServerResponse): void {
  switch (fault.kind) {
    case 'status':
      res.writeHead(fault.status, {
        'content-type': 'application/json',
        ...(fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {}),
      });
      res.end(JSON.stringify(fault.body ?? { message: 'injected fault' }));
      return;
    case 'malformed':
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"objects": [{"id": ');
      return;
    case 'wrong-shape':
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"unexpected": true, "items": "not a list"}');
      return;
    case 'empty':
      res.writeHead(204).end();
      return;
    case 'html':
      res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      return;
    case 'reset':
      res.socket?.destroy();
      return;
    case 'hang':
      return;
  }
}

function send(res: ServerResponse, response: SimResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  if (response.body === undefined) {
    res.writeHead(response.status, headers).end();
    return;
  }
  headers['content-type'] ??= 'application/json';
  res.writeHead(response.status, headers).end(JSON.stringify(response.body));
}
