// The HTTP front of the gateway: node:http serving Apollo Server at /graphql (GET for the
// Sandbox landing page and queries, POST for operations). It follows the integration
// contract of @apollo/server (executeHTTPGraphQLRequest), like its standalone server,
// but routes only /graphql and caps request bodies.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { GatewayContext } from '../context.js';
import { logger } from '../logger.js';
import type { RequestScope } from '../request-scope.js';
import { AdmissionGate, DEFAULT_ADMISSION, type AdmissionOptions } from './admission-gate.js';
import { crossOriginHandler, type CrossOriginPolicy } from './cross-origin.js';
import type { Readiness } from './health.js';
import { serveExplorer } from './explorer.js';
import { BodyError, readJsonBody } from './read-json-body.js';
import type { WebhookHandler } from './webhook-endpoint.js';

export const GRAPHQL_PATH = '/graphql';
export const SUBGRAPH_PATH = '/subgraph';

type Endpoints = Readonly<Record<string, ApolloServer<GatewayContext>>>;

export interface HttpServerOptions {
  /** Answers /readyz. */
  readonly readiness: () => Promise<Readiness>;
  /** Budget for one GraphQL request, from arrival. */
  readonly requestDeadlineMs: number;
  /** Per-source credentials a request carries in its headers. */
  readonly credentialsFromHeaders: (headers: IncomingMessage['headers']) => RequestScope['credentials'];
  /** Which browser origins may call the gateway (none by default). */
  readonly crossOrigin: CrossOriginPolicy;
  /** Longest a request waits for admission before it is shed with 503 and Retry-After. */
  readonly queueWaitMs: number;
  /** Overrides of the admission gate's settings (tests). */
  readonly admission?: Partial<AdmissionOptions>;
  /** Serve the explorer to browsers at /graphql, and the Sandbox page (./explorer.ts). */
  readonly explorer: boolean;
  /** Vendor webhook deliveries under /webhooks/ (./webhook-endpoint.ts), when configured. */
  readonly webhooks?: WebhookHandler;
}

export function createHttpServer(
  endpoints: Endpoints,
  context: (scope: RequestScope) => Promise<GatewayContext>,
  options: HttpServerOptions,
): Server {
  const gate = new AdmissionGate({ ...DEFAULT_ADMISSION, ...options.admission });
  const corsHandler = crossOriginHandler(options.crossOrigin);
  const server = createServer((req, res) => {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', requestId);
    const scope: RequestScope = {
      requestId,
      upstream: new Map(),
      deadline: Date.now() + options.requestDeadlineMs,
      credentials: options.credentialsFromHeaders(req.headers),
    };
    corsHandler(req, res, () => {
      handle(endpoints, gate, scope, () => context(scope), options, req, res).catch((error: unknown) => {
        logger.error({ error: error instanceof Error ? error.message : String(error) }, 'request failed outside GraphQL execution');
        if (!res.headersSent) sendJsonError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
        else res.end();
      });
    });
  });
  server.once('close', () => gate.close());
  return server;
}

async function handle(
  endpoints: Endpoints,
  gate: AdmissionGate,
  scope: RequestScope,
  context: () => Promise<GatewayContext>,
  options: HttpServerOptions,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/healthz') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  if (url.pathname === '/readyz') {
    const state = await options.readiness();
    // Serving without the shared cache is degraded, not down: still 200.
    const status = !state.ready ? 'unavailable' : state.sharedCache === 'down' ? 'degraded' : 'ready';
    res.writeHead(state.ready ? 200 : 503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status, sources: state.sources, ...(state.sharedCache ? { sharedCache: state.sharedCache } : {}) }));
    return;
  }
  if (options.webhooks && (await options.webhooks(req, res, url.pathname))) return;
  if (url.pathname === '/' && req.method === 'GET') {
    res.writeHead(302, { location: GRAPHQL_PATH }).end();
    return;
  }
  if (options.explorer && serveExplorer(GRAPHQL_PATH, req, res, url)) return;
  const apollo = endpoints[url.pathname.replace(/\/$/, '')];
  if (!apollo) {
    sendJsonError(res, 404, 'NOT_FOUND', `Not found; the GraphQL endpoint is ${GRAPHQL_PATH}.`);
    return;
  }

  // Admission before the body is read: a waiting request holds only its socket.
  // Shed load early: a request that cannot start within queueWaitMs is told to come back,
  // instead of holding its socket for the whole request deadline.
  if (!(await gate.enter(Math.min(scope.deadline, Date.now() + options.queueWaitMs)))) {
    res.setHeader('retry-after', '1');
    sendJsonError(res, 503, 'SERVICE_UNAVAILABLE', 'The gateway is saturated; retry shortly.');
    return;
  }
  try {
    await serveGraphQL(apollo, context, url, req, res);
  } finally {
    gate.leave();
  }
}

async function serveGraphQL(
  apollo: ApolloServer<GatewayContext>,
  context: () => Promise<GatewayContext>,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let body: unknown;
  try {
    body = req.method === 'POST' ? await readJsonBody(req) : undefined;
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    sendJsonError(res, error.status, error.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', error.message);
    return;
  }

  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
    context,
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

function sendJsonError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
