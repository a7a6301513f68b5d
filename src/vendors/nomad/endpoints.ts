// Every Nomad call the adapter makes, as data (see src/vendors/endpoint.ts). References are
// operations of Nomad's official OpenAPI (Nomad-Media/openapi-spec); docs/vendors.md and
// test/contracts/nomad.contract.ts give the fields relied on and the confidence.
import { z } from 'zod';
import * as compiled from '../../generated/response-validators/nomad.js';
import type { Endpoint } from '../endpoint.js';
import { useCompiledValidators } from '../parse-response.js';
import { nomadAsset, nomadAssetDetail, nomadBatchResult, nomadCollection, nomadUpload, nomadUploadPart, nomadIdModel, nomadIdentifiers, nomadSearchList, nomadShare } from './responses.js';

const ADMIN = 'swagger-admin.json';
const PORTAL = 'swagger-portal.json';

export const NOMAD_ENDPOINTS = {
  search: {
    name: 'search',
    method: 'POST',
    path: '/admin/search',
    // A read sent as POST: repeating it is harmless.
    safeToRepeat: true,
    response: nomadSearchList,
    reference: `${ADMIN} POST /admin/search (SearchModel -> ListResultModelSearchResultModel)`,
  },
  assetById: {
    name: 'asset',
    method: 'GET',
    path: '/admin/asset/{id}',
    safeToRepeat: true,
    response: nomadAsset,
    reference: `${ADMIN} GET /admin/asset/{id} (AssetModel)`,
  },
  assetDetail: {
    name: 'asset detail',
    method: 'GET',
    path: '/admin/asset/{id}/detail',
    safeToRepeat: true,
    response: nomadAssetDetail,
    reference: `${ADMIN} GET /admin/asset/{id}/detail (AssetDetailModel)`,
  },
  parentFolders: {
    name: 'parent-folders',
    method: 'GET',
    path: '/admin/asset/{id}/parent-folders',
    safeToRepeat: true,
    response: nomadSearchList,
    reference: `${ADMIN} GET /admin/asset/{id}/parent-folders (ListResultModelSearchResultModel, root first)`,
  },
  updateAsset: {
    name: 'asset update',
    method: 'PATCH',
    path: '/admin/asset/{id}',
    safeToRepeat: false,
    response: nomadIdModel,
    reference: `${ADMIN} PATCH /admin/asset/{id} (ChangeAssetPropertiesModel -> IdModel)`,
  },
  deleteAsset: {
    name: 'delete',
    method: 'DELETE',
    path: '/admin/asset/{id}',
    safeToRepeat: false,
    response: nomadIdModel,
    reference: `${ADMIN} DELETE /admin/asset/{id} (IdModel)`,
  },
  createFolder: {
    name: 'create-folder',
    method: 'POST',
    path: '/admin/asset/{parentId}/create-folder',
    safeToRepeat: false,
    response: nomadIdModel,
    reference: `${ADMIN} POST /admin/asset/{parentId}/create-folder (CreateFolderModel -> IdModel)`,
  },
  copyAsset: {
    name: 'copy',
    method: 'POST',
    path: '/admin/asset/{id}/copy',
    safeToRepeat: false,
    response: nomadIdModel,
    reference: `${ADMIN} POST /admin/asset/{id}/copy (BatchModel -> IdModel)`,
  },
  batchAction: {
    name: 'batch action',
    method: 'POST',
    path: '/admin/asset/{action}',
    safeToRepeat: false,
    response: nomadBatchResult,
    reference: `${ADMIN} POST /admin/asset/{name} (BatchModel -> BatchResultModel)`,
  },
  collection: {
    name: 'collection',
    method: 'GET',
    path: '/admin/collection/{id}',
    safeToRepeat: true,
    response: nomadCollection,
    reference: `${ADMIN} GET /admin/collection/{id} (CollectionModel; 404 ProblemDetails)`,
  },
  saveCollection: {
    name: 'save collection',
    method: 'POST',
    path: '/admin/collection',
    safeToRepeat: false,
    response: nomadIdModel,
    reference: `${ADMIN} POST /admin/collection (CollectionModel: no id creates, an id renames -> IdModel)`,
  },
  deleteNomadCollection: {
    name: 'delete collection',
    method: 'DELETE',
    path: '/admin/collection/{id}',
    safeToRepeat: false,
    response: nomadIdModel,
    reference: `${ADMIN} DELETE /admin/collection/{id} (IdModel; the content keeps existing)`,
  },
  addCollectionContent: {
    name: 'add to collection',
    method: 'POST',
    path: '/admin/collection/content',
    safeToRepeat: false,
    response: nomadBatchResult,
    reference: `${ADMIN} POST /admin/collection/content (ListModelCollectionContentModel -> BatchResultModel)`,
  },
  removeCollectionContent: {
    name: 'remove from collection',
    method: 'POST',
    path: '/admin/collection/content/delete',
    safeToRepeat: false,
    response: nomadBatchResult,
    reference: `${ADMIN} POST /admin/collection/content/delete (ListModelCollectionContentModel -> BatchResultModel)`,
  },
  uploadStart: {
    name: 'upload start',
    method: 'POST',
    path: '/asset/upload/start',
    safeToRepeat: false,
    response: nomadUpload,
    reference: `${ADMIN} POST /asset/upload/start (AssetUploadStartRequestModel -> AssetUploadModel with pre-signed part URLs)`,
  },
  uploadParts: {
    name: 'upload parts',
    method: 'GET',
    path: '/admin/asset/upload/{id}',
    safeToRepeat: true,
    response: z.array(nomadUploadPart),
    reference: `${ADMIN} GET /admin/asset/upload/{id} (AssetPartUploadModel[], isCompleted per part)`,
  },
  uploadPartComplete: {
    name: 'upload part complete',
    method: 'POST',
    path: '/asset/upload/part/{id}/complete',
    safeToRepeat: false,
    response: z.unknown(),
    reference: `${ADMIN} POST /asset/upload/part/{id}/complete (AssetUploadCompletePartRequestModel {etag})`,
  },
  uploadComplete: {
    name: 'upload complete',
    method: 'POST',
    path: '/asset/upload/{id}/complete',
    safeToRepeat: false,
    response: nomadBatchResult,
    reference: `${ADMIN} POST /asset/upload/{id}/complete (-> BatchResultModel)`,
  },
  uploadCancel: {
    name: 'upload cancel',
    method: 'POST',
    path: '/asset/upload/{id}/cancel',
    safeToRepeat: false,
    response: z.unknown(),
    reference: `${ADMIN} POST /asset/upload/{id}/cancel`,
  },
  createShare: {
    name: 'share',
    method: 'POST',
    path: '/share',
    safeToRepeat: false,
    response: nomadShare,
    reference: `${PORTAL} POST /share (ShareAddModel -> ShareModel)`,
  },
  shareById: {
    name: 'share',
    method: 'GET',
    path: '/share/{shareId}',
    safeToRepeat: true,
    response: nomadShare,
    reference: `${PORTAL} GET /share/{shareId} (ShareModel)`,
  },
  updateShare: {
    name: 'share update',
    method: 'PUT',
    path: '/share/{shareId}',
    safeToRepeat: false,
    response: nomadShare,
    reference: `${PORTAL} PUT /share/{shareId} (ShareUpdateModel -> ShareModel)`,
  },
  deleteShare: {
    name: 'share delete',
    method: 'DELETE',
    path: '/share/{shareId}',
    safeToRepeat: false,
    response: nomadIdModel,
    reference: `${PORTAL} DELETE /share/{shareId} (IdModel)`,
  },
} as const satisfies Record<string, Endpoint<z.ZodType>>;

/** Parts of answers the adapter checks on their own (a search hit's `identifiers`, each of an asset detail's `parents`). */
export const NOMAD_ANSWER_PARTS = { identifiers: nomadIdentifiers, asset: nomadAsset } as const;

// The answers are checked by validators compiled from these schemas (npm run codegen).
useCompiledValidators(NOMAD_ENDPOINTS, NOMAD_ANSWER_PARTS, compiled);
