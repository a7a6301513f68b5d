// Nomad Media simulator, following Nomad's official OpenAPI (Nomad-Media/openapi-spec,
// swagger-admin.json and swagger-portal.json; read, never copied here). What it serves:
// - GET /admin/asset/{id}: the asset model (assetType and assetStatus are names:
//   "Folder" | "File" | "Bucket", "Available" | "Moving" | ...). PATCH, DELETE,
//   create-folder and the per-asset copy/move/archive/restore answer only {id}.
// - POST /admin/search: a page of search results ({id, title, createdDate,
//   lastModifiedDate, identifiers}), `{items, totalItemCount, hasItems}`. Filters are
//   {fieldName, operator (0 = Equals), values}; sortFields {fieldName, sortType (1 =
//   Descending)}. The fields named in `searchResultFields` come back inside `identifiers`
//   (assumption, docs/vendors.md; `identifiersInSearch: false` leaves them out).
// - GET /admin/asset/{id}/parent-folders: `{items}` of search results, root first, without
//   the asset itself.
// - POST /admin/asset/{actionName}: batch action over `targetIds`; answers `{items:
//   [{id, assetStatus}], totalItemCount}` (partial models) for the assets it acted on.
// - Shares (portal API): POST /share, GET/PUT/DELETE /share/{id}; POST
//   /asset/{assetId}/share answers the share URL as a JSON string.
// Batch actions are asynchronous as in Nomad: the status is transitional (Moving,
// PendingArchive, ...) and settles after `settleMs`. Auth: Bearer token. Errors are
// ProblemDetails ({type, title, status, detail}) with 400/401/403/404.
import { randomUUID } from 'node:crypto';
import { createSettler } from '../kit/settle-later.js';
import { stableUuid } from '../kit/stable-id.js';
import { collectionRoutes } from './collections.js';
import { assetDetail, seededFileSize } from './detail.js';
import { FileStore } from '../kit/file-store.js';
import { nomadUploads } from './upload.js';
import { scalarText, startSimulatorServer, type RunningSimulator, type SimRequest, type SimResponse } from '../kit/simulator-server.js';

export type NomadAssetType = 'Folder' | 'File' | 'Bucket';

export interface NomadAssetRecord {
  id: string;
  parentId: string | null;
  displayName: string;
  displayDate: string;
  bucketName: string;
  objectKey: string;
  fullUrl: string | null;
  assetStatus: string;
  storageClass: string;
  assetType: NomadAssetType;
  /** Index fields (search results carry them; the asset model does not). */
  createdDate: string;
  lastModifiedDate: string;
  /** User-defined custom attributes (AssetDetailModel.customAttributes; PATCH customProperties). */
  customAttributes: Record<string, unknown>;
  /** Tags and collections the asset is in (AssetDetailModel.tags, .collections: LookupModel). */
  tags: NomadLookup[];
  collections: NomadLookup[];
  /** The original's bytes in the simulator's file store (./upload.ts); null: no file yet. */
  fileKey?: string | null;
}

export interface NomadLookup {
  id: string;
  description?: string | null;
}

export interface NomadShareRecord {
  id: string;
  name: string | null;
  sharedContents: string[];
  sharedPermissions: NomadLookup[];
  sharedLink: string;
  ownerId: string;
  expirationDate: string | null;
  assetId: string;
  nomadUsers: NomadLookup[];
}

export interface NomadState {
  readonly assets: Map<string, NomadAssetRecord>;
  readonly shares: Map<string, NomadShareRecord>;
  /** Collections (CollectionModel): flat, named; memberships live on the assets. */
  readonly collections: Map<string, { id: string; name: string }>;
}

export interface NomadSimulatorOptions {
  readonly port?: number;
  /** Latency added to every request (benchmarks). */
  readonly latencyMs?: number;
  readonly token: string;
  readonly seed?: boolean;
  /** How long asynchronous actions take to settle (default 1500 ms). */
  readonly settleMs?: number;
  /** Whether search results carry the requested fields in `identifiers` (default true). */
  readonly identifiersInSearch?: boolean;
}

