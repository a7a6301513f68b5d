// NCP Media Intelligence's contract, by hand from NAVER Cloud's Media Intelligence API
// guide (api.ncloud-docs.com/docs/en/..., read 2026-11) and the move page in
// vendor-docs. Every request carries the common headers (signature v2 trio and
// Content-Type: application/json, "Media Intelligence request headers").
import { any, int, obj, str, arr, bool, type EndpointContract, type Shape } from './contract-kit.js';

const headers = {
  'x-ncp-apigw-timestamp': /^\d{13}$/,
  'x-ncp-iam-access-key': /^\S+$/,
  'x-ncp-apigw-signature-v2': /^[A-Za-z0-9+/]+=*$/,
  'content-type': /^application\/json/,
};
const BASE = String.raw`^\/api\/v1\/workspaces\/[^/]+\/projects`;

/** "Media asset details" fields as the move page lists them (its example says videoId/videoName). */
export const ncpAssetShape: Shape = obj({
  'assetId?': int(),
  'videoId?': int(),
  'fileName?': str(),
  'videoName?': str(),
  projectId: int(),
  'metaData?': obj({ 'resolution?': str({ nullable: true }), 'durationMs?': int(true), 'size?': int(), 'format?': str() }, { nullable: true }),
  'key?': str(),
  'createUserName?': str(),
  'createdTime?': str(),
  'updateUserName?': str(),
  'updatedTime?': str(),
});
/** Project list / project details fields. */
export const ncpProjectShape: Shape = obj({
  projectId: int(),
  name: str(),
  isBaseProject: bool(),
  createdUserName: str(),
  createdTime: str(),
  updatedUserName: str(),
  updatedTime: str(),
});
const envelope = (result: Shape) => obj({ code: str({ enum: ['0'] }), message: str(), result });
const apiError = obj({ code: str(), message: str() });
const gatewayError = obj({ error: obj({ errorCode: str(), message: str(), 'details?': str() }) });
const error = obj({ 'code?': str(), 'message?': str(), 'error?': any });

export const NCP_CONTRACT: readonly EndpointContract[] = [
  {
    name: 'project list',
    method: 'GET',
    path: new RegExp(`${BASE}$`),
    reference: 'mi/maiu-list-projects: GET /api/v1/workspaces/{workspace_name}/projects -> result.projects[], totalCount (no query parameters); totalCount placed in result is an assumption (the table lists it without a prefix)',
    confidence: 'documented',
    headers,
    responses: { 200: envelope(obj({ projects: arr(ncpProjectShape), 'totalCount?': int() })), error },
  },
  {
    name: 'project details',
    method: 'GET',
    path: new RegExp(`${BASE}\\/[^/]+$`),
    reference: 'maiu-project-details: GET …/projects/{project_id} -> result (project fields)',
    confidence: 'documented',
    headers,
    responses: { 200: envelope(ncpProjectShape), error },
  },
  {
    name: 'asset list',
    method: 'GET',
    path: new RegExp(`${BASE}\\/[^/]+\\/assets$`),
    reference: 'mi-list-assets: GET …/projects/{project_id}/assets?pageNum (required, 1+)&pageSize (1-1000, default 1000) -> result.content, totalCount, totalPage, pageNo, pageSize',
    confidence: 'documented',
    query: { allowed: ['pageNum', 'pageSize'], required: ['pageNum'] },
    headers,
    responses: { 200: envelope(obj({ content: arr(ncpAssetShape), totalCount: int(), totalPage: int(), pageNo: int(), pageSize: int() })), error },
  },
  {
    name: 'asset details',
    method: 'GET',
    path: new RegExp(`${BASE}\\/[^/]+\\/assets\\/[^/]+$`),
    reference: 'asset details: GET …/projects/{project_id}/assets/{asset_id}; the result is assumed to be the media asset details object of the move page',
    confidence: 'assumption',
    headers,
    responses: { 200: envelope(ncpAssetShape), error },
  },
  {
    name: 'move asset',
    method: 'PATCH',
    path: new RegExp(`${BASE}\\/[^/]+\\/assets\\/[^/]+$`),
    reference: 'vendor-docs/ncp-media-intelligence-move-asset.txt: PATCH …/assets/{asset_id}?new_project_id -> result (asset in its new project)',
    confidence: 'documented',
    query: { allowed: ['new_project_id'], required: ['new_project_id'] },
    headers,
    responses: { 200: envelope(ncpAssetShape), error },
  },
  {
    name: 'delete asset',
    method: 'DELETE',
    path: new RegExp(`${BASE}\\/[^/]+\\/assets\\/[^/]+$`),
    reference: 'maiu-delete-assets: DELETE …/video-assets/{video_asset_id} -> {code, message}; the path segment "assets" (as in the newer list and move pages) is an assumption',
    confidence: 'assumption',
    headers,
    responses: { 200: obj({ code: str({ enum: ['0'] }), message: str() }), error },
  },
];

/** Error bodies: API errors {code, message}; API Gateway's own 401 {error: {...}}. */
export const NCP_ERROR_SHAPES = { apiError, gatewayError };
