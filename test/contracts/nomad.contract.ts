// Nomad Media's contract, written by hand from Nomad's official OpenAPI
// (github.com/Nomad-Media/openapi-spec, swagger-admin.json and swagger-portal.json, read
// 2026-11; its licence forbids copies, so this names the fields in our own words and cites
// the operation and schema each comes from). Confidence is "documented" unless noted.
import { any, arr, bool, int, obj, str, type EndpointContract, type Shape } from './contract-kit.js';

const ADMIN = 'swagger-admin.json';
const PORTAL = 'swagger-portal.json';
const bearer = { authorization: /^Bearer \S+$/ };

/** AssetTypes and AssetStatuses: string enums (names). */
export const ASSET_TYPES = ['Folder', 'File', 'Bucket'];
export const ASSET_STATUSES = [
  'Available', 'Renaming', 'Copying', 'Restoring', 'Registering', 'Uploading', 'Archiving', 'Archived', 'PendingArchive',
  'PendingRestore', 'Restored', 'Deleting', 'Moving', 'SlugReplaced', 'Updating', 'Error', 'Assembling', 'Clipping',
  'Placeholder', 'Creating', 'Replacing',
];

/** AssetModel (GET /admin/asset/{id}). */
export const assetModel: Shape = obj({
  id: str(),
  parentId: str({ nullable: true }),
  displayName: str({ nullable: true }),
  displayDate: str({ nullable: true }),
  bucketName: str({ nullable: true }),
  objectKey: str({ nullable: true }),
  fullUrl: str({ nullable: true }),
  assetStatus: str({ enum: ASSET_STATUSES }),
  storageClass: str(),
  assetType: str({ enum: ASSET_TYPES }),
});

