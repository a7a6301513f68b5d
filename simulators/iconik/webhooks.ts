// iconik's webhooks in the simulator: the notifications service's CRUD
// (/notifications/v1/webhooks/, WebhookCreateSchema -> WebhookSchema, list as
// WebhooksSchema {objects}) and the deliveries. After every successful write request the
// simulator compares each asset with how it was before and POSTs one event per changed
// asset to each ENABLED webhook whose event_type is "assets" (and whose operation and
// object_id, when set, match), with the webhook's own `headers`, as iconik documents
// ("Define the key-value pairs your third party provider requires here"). The event body
// follows iconik's webhook payload (event_type, realm, operation, object_id, data, ...);
// its exact field set is an assumption recorded in docs/vendors.md (A15).
import { randomUUID } from 'node:crypto';
import type { Route, SimResponse } from '../kit/simulator-server.js';
import type { IconikState } from './state.js';

interface WebhookRecord {
  id: string;
  name?: string;
  description?: string;
  url: string;
  event_type: string;
  operation: string | null;
  realm: string | null;
  object_id: string | null;
  status: 'ENABLED' | 'DISABLED' | 'FAILING' | 'DELETED';
  headers: Record<string, string>;
  date_created: string;
  date_modified: string;
  last_error?: string;
  first_failed_at?: string;
}

export interface WebhookDelivery {
  readonly url: string;
  readonly status: number | 'failed';
  readonly body: Record<string, unknown>;
}

const errors = (status: number, body: unknown): SimResponse => ({ status, body: { errors: body } });

export class IconikWebhooks {
  readonly hooks = new Map<string, WebhookRecord>();
  /** Every delivery attempt, oldest first (tests). */
  readonly deliveries: WebhookDelivery[] = [];
  private snapshot = new Map<string, string>();
  /** Writes happened while no webhook was registered: the snapshot is out of date. */
  private stale = false;
  readonly systemDomainId = randomUUID();

  constructor(private readonly state: IconikState) {}

  /** Remembers how the assets are now (after seeding), so only later changes are sent. */
  remember(): void {
    this.snapshot = this.fingerprints();
  }

  routes(api: string): Route[] {
    const base = `${api}/notifications/v1/webhooks/`;
    return [
      { method: 'GET', pattern: base, handler: () => ({ status: 200, body: { objects: [...this.hooks.values()].filter((hook) => hook.status !== 'DELETED') } }) },
      {
        method: 'POST',
        pattern: base,
        handler: ({ body }) => {
          const problem = invalid(body);
          if (problem) return errors(400, problem);
          const now = new Date().toISOString();
          const hook: WebhookRecord = { id: randomUUID(), ...fieldsOf(body as Record<string, unknown>), date_created: now, date_modified: now };
          this.hooks.set(hook.id, hook);
          return { status: 201, body: hook };
        },
      },
      {
        method: 'GET',
        pattern: `${base}:webhook_id/`,
        handler: ({ params }) => {
          const hook = this.hooks.get(params['webhook_id'] ?? '');
          return hook && hook.status !== 'DELETED' ? { status: 200, body: hook } : errors(404, ['Webhook does not exist']);
        },
      },
      {
        method: 'PUT',
        pattern: `${base}:webhook_id/`,
        handler: ({ params, body }) => {
          const hook = this.hooks.get(params['webhook_id'] ?? '');
          if (!hook || hook.status === 'DELETED') return errors(404, ['Webhook does not exist']);
          const problem = invalid(body);
          if (problem) return errors(400, problem);
          Object.assign(hook, fieldsOf(body as Record<string, unknown>), { date_modified: new Date().toISOString() });
          return { status: 200, body: hook };
        },
      },
      {
        method: 'DELETE',
        pattern: `${base}:webhook_id/`,
        handler: ({ params }) => {
          const hook = this.hooks.get(params['webhook_id'] ?? '');
          if (!hook || hook.status === 'DELETED') return errors(404, ['Webhook does not exist']);
          this.hooks.delete(hook.id);
          return { status: 204 };
        },
      },
    ];
  }

