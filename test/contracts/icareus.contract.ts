// Icareus Suite's contract, by hand from Icareus' help-desk pages: "Get Organization
// Assets", "Archive API", "Copy Asset API", "Move Asset API" (helpdesk.icareus.com) and the
// Recycle Bin API page in vendor-docs. Every call is a GET of /api/archive or
// /api/recyclebin whose `action` parameter selects the operation; the user token travels
// as `Authorization: Bearer`. The Archive API answers failures with HTTP 200 and
// {"status":"error","message"}; the Recycle Bin API with a non-200 status.
import { any, arr, bool, int, obj, str, type EndpointContract, type Shape } from './contract-kit.js';

const bearer = { authorization: /^Bearer \S+$/ };
const action = (name: string) => (query: URLSearchParams) => query.get('action') === name;

/**
 * The asset object, from the recoverAsset example of the Recycle Bin API page (a sample,
 * and a large object: open). The adapter's parser is checked against these names.
 */
export const icareusAssetShape: Shape = obj(
  {
    id: int(),
    'name?': obj({}, { open: true }),
    'description?': obj({}, { open: true }),
    'created?': int(),
    'date?': int(),
    'transcodingStatus?': int(),
    'publishReady?': bool(),
    'isPodcastAsset?': bool(),
    'thumbnailSmall?': str(),
    'thumbnailMedium?': str(),
    'folders?': arr(any),
    'presets?': arr(obj({ 'fileId?': int(), 'presetId?': int(), 'description?': str(), 'name?': str(), 'dlUrl?': str(), 'url?': str() })),
    'downloadable?': bool(),
    'createdBy?': int(),
    'createdByName?': str(),
    // Descriptive fields of the recoverAsset example ("" or 0 when unset).
    'tags?': str(),
    'director?': str(),
    'actors?': str(),
    'productionCompany?': str(),
    'publisher?': str(),
    'license?': str(),
    'ownership?': str(),
    'releaseYear?': int(),
  },
  { open: true },
);
const archiveError = obj({ status: str({ enum: ['error'] }), message: str() });
const withAsset = obj({ status: str({ enum: ['ok'] }), asset: icareusAssetShape });

export const ICAREUS_CONTRACT: readonly EndpointContract[] = [
  {
    name: 'getOrganizationAssets',
    method: 'GET',
    path: /^\/api\/archive$/,
    when: action('getOrganizationAssets'),
    reference: 'Get Organization Assets: action, organizationId, studioToken, languageId, groupItemIds, keyword, skip, limit, assetId, orderBy (+ order in the example); documented as POST, the example uses GET. The answer {status, assets[]} is an assumption: the page shows none',
    confidence: 'assumption',
    query: { allowed: ['action', 'organizationId', 'studioToken', 'languageId', 'groupItemIds', 'keyword', 'skip', 'limit', 'assetId', 'orderBy', 'order'], required: ['action'] },
    headers: bearer,
    responses: { 200: obj({ status: str({ enum: ['ok', 'error'] }), 'assets?': arr(icareusAssetShape), 'message?': str() }) },
  },
  {
    name: 'Archive API deleteAsset',
    method: 'GET',
    path: /^\/api\/archive$/,
    when: action('deleteAsset'),
    reference: 'Archive API: calls take organizationId, the organization token (`token`) and languageId; the delete action\'s name and parameters (assetId) and its {status:"ok"} answer are not shown on the public page: assumption',
    confidence: 'assumption',
    query: { allowed: ['action', 'organizationId', 'token', 'languageId', 'assetId'], required: ['action', 'organizationId', 'token', 'assetId'] },
    headers: bearer,
    responses: { 200: obj({ status: str({ enum: ['ok', 'error'] }), 'message?': str() }, { open: true }) },
  },
  ...(['copyAsset', 'moveAsset'] as const).map(
    (name): EndpointContract => ({
      name,
      method: 'GET',
      path: /^\/api\/archive$/,
      when: action(name),
      reference: `${name === 'copyAsset' ? 'Copy' : 'Move'} Asset API: action, assetId, organizationTo (all mandatory) -> {status:"ok", asset} or HTTP 200 {status:"error", message}`,
      confidence: 'documented',
      query: { allowed: ['action', 'assetId', 'organizationTo'], required: ['action', 'assetId', 'organizationTo'] },
      headers: bearer,
      responses: { 200: obj({ status: str({ enum: ['ok', 'error'] }), 'asset?': icareusAssetShape, 'message?': str() }) },
    }),
  ),
  {
    name: 'isRecycleBinEnabled',
    method: 'GET',
    path: /^\/api\/recyclebin$/,
    when: action('isRecycleBinEnabled'),
    reference: 'Recycle Bin API, Check if Recycle Bin is enabled: action, organizationId -> {status, isRecycleBinEnabled}',
    confidence: 'documented',
    query: { allowed: ['action', 'organizationId'], required: ['action', 'organizationId'] },
    headers: bearer,
    responses: { 200: obj({ status: str({ enum: ['ok'] }), isRecycleBinEnabled: bool() }), error: archiveError },
  },
  {
    name: 'getAssets (recycle bin)',
    method: 'GET',
    path: /^\/api\/recyclebin$/,
    when: action('getAssets'),
    reference: 'Recycle Bin API, Get Assets: action, organizationId -> {assets: [{id, title, imageUrl, deletedAt, deletedAt_ms}], status}',
    confidence: 'documented',
    query: { allowed: ['action', 'organizationId'], required: ['action', 'organizationId'] },
    headers: bearer,
    responses: {
      200: obj({ status: str({ enum: ['ok'] }), assets: arr(obj({ id: int(), title: str(), imageUrl: str(), deletedAt: str(), deletedAt_ms: int() })) }),
      error: archiveError,
    },
  },
  {
    name: 'recoverAsset',
    method: 'GET',
    path: /^\/api\/recyclebin$/,
    when: action('recoverAsset'),
    reference: 'Recycle Bin API, Recover an asset: action, organizationId, assetId -> {asset, status}',
    confidence: 'documented',
    query: { allowed: ['action', 'organizationId', 'assetId'], required: ['action', 'organizationId', 'assetId'] },
    headers: bearer,
    responses: { 200: withAsset, error: archiveError },
  },
  {
    name: 'deleteAsset (recycle bin)',
    method: 'GET',
    path: /^\/api\/recyclebin$/,
    when: action('deleteAsset'),
    reference: 'Recycle Bin API, Permanently delete an asset: action, organizationId, assetId -> {message: "asset-permanently-deleted", assetId, status}',
    confidence: 'documented',
    query: { allowed: ['action', 'organizationId', 'assetId'], required: ['action', 'organizationId', 'assetId'] },
    headers: bearer,
    responses: { 200: obj({ message: str(), assetId: int(), status: str({ enum: ['ok'] }) }), error: archiveError },
  },
  {
    name: 'emptyRecycleBin',
    method: 'GET',
    path: /^\/api\/recyclebin$/,
    when: action('emptyRecycleBin'),
    reference: 'Recycle Bin API, Empty the Recycle Bin: action, organizationId -> {message: "assets-deleted", status}',
    confidence: 'documented',
    query: { allowed: ['action', 'organizationId'], required: ['action', 'organizationId'] },
    headers: bearer,
    responses: { 200: obj({ message: str(), status: str({ enum: ['ok'] }) }), error: archiveError },
  },
];
