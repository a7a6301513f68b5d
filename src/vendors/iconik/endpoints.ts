// Every iconik call the adapter makes, as data (see src/vendors/endpoint.ts). References are
// operations of iconik's OpenAPI (docs/iconik/iconik-openapi.json); the contract test
// validates every exchange against them, and docs/vendors.md lists the fields relied on.
import { z } from 'zod';
import type { Endpoint } from '../endpoint.js';
import { iconikAsset, iconikCollection, iconikList, iconikShare, iconikShareUser } from './responses.js';

const assetList = iconikList(iconikAsset);
const collectionList = iconikList(iconikCollection);
/** 204 No Content, and 202 Accepted without a body, as the OpenAPI declares them. */
const noContent = z.undefined();
/** The answer of adding an object to a collection (201); the adapter reads nothing of it. */
const anything = z.unknown();

export const ICONIK_ENDPOINTS = {
  assetSearch: {
    name: 'asset search',
    method: 'POST',
    path: '/search/v1/search/',
    // A read sent as POST: repeating it is harmless.
    safeToRepeat: true,
    response: assetList,
    reference: 'POST /search/v1/search/ (SearchCriteriaSchema -> SearchDocumentsSchema)',
  },
  collectionSearch: {
    name: 'collection search',
    method: 'POST',
    path: '/search/v1/search/',
    safeToRepeat: true,
    response: collectionList,
    reference: 'POST /search/v1/search/ (SearchCriteriaSchema -> SearchDocumentsSchema)',
  },
  asset: { name: 'asset', method: 'GET', path: '/assets/v1/assets/{id}/', safeToRepeat: true, response: iconikAsset, reference: 'GET /assets/v1/assets/{asset_id}/ (AssetSchema)' },
  collection: {
    name: 'collection',
    method: 'GET',
    path: '/assets/v1/collections/{id}/',
    safeToRepeat: true,
    response: iconikCollection,
    reference: 'GET /assets/v1/collections/{collection_id}/ (CollectionSchema)',
  },
  collections: {
    name: 'collection list',
    method: 'GET',
    path: '/assets/v1/collections/',
    safeToRepeat: true,
    response: collectionList,
    reference: 'GET /assets/v1/collections/ (CollectionsSchema)',
  },
  assetContents: {
    name: 'collection contents',
    method: 'GET',
    path: '/assets/v1/collections/{id}/contents/',
    safeToRepeat: true,
    response: assetList,
    reference: 'GET /assets/v1/collections/{collection_id}/contents/?object_types=assets (AssetsSchema)',
  },
  collectionContents: {
    name: 'collection children',
    method: 'GET',
    path: '/assets/v1/collections/{id}/contents/',
    safeToRepeat: true,
    response: collectionList,
    reference: 'GET /assets/v1/collections/{collection_id}/contents/?object_types=collections',
  },
  ancestors: {
    name: 'ancestors',
    method: 'GET',
    path: '/assets/v1/collections/{id}/ancestors/',
    safeToRepeat: true,
    response: collectionList,
    reference: 'GET /assets/v1/collections/{collection_id}/ancestors/ (CollectionsSchema)',
  },
  objectShares: {
    name: 'share list',
    method: 'GET',
    path: '/assets/v1/{objectType}/{objectId}/shares/',
    safeToRepeat: true,
    response: iconikList(iconikShare),
    reference: 'GET /assets/v1/{object_type}/{object_id}/shares/ (SharesSchema)',
  },
  share: {
    name: 'share',
    method: 'GET',
    path: '/assets/v1/{objectType}/{objectId}/shares/{shareId}/',
    safeToRepeat: true,
    response: iconikShare,
    reference: 'GET /assets/v1/{object_type}/{object_id}/shares/{share_id}/ (ShareSchema)',
  },
  shareUsers: {
    name: 'share users',
    method: 'GET',
    path: '/assets/v1/{objectType}/{objectId}/shares/{shareId}/users/',
    safeToRepeat: true,
    response: iconikList(iconikShareUser),
    reference: 'GET /assets/v1/{object_type}/{object_id}/shares/{share_id}/users/ (ShareUsersSchema)',
  },
  deleteQueue: {
    name: 'delete queue',
    method: 'GET',
    path: '/assets/v1/delete_queue/assets/',
    safeToRepeat: true,
    response: assetList,
    reference: 'GET /assets/v1/delete_queue/assets/ (AssetsSchema)',
  },
  updateAsset: {
    name: 'asset update',
    method: 'PATCH',
    path: '/assets/v1/assets/{id}/',
    safeToRepeat: false,
    response: iconikAsset,
    reference: 'PATCH /assets/v1/assets/{asset_id}/ (AssetSchema)',
  },
  deleteAssets: {
    name: 'delete',
    method: 'POST',
    path: '/assets/v1/delete_queue/assets/',
    safeToRepeat: false,
    response: noContent,
    reference: 'POST /assets/v1/delete_queue/assets/ (DeleteQueueSchema -> 204)',
  },
  restoreAssets: {
    name: 'restore',
    method: 'DELETE',
    path: '/assets/v1/delete_queue/assets/',
    safeToRepeat: false,
    response: noContent,
    reference: 'DELETE /assets/v1/delete_queue/assets/ (DeleteQueueSchema -> 204)',
  },
  purgeAssets: {
    name: 'purge',
    method: 'POST',
    path: '/assets/v1/delete_queue/assets/purge/',
    safeToRepeat: false,
    response: noContent,
    reference: 'POST /assets/v1/delete_queue/assets/purge/ (DeleteQueueSchema -> 204)',
  },
  purgeAll: {
    name: 'purge all',
    method: 'POST',
    path: '/assets/v1/delete_queue/assets/purge/all/',
    safeToRepeat: false,
    response: noContent,
    reference: 'POST /assets/v1/delete_queue/assets/purge/all/ (204)',
  },
  addContent: {
    name: 'add to collection',
    method: 'POST',
    path: '/assets/v1/collections/{id}/contents/',
    safeToRepeat: false,
    response: anything,
    reference: 'POST /assets/v1/collections/{collection_id}/contents/ (201)',
  },
  removeContent: {
    name: 'remove from collection',
    method: 'DELETE',
    path: '/assets/v1/collections/{id}/contents/assets/{objectId}/',
    safeToRepeat: false,
    response: noContent,
    reference: 'DELETE /assets/v1/collections/{collection_id}/contents/{object_type}/{object_id}/ (204)',
  },
  createCollection: {
    name: 'create collection',
    method: 'POST',
    path: '/assets/v1/collections/',
    safeToRepeat: false,
    response: iconikCollection,
    reference: 'POST /assets/v1/collections/ (CollectionSchema -> 201 CollectionSchema)',
  },
  deleteCollection: {
    name: 'delete collection',
    method: 'DELETE',
    path: '/assets/v1/collections/{id}/',
    safeToRepeat: false,
    response: noContent,
    reference: 'DELETE /assets/v1/collections/{collection_id}/ (202, into the delete queue)',
  },
  createShare: {
    name: 'create share',
    method: 'POST',
    path: '/assets/v1/{objectType}/{objectId}/shares/',
    safeToRepeat: false,
    response: iconikShare,
    reference: 'POST /assets/v1/{object_type}/{object_id}/shares/ (ShareCreateSchema -> ShareSchema)',
  },
  updateShare: {
    name: 'update share',
    method: 'PUT',
    path: '/assets/v1/{objectType}/{objectId}/shares/{shareId}/',
    safeToRepeat: false,
    response: iconikShare,
    reference: 'PUT /assets/v1/{object_type}/{object_id}/shares/{share_id}/ (ShareSchema)',
  },
  deleteShare: {
    name: 'delete share',
    method: 'DELETE',
    path: '/assets/v1/{objectType}/{objectId}/shares/{shareId}/',
    safeToRepeat: false,
    response: noContent,
    reference: 'DELETE /assets/v1/{object_type}/{object_id}/shares/{share_id}/ (204)',
  },
} as const satisfies Record<string, Endpoint<z.ZodType>>;
