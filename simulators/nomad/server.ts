// Nomad Media ("MAM API") simulator: assets of three types (Folder 1, File 2, Bucket 5),
// reads (GET /admin/asset/{id}, parent-folders, getAssetChildNodes, POST /admin/search),
// and the write side the mutations drive: the batch endpoint POST /admin/asset/{action}
// ({batchAction?, targetIds, actionArguments}), per-asset copy/move/archive/restore,
// DELETE, PATCH, create-folder and shares. Batch actions are asynchronous as in Nomad:
// the answer shows the transitional status (Moving, Copying, PendingArchive, ...) and the
// asset settles after `settleMs`. Auth: Bearer token; errors are plain 400/401/403/404.
import { randomUUID } from 'node:crypto';
import { createSettler } from '../kit/settle-later.js';
import { stableUuid } from '../kit/stable-id.js';
import { startSimulatorServer, type RunningSimulator, type SimRequest, type SimResponse } from '../kit/simulator-server.js';

export interface NomadAssetRecord {
  id: string;
  parentId: string | null;
  displayName: string;
  displayDate: string;
  createdDate: string;
  lastModifiedDate: string;
  bucketName: string;
  objectKey: string;
  fullUrl: string | null;
  assetStatus: string;
  storageClass: string;
  assetType: 1 | 2 | 5;
}

export interface NomadShareRecord {
  id: string;
  name: string;
  assetId: string;
  sharedLink: string;
  expirationDate: string | null;
  nomadUsers: Array<{ email: string }>;
  sharedPermissions: string[];
  sharedStatus: string;
  sharedType: string;
  sharedDuration: string | null;
  sharedContents: string[];
  ownerId: string;
}

export interface NomadState {
  readonly assets: Map<string, NomadAssetRecord>;
  readonly shares: Map<string, NomadShareRecord>;
}

export interface NomadSimulatorOptions {
  readonly port?: number;
  /** Latency added to every request (benchmarks). */
  readonly latencyMs?: number;
  readonly token: string;
  readonly seed?: boolean;
  /** How long asynchronous actions take to settle (default 1500 ms). */
  readonly settleMs?: number;
}

export interface NomadSimulator extends RunningSimulator {
  readonly baseUrl: string;
  readonly state: NomadState;
}

const error = (status: number, message: string): SimResponse => ({ status, body: { message } });
const now = () => new Date().toISOString();