export interface NomadSimulator extends RunningSimulator {
  readonly baseUrl: string;
  readonly state: NomadState;
  /** The files' bytes (on disk, in a temporary folder). */
  readonly store: FileStore;
}

const STATUS_TITLES: Readonly<Record<number, string>> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };
const problem = (status: number, detail: string): SimResponse => ({
  status,
  body: { type: `https://tools.ietf.org/html/rfc9110#section-15.5.${status - 399}`, title: STATUS_TITLES[status] ?? 'Error', status, detail },
});
const now = () => new Date().toISOString();
const EQUALS = 0;
const DESCENDING = 1;

/** The asset model of GET /admin/asset/{id}: only the fields Nomad documents there. */
function assetModel(asset: NomadAssetRecord, fullUrl: string | null) {
  const { id, parentId, displayName, displayDate, bucketName, objectKey, assetStatus, storageClass, assetType } = asset;
  return { id, parentId, displayName, displayDate, bucketName, objectKey, fullUrl, assetStatus, storageClass, assetType };
}

export async function startNomadSimulator(options: NomadSimulatorOptions): Promise<NomadSimulator> {
  const state: NomadState = { assets: new Map(), shares: new Map(), collections: new Map() };
  const store = new FileStore();
  const uploads = nomadUploads(state, store, () => simulator.origin, problem, (name, parentId) => {
    const parent = state.assets.get(parentId);
    const asset = { ...record(name, parentId, 'File', parent?.bucketName ?? 'nomad-demo-media', `${parent?.objectKey ?? ''}${name}`), assetStatus: 'Uploading', fileKey: null };
    state.assets.set(asset.id, asset);
    return asset;
  });
  const settler = createSettler(options.settleMs ?? 1500);
  const later = (run: () => void) => settler.later(run);
  const identifiersInSearch = options.identifiersInSearch ?? true;
  const setStatus = (asset: NomadAssetRecord, status: string) => {
    asset.assetStatus = status;
    asset.lastModifiedDate = now();
  };
  /** The folders (and bucket) above an asset, root first. */
  const ancestorsOf = (asset: NomadAssetRecord) => {
    const chain: NomadAssetRecord[] = [];
    for (let parent = state.assets.get(asset.parentId ?? ''); parent; parent = state.assets.get(parent.parentId ?? '')) chain.unshift(parent);
    return chain;
  };
  const childrenOf = (id: string) => [...state.assets.values()].filter((asset) => asset.parentId === id);
  const isContainer = (asset: NomadAssetRecord | undefined) => asset !== undefined && asset.assetType !== 'File';
  const deleteTree = (id: string) => {
    childrenOf(id).forEach((child) => deleteTree(child.id));
    state.assets.delete(id);
  };

  const searchResult = (asset: NomadAssetRecord, fields: readonly string[]) => ({
    id: asset.id,
    title: asset.displayName,
    createdDate: asset.createdDate,
    lastModifiedDate: asset.lastModifiedDate,
    identifiers: identifiersInSearch
      ? Object.fromEntries(fields.filter((field) => field in asset).map((field) => [field, (asset as unknown as Record<string, unknown>)[field]]))
      : {},
  });

  /** Runs one action on one asset: the new asset (copy), the asset, or a refusal. */
  const act = (action: string, asset: NomadAssetRecord, args: Record<string, unknown>): NomadAssetRecord | SimResponse => {
    switch (action) {
      case 'move': {
        const destination = state.assets.get(scalarText(args['destinationFolderAssetId']));
        if (!isContainer(destination)) return problem(400, 'destinationFolderAssetId must be a folder');
        setStatus(asset, 'Moving');
        later(() => {
          asset.parentId = destination?.id ?? asset.parentId;
          setStatus(asset, 'Available');
        });
        return asset;
      }
      case 'copy': {
        const destination = state.assets.get(scalarText(args['destinationFolderAssetId']));
        if (!isContainer(destination)) return problem(400, 'destinationFolderAssetId must be a folder');
        const copy: NomadAssetRecord = {
          ...structuredClone(asset),
          id: randomUUID(),
          parentId: destination?.id ?? null,
          assetStatus: 'Copying',
          createdDate: now(),
          lastModifiedDate: now(),
          collections: [],
        };
        state.assets.set(copy.id, copy);
        later(() => setStatus(copy, 'Available'));
        return copy;
      }
      case 'archive':
        setStatus(asset, 'PendingArchive');
        later(() => {
          setStatus(asset, 'Archived');
          asset.storageClass = 'Glacier';
        });
        return asset;
      case 'restore':
        // Only archived assets restore; others are left as they are.
        if (asset.assetStatus !== 'Archived') return asset;
        setStatus(asset, 'PendingRestore');
        later(() => {
          setStatus(asset, 'Restored');
          asset.storageClass = 'Standard';
        });
        return asset;
      case 'delete':
        setStatus(asset, 'Deleting');
        later(() => deleteTree(asset.id));
        return asset;
      default:
        return problem(400, `Unknown batch action "${action}"`);
    }
  };

  const batchBody = (request: SimRequest) => {
    const body = (request.body ?? {}) as { targetIds?: unknown; actionArguments?: unknown };
    const targetIds = Array.isArray(body.targetIds) ? body.targetIds.map(String) : null;
    return { targetIds, args: (body.actionArguments ?? {}) as Record<string, unknown> };
  };

  const batch = (action: string, request: SimRequest): SimResponse => {
    const { targetIds, args } = batchBody(request);
    if (!targetIds || targetIds.length === 0) return problem(400, 'targetIds is required');
    // Partial models of the assets acted on; ids that do not exist are left out.
    const items: Array<{ id: string; assetStatus: string }> = [];
    for (const id of targetIds) {
      const asset = state.assets.get(id);
      if (!asset || asset.assetStatus === 'Deleting') continue;
      const result = act(action.toLowerCase(), asset, args);
      if (!('id' in result)) return result;
      items.push({ id: result.id, assetStatus: result.assetStatus });
    }
    return { status: 200, body: { items, totalItemCount: items.length } };
  };

  const withAsset = (request: SimRequest, handle: (asset: NomadAssetRecord) => SimResponse): SimResponse => {
    const asset = state.assets.get(request.params['id'] ?? '');
    return asset ? handle(asset) : problem(404, 'No asset found with the specified ID.');
  };
  const withShare = (request: SimRequest, handle: (share: NomadShareRecord) => SimResponse): SimResponse => {
    const share = state.shares.get(request.params['shareId'] ?? '');
    return share ? handle(share) : problem(404, 'No share exists with the specified ID.');
  };
  const lookups = (value: unknown): NomadLookup[] =>
    Array.isArray(value)
      ? value.filter((item): item is { id: unknown; description?: unknown } => typeof item === 'object' && item !== null).map((item) => ({
          id: scalarText(item.id) || randomUUID(),
          ...(typeof item.description === 'string' ? { description: item.description } : {}),
        }))
      : [];
  const applyShare = (share: NomadShareRecord, body: Record<string, unknown>) => {
    if (typeof body['name'] === 'string' || body['name'] === null) share.name = body['name'];
    if (typeof body['expirationDate'] === 'string' || body['expirationDate'] === null) share.expirationDate = body['expirationDate'];
    if (Array.isArray(body['sharedPermissions'])) share.sharedPermissions = lookups(body['sharedPermissions']);
    if (Array.isArray(body['nomadUsers'])) share.nomadUsers = lookups(body['nomadUsers']);
  };
  const createShare = (body: Record<string, unknown>): NomadShareRecord | SimResponse => {
    const contents = Array.isArray(body['sharedContents']) ? body['sharedContents'].map(String) : [];
    const assetId = typeof body['assetId'] === 'string' ? body['assetId'] : contents[0];
    const asset = state.assets.get(assetId ?? '');
    if (!asset) return problem(404, 'The share could not be created: unknown content.');
    const share: NomadShareRecord = {
      id: randomUUID(),
      name: asset.displayName,
      sharedContents: contents.length ? contents : [asset.id],
      sharedPermissions: [],
      sharedLink: `${simulator.origin}/shared/${randomUUID()}`,
      ownerId: stableUuid('nomad-sim', 'owner'),
      expirationDate: null,
      assetId: asset.id,
      nomadUsers: [],
    };
    applyShare(share, body);
    state.shares.set(share.id, share);
    return share;
  };

  const simulator = await startSimulatorServer({
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.latencyMs ? { latencyMs: options.latencyMs } : {}),
    authenticate: (request) =>
      request.headers['authorization'] === `Bearer ${options.token}` ? undefined : problem(401, 'Caller is not authenticated.'),
    notFound: () => problem(404, 'Not found'),
    byteRoutes: uploads.byteRoutes,
    routes: [
      ...uploads.routes,
      {
        method: 'POST',
        pattern: '/admin/search',
        handler: ({ body }) => {
          const criteria = (body ?? {}) as Record<string, unknown>;
          if (typeof criteria !== 'object' || criteria === null) return problem(400, 'The search model is required.');
          const filters = Array.isArray(criteria['filters']) ? (criteria['filters'] as Array<Record<string, unknown>>) : [];
          if (filters.some((filter) => filter['operator'] !== EQUALS)) return problem(400, 'This simulator implements the Equals operator (0) only.');
          const text = typeof criteria['searchQuery'] === 'string' ? criteria['searchQuery'].toLowerCase() : '';
          const sort = Array.isArray(criteria['sortFields']) ? (criteria['sortFields'][0] as Record<string, unknown> | undefined) : undefined;
          const sortField = typeof sort?.['fieldName'] === 'string' ? sort['fieldName'] : 'title';
          const direction = sort?.['sortType'] === DESCENDING ? -1 : 1;
          const value = (asset: NomadAssetRecord, field: string) =>
            field === 'title' ? asset.displayName : scalarText((asset as unknown as Record<string, unknown>)[field]);
          const matches = [...state.assets.values()]
            .filter((asset) => asset.assetStatus !== 'Deleting')
            .filter((asset) =>
              filters.every((filter) => {
                const values = (Array.isArray(filter['values']) ? filter['values'] : [filter['values']]).map(String);
                if (filter['fieldName'] === 'collections') return asset.collections.some((collection) => values.includes(collection.id));
                return values.includes(value(asset, String(filter['fieldName'])));
              }),
            )
            .filter((asset) => !text || asset.displayName.toLowerCase().includes(text))
            .sort((a, b) => value(a, sortField).localeCompare(value(b, sortField)) * direction || a.id.localeCompare(b.id));
          const size = Math.min(Math.max(Number(criteria['pageSize'] ?? 100) || 100, 1), 1000);
          const offset = Math.max(Number(criteria['pageOffset'] ?? 0) || 0, 0);
          const fields = Array.isArray(criteria['searchResultFields'])
            ? (criteria['searchResultFields'] as Array<{ name?: unknown }>).map((field) => String(field.name))
            : [];
          const items = matches.slice(offset * size, offset * size + size).map((asset) => searchResult(asset, fields));
          return { status: 200, body: { items, totalItemCount: matches.length, hasItems: items.length > 0 } };
        },
      },
      { method: 'GET', pattern: '/admin/asset/:id', handler: (request) => withAsset(request, (asset) => ({ status: 200, body: assetModel(asset, uploads.originalUrl(asset)) })) },
      ...collectionRoutes(state, problem),
      {
        method: 'GET',
        pattern: '/admin/asset/:id/detail',
        handler: (request) =>
          withAsset(request, (asset) => {
            const shares = [...state.shares.values()].filter((share) => share.assetId === asset.id || share.sharedContents.includes(asset.id));
            const fileSize = asset.fileKey ? (store.info(asset.fileKey)?.size ?? null) : null;
            const parents = ancestorsOf(asset).map((folder) => assetModel(folder, uploads.originalUrl(folder)));
            return { status: 200, body: assetDetail(asset, simulator.origin, shares.map((share) => ({ id: share.id, name: share.name, description: share.name })), fileSize, parents) };
          }),
      },
      {
        method: 'PATCH',
        pattern: '/admin/asset/:id',
        handler: (request) =>
          withAsset(request, (asset) => {
            const changes = request.body;
            if (typeof changes !== 'object' || changes === null) return problem(400, 'The request body is missing or invalid.');
            const { displayName, customProperties } = changes as { displayName?: unknown; customProperties?: unknown };
            if (customProperties !== undefined && customProperties !== null && (typeof customProperties !== 'object' || Array.isArray(customProperties))) {
              return problem(400, 'customProperties must be an object.');
            }
            if (typeof displayName === 'string') asset.displayName = displayName;
            // "To remove a property value, set the value to null."
            for (const [key, value] of Object.entries(customProperties ?? {})) {
              if (value === null) delete asset.customAttributes[key];
              else asset.customAttributes[key] = value;
            }
            asset.lastModifiedDate = now();
            return { status: 200, body: { id: asset.id } };
          }),
      },
      {
        method: 'DELETE',
        pattern: '/admin/asset/:id',
        handler: (request) =>
          withAsset(request, (asset) => {
            deleteTree(asset.id);
            return { status: 200, body: { id: asset.id } };
          }),
      },
      {
        method: 'GET',
        pattern: '/admin/asset/:id/parent-folders',
        handler: (request) =>
          withAsset(request, (asset) => {
            const chain = ancestorsOf(asset);
            const items = chain.map((folder, i) => ({
              ...searchResult(folder, []),
              identifiers: { assetType: folder.assetType, parentId: folder.parentId, children: chain[i + 1]?.id ?? null },
            }));
            return { status: 200, body: { items, totalItemCount: items.length, hasItems: items.length > 0 } };
          }),
      },
      {
        method: 'POST',
        pattern: '/admin/asset/:id/create-folder',
        handler: (request) =>
          withAsset(request, (parent) => {
            const name = (request.body as { displayName?: unknown } | undefined)?.displayName;
            if (typeof name !== 'string' || !name) return problem(400, 'The display name is required.');
            if (!isContainer(parent)) return problem(400, 'The parent must be a folder or bucket.');
            const folder = record(name, parent.id, 'Folder', parent.bucketName, `${parent.objectKey}${name}/`);
            state.assets.set(folder.id, folder);
            return { status: 200, body: { id: folder.id } };
          }),
      },
      ...['copy', 'move'].map((action) => ({
        method: 'POST',
        pattern: `/admin/asset/:id/${action}`,
        handler: (request: SimRequest) =>
          withAsset(request, (asset) => {
            const { args } = batchBody(request);
            const result = act(action, asset, args);
            return 'id' in result ? { status: 200, body: { id: result.id } } : result;
          }),
      })),
      ...['archive', 'restore'].map((action) => ({
        method: 'POST',
        pattern: `/admin/asset/:id/${action}`,
        handler: (request: SimRequest) =>
          withAsset(request, (asset) => {
            const result = act(action, asset, {});
            return 'id' in result ? { status: 200, body: { id: result.id } } : result;
          }),
      })),
      { method: 'POST', pattern: '/admin/asset/:action', handler: (request) => batch(request.params['action'] ?? '', request) },
      {
        method: 'POST',
        pattern: '/asset/:id/share',
        handler: (request) =>
          withAsset(request, (asset) => {
            const body = request.body;
            if (typeof body !== 'object' || body === null) return problem(400, 'The request body is missing.');
            const share = createShare({ ...(body as Record<string, unknown>), assetId: asset.id });
            return 'sharedLink' in share ? { status: 200, body: share.sharedLink } : share;
          }),
      },
      {
        method: 'POST',
        pattern: '/share',
        handler: ({ body }) => {
          if (typeof body !== 'object' || body === null) return problem(400, 'The add model is required.');
          const share = createShare(body as Record<string, unknown>);
          return 'sharedLink' in share ? { status: 200, body: share } : share;
        },
      },
      { method: 'GET', pattern: '/share/:shareId', handler: (request) => withShare(request, (share) => ({ status: 200, body: share })) },
      {
        method: 'PUT',
        pattern: '/share/:shareId',
        handler: (request) =>
          withShare(request, (share) => {
            if (typeof request.body !== 'object' || request.body === null) return problem(400, 'The update model is required.');
            applyShare(share, request.body as Record<string, unknown>);
            return { status: 200, body: share };
          }),
      },
      {
        method: 'DELETE',
        pattern: '/share/:shareId',
        handler: (request) => {
          const id = request.params['shareId'] ?? '';
          state.shares.delete(id);
          return { status: 200, body: { id } };
        },
      },
    ],
  });

  if (options.seed ?? true) seedNomad(state, simulator.origin, store);
  return {
    ...simulator,
    baseUrl: `${simulator.origin}/`,
    state,
    store,
    close: async () => {
      settler.cancelAll();
      await simulator.close();
      store.close();
    },
  };
}

