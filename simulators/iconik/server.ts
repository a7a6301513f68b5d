// iconik simulator: iconik endpoints from its OpenAPI (the copy in docs/iconik/), with
// iconik's paths (service prefix included, under /API like https://app.iconik.io/API/),
// verbs, query parameters, list envelope {objects, page, pages, per_page, total}, status
// codes and error body {"errors": [...]}, over in-memory state. Auth: App-ID and
// Auth-Token headers. Besides what the gateway calls it serves the documented by-id reads
// a generic client uses (assets, collections, shares). Search returns live objects only
// (deleted assets are in the delete queue) and honours `include_fields` (assumptions,
// docs/vendors.md).
import { randomUUID } from 'node:crypto';
import { scalarText, startSimulatorServer, type Route, type RunningSimulator, type SimRequest, type SimResponse } from '../kit/simulator-server.js';
import { iconikMediaRoutes, iconikStorageRoutes } from './media.js';
import { FileStore } from '../kit/file-store.js';
import { seedIconik } from './seed.js';
import { IconikState, type IconikAssetRecord } from './state.js';
import { IconikWebhooks } from './webhooks.js';

export interface IconikSimulatorOptions {
  readonly port?: number;
  /** Latency added to every request (benchmarks). */
  readonly latencyMs?: number;
  readonly appId: string;
  readonly authToken: string;
  /** Seed the demo data (default true); tests may start empty and add their own. */
  readonly seed?: boolean;
}

export interface IconikSimulator extends RunningSimulator {
  /** Base URL to configure the gateway with, e.g. http://127.0.0.1:PORT/API/ */
  readonly baseUrl: string;
  readonly state: IconikState;
  /** The files' bytes (generated for seeded files; on disk for written ones). */
  readonly store: FileStore;
  /** Registered webhooks and the deliveries made to them. */
  readonly webhooks: IconikWebhooks;
}

const API = '/API';
const MAX_PER_PAGE = 1000;

const errors = (status: number, ...messages: string[]): SimResponse => ({ status, body: { errors: messages } });

/** iconik page pagination; asking for a page past the last one is a 404 (OpenAPI). */
function paginate<T>(items: readonly T[], query: URLSearchParams, render: (item: T) => unknown): SimResponse {
  const perPage = Math.min(Math.max(Number(query.get('per_page') ?? 10) || 10, 1), MAX_PER_PAGE);
  const page = Number(query.get('page') ?? 1);
  if (!Number.isInteger(page) || page < 1) return { status: 400, body: { errors: { page: 'Must be greater than or equal to 1.' } } };
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  if (page > pages) return errors(404, 'Requested page does not exist');
  const objects = items.slice((page - 1) * perPage, page * perPage).map(render);
  return { status: 200, body: { objects, page, pages, per_page: perPage, total: items.length } };
}

interface SearchTerm {
  name?: unknown;
  value?: unknown;
  value_in?: unknown;
}

/** The subset of iconik's search criteria the simulator understands: doc_types, query, filter terms, sort. */
function termsFilter(terms: readonly SearchTerm[]): (record: object) => boolean {
  const tests = terms.map((term) => {
    const name = String(term.name);
    if (Array.isArray(term.value_in)) {
      const values = new Set(term.value_in.map(String));
      return (record: Record<string, unknown>) => values.has(String(record[name]));
    }
    if (term.value !== undefined) {
      const value = scalarText(term.value);
      return (record: Record<string, unknown>) => scalarText(record[name]) === value;
    }
    return () => true;
  });
  return (record) => tests.every((test) => test(record as Record<string, unknown>));
}

interface SortField {
  readonly name: string;
  readonly direction: 1 | -1;
}

function sortFields(sort: unknown): SortField[] {
  return (Array.isArray(sort) ? (sort as Array<{ name?: unknown; order?: unknown }>) : [])
    .filter((field) => typeof field.name === 'string')
    .map((field) => ({ name: String(field.name), direction: field.order === 'desc' ? -1 : 1 }));
}