export async function startNomadSimulator(options: NomadSimulatorOptions): Promise<NomadSimulator> {
  const state: NomadState = { assets: new Map(), shares: new Map() };
  const settler = createSettler(options.settleMs ?? 1500);
  const later = settler.later;
  const setStatus = (asset: NomadAssetRecord, status: string) => {
    asset.assetStatus = status;
    asset.lastModifiedDate = now();
  };

  const childrenOf = (id: string) => [...state.assets.values()].filter((asset) => asset.parentId === id);
  const isContainer = (asset: NomadAssetRecord | undefined) => asset !== undefined && asset.assetType !== 2;

  /** Runs one batch action on one asset; returns the asset as it is right after the call. */
  const act = (action: string, asset: NomadAssetRecord, args: Record<string, unknown>): NomadAssetRecord | SimResponse => {
    switch (action) {
      case 'move': {
        const destination = state.assets.get(String(args['destinationFolderAssetId'] ?? ''));
        if (!isContainer(destination)) return error(400, 'destinationFolderAssetId must be a folder');
        setStatus(asset, 'Moving');
        later(() => {
          asset.parentId = destination?.id ?? asset.parentId;
          setStatus(asset, 'Available');
        });
        return asset;
      }
      case 'copy': {
        const destination = state.assets.get(String(args['destinationFolderAssetId'] ?? ''));
        if (!isContainer(destination)) return error(400, 'destinationFolderAssetId must be a folder');
        const copy: NomadAssetRecord = { ...asset, id: randomUUID(), parentId: destination?.id ?? null, assetStatus: 'Copying', createdDate: now(), lastModifiedDate: now() };
        state.assets.set(copy.id, copy);
        later(() => setStatus(copy, 'Available'));
        return copy;
      }
      case 'archive':
        setStatus(asset, 'PendingArchive');
        later(() => {
          setStatus(asset, 'Archived');
          asset.storageClass = 'GLACIER';
        });
        return asset;
      case 'restore':
        // Only archived assets restore; others are answered unchanged.
        if (asset.assetStatus !== 'Archived') return asset;
        setStatus(asset, 'PendingRestore');
        later(() => {
          setStatus(asset, 'Restored');
          asset.storageClass = 'STANDARD';
        });
        return asset;
      case 'delete':
        setStatus(asset, 'Deleting');
        later(() => {
          state.assets.delete(asset.id);
          childrenOf(asset.id).forEach((child) => state.assets.delete(child.id));
        });
        return asset;
      default:
        return error(400, `Unknown batch action "${action}"`);
    }
  };

  const batch = (action: string, request: SimRequest): SimResponse => {
    const body = (request.body ?? {}) as { targetIds?: unknown; actionArguments?: unknown; batchAction?: unknown };
    if (!Array.isArray(body.targetIds) || body.targetIds.length === 0) return error(400, 'targetIds is required');
    const args = (body.actionArguments ?? {}) as Record<string, unknown>;
    // Per-asset status: ids that do not exist are left out of `items`.
    const items: NomadAssetRecord[] = [];
    for (const id of body.targetIds.map(String)) {
      const asset = state.assets.get(id);
      if (!asset || asset.assetStatus === 'Deleting') continue;
      const result = act(action.toLowerCase(), asset, args);
      if ('status' in result && typeof result.status === 'number') return result;
      items.push({ ...(result as NomadAssetRecord) });
    }
    return { status: 200, body: { items, totalItemCount: items.length } };
  };

  const withAsset = (request: SimRequest, handle: (asset: NomadAssetRecord) => SimResponse): SimResponse => {
    const asset = state.assets.get(request.params['id'] ?? '');
    return asset ? handle(asset) : error(404, 'Asset not found');
  };

  const simulator = await startSimulatorServer({
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.latencyMs ? { latencyMs: options.latencyMs } : {}),
    authenticate: (request) =>
      request.headers['authorization'] === `Bearer ${options.token}` ? undefined : error(401, 'Unauthorized'),
    notFound: () => error(404, 'Not found'),
    routes: [
      {
        method: 'POST',
        pattern: '/admin/search',
        handler: ({ body }) => {
          const criteria = (body ?? {}) as { searchQuery?: unknown; pageOffset?: unknown; pageSize?: unknown; filters?: unknown };
          const filters = Array.isArray(criteria.filters) ? (criteria.filters as Array<{ fieldName?: unknown; values?: unknown }>) : [];
          const text = typeof criteria.searchQuery === 'string' ? criteria.searchQuery.toLowerCase() : '';
          const matches = [...state.assets.values()]
            .filter((asset) =>
              filters.every((filter) => {
                const values = Array.isArray(filter.values) ? filter.values : [filter.values];
                return values.map(String).includes(String((asset as unknown as Record<string, unknown>)[String(filter.fieldName)]));
              }),
            )
            .filter((asset) => !text || asset.displayName.toLowerCase().includes(text))
            .sort((a, b) => b.createdDate.localeCompare(a.createdDate) || a.id.localeCompare(b.id));
          const size = Math.min(Math.max(Number(criteria.pageSize ?? 100) || 100, 1), 100);
          const offset = Math.max(Number(criteria.pageOffset ?? 0) || 0, 0);
          return { status: 200, body: { items: matches.slice(offset * size, offset * size + size), totalItemCount: matches.length } };
        },
      },
      { method: 'GET', pattern: '/admin/asset/:id', handler: (request) => withAsset(request, (asset) => ({ status: 200, body: asset })) },
      {
        method: 'PATCH',
        pattern: '/admin/asset/:id',
        handler: (request) =>
          withAsset(request, (asset) => {
            const changes = (request.body ?? {}) as { displayName?: unknown };
            if (typeof changes.displayName === 'string') asset.displayName = changes.displayName;
            asset.lastModifiedDate = now();
            return { status: 200, body: asset };
          }),
      },
      {
        method: 'DELETE',
        pattern: '/admin/asset/:id',
        handler: (request) => withAsset(request, (asset) => ({ status: 200, body: act('delete', asset, {}) })),
      },
      {
        method: 'GET',
        pattern: '/admin/asset/:id/parent-folders',
        handler: (request) =>
          withAsset(request, (asset) => {
            const chain: NomadAssetRecord[] = [];
            for (let parent = state.assets.get(asset.parentId ?? ''); parent; parent = state.assets.get(parent.parentId ?? '')) {
              chain.unshift(parent);
            }
            return { status: 200, body: chain };
          }),
      },
      {
        method: 'GET',
        pattern: '/admin/asset/:id/getAssetChildNodes',
        handler: (request) =>
          withAsset(request, (asset) => {
            const pageIndex = Math.max(Number(request.query.get('pageIndex') ?? 0) || 0, 0);
            const pageSize = Math.min(Math.max(Number(request.query.get('pageSize') ?? 100) || 100, 1), 1000);
            const direction = request.query.get('isDesc') === 'true' ? -1 : 1;
            const children = childrenOf(asset.id).sort((a, b) => a.displayName.localeCompare(b.displayName) * direction);
            return {
              status: 200,
              body: { items: children.slice(pageIndex * pageSize, (pageIndex + 1) * pageSize), totalItemCount: children.length },
            };
          }),
      },
      {
        method: 'POST',
        pattern: '/admin/asset/:id/create-folder',
        handler: (request) =>
          withAsset(request, (parent) => {
            const name = (request.body as { displayName?: unknown } | undefined)?.displayName;
            if (typeof name !== 'string' || !name) return error(400, 'displayName is required');
            const folder = record(name, parent.id, 1, parent.bucketName, `${parent.objectKey}${name}/`);
            state.assets.set(folder.id, folder);
            return { status: 200, body: folder };
          }),
      },
      ...['copy', 'move', 'archive', 'restore'].map((action) => ({
        method: 'POST',
        pattern: `/admin/asset/:id/${action}`,
        handler: (request: SimRequest) =>
          withAsset(request, (asset) => {
            const body = (request.body ?? {}) as { targetIds?: unknown };
            const targetIds = Array.isArray(body.targetIds) ? body.targetIds : [asset.id];
            return batch(action, { ...request, body: { ...(request.body as object), targetIds } });
          }),
      })),
      { method: 'POST', pattern: '/admin/asset/:action', handler: (request) => batch(request.params['action'] ?? '', request) },
      {
        method: 'POST',
        pattern: '/asset/:id/share',
        handler: (request) =>
          withAsset(request, (asset) => {
            const body = (request.body ?? {}) as { recipients?: unknown; expirationDate?: unknown; name?: unknown; sharedPermissions?: unknown };
            const emails = Array.isArray(body.recipients) ? body.recipients.map(String) : [];
            const share: NomadShareRecord = {
              id: randomUUID(),
              name: typeof body.name === 'string' ? body.name : asset.displayName,
              assetId: asset.id,
              sharedLink: `${simulator.origin}/share/${randomUUID()}`,
              expirationDate: typeof body.expirationDate === 'string' ? body.expirationDate : null,
              nomadUsers: emails.map((email) => ({ email })),
              sharedPermissions: Array.isArray(body.sharedPermissions) ? body.sharedPermissions.map(String) : ['View'],
              sharedStatus: 'Active',
              sharedType: 'Link',
              sharedDuration: null,
              sharedContents: [asset.id],
              ownerId: 'demo-owner',
            };
            state.shares.set(share.id, share);
            return { status: 200, body: share };
          }),
      },
    ],
  });

  if (options.seed ?? true) seedNomad(state);
  return {
    ...simulator,
    baseUrl: `${simulator.origin}/`,
    state,
    close: async () => {
      settler.cancelAll();
      await simulator.close();
    },
  };
}

