// NCP Media Intelligence simulator, following NAVER Cloud's Media Intelligence API guide
// (docs/vendors.md names each page): project list (result.projects, no paging), project
// details, the media asset list of a project (pageNum required, pageSize 1-1000, default
// 1000; result.content with totalCount/totalPage/pageNo/pageSize), asset details, "Move
// media asset project" (PATCH …/assets/{asset_id}?new_project_id=) and asset deletion
// (DELETE …/assets/{asset_id}), all answering {code, message, result} with code "0" for
// success and {code, message} with HTTP 400/404 on failure. Every request must carry the
// common headers: a valid API Gateway signature v2 within five minutes of the simulator's
// clock (else API Gateway's 401 {"error": {...}}) and Content-Type: application/json.
import { signatureV2 } from '../../src/vendors/ncp/sign-request.js';
import { startSimulatorServer, type RunningSimulator, type SimRequest, type SimResponse } from '../kit/simulator-server.js';

export interface NcpAssetRecord {
  assetId: number;
  fileName: string;
  projectId: number;
  metaData: { resolution: string | null; durationMs: number | null; size: number; format: string };
  key: string;
  createUserName: string;
  createdTime: string;
  updateUserName: string;
  updatedTime: string;
}

export interface NcpProjectRecord {
  projectId: number;
  name: string;
  isBaseProject: boolean;
  createdUserName: string;
  createdTime: string;
  updatedUserName: string;
  updatedTime: string;
}

export interface NcpState {
  readonly projects: Map<number, NcpProjectRecord>;
  readonly assets: Map<number, NcpAssetRecord>;
}

export interface NcpSimulatorOptions {
  readonly port?: number;
  /** Latency added to every request (benchmarks). */
  readonly latencyMs?: number;
  readonly workspaceName: string;
  readonly accessKey: string;
  readonly secretKey: string;
  readonly seed?: boolean;
}

export interface NcpSimulator extends RunningSimulator {
  readonly baseUrl: string;
  readonly state: NcpState;
}

const MAX_SKEW_MS = 5 * 60 * 1000;
const ok = (result: unknown): SimResponse => ({ status: 200, body: { code: '0', message: 'success', result } });
const apiError = (status: number, code: string, message: string): SimResponse => ({ status, body: { code, message } });
const gatewayError = (details: string): SimResponse => ({
  status: 401,
  body: { error: { errorCode: '200', message: 'Authentication Failed', details } },
});

/** Local time in Korea (NAVER Cloud's zone), ISO 8601 without offset, as the vendor shows it. */
export function kstTime(ms: number): string {
  return new Date(ms + 9 * 3_600_000).toISOString().slice(0, 19);
}

/** The asset list's paging: pageNum (required, 1 or more) and pageSize (1-1000, default 1000). */
function page<T>(items: readonly T[], request: SimRequest): SimResponse {
  const pageNum = Number(request.query.get('pageNum'));
  const rawSize = request.query.get('pageSize');
  const pageSize = rawSize === null ? 1000 : Number(rawSize);
  if (!Number.isInteger(pageNum) || pageNum < 1) return apiError(400, '10001', 'pageNum is required (1 or more).');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) return apiError(400, '10001', 'pageSize must be 1-1000.');
  return ok({
    content: items.slice((pageNum - 1) * pageSize, pageNum * pageSize),
    totalCount: items.length,
    totalPage: Math.ceil(items.length / pageSize),
    pageNo: pageNum,
    pageSize,
  });
}