/** A document's values of the sort fields: what iconik returns as `_sort` and takes back as `search_after`. */
const sortValues = (item: object, fields: readonly SortField[]) => fields.map((field) => scalarText((item as Record<string, unknown>)[field.name]));

function compareValues(a: readonly string[], b: readonly unknown[], fields: readonly SortField[]): number {
  for (const [i, field] of fields.entries()) {
    const order = (a[i] ?? '').localeCompare(scalarText(b[i])) * field.direction;
    if (order !== 0) return order;
  }
  return 0;
}

function sortBy<T extends object>(items: T[], sort: unknown): T[] {
  const fields = sortFields(sort);
  if (fields.length === 0) return items;
  return items.sort((a, b) => compareValues(sortValues(a, fields), sortValues(b, fields), fields));
}

function idsOf(body: unknown): string[] | null {
  const ids = (body as { ids?: unknown } | undefined)?.ids;
  return Array.isArray(ids) ? ids.map(String) : null;
}

/** Every successful write is followed by webhook deliveries of the assets it changed (./webhooks.ts). */
function withWebhookDeliveries(webhooks: IconikWebhooks, routes: Route[]): Route[] {
  return routes.map((route) =>
    // Reads, including search (a POST), change nothing.
    route.method === 'GET' || route.pattern.endsWith('/search/v1/search/')
      ? route
      : {
          ...route,
          handler: async (request) => {
            const response = await route.handler(request);
            // After the answer, like iconik's asynchronous notifications.
            if (response.status < 400) setImmediate(() => void webhooks.dispatchChanges());
            return response;
          },
        },
  );
}