function record(name: string, parentId: string | null, assetType: 1 | 2 | 5, bucketName: string, objectKey: string, created = now()): NomadAssetRecord {
  return {
    id: randomUUID(),
    parentId,
    displayName: name,
    displayDate: created,
    createdDate: created,
    lastModifiedDate: created,
    bucketName,
    objectKey,
    fullUrl: assetType === 2 ? `https://${bucketName}.s3.amazonaws.com/${objectKey}` : null,
    assetStatus: 'Available',
    storageClass: 'STANDARD',
    assetType,
  };
}

function seedNomad(state: NomadState): void {
  const bucketName = 'nomad-demo-media';
  let minute = 0;
  const at = () => new Date(Date.parse('2026-10-20T08:00:00Z') + minute++ * 47 * 60_000).toISOString();
  const add = (name: string, parent: NomadAssetRecord | null, type: 1 | 2 | 5, status = 'Available') => {
    const key = parent ? `${parent.objectKey}${name}${type === 2 ? '' : '/'}` : '';
    const asset = { ...record(name, parent?.id ?? null, type, bucketName, key, at()), id: stableUuid('nomad-sim', key || name), assetStatus: status };
    state.assets.set(asset.id, asset);
    return asset;
  };
  const bucket = add('nomad-demo-media', null, 5);
  const productions = add('Productions', bucket, 1);
  const feature = add('Feature Documentary', productions, 1);
  const dailies = add('Dailies', feature, 1);
  const marketing = add('Marketing', bucket, 1);
  add('day01-cam-a.mxf', dailies, 2);
  add('day01-cam-b.mxf', dailies, 2);
  add('day02-cam-a.mxf', dailies, 2, 'Uploading');
  add('rough-cut-v3.mp4', feature, 2);
  add('score-demo.wav', feature, 2);
  add('interview-transcript.pdf', feature, 2);
  add('festival-trailer.mp4', marketing, 2);
  add('key-art.png', marketing, 2);
  add('press-kit.pdf', marketing, 2);
  add('2021-teaser.mp4', marketing, 2, 'Archived');
  add('broken-upload.mov', productions, 2, 'Error');
}