/** SearchResultModel (the items of POST /admin/search and parent-folders); `identifiers` is an open object. */
export const searchResult: Shape = obj(
  {
    id: str(),
    'title?': str({ nullable: true }),
    'createdDate?': str(),
    'lastModifiedDate?': str(),
    'identifiers?': obj({}, { open: true, nullable: true }),
  },
  { open: true },
);
const searchList = obj({ items: arr(searchResult, true), totalItemCount: int(), 'hasItems?': bool() }, { open: true });
const idModel = obj({ id: str() });
const lookup = obj({ id: str(), 'description?': str({ nullable: true }), 'name?': str({ nullable: true }) }, { open: true });
/** AssetPartUploadModel. */
const uploadPart = obj({ id: str(), 'url?': str({ nullable: true }), partNumber: int(), startingPosition: int(), endingPosition: int(), 'isCompleted?': bool() });
/** AssetUploadModel. */
const uploadModel = obj({ id: str(), assetId: str(), 'etag?': str({ nullable: true }), 'url?': str({ nullable: true }), 'contentLength?': int(), 'startDate?': str(), 'parts?': arr(uploadPart, true) });
/** CollectionModel. */
const collectionModel = obj({ 'id?': str({ nullable: true }), 'name?': str({ nullable: true }) });
/** CollectionContentModel (with BasicContentModel's writable fields). */
const collectionContent = obj({ contentId: str(), 'collectionId?': str({ nullable: true }), 'name?': str({ nullable: true }), 'createNew?': bool(), 'contentDefinition?': str({ nullable: true }) });
/** AssetReferenceModel: a file Nomad made of an asset (the fields the simulator sends and the adapter reads). */
const assetReference = obj({
  'id?': str(),
  'url?': str({ nullable: true }),
  'fullUrl?': str({ nullable: true }),
  'title?': str({ nullable: true }),
  'format?': str({ nullable: true }),
  'contentLength?': int(true),
  'mediaTypeDisplay?': str({ nullable: true }),
  'isUrlSecure?': bool(true),
});
/** AudioTrackModel. */
const audioTrack = obj({ 'id?': str(), 'format?': str({ nullable: true }), 'bitRate?': int(true), 'numChannels?': int(true), 'samplingRate?': int(true) });
/** AssetDetailModel (GET /admin/asset/{id}/detail): the fields used; every one is optional in the spec. */
export const assetDetailModel: Shape = obj({
  'assetId?': str(),
  'properties?': obj({}, { open: true, nullable: true }),
  'customAttributes?': obj({}, { open: true, nullable: true }),
  'audioTracks?': arr(audioTrack, true),
  'relatedVideos?': arr(assetReference, true),
  'relatedAudio?': arr(assetReference, true),
  'relatedImages?': arr(assetReference, true),
  'screenshots?': arr(assetReference, true),
  'tags?': arr(lookup, true),
  'collections?': arr(lookup, true),
  'shares?': arr(lookup, true),
  /** "The list of parent folder assets that contain this asset": AssetModel each (docs/vendors.md M12). */
  'parents?': arr(assetModel, true),
});
/** ShareModel / ShareAddModel / ShareUpdateModel (portal). */
export const shareModel: Shape = obj({
  'id?': str({ nullable: true }),
  'name?': str({ nullable: true }),
  'sharedContents?': arr(str(), true),
  'sharedDuration?': any,
  'sharedPermissions?': arr(lookup, true),
  'sharedType?': any,
  'sharedStatus?': any,
  'sharedDurationInHours?': int(true),
  'sharedLink?': str({ nullable: true }),
  'ownerId?': str({ nullable: true }),
  'expirationDate?': str({ nullable: true }),
  'assetId?': str(),
  'nomadUsers?': arr(lookup, true),
});
/** BatchModel: the body of batch actions and of the per-asset copy/move. */
const batchModel = obj({
  'batchAction?': any,
  'contentDefinitionId?': str({ nullable: true }),
  'schemaName?': str({ nullable: true }),
  'targetIds?': arr(str(), true),
  'userId?': str(),
  'actionArguments?': obj({}, { open: true, nullable: true }),
  'resolverExempt?': bool(true),
});
const problemDetails = obj({ 'type?': str({ nullable: true }), 'title?': str({ nullable: true }), 'status?': int(true), 'detail?': str({ nullable: true }), 'instance?': str({ nullable: true }) }, { open: true });
const filter = obj({ 'fieldName?': str({ nullable: true }), operator: int(), 'includeNull?': bool(), 'values?': any });

