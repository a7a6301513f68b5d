// Icareus Suite simulator: the Archive API's getOrganizationAssets (GET or POST
// /api/archive?action=...) and the Recycle Bin API (GET /api/recyclebin?action=...:
// isRecycleBinEnabled, getAssets, recoverAsset, deleteAsset, emptyRecycleBin), with the
// vendor's error conventions: the Archive API answers failures with HTTP 200 and
// {"status":"error","message":...}; the Recycle Bin API with a non-200 status.
// Auth: `Authorization: Bearer <token>` or `userToken: <token>`.
import { createSettler } from '../kit/settle-later.js';
import { FileStore, serveFile } from '../kit/file-store.js';
import { scalarText, startSimulatorServer, type RunningSimulator, type SimRequest, type SimResponse } from '../kit/simulator-server.js';
import { seedIcareus } from './seed.js';
import { createIcareusState, recycleBinDate, type IcareusAssetRecord, type IcareusState } from './state.js';

export interface IcareusSimulatorOptions {
  readonly port?: number;
  /** Latency added to every request (benchmarks). */
  readonly latencyMs?: number;
  readonly userToken: string;
  /** The organization's Archive API token (the `token` parameter of deleteAsset). */
  readonly archiveToken?: string;
  readonly seed?: boolean;
  /** How long a copy's files take to arrive (default 1500 ms). */
  readonly settleMs?: number;
}

export interface IcareusSimulator extends RunningSimulator {
  readonly baseUrl: string;
  readonly state: IcareusState;
  /** The presets' bytes (generated for seeded files; on disk for written ones). */
  readonly store: FileStore;
}

const archiveError = (message: string): SimResponse => ({ status: 200, body: { status: 'error', message } });
const binError = (status: number, message: string): SimResponse => ({ status, body: { status: 'error', message } });

function tokenOf(request: SimRequest): string | undefined {
  const bearer = /^Bearer (.+)$/.exec(String(request.headers['authorization'] ?? ''))?.[1];
  const userToken = request.headers['usertoken'];
  return bearer ?? (typeof userToken === 'string' ? userToken : undefined);
}