export async function startIconikSimulator(options: IconikSimulatorOptions): Promise<IconikSimulator> {
  const state = new IconikState();
  const purge = (id: string) => {
    state.assets.delete(id);
    [...state.shares.values()].filter((share) => share.object_id === id).forEach((share) => state.shares.delete(share.id));
  };
  const collectionOr404 = (id: string) => state.collections.get(id);
  let origin = '';
  const simulatorOrigin = () => origin;
  const assetsOf = (collectionId: string) =>
    [...state.assets.values()].filter((asset) => asset.status === 'ACTIVE' && asset.in_collections.includes(collectionId));
  const childrenOf = (collectionId: string) =>
    [...state.collections.values()].filter((collection) => collection.status === 'ACTIVE' && collection.parent_id === collectionId);
  const objectExists = (type: string | undefined, id: string | undefined) =>
    (type === 'assets' && state.assets.has(id ?? '')) || (type === 'collections' && state.collections.has(id ?? ''));

  const search = ({ body, query }: SimRequest): SimResponse => {
    const criteria = (body ?? {}) as { doc_types?: unknown; query?: unknown; filter?: { terms?: unknown }; sort?: unknown; include_fields?: unknown; search_after?: unknown };
    const docTypes = Array.isArray(criteria.doc_types) ? criteria.doc_types.map(String) : ['assets', 'collections'];
    const terms = Array.isArray(criteria.filter?.terms) ? (criteria.filter.terms as SearchTerm[]) : [];
    const matchesTerms = termsFilter(terms);
    const text = typeof criteria.query === 'string' ? criteria.query.toLowerCase() : '';
    const hits: Array<{ doc: Record<string, unknown>; record: object }> = [];
    if (docTypes.includes('assets')) {
      for (const asset of state.assets.values()) {
        if (asset.status === 'DELETED') continue;
        const matchesText = !text || `${asset.title} ${asset.description ?? ''}`.toLowerCase().includes(text);
        if (matchesText && matchesTerms(asset)) hits.push({ doc: state.assetSearchDocument(asset), record: asset });
      }
    }
    if (docTypes.includes('collections')) {
      for (const collection of state.collections.values()) {
        const matchesText = !text || collection.title.toLowerCase().includes(text);
        if (matchesText && matchesTerms(collection)) hits.push({ doc: state.collectionDocument(collection), record: collection });
      }
    }
    const order = sortFields(criteria.sort);
    let sorted = sortBy(hits.map((hit) => hit.doc), criteria.sort);
    // search_after: the hits after the given sort values (keyset paging), from page 1.
    const after = (criteria as { search_after?: unknown }).search_after;
    if (after !== undefined) {
      if (!Array.isArray(after) || after.length !== order.length) return { status: 400, body: { errors: { search_after: 'Must have one value per sort field.' } } };
      sorted = sorted.filter((doc) => compareValues(sortValues(doc, order), after, order) > 0);
    }
    // include_fields: only those (plus SearchDocumentSchema's required object_type and title).
    const fields = Array.isArray(criteria.include_fields) ? new Set(['object_type', 'title', ...criteria.include_fields.map(String)]) : null;
    return paginate(sorted, query, (doc) => {
      const hit: Record<string, unknown> = fields ? {} : { ...doc };
      if (fields) for (const key in doc) if (fields.has(key)) hit[key] = doc[key];
      if (order.length > 0) hit._sort = sortValues(doc, order);
      return hit;
    });
  };

  const store = new FileStore();
  const webhooks = new IconikWebhooks(state);
  const simulator = await startSimulatorServer({
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.latencyMs ? { latencyMs: options.latencyMs } : {}),
    authenticate: ({ headers }) =>
      headers['app-id'] === options.appId && headers['auth-token'] === options.authToken
        ? undefined
        : errors(401, 'Token is invalid'),
    notFound: () => errors(404, 'Not found'),
    byteRoutes: iconikStorageRoutes(state, store),
    routes: withWebhookDeliveries(webhooks, [
      ...webhooks.routes(API),
      { method: 'POST', pattern: `${API}/search/v1/search/`, handler: search },
      ...iconikMediaRoutes(state, simulatorOrigin, store),
      {
        method: 'GET',
        pattern: `${API}/assets/v1/collections/`,
        handler: ({ query }) => {
          const isRoot = query.get('is_root');
          const status = query.get('status');
          const list = [...state.collections.values()].filter(
            (collection) =>
              (isRoot === null || String(collection.parent_id === null) === isRoot) &&
              (status === null || collection.status === status),
          );
          return paginate(list, query, (collection) => state.collectionDocument(collection));
        },
      },
      {
        method: 'GET',
        pattern: `${API}/assets/v1/collections/:collection_id/contents/`,
        handler: ({ params, query }) => {
          const id = params['collection_id'] ?? '';
          if (!collectionOr404(id)) return errors(404, 'Collection does not exist');
          const types = (query.get('object_types') ?? 'assets,collections').split(',');
          const objectIds = query.get('object_ids')?.split(',');
          const contents: Array<Record<string, unknown>> = [
            ...(types.includes('collections') ? childrenOf(id).map((c) => state.collectionDocument(c)) : []),
            ...(types.includes('assets') ? assetsOf(id).map((a) => state.assetDocument(a)) : []),
          ].filter((doc) => !objectIds || objectIds.includes(String(doc['id'])));
          contents.sort((a, b) => String(a['title']).localeCompare(String(b['title'])));
          return paginate(contents, query, (doc) => doc);
        },
      },
      {
        method: 'GET',
        pattern: `${API}/assets/v1/collections/:collection_id/ancestors/`,
        handler: ({ params }) => {
          const collection = collectionOr404(params['collection_id'] ?? '');
          if (!collection) return errors(404, 'Collection does not exist');
          const objects = state.ancestorsOf(collection).map((c) => state.collectionDocument(c));
          return { status: 200, body: { objects, page: 1, pages: 1, per_page: objects.length, total: objects.length } };
        },
      },
      {
        method: 'GET',
        pattern: `${API}/assets/v1/delete_queue/assets/`,
        handler: ({ query }) => {
          const deleted = [...state.assets.values()].filter((asset) => asset.status === 'DELETED');
          const sorted = sortBy<IconikAssetRecord>(deleted, [{ name: 'date_deleted', order: 'desc' }]);
          return paginate(sorted, query, (asset) => state.assetDocument(asset));
        },
      },
      // Delete queue (recycle bin). iconik answers 204 without per-id detail; ids that are
      // unknown or in the wrong state are skipped.
      {
        method: 'POST',
        pattern: `${API}/assets/v1/delete_queue/assets/`,
        handler: ({ body }) => {
          const ids = idsOf(body);
          if (!ids) return { status: 400, body: { errors: { ids: 'Missing data for required field.' } } };
          for (const asset of ids.map((id) => state.assets.get(id))) {
            if (asset?.status !== 'ACTIVE') continue;
            asset.status = 'DELETED';
            asset.date_deleted = new Date().toISOString();
          }
          return { status: 204 };
        },
      },
      {
        method: 'DELETE',
        pattern: `${API}/assets/v1/delete_queue/assets/`,
        handler: ({ body }) => {
          const ids = idsOf(body);
          if (!ids) return { status: 400, body: { errors: { ids: 'Missing data for required field.' } } };
          for (const asset of ids.map((id) => state.assets.get(id))) {
            if (asset?.status !== 'DELETED') continue;
            asset.status = 'ACTIVE';
            asset.date_deleted = null;
            asset.date_modified = new Date().toISOString();
          }
          return { status: 204 };
        },
      },
      {
        method: 'POST',
        pattern: `${API}/assets/v1/delete_queue/assets/purge/`,
        handler: ({ body }) => {
          const ids = idsOf(body);
          if (!ids) return { status: 400, body: { errors: { ids: 'Missing data for required field.' } } };
          ids.filter((id) => state.assets.get(id)?.status === 'DELETED').forEach((id) => purge(id));
          return { status: 204 };
        },
      },
      {
        method: 'POST',
        pattern: `${API}/assets/v1/delete_queue/assets/purge/all/`,
        handler: () => {
          [...state.assets.values()].filter((asset) => asset.status === 'DELETED').forEach((asset) => purge(asset.id));
          return { status: 204 };
        },
      },
      {
        method: 'GET',
        pattern: `${API}/assets/v1/assets/:asset_id/`,
        handler: ({ params }) => {
          const asset = state.assets.get(params['asset_id'] ?? '');
          return asset ? { status: 200, body: state.assetRecordDocument(asset) } : errors(404, 'Asset does not exist');
        },
      },
      {
        method: 'GET',
        pattern: `${API}/assets/v1/collections/:collection_id/`,
        handler: ({ params }) => {
          const collection = collectionOr404(params['collection_id'] ?? '');
          return collection ? { status: 200, body: state.collectionDocument(collection) } : errors(404, 'Collection does not exist');
        },
      },
      {
        method: 'GET',
        pattern: `${API}/assets/v1/:object_type/:object_id/shares/:share_id/`,
        handler: ({ params }) => {
          const share = state.shares.get(params['share_id'] ?? '');
          if (!share || share.object_id !== params['object_id'] || share.object_type !== params['object_type']) return errors(404, 'Share does not exist');
          return { status: 200, body: state.shareDocument(share) };
        },
      },
      {
        method: 'PATCH',
        pattern: `${API}/assets/v1/assets/:asset_id/`,
        handler: ({ params, body }) => {
          const asset = state.assets.get(params['asset_id'] ?? '');
          if (!asset) return errors(404, 'Asset does not exist');
          const title = (body as { title?: unknown } | undefined)?.title;
          if (title !== undefined && (typeof title !== 'string' || !title.trim())) {
            return { status: 400, body: { errors: { title: 'Not a valid string.' } } };
          }
          if (typeof title === 'string') asset.title = title;
          asset.date_modified = new Date().toISOString();
          return { status: 200, body: state.assetRecordDocument(asset) };
        },
      },
      {
        method: 'POST',
        pattern: `${API}/assets/v1/collections/:collection_id/contents/`,
        handler: ({ params, body }) => {
          const collection = collectionOr404(params['collection_id'] ?? '');
          if (!collection) return errors(404, 'Collection does not exist');
          const { object_id: objectId, object_type: objectType } = (body ?? {}) as { object_id?: unknown; object_type?: unknown };
          const asset = objectType === 'assets' ? state.assets.get(String(objectId)) : undefined;
          if (!asset) return { status: 400, body: { errors: { object_id: 'Object does not exist.' } } };
          if (!asset.in_collections.includes(collection.id)) asset.in_collections.push(collection.id);
          return { status: 201, body: { object_id: asset.id, object_type: 'assets', collection_id: collection.id } };
        },
      },
      {
        method: 'DELETE',
        pattern: `${API}/assets/v1/collections/:collection_id/contents/:object_type/:object_id/`,
        handler: ({ params }) => {
          const asset = state.assets.get(params['object_id'] ?? '');
          const collectionId = params['collection_id'] ?? '';
          if (!asset || params['object_type'] !== 'assets' || !asset.in_collections.includes(collectionId)) {
            return errors(404, 'Object is not in the collection');
          }
          asset.in_collections = asset.in_collections.filter((id) => id !== collectionId);
          return { status: 204 };
        },
      },
      {
        method: 'POST',
        pattern: `${API}/assets/v1/collections/`,
        handler: ({ body }) => {
          const { title, parent_id: parentId } = (body ?? {}) as { title?: unknown; parent_id?: unknown };
          if (typeof title !== 'string' || !title.trim()) return { status: 400, body: { errors: { title: 'Missing data for required field.' } } };
          if (parentId != null && !collectionOr404(scalarText(parentId))) return { status: 400, body: { errors: { parent_id: 'Collection does not exist.' } } };
          const now = new Date().toISOString();
          const collection = { id: randomUUID(), title, parent_id: parentId == null ? null : scalarText(parentId), status: 'ACTIVE' as const, date_created: now, date_modified: now };
          state.collections.set(collection.id, collection);
          return { status: 201, body: state.collectionDocument(collection) };
        },
      },
      {
        // CollectionInputSchema: the fields given are changed (title, parent_id).
        method: 'PATCH',
        pattern: `${API}/assets/v1/collections/:collection_id/`,
        handler: ({ params, body }) => {
          const collection = collectionOr404(params['collection_id'] ?? '');
          if (!collection || collection.status === 'DELETED') return errors(404, 'Collection does not exist');
          const input = (body ?? {}) as { title?: unknown; parent_id?: unknown };
          if (input.title !== undefined && (typeof input.title !== 'string' || !input.title.trim())) return { status: 400, body: { errors: { title: 'Not a valid string.' } } };
          if (input.parent_id !== undefined && input.parent_id !== null) {
            const parent = collectionOr404(scalarText(input.parent_id));
            if (!parent) return { status: 400, body: { errors: { parent_id: 'Collection does not exist.' } } };
            if ([parent, ...state.ancestorsOf(parent)].some((c) => c.id === collection.id)) return { status: 400, body: { errors: { parent_id: 'A collection cannot be moved into itself.' } } };
          }
          if (typeof input.title === 'string') collection.title = input.title;
          if (input.parent_id !== undefined) collection.parent_id = input.parent_id === null ? null : scalarText(input.parent_id);
          collection.date_modified = new Date().toISOString();
          return { status: 200, body: state.collectionDocument(collection) };
        },
      },
      {
        method: 'DELETE',
        pattern: `${API}/assets/v1/collections/:collection_id/`,
        handler: ({ params }) => {
          const collection = collectionOr404(params['collection_id'] ?? '');
          if (!collection || collection.status === 'DELETED') return errors(404, 'Collection does not exist');
          collection.status = 'DELETED';
          return { status: 202 };
        },
      },
      {
        method: 'POST',
        pattern: `${API}/assets/v1/:object_type/:object_id/shares/`,
        handler: ({ params, body }) => {
          const objectType = params['object_type'];
          if (!objectExists(objectType, params['object_id'])) return errors(404, 'Object does not exist');
          const input = (body ?? {}) as Record<string, unknown>;
          const missing = ['allow_approving_comments', 'allow_comments', 'allow_download', 'allow_setting_approve_status', 'emails'].filter((k) => input[k] === undefined);
          if (missing.length) return { status: 400, body: { errors: Object.fromEntries(missing.map((k) => [k, 'Missing data for required field.'])) } };
          const id = randomUUID();
          const emails = Array.isArray(input['emails']) ? input['emails'].map(String) : [];
          const share = {
            id,
            object_type: objectType as 'assets' | 'collections',
            object_id: params['object_id'] ?? '',
            title: typeof input['title'] === 'string' ? input['title'] : null,
            message: typeof input['message'] === 'string' ? input['message'] : null,
            url: `${simulatorOrigin()}/share/${id}`,
            expires: typeof input['expires'] === 'string' ? input['expires'] : null,
            allow_download: Boolean(input['allow_download']),
            allow_comments: Boolean(input['allow_comments']),
            allow_approving_comments: Boolean(input['allow_approving_comments']),
            allow_setting_approve_status: Boolean(input['allow_setting_approve_status']),
            date_created: new Date().toISOString(),
            owner_id: 'demo-owner',
            users: emails.map((email) => ({ id: randomUUID(), email, first_name: '', last_name: '' })),
          };
          state.shares.set(id, share);
          return { status: 201, body: state.shareDocument(share) };
        },
      },
      {
        method: 'PUT',
        pattern: `${API}/assets/v1/:object_type/:object_id/shares/:share_id/`,
        handler: ({ params, body }) => {
          const share = state.shares.get(params['share_id'] ?? '');
          if (!share || share.object_id !== params['object_id']) return errors(404, 'Share does not exist');
          const input = (body ?? {}) as Record<string, unknown>;
          if (typeof input['allow_download'] !== 'boolean' || typeof input['allow_comments'] !== 'boolean') {
            return { status: 400, body: { errors: { allow_download: 'Missing data for required field.' } } };
          }
          share.allow_download = input['allow_download'];
          share.allow_comments = input['allow_comments'];
          if ('title' in input) share.title = typeof input['title'] === 'string' ? input['title'] : null;
          if ('expires' in input) share.expires = typeof input['expires'] === 'string' ? input['expires'] : null;
          if ('message' in input) share.message = typeof input['message'] === 'string' ? input['message'] : null;
          return { status: 200, body: state.shareDocument(share) };
        },
      },
      {
        method: 'DELETE',
        pattern: `${API}/assets/v1/:object_type/:object_id/shares/:share_id/`,
        handler: ({ params }) => {
          const share = state.shares.get(params['share_id'] ?? '');
          if (!share || share.object_id !== params['object_id']) return errors(404, 'Share does not exist');
          state.shares.delete(share.id);
          return { status: 204 };
        },
      },
      {
        method: 'GET',
        pattern: `${API}/assets/v1/:object_type/:object_id/shares/`,
        handler: ({ params }) => {
          if (!objectExists(params['object_type'], params['object_id'])) return errors(404, 'Object does not exist');
          const objects = [...state.shares.values()]
            .filter((share) => share.object_type === params['object_type'] && share.object_id === params['object_id'])
            .map((share) => state.shareDocument(share));
          return { status: 200, body: { objects } };
        },
      },
      {
        method: 'GET',
        pattern: `${API}/assets/v1/:object_type/:object_id/shares/:share_id/users/`,
        handler: ({ params }) => {
          const share = state.shares.get(params['share_id'] ?? '');
          if (!share || share.object_id !== params['object_id'] || share.object_type !== params['object_type']) {
            return errors(404, 'Share does not exist');
          }
          const objects = share.users.map((user) => ({ ...user, share_id: share.id, object_id: share.object_id, object_type: share.object_type }));
          return { status: 200, body: { objects } };
        },
      },
    ]),
  });

  origin = simulator.origin;
  if (options.seed ?? true) seedIconik(state, simulator.origin);
  webhooks.remember();
  return {
    ...simulator,
    baseUrl: `${simulator.origin}${API}/`,
    state,
    store,
    webhooks,
    close: async () => {
      await simulator.close();
      store.close();
    },
  };
}
