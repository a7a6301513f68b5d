// iconik's webhooks (notifications service): the gateway registers one webhook for asset
// events pointing at its /webhooks/<source>, carrying the shared secret in the webhook's
// `headers` (iconik sends them with every delivery; it signs nothing itself), and turns
// each delivery into asset changes.
import type { RequestClient } from '../http.js';
import type { WebhookChange, WebhookPort } from '../adapter.js';
import { ICONIK_ENDPOINTS } from './endpoints.js';
import { iconikWebhookEvent } from './responses.js';

const NAME = 'MAM GraphQL gateway';

export class IconikWebhooks implements WebhookPort {
  constructor(private readonly http: RequestClient) {}

  async register(url: string, headers: Readonly<Record<string, string>>): Promise<'created' | 'updated' | 'unchanged'> {
    const { objects } = await this.http.call(ICONIK_ENDPOINTS.webhooks);
    const body = { name: NAME, url, event_type: 'assets', status: 'ENABLED', headers };
    const existing = objects.find((hook) => hook.url === url && hook.event_type === 'assets' && hook.status !== 'DELETED');
    if (!existing) {
      await this.http.call(ICONIK_ENDPOINTS.createWebhook, { body });
      return 'created';
    }
    const sameHeaders = Object.entries(headers).every(([key, value]) => existing.headers?.[key] === value);
    // A FAILING or DISABLED hook (the gateway was down) is switched back on; a new secret replaces the old.
    if (existing.status === 'ENABLED' && sameHeaders) return 'unchanged';
    await this.http.call(ICONIK_ENDPOINTS.updateWebhook, { params: { id: existing.id }, body });
    return 'updated';
  }

  parseEvent(body: unknown): WebhookChange[] {
    const event = iconikWebhookEvent.safeParse(body);
    if (!event.success || event.data.event_type !== 'assets' || !event.data.object_id) return [];
    const operation = event.data.operation?.toLowerCase();
    const kind = operation === 'create' ? 'CREATED' : operation === 'delete' || operation === 'purge' ? 'DELETED' : 'UPDATED';
    return [{ nativeId: event.data.object_id, kind }];
  }
}