  /** After a write: one event per asset that was created, changed or removed since the last look. */
  async dispatchChanges(): Promise<void> {
    // Nobody to tell: no need to look (the comparison reads every asset).
    if (![...this.hooks.values()].some((hook) => hook.status === 'ENABLED' || hook.status === 'FAILING')) {
      this.stale = true;
      return;
    }
    if (this.stale) {
      // Changes made while no webhook listened are not announced later.
      this.stale = false;
      this.remember();
    }
    const now = this.fingerprints();
    const events: Array<{ id: string; operation: 'create' | 'update' | 'delete' }> = [];
    for (const [id, print] of now) {
      const before = this.snapshot.get(id);
      if (before === undefined) events.push({ id, operation: 'create' });
      else if (before !== print) events.push({ id, operation: (JSON.parse(print) as { status?: unknown }).status === 'DELETED' ? 'delete' : 'update' });
    }
    for (const id of this.snapshot.keys()) if (!now.has(id)) events.push({ id, operation: 'delete' });
    this.snapshot = now;
    await Promise.all(events.map((event) => this.deliver(event.id, event.operation)));
  }

  private fingerprints(): Map<string, string> {
    return new Map([...this.state.assets.values()].map((asset) => [asset.id, JSON.stringify(this.state.assetRecordDocument(asset))]));
  }

  private async deliver(objectId: string, operation: 'create' | 'update' | 'delete'): Promise<void> {
    const asset = this.state.assets.get(objectId);
    const body = {
      system_domain_id: this.systemDomainId,
      event_type: 'assets',
      realm: 'entity',
      operation,
      object_id: objectId,
      user_id: null,
      request_id: randomUUID(),
      data: asset ? this.state.assetRecordDocument(asset) : { id: objectId },
    };
    const targets = [...this.hooks.values()].filter(
      (hook) =>
        (hook.status === 'ENABLED' || hook.status === 'FAILING') &&
        hook.event_type === 'assets' &&
        (!hook.operation || hook.operation === 'all' || hook.operation === operation) &&
        (!hook.object_id || hook.object_id === objectId),
    );
    await Promise.all(
      targets.map(async (hook) => {
        try {
          const response = await fetch(hook.url, {
            method: 'POST',
            headers: { ...hook.headers, 'content-type': 'application/json' },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(5_000),
          });
          await response.arrayBuffer();
          this.deliveries.push({ url: hook.url, status: response.status, body });
          if (response.ok) hook.status = 'ENABLED';
          else this.failed(hook, `HTTP ${response.status}`);
        } catch (error) {
          this.deliveries.push({ url: hook.url, status: 'failed', body });
          this.failed(hook, error instanceof Error ? error.message : String(error));
        }
      }),
    );
  }

  private failed(hook: WebhookRecord, why: string): void {
    hook.status = 'FAILING';
    hook.last_error = why;
    hook.first_failed_at ??= new Date().toISOString();
  }
}

/** WebhookCreateSchema requires event_type, status and url. */
function invalid(body: unknown): Record<string, string> | null {
  const record = (body ?? {}) as Record<string, unknown>;
  const problems: Record<string, string> = {};
  for (const field of ['event_type', 'url'] as const) if (typeof record[field] !== 'string' || !record[field]) problems[field] = 'Missing data for required field.';
  if (!['ENABLED', 'DISABLED', 'FAILING', 'DELETED'].includes(String(record['status']))) problems['status'] = 'Must be one of: ENABLED, DISABLED, FAILING, DELETED.';
  if (record['headers'] !== undefined && (typeof record['headers'] !== 'object' || record['headers'] === null)) problems['headers'] = 'Not a valid mapping type.';
  return Object.keys(problems).length > 0 ? problems : null;
}

function fieldsOf(body: Record<string, unknown>): Omit<WebhookRecord, 'id' | 'date_created' | 'date_modified'> {
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key]) : null);
  const name = text('name');
  const description = text('description');
  return {
    // WebhookSchema: name and description are strings when present (not nullable).
    ...(name !== null ? { name } : {}),
    ...(description !== null ? { description } : {}),
    url: String(body['url']),
    event_type: String(body['event_type']),
    operation: text('operation'),
    realm: text('realm'),
    object_id: text('object_id'),
    status: body['status'] as WebhookRecord['status'],
    headers: Object.fromEntries(Object.entries((body['headers'] as Record<string, unknown> | undefined) ?? {}).map(([key, value]) => [key, String(value)])),
  };
}
