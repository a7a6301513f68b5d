// POST /webhooks/<source>: vendor webhook deliveries. A delivery must carry the configured
// shared secret in WEBHOOK_SECRET_HEADER (iconik sends the headers its webhook was
// registered with; src/live/webhook-registration.ts); without webhooks configured, or for
// a source whose vendor has no webhooks, the path does not exist (404). Each asset the
// event names is read again (batched, configured credentials) for its current status,
// the shared cache drops it, and the change is published with cause WEBHOOK; one still
// transient is polled until it settles. The vendor gets 204 once that is done, or 401,
// 400, 404 with the usual JSON error body.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { invalidate, type CacheBinding } from '../cache/cached-reads.js';
import type { LiveUpdates } from '../live/live-updates.js';
import { createLoaders } from '../loaders/create-loaders.js';
import { logger } from '../logger.js';
import { internalScope } from '../request-scope.js';
import type { SourceConnections } from '../sources.js';
import { BodyError, readJsonBody } from './read-json-body.js';

export const WEBHOOK_PATH_PREFIX = '/webhooks/';
export const WEBHOOK_SECRET_HEADER = 'x-mam-webhook-secret';

export interface WebhookEndpointOptions {
  readonly secret: string;
  readonly sources: SourceConnections;
  readonly live: LiveUpdates;
  readonly cache: CacheBinding | undefined;
}

export type WebhookHandler = (req: IncomingMessage, res: ServerResponse, path: string) => Promise<boolean>;

/** Answers a request under /webhooks/ (true), or leaves it to the other routes (false). */
export function webhookEndpoint(options: WebhookEndpointOptions): WebhookHandler {
  const expected = Buffer.from(options.secret);
  return async (req, res, path) => {
    if (!path.startsWith(WEBHOOK_PATH_PREFIX)) return false;
    const name = decodeURIComponent(path.slice(WEBHOOK_PATH_PREFIX.length));
    // One registry per delivery: it finds the source and reads the assets the event names.
    const registry = options.sources.forRequest({ ...internalScope(10_000), requestId: `webhook-${randomUUID()}` });
    const source = registry.all.find((entry) => entry.name === name);
    const port = source?.adapter.webhooks;
    if (!source || !port) return send(res, 404, 'NOT_FOUND', `No webhooks are received for "${name.slice(0, 64)}".`);
    if (req.method !== 'POST') return send(res, 405, 'BAD_REQUEST', 'Webhooks are delivered with POST.');
    const sent = req.headers[WEBHOOK_SECRET_HEADER];
    const given = Buffer.from(typeof sent === 'string' ? sent : '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      logger.warn({ source: name }, 'webhook delivery refused: missing or wrong shared secret');
      return send(res, 401, 'UNAUTHENTICATED', 'Missing or wrong webhook secret.');
    }
    let body: unknown;
    try {
      body = await readJsonBody(req);
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      return send(res, error.status, 'BAD_REQUEST', error.message);
    }
    const changes = port.parseEvent(body);
    if (changes.length > 0) {
      const refs = changes.map((change) => ({ source: name, nativeId: change.nativeId }));
      await invalidate(options.cache, 'Asset', refs);
      // The event says what happened; the vendor's API says the status now.
      const loaders = createLoaders(registry);
      const assets = await loaders.assets.loadMany(refs);
      options.live.assetsChanged(
        changes.map((change, i) => {
          const asset = assets[i];
          const status = asset && !(asset instanceof Error) ? asset.status : null;
          return { ref: refs[i] ?? { source: name, nativeId: change.nativeId }, kind: asset === null && change.kind !== 'CREATED' ? 'DELETED' : change.kind, status };
        }),
        'WEBHOOK',
      );
    }
    res.writeHead(204).end();
    return true;
  };
}

function send(res: ServerResponse, status: number, code: string, message: string): true {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
  return true;
}