export async function startIcareusSimulator(options: IcareusSimulatorOptions): Promise<IcareusSimulator> {
  const state = createIcareusState();
  const authorized = (request: SimRequest) => tokenOf(request) === options.userToken;

  const assetObject = (asset: IcareusAssetRecord) => {
    const { organizationId: _organizationId, ...fields } = asset;
    return fields;
  };

  const settler = createSettler(options.settleMs ?? 1500);
  let nextId = 12_000_001;

  /** Copy Asset API and Move Asset API: organizationTo must be an organization the user belongs to. */
  const transfer = (action: 'copyAsset' | 'moveAsset', params: URLSearchParams): SimResponse => {
    const asset = state.assets.get(Number(params.get('assetId')));
    if (!asset) return archiveError('asset-not-found');
    const to = Number(params.get('organizationTo'));
    if (!state.organizations.has(to)) return archiveError('organization-not-found');
    if (action === 'moveAsset') {
      asset.organizationId = to;
      return { status: 200, body: { status: 'ok', asset: assetObject(asset) } };
    }
    // Only the metadata is copied at once; the files follow in the background.
    const copy: IcareusAssetRecord = { ...structuredClone(asset), id: nextId++, organizationId: to, created: Date.now(), presets: [] };
    state.assets.set(copy.id, copy);
    settler.later(() => {
      copy.presets = structuredClone(asset.presets);
    });
    return { status: 200, body: { status: 'ok', asset: assetObject(copy) } };
  };

  const archive = (request: SimRequest): SimResponse => {
    // The Archive API is documented as POST; its example uses GET with query parameters.
    const params = request.query;
    const action = params.get('action');
    if (action === 'deleteAsset') {
      // The older Archive API actions authenticate with the organization's token parameter.
      if (!options.archiveToken || params.get('token') !== options.archiveToken) return archiveError('invalid-token');
      const organization = state.organizations.get(Number(params.get('organizationId')));
      const asset = state.assets.get(Number(params.get('assetId')));
      if (!organization || !asset || asset.organizationId !== organization.id) return archiveError('asset-not-found');
      state.assets.delete(asset.id);
      if (organization.recycleBinEnabled) state.recycleBin.set(asset.id, { asset, deletedAtMs: Date.now() });
      return { status: 200, body: { status: 'ok', message: organization.recycleBinEnabled ? 'asset-moved-to-recycle-bin' : 'asset-deleted' } };
    }
    if (!authorized(request)) return archiveError('invalid-token');
    if (action === 'copyAsset' || action === 'moveAsset') return transfer(action, params);
    if (action !== 'getOrganizationAssets') return archiveError('unknown-action');
    const organizationId = Number(params.get('organizationId'));
    if (!state.organizations.has(organizationId)) return archiveError('organization-not-found');
    const languageId = params.get('languageId') ?? 'en_US';
    const keyword = params.get('keyword')?.toLowerCase();
    const assetId = params.get('assetId');
    const groups = params.get('groupItemIds')?.split(',').filter(Boolean);
    let list = [...state.assets.values()].filter(
      (asset) =>
        asset.organizationId === organizationId &&
        (!assetId || String(asset.id) === assetId) &&
        (!groups || asset.folders.some((folder) => groups.includes(String(folder.id)))) &&
        (!keyword ||
          `${asset.name[languageId] ?? ''} ${asset.description[languageId] ?? ''}`.toLowerCase().includes(keyword)),
    );
    const orderBy = params.get('orderBy') === 'publish-start' ? 'date' : 'created';
    const direction = params.get('order') === 'asc' ? 1 : -1;
    list = list.sort((a, b) => (a[orderBy] - b[orderBy]) * direction || a.id - b.id);
    const skip = Math.max(0, Number(params.get('skip') ?? 0) || 0);
    const limit = Math.max(0, Number(params.get('limit') ?? 100) || 100);
    return { status: 200, body: { status: 'ok', assets: list.slice(skip, skip + limit).map(assetObject) } };
  };

  const recycleBin = (request: SimRequest): SimResponse => {
    const params = request.query;
    if (!authorized(request)) return binError(401, 'invalid-token');
    const organizationId = Number(params.get('organizationId'));
    const organization = state.organizations.get(organizationId);
    if (!organization) return binError(400, 'organizationId is missing or unknown');
    const inOrganization = [...state.recycleBin.values()].filter((entry) => entry.asset.organizationId === organizationId);
    const assetId = Number(params.get('assetId'));
    switch (params.get('action')) {
      case 'isRecycleBinEnabled':
        return { status: 200, body: { status: 'ok', isRecycleBinEnabled: organization.recycleBinEnabled } };
      case 'getAssets':
        return {
          status: 200,
          body: {
            status: 'ok',
            assets: inOrganization.map(({ asset, deletedAtMs }) => ({
              id: asset.id,
              title: asset.name['en_US'] ?? Object.values(asset.name)[0] ?? '',
              imageUrl: asset.thumbnailLarge,
              deletedAt: recycleBinDate(deletedAtMs),
              deletedAt_ms: deletedAtMs,
            })),
          },
        };
      case 'recoverAsset': {
        const entry = state.recycleBin.get(assetId);
        if (!entry || entry.asset.organizationId !== organizationId) return binError(404, 'asset-not-found');
        state.recycleBin.delete(assetId);
        state.assets.set(assetId, entry.asset);
        return { status: 200, body: { status: 'ok', asset: assetObject(entry.asset) } };
      }
      case 'deleteAsset': {
        const entry = state.recycleBin.get(assetId);
        if (!entry || entry.asset.organizationId !== organizationId) return binError(404, 'asset-not-found');
        state.recycleBin.delete(assetId);
        return { status: 200, body: { message: 'asset-permanently-deleted', assetId, status: 'ok' } };
      }
      case 'emptyRecycleBin':
        inOrganization.forEach(({ asset }) => state.recycleBin.delete(asset.id));
        return { status: 200, body: { message: 'assets-deleted', status: 'ok' } };
      default:
        return binError(400, 'unknown-action');
    }
  };

  const store = new FileStore();
  const simulator = await startSimulatorServer({
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.latencyMs ? { latencyMs: options.latencyMs } : {}),
    // Each API reports auth failures its own way, so the handlers check the token.
    authenticate: () => undefined,
    notFound: () => binError(404, 'not-found'),
    byteRoutes: [
      {
        // The presets' download URLs (dlUrl): the files of assets that exist here.
        method: 'GET',
        pattern: '/s3files/:assetId/:file',
        handle: async (req, res, params, _query, cut) => {
          const key = `s3:${params['assetId']}/${params['file']}`;
          if (!store.has(key)) {
            const suffix = `/s3files/${params['assetId']}/${params['file']}`;
            const known = [...state.assets.values(), ...[...state.recycleBin.values()].map((entry) => entry.asset)].some((asset) =>
              asset.presets.some((preset) => scalarText(preset['dlUrl']).endsWith(suffix)),
            );
            if (known) store.defineVirtual(key, params['file']?.startsWith('master') ? 20_000_000 : 4_000_000);
          }
          await serveFile(store, key, req, res, cut);
        },
      },
    ],
    routes: [
      { method: 'GET', pattern: '/api/archive', handler: archive },
      { method: 'POST', pattern: '/api/archive', handler: archive },
      { method: 'GET', pattern: '/api/recyclebin', handler: recycleBin },
    ],
  });
  if (options.seed ?? true) seedIcareus(state, simulator.origin);
  return {
    ...simulator,
    baseUrl: `${simulator.origin}/`,
    state,
    store,
    close: async () => {
      store.close();
      settler.cancelAll();
      await simulator.close();
    },
  };
}
