// Nomad Media JSON -> our models. Nomad models everything as an asset with an assetType:
// Folder (1) and Bucket (5) become Collections, File (2) becomes an Asset; `parentId` links
// them. The full status table of the Nomad page maps onto AssetStatus; the raw status name
// is kept in vendorStatus.
import type { AssetKind, AssetStatus } from '../../generated/resolvers-types.js';
import { parseDate } from '../parse-date.js';
import type { AssetModel, CollectionModel, ShareModel } from '../models.js';
import type { NomadAsset, NomadShare } from './responses.js';

export const ASSET_TYPE = { FOLDER: 1, FILE: 2, BUCKET: 5 } as const;

export const isFile = (asset: NomadAsset) => asset.assetType === ASSET_TYPE.FILE;
export const isContainer = (asset: NomadAsset) => asset.assetType === ASSET_TYPE.FOLDER || asset.assetType === ASSET_TYPE.BUCKET;

/** Nomad's status table: name, numeric value, and our unified status. */
const STATUS_TABLE: ReadonlyArray<readonly [name: string, value: number, status: AssetStatus]> = [
  ['Available', 1, 'AVAILABLE'],
  ['Renaming', 2, 'PROCESSING'],
  ['Copying', 3, 'COPYING'],
  ['Restoring', 4, 'RESTORING'],
  ['Registering', 5, 'PROCESSING'],
  ['Uploading', 6, 'UPLOADING'],
  ['Archiving', 7, 'ARCHIVING'],
  ['Archived', 8, 'ARCHIVED'],
  ['PendingArchive', 9, 'ARCHIVING'],
  ['PendingRestore', 11, 'RESTORING'],
  ['Restored', 12, 'AVAILABLE'],
  ['Deleting', 13, 'DELETING'],
  ['Moving', 14, 'MOVING'],
  ['SlugReplaced', 15, 'PLACEHOLDER'],
  ['Updating', 16, 'PROCESSING'],
  ['Error', 17, 'ERROR'],
  ['Assembling', 18, 'PROCESSING'],
  ['Clipping', 19, 'PROCESSING'],
  ['Placeholder', 20, 'PLACEHOLDER'],
  ['Creating', 21, 'PROCESSING'],
  ['Replacing', 22, 'PROCESSING'],
];
const byName = new Map(STATUS_TABLE.map(([name, , status]) => [name.toLowerCase(), { name, status }]));
const byValue = new Map(STATUS_TABLE.map(([name, value, status]) => [value, { name, status }]));

export function assetStatus(raw: NomadAsset['assetStatus']): { status: AssetStatus; vendorStatus: string | null } {
  if (raw === null || raw === undefined) return { status: 'UNKNOWN', vendorStatus: null };
  const known = typeof raw === 'number' ? byValue.get(raw) : byName.get(raw.toLowerCase());
  return known ? { status: known.status, vendorStatus: known.name } : { status: 'UNKNOWN', vendorStatus: String(raw) };
}

const kindByExtension: Readonly<Record<string, AssetKind>> = {
  mp4: 'VIDEO', mov: 'VIDEO', mxf: 'VIDEO', mkv: 'VIDEO', webm: 'VIDEO', avi: 'VIDEO', m3u8: 'VIDEO',
  mp3: 'AUDIO', wav: 'AUDIO', aac: 'AUDIO', flac: 'AUDIO', m4a: 'AUDIO',
  jpg: 'IMAGE', jpeg: 'IMAGE', png: 'IMAGE', gif: 'IMAGE', tif: 'IMAGE', tiff: 'IMAGE', webp: 'IMAGE',
  pdf: 'DOCUMENT', doc: 'DOCUMENT', docx: 'DOCUMENT', txt: 'DOCUMENT', srt: 'DOCUMENT', vtt: 'DOCUMENT', xlsx: 'DOCUMENT',
};

// Nomad's asset read has no media type; the storage object's extension tells it.
function kindOf(asset: NomadAsset): AssetKind | null {
  const name = asset.objectKey ?? asset.displayName ?? '';
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1]?.toLowerCase();
  return extension ? (kindByExtension[extension] ?? 'OTHER') : null;
}

export function toAsset(source: string, asset: NomadAsset): AssetModel {
  const { status, vendorStatus } = assetStatus(asset.assetStatus);
  return {
    objectType: 'Asset',
    source,
    nativeId: asset.id,
    title: asset.displayName ?? null,
    description: null,
    kind: kindOf(asset),
    status,
    vendorStatus,
    durationMs: null,
    createdAt: parseDate(asset.createdDate ?? asset.displayDate),
    updatedAt: parseDate(asset.lastModifiedDate),
    deletedAt: null,
    thumbnailUrl: null,
    collectionIds: asset.parentId ? [asset.parentId] : [],
  };
}

export function toCollection(source: string, asset: NomadAsset): CollectionModel {
  return {
    objectType: 'Collection',
    source,
    nativeId: asset.id,
    title: asset.displayName ?? null,
    createdAt: parseDate(asset.createdDate ?? asset.displayDate),
    parentId: asset.assetType === ASSET_TYPE.BUCKET ? null : (asset.parentId ?? null),
  };
}

export function toShare(source: string, share: NomadShare): ShareModel {
  const permissions = (share.sharedPermissions ?? []).map((p) => p.toLowerCase());
  return {
    objectType: 'Share',
    source,
    nativeId: share.id,
    title: share.name ?? null,
    url: share.sharedLink ?? null,
    expiresAt: parseDate(share.expirationDate),
    allowDownload: permissions.includes('download'),
    allowComments: permissions.includes('comment'),
    target: share.assetId ? { objectType: 'Asset', nativeId: share.assetId } : null,
  };
}