function record(name: string, parentId: string | null, assetType: NomadAssetType, bucketName: string, objectKey: string, created = now()): NomadAssetRecord {
  return {
    id: randomUUID(),
    parentId,
    displayName: name,
    displayDate: created,
    createdDate: created,
    lastModifiedDate: created,
    bucketName,
    objectKey,
    fullUrl: assetType === 'File' ? `https://${bucketName}.s3.amazonaws.com/${objectKey}` : null,
    assetStatus: 'Available',
    storageClass: 'Standard',
    assetType,
    customAttributes: {},
    tags: [],
    collections: [],
  };
}

function seedNomad(state: NomadState, origin: string, store: FileStore): void {
  const bucketName = 'nomad-demo-media';
  let minute = 0;
  const at = () => new Date(Date.parse('2026-10-31T00:00:00Z') + minute++ * 47 * 60_000).toISOString();
  const add = (name: string, parent: NomadAssetRecord | null, type: NomadAssetType, status = 'Available') => {
    const key = parent ? `${parent.objectKey}${name}${type === 'File' ? '' : '/'}` : '';
    const asset = { ...record(name, parent?.id ?? null, type, bucketName, key, at()), id: stableUuid('nomad-sim', key || name), assetStatus: status };
    if (type === 'File') {
      // Seeded originals: generated bytes of the size the detail reports.
      store.defineVirtual(`original:${asset.id}`, seededFileSize(name), asset.id);
      asset.fileKey = `original:${asset.id}`;
      asset.customAttributes = { project: parent?.displayName ?? null, approved: status === 'Available' };
      asset.tags = [{ id: stableUuid('nomad-sim', `tag:${parent?.displayName ?? ''}`), description: (parent?.displayName ?? '').toLowerCase() }];
    }
    state.assets.set(asset.id, asset);
    return asset;
  };
  const festival = { id: stableUuid('nomad-sim', 'collection:festival'), name: 'Festival selection' };
  state.collections.set(festival.id, festival);
  const bucket = add('nomad-demo-media', null, 'Bucket');
  const productions = add('Productions', bucket, 'Folder');
  const feature = add('Feature Documentary', productions, 'Folder');
  const dailies = add('Dailies', feature, 'Folder');
  const marketing = add('Marketing', bucket, 'Folder');
  add('day01-cam-a.mxf', dailies, 'File');
  add('day01-cam-b.mxf', dailies, 'File');
  add('day02-cam-a.mxf', dailies, 'File', 'Uploading');
  const roughCut = add('rough-cut-v3.mp4', feature, 'File');
  const shareId = stableUuid('nomad-sim', 'share:rough-cut');
  state.shares.set(shareId, {
    id: shareId,
    name: 'Rough cut for the distributor',
    sharedContents: [roughCut.id],
    sharedPermissions: [{ id: stableUuid('nomad-sim', 'permission:view'), description: 'View' }],
    sharedLink: `${origin}/shared/${shareId}`,
    ownerId: stableUuid('nomad-sim', 'owner'),
    expirationDate: '2027-01-31T00:00:00.000Z',
    assetId: roughCut.id,
    nomadUsers: [{ id: stableUuid('nomad-sim', 'user:distributor'), description: 'acquisitions@distributor.example' }],
  });
  add('score-demo.wav', feature, 'File');
  add('interview-transcript.pdf', feature, 'File');
  add('festival-trailer.mp4', marketing, 'File').collections.push({ id: festival.id, description: festival.name });
  add('key-art.png', marketing, 'File');
  add('press-kit.pdf', marketing, 'File');
  add('2021-teaser.mp4', marketing, 'File', 'Archived');
  add('broken-upload.mov', productions, 'File', 'Error');
}