export async function startNcpSimulator(options: NcpSimulatorOptions): Promise<NcpSimulator> {
  const state: NcpState = { projects: new Map(), assets: new Map() };
  const base = '/api/v1/workspaces/:workspace_name/projects';

  const authenticate = (request: SimRequest): SimResponse | undefined => {
    const timestamp = String(request.headers['x-ncp-apigw-timestamp'] ?? '');
    const accessKey = String(request.headers['x-ncp-iam-access-key'] ?? '');
    const signature = String(request.headers['x-ncp-apigw-signature-v2'] ?? '');
    if (!timestamp || !accessKey || !signature) return gatewayError('Required authentication headers are missing.');
    if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() - Number(timestamp)) > MAX_SKEW_MS) {
      return gatewayError('The request timestamp is outside the allowed 5 minutes.');
    }
    if (accessKey !== options.accessKey) return gatewayError('Invalid authentication information.');
    const expected = signatureV2({ method: request.method, pathWithQuery: request.rawUrl, timestamp, accessKey, secretKey: options.secretKey });
    if (signature !== expected) return gatewayError('Invalid authentication information.');
    if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return apiError(400, '10001', 'Content-Type: application/json is required.');
    }
    if (request.params['workspace_name'] !== options.workspaceName) return apiError(404, '3001', 'Workspace not found.');
    return undefined;
  };

  const projectOf = (request: SimRequest) => state.projects.get(Number(request.params['project_id']));
  const assetOf = (request: SimRequest) => {
    const asset = state.assets.get(Number(request.params['asset_id']));
    return asset && String(asset.projectId) === request.params['project_id'] ? asset : undefined;
  };

  const simulator = await startSimulatorServer({
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.latencyMs ? { latencyMs: options.latencyMs } : {}),
    authenticate,
    notFound: () => apiError(404, '3000', 'Resource not found.'),
    routes: [
      {
        method: 'GET',
        pattern: base,
        handler: () => ok({ projects: [...state.projects.values()], totalCount: state.projects.size }),
      },
      {
        method: 'GET',
        pattern: `${base}/:project_id`,
        handler: (request) => projectOf(request) ? ok(projectOf(request)) : apiError(404, '3002', 'Project not found.'),
      },
      {
        method: 'GET',
        pattern: `${base}/:project_id/assets`,
        handler: (request) => {
          const project = projectOf(request);
          if (!project) return apiError(404, '3002', 'Project not found.');
          return page([...state.assets.values()].filter((asset) => asset.projectId === project.projectId), request);
        },
      },
      {
        method: 'GET',
        pattern: `${base}/:project_id/assets/:asset_id`,
        handler: (request) => {
          const asset = assetOf(request);
          return asset ? ok(asset) : apiError(404, '3003', 'Media asset not found.');
        },
      },
      {
        method: 'PATCH',
        pattern: `${base}/:project_id/assets/:asset_id`,
        handler: (request) => {
          const asset = assetOf(request);
          if (!asset) return apiError(404, '3003', 'Media asset not found.');
          const target = state.projects.get(Number(request.query.get('new_project_id')));
          if (!target) return apiError(400, '3004', 'new_project_id is missing or unknown.');
          asset.projectId = target.projectId;
          asset.updatedTime = kstTime(Date.now());
          return ok(asset);
        },
      },
      {
        method: 'DELETE',
        pattern: `${base}/:project_id/assets/:asset_id`,
        handler: (request) => {
          const asset = assetOf(request);
          if (!asset) return apiError(404, '3003', 'Media asset not found.');
          state.assets.delete(asset.assetId);
          return { status: 200, body: { code: '0', message: 'success' } };
        },
      },
    ],
  });
  if (options.seed ?? true) seedNcp(state);
  return { ...simulator, baseUrl: `${simulator.origin}/`, state };
}

const PROJECTS: ReadonlyArray<readonly [number, string]> = [
  [1234, 'Drama Season 3 Promos'],
  [5678, 'Variety Show Clips'],
  [9012, 'Brand Films'],
];

const ASSETS: ReadonlyArray<readonly [project: number, file: string, seconds: number | null, resolution: string | null]> = [
  [1234, 'ep01-teaser.mp4', 31, '1920x1080'],
  [1234, 'ep01-trailer.mp4', 92, '1920x1080'],
  [1234, 'ep02-teaser.mp4', 30, '1920x1080'],
  [1234, 'poster-main.jpg', null, '2000x3000'],
  [5678, 'opening-sketch.mov', 242, '3840x2160'],
  [5678, 'guest-interview.mp4', 618, '1920x1080'],
  [5678, 'bloopers.webm', 187, '1280x720'],
  [5678, 'studio-still.png', null, '1920x1080'],
  [9012, 'brand-film-2026.mp4', 121, '3840x2160'],
  [9012, 'brand-film-2026-vertical.mp4', 60, '1080x1920'],
  [9012, 'logo-sting.mkv', 5, '1920x1080'],
];

function seedNcp(state: NcpState): void {
  const base = Date.parse('2026-10-31T01:00:00Z');
  PROJECTS.forEach(([projectId, name], i) => {
    const time = kstTime(base + i * 86_400_000);
    state.projects.set(projectId, { projectId, name, isBaseProject: i === 0, createdUserName: 'demo-user', createdTime: time, updatedUserName: 'demo-user', updatedTime: time });
  });
  ASSETS.forEach(([projectId, fileName, seconds, resolution], i) => {
    const assetId = 1001 + i;
    const created = kstTime(base + (i + 3) * 3_600_000);
    state.assets.set(assetId, {
      assetId,
      fileName,
      projectId,
      metaData: {
        resolution,
        durationMs: seconds === null ? null : seconds * 1000 + 161,
        size: 1_000_000 + i * 3_064_178,
        format: fileName.split('.').pop() ?? 'mp4',
      },
      key: fileName,
      createUserName: 'demo-user',
      createdTime: created,
      updateUserName: 'demo-user',
      updatedTime: created,
    });
  });
}
