// Every NCP Media Intelligence call the adapter makes, as data (see src/vendors/endpoint.ts).
// References are pages of NAVER Cloud's Media Intelligence API guide; docs/vendors.md and
// test/contracts/ncp.contract.ts give the fields relied on and the confidence.
import type { z } from 'zod';
import * as compiled from '../../generated/response-validators/ncp.js';
import type { Endpoint } from '../endpoint.js';
import { useCompiledValidators } from '../parse-response.js';
import { ncpAsset, ncpAssetPage, ncpBodyError, ncpDone, ncpEnvelope, ncpProject, ncpProjectList } from './responses.js';

const WORKSPACE = '/api/v1/workspaces/{workspace}';
/** Every answer is {code, message, result}: a code other than "0" is an error, even on 2xx. */
const errorInBody = ncpBodyError;

export const NCP_ENDPOINTS = {
  projectList: {
    name: 'project list',
    method: 'GET',
    path: `${WORKSPACE}/projects`,
    safeToRepeat: true,
    response: ncpProjectList(ncpProject),
    errorInBody,
    reference: 'maiu-list-projects: GET /api/v1/workspaces/{workspace_name}/projects',
  },
  project: {
    name: 'project',
    method: 'GET',
    path: `${WORKSPACE}/projects/{projectId}`,
    safeToRepeat: true,
    response: ncpEnvelope(ncpProject),
    errorInBody,
    reference: 'maiu-project-details: GET …/projects/{project_id}',
  },
  assetList: {
    name: 'project assets',
    method: 'GET',
    path: `${WORKSPACE}/projects/{projectId}/assets`,
    safeToRepeat: true,
    response: ncpAssetPage(ncpAsset),
    errorInBody,
    reference: 'mi-list-assets: GET …/projects/{project_id}/assets?pageNum&pageSize',
  },
  asset: {
    name: 'asset',
    method: 'GET',
    path: `${WORKSPACE}/projects/{projectId}/assets/{assetId}`,
    safeToRepeat: true,
    response: ncpEnvelope(ncpAsset),
    errorInBody,
    reference: 'asset details: GET …/projects/{project_id}/assets/{asset_id} (shape of the move answer: assumption N1)',
  },
  moveAsset: {
    name: 'move',
    method: 'PATCH',
    path: `${WORKSPACE}/projects/{projectId}/assets/{assetId}`,
    safeToRepeat: false,
    response: ncpEnvelope(ncpAsset),
    errorInBody,
    reference: 'Move media asset project: PATCH …/assets/{asset_id}?new_project_id',
  },
  deleteAsset: {
    name: 'delete',
    method: 'DELETE',
    path: `${WORKSPACE}/projects/{projectId}/assets/{assetId}`,
    safeToRepeat: false,
    response: ncpDone,
    errorInBody,
    reference: 'maiu-delete-assets: DELETE …/video-assets/{video_asset_id} (path "assets": assumption N2)',
  },
} as const satisfies Record<string, Endpoint<z.ZodType>>;

// The answers are checked by validators compiled from these schemas (npm run codegen).
useCompiledValidators(NCP_ENDPOINTS, {}, compiled);