export const NOMAD_CONTRACT: readonly EndpointContract[] = [
  {
    name: 'search',
    method: 'POST',
    path: /^\/admin\/search$/,
    reference: `${ADMIN} POST /admin/search: SearchModel -> ListResultModelSearchResultModel; filter operators and sort types are integer enums (0 = Equals; 0/1 = Ascending/Descending)`,
    confidence: 'documented',
    query: { allowed: ['includeInternalFieldsInResults'] },
    headers: bearer,
    body: obj({
      'pageSize?': int(),
      'pageOffset?': any,
      'searchQuery?': str({ nullable: true }),
      'filters?': arr(filter, true),
      'sortFields?': arr(obj({ 'fieldName?': str({ nullable: true }), sortType: int(), 'position?': int() }), true),
      'searchResultFields?': arr(obj({ name: str() }, { open: true }), true),
      'filterBinder?': int(),
    }),
    responses: { 200: searchList, error: problemDetails },
  },
  {
    name: 'asset by id',
    method: 'GET',
    path: /^\/admin\/asset\/[^/]+$/,
    reference: `${ADMIN} GET /admin/asset/{id} -> AssetModel (404 ProblemDetails)`,
    confidence: 'documented',
    headers: bearer,
    responses: { 200: assetModel, error: problemDetails },
  },
  {
    name: 'asset detail',
    method: 'GET',
    path: /^\/admin\/asset\/[^/]+\/detail$/,
    reference: `${ADMIN} GET /admin/asset/{id}/detail -> AssetDetailModel (404 ProblemDetails); \`properties\` and \`customAttributes\` are open objects, the media keys read from \`properties\` are an assumption (M9)`,
    confidence: 'documented',
    headers: bearer,
    responses: { 200: assetDetailModel, error: problemDetails },
  },
  {
    name: 'collection by id',
    method: 'GET',
    path: /^\/admin\/collection\/[^/]+$/,
    reference: `${ADMIN} GET /admin/collection/{id} -> CollectionModel (404 ProblemDetails)`,
    confidence: 'documented',
    headers: bearer,
    responses: { 200: collectionModel, error: problemDetails },
  },
  {
    name: 'save collection',
    method: 'POST',
    path: /^\/admin\/collection$/,
    reference: `${ADMIN} POST /admin/collection: CollectionModel (no id: create; id: update) -> IdModel`,
    confidence: 'documented',
    headers: bearer,
    body: collectionModel,
    responses: { 200: idModel, error: problemDetails },
  },
  {
    name: 'delete collection',
    method: 'DELETE',
    path: /^\/admin\/collection\/[^/]+$/,
    reference: `${ADMIN} DELETE /admin/collection/{id} -> IdModel (400 ProblemDetails)`,
    confidence: 'documented',
    headers: bearer,
    responses: { 200: idModel, error: problemDetails },
  },
  {
    name: 'collection content',
    method: 'POST',
    path: /^\/admin\/collection\/content(\/delete)?$/,
    reference: `${ADMIN} POST /admin/collection/content and /admin/collection/content/delete: ListModelCollectionContentModel -> BatchResultModel`,
    confidence: 'documented',
    headers: bearer,
    body: obj({ items: arr(collectionContent) }),
    responses: { 200: obj({ items: arr(obj({ id: str() }, { open: true }), true), totalItemCount: int() }), error: problemDetails },
  },
  {
    name: 'upload start',
    method: 'POST',
    path: /^\/asset\/upload\/start$/,
    reference: `${ADMIN} POST /asset/upload/start: AssetUploadStartRequestModel -> AssetUploadModel (pre-signed part URLs)`,
    confidence: 'documented',
    headers: bearer,
    body: obj({ 'parentId?': str({ nullable: true }), 'displayName?': str({ nullable: true }), 'contentLength?': int(), 'chunkSize?': int(), 'relativePath?': str({ nullable: true }), 'existingAssetId?': str({ nullable: true }) }),
    responses: { 200: uploadModel, error: problemDetails },
  },
  {
    name: 'upload parts',
    method: 'GET',
    path: /^\/admin\/asset\/upload\/[^/]+$/,
    reference: `${ADMIN} GET /admin/asset/upload/{id} -> AssetPartUploadModel[]`,
    confidence: 'documented',
    headers: bearer,
    responses: { 200: arr(uploadPart), error: problemDetails },
  },
  {
    name: 'upload part complete',
    method: 'POST',
    path: /^\/asset\/upload\/part\/[^/]+\/complete$/,
    reference: `${ADMIN} POST /asset/upload/part/{id}/complete: AssetUploadCompletePartRequestModel {etag}`,
    confidence: 'documented',
    headers: bearer,
    body: obj({ etag: str({ nullable: true }) }),
    responses: { 200: any, error: problemDetails },
  },
  {
    name: 'upload complete or cancel',
    method: 'POST',
    path: /^\/asset\/upload\/[^/]+\/(complete|cancel)$/,
    reference: `${ADMIN} POST /asset/upload/{id}/complete -> BatchResultModel; POST /asset/upload/{id}/cancel`,
    confidence: 'documented',
    headers: bearer,
    responses: { 200: any, error: problemDetails },
  },
  {
    name: 'asset properties',
    method: 'PATCH',
    path: /^\/admin\/asset\/[^/]+$/,
    reference: `${ADMIN} PATCH /admin/asset/{id}: ChangeAssetPropertiesModel -> IdModel`,
    confidence: 'documented',
    headers: bearer,
    body: obj({ 'displayName?': str({ nullable: true }), 'displayDate?': str({ nullable: true }), 'availableStartDate?': str({ nullable: true }), 'availableEndDate?': str({ nullable: true }), 'customProperties?': any }),
    responses: { 200: idModel, error: problemDetails },
  },
  {
    name: 'delete asset',
    method: 'DELETE',
    path: /^\/admin\/asset\/[^/]+$/,
    reference: `${ADMIN} DELETE /admin/asset/{id} -> IdModel (permanent; folders with their contents)`,
    confidence: 'documented',
    headers: bearer,
    responses: { 200: idModel, error: problemDetails },
  },
  {
    name: 'parent folders',
    method: 'GET',
    path: /^\/admin\/asset\/[^/]+\/parent-folders$/,
    reference: `${ADMIN} GET /admin/asset/{id}/parent-folders -> ListResultModelSearchResultModel, root first, without the asset`,
    confidence: 'documented',
    query: { allowed: ['pageSize'] },
    headers: bearer,
    responses: { 200: searchList, error: problemDetails },
  },
  {
    name: 'create folder',
    method: 'POST',
    path: /^\/admin\/asset\/[^/]+\/create-folder$/,
    reference: `${ADMIN} POST /admin/asset/{parentId}/create-folder: CreateFolderModel -> IdModel`,
    confidence: 'documented',
    headers: bearer,
    body: obj({ displayName: str() }),
    responses: { 200: idModel, error: problemDetails },
  },
  {
    name: 'copy asset',
    method: 'POST',
    path: /^\/admin\/asset\/[^/]+\/copy$/,
    reference: `${ADMIN} POST /admin/asset/{id}/copy: BatchModel (destination in actionArguments) -> IdModel; that the id is the copy's is an assumption`,
    confidence: 'documented',
    headers: bearer,
    body: batchModel,
    responses: { 200: idModel, error: problemDetails },
  },
  {
    name: 'batch action',
    method: 'POST',
    path: /^\/admin\/asset\/(delete|move|archive|restore)$/i,
    reference: `${ADMIN} POST /admin/asset/{name}: BatchModel -> BatchResultModel ({items: partial models with id and dynamic properties, totalItemCount}); assetStatus in the items is from the vendor sample in vendor-specs/README.md`,
    confidence: 'documented',
    headers: bearer,
    body: batchModel,
    responses: { 200: obj({ items: arr(obj({ id: str(), 'assetStatus?': str({ enum: ASSET_STATUSES }) }, { open: true }), true), totalItemCount: int() }), error: problemDetails },
  },
  {
    name: 'create share',
    method: 'POST',
    path: /^\/share$/,
    reference: `${PORTAL} POST /share: ShareAddModel -> ShareModel`,
    confidence: 'documented',
    headers: bearer,
    body: shareModel,
    responses: { 200: shareModel, error: problemDetails },
  },
  {
    name: 'share by id',
    method: 'GET',
    path: /^\/share\/[^/]+$/,
    reference: `${PORTAL} GET /share/{shareId} -> ShareModel`,
    confidence: 'documented',
    headers: bearer,
    responses: { 200: shareModel, error: problemDetails },
  },
  {
    name: 'update share',
    method: 'PUT',
    path: /^\/share\/[^/]+$/,
    reference: `${PORTAL} PUT /share/{shareId}: ShareUpdateModel -> ShareModel`,
    confidence: 'documented',
    headers: bearer,
    body: shareModel,
    responses: { 200: shareModel, error: problemDetails },
  },
  {
    name: 'delete share',
    method: 'DELETE',
    path: /^\/share\/[^/]+$/,
    reference: `${PORTAL} DELETE /share/{shareId} -> IdModel`,
    confidence: 'documented',
    headers: bearer,
    responses: { 200: idModel, error: problemDetails },
  },
];
