// At start, each source whose vendor has a webhook API (the WEBHOOKS capability: iconik)
// is asked to call <publicUrl>/webhooks/<source> on asset changes, with the shared secret
// in a header. Registration is idempotent (the vendor's list is read first), so every
// instance may do it at every start; a failure is logged and the gateway serves anyway
// (live updates of that source then come from writes and polling only).
import { WEBHOOK_PATH_PREFIX, WEBHOOK_SECRET_HEADER } from '../http/webhook-endpoint.js';
import { logger } from '../logger.js';
import { internalScope } from '../request-scope.js';
import type { SourceConnections } from '../sources.js';

export async function registerWebhooks(sources: SourceConnections, publicUrl: string, secret: string): Promise<void> {
  const registry = sources.forRequest(internalScope(15_000));
  await Promise.all(
    registry.all.map(async (source) => {
      if (!source.adapter.webhooks) return;
      const url = new URL(`${WEBHOOK_PATH_PREFIX}${encodeURIComponent(source.name)}`, publicUrl).href;
      try {
        const outcome = await source.adapter.webhooks.register(url, { [WEBHOOK_SECRET_HEADER]: secret });
        logger.info({ source: source.name, url, outcome }, 'vendor webhook registered');
      } catch (error) {
        logger.warn({ source: source.name, url, error: error instanceof Error ? error.message : String(error) }, 'vendor webhook could not be registered; this source is watched by polling only');
      }
    }),
  );
}
