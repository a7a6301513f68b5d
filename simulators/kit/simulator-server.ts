// A tiny HTTP server kit shared by the vendor simulators: route table with :params,
// JSON bodies, a request log (tests count upstream calls from it), and an auth check per
// vendor. Each simulator implements its vendor's documented paths, verbs, status codes
// and bodies on top of this; nothing vendor-specific lives here.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
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

export interface SimulatorOptions {
  readonly port?: number;
  readonly routes: readonly Route[];
  /** Returns a response to refuse the request (for example 401), or undefined to serve it. */
  readonly authenticate: (request: SimRequest) => SimResponse | undefined;
  /** The answer for a path no route matches. */
  readonly notFound: (request: SimRequest) => SimResponse;
}

export interface RunningSimulator {
  readonly origin: string;
  readonly port: number;
  /** Every request received, oldest first. */
  readonly requests: LoggedRequest[];
  clearRequests(): void;
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

export async function startSimulatorServer(options: SimulatorOptions): Promise<RunningSimulator> {
  const routes = options.routes.map(compile);
  const requests: LoggedRequest[] = [];

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers });
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
        return send(res, options.authenticate(routed) ?? (await route.handler(routed)));
      } catch (error) {
        return send(res, { status: 500, body: { errors: [error instanceof Error ? error.message : 'simulator error'] } });
      }
    }
    return send(res, options.notFound(request({})));
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
    clearRequests: () => {
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: import('node:http').ServerResponse, response: SimResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  if (response.body === undefined) {
    res.writeHead(response.status, headers).end();
    return;
  }
  headers['content-type'] ??= 'application/json';
  res.writeHead(response.status, headers).end(JSON.stringify(response.body));
}
