// Cross-origin policy. The gateway acts with the credentials in its configuration, so a
// page on another site must not be able to drive it: CORS is off unless the configuration
// lists origins (`cors.allowedOrigins`). A request that carries an `Origin` header which is
// neither this gateway's own origin nor on the list is refused with 403 before any GraphQL
// runs, so even a "simple" request that a browser sends without a preflight does nothing.
// Listed origins get the CORS headers from the `cors` package (allowed headers: the ones
// Apollo's CSRF prevention and the credential headers need, not every header asked for).
import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';

export interface CrossOriginPolicy {
  /** Exact origins (`https://app.example.com`) allowed to call the gateway from a browser. */
  readonly allowedOrigins: readonly string[];
  /** Request headers a listed origin may send (credential headers are added to these). */
  readonly allowedHeaders: readonly string[];
}

const BASE_HEADERS = ['content-type', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id', 'apollographql-client-name', 'apollographql-client-version'];

export type CrossOriginHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export function crossOriginHandler(policy: CrossOriginPolicy): CrossOriginHandler {
  const allowed = new Set(policy.allowedOrigins);
  const corsForListed = cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: [...BASE_HEADERS, ...policy.allowedHeaders],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  });
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin === undefined || allowed.has(origin)) {
      // No Origin: not a browser's cross-origin call (curl, servers, same-origin GET).
      if (origin === undefined) next();
      else corsForListed(req, res, next);
      return;
    }
    if (isSameOrigin(origin, req.headers.host)) {
      next();
      return;
    }
    res.writeHead(403, { 'content-type': 'application/json', vary: 'Origin' });
    res.end(JSON.stringify({ errors: [{ message: 'Cross-origin requests from this origin are not allowed; list it in cors.allowedOrigins.', extensions: { code: 'FORBIDDEN' } }] }));
  };
}

/**
 * Whether a WebSocket upgrade may proceed: browsers send `Origin` on every upgrade and do
 * not apply CORS to WebSockets, so the same list decides (cross-site WebSocket hijacking).
 */
export function upgradeOriginAllowed(policy: CrossOriginPolicy, origin: string | undefined, host: string | undefined): boolean {
  return origin === undefined || policy.allowedOrigins.includes(origin) || isSameOrigin(origin, host);
}

// The Sandbox landing page served at /graphql posts back to the same origin; browsers send
// `Origin` on those POSTs too. Same origin = same host and port as the request's Host.
function isSameOrigin(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
