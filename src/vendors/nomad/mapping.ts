// Nomad Media JSON -> our models. Nomad models everything as an asset with an assetType:
// Folder and Bucket become Collections, File becomes an Asset; `parentId` links them.
// Nomad's asset statuses (AssetStatuses in its OpenAPI) map onto AssetStatus; the name is
// kept in vendorStatus.
import type { AssetKind, AssetStatus } from '../../generated/resolvers-types.js';
import { parseDate } from '../parse-date.js';
import type { AssetModel, CollectionModel, ShareModel } from '../models.js';
import { nomadCollectionNativeId } from './collections.js';
import type { NomadAsset, NomadAssetType, NomadShare } from './responses.js';

/**
 * What the adapter knows of one Nomad asset, from either of Nomad's two shapes: the asset
 * model (GET /admin/asset/{id}) or a search hit with its identifiers.
 */
export interface NomadItem {
  readonly id: string;
  readonly type: NomadAssetType;
  readonly status: string;
  readonly parentId: string | null;
  readonly name: string | null;
  readonly objectKey: string | null;
  readonly created: string | null;
  readonly modified: string | null;
  /** Ids of the Nomad collections the asset is in; null when this read does not say (the asset model). */
  readonly collections: readonly string[] | null;
}

export const isFile = (item: NomadItem) => item.type === 'File';
export const isContainer = (item: NomadItem) => item.type === 'Folder' || item.type === 'Bucket';

export function itemFromAsset(asset: NomadAsset): NomadItem {
  return {
    id: asset.id,
    type: asset.assetType,
    status: asset.assetStatus,
    parentId: asset.parentId ?? null,
    name: asset.displayName ?? null,
    objectKey: asset.objectKey ?? null,
    // The asset model has no creation date; its display date is the closest.
    created: asset.displayDate ?? null,
    modified: null,
    collections: null,
  };
}

/** AssetStatuses of Nomad's OpenAPI and the unified status each means. */
const STATUS_TABLE: Readonly<Record<string, AssetStatus>> = {
  Available: 'AVAILABLE',
  Renaming: 'PROCESSING',
  Copying: 'COPYING',
  Restoring: 'RESTORING',
  Registering: 'PROCESSING',
  Uploading: 'UPLOADING',
  Archiving: 'ARCHIVING',
  Archived: 'ARCHIVED',
  PendingArchive: 'ARCHIVING',
  PendingRestore: 'RESTORING',
  Restored: 'AVAILABLE',
  Deleting: 'DELETING',
  Moving: 'MOVING',
  SlugReplaced: 'PLACEHOLDER',
  Updating: 'PROCESSING',
  Error: 'ERROR',
  Assembling: 'PROCESSING',
  Clipping: 'PROCESSING',
  Placeholder: 'PLACEHOLDER',
  Creating: 'PROCESSING',
  Replacing: 'PROCESSING',
};
export const NOMAD_STATUS_NAMES = Object.keys(STATUS_TABLE);

export function assetStatus(raw: string): { status: AssetStatus; vendorStatus: string } {
  return { status: STATUS_TABLE[raw] ?? 'UNKNOWN', vendorStatus: raw };
}

const kindByExtension: Readonly<Record<string, AssetKind>> = {
  mp4: 'VIDEO', mov: 'VIDEO', mxf: 'VIDEO', mkv: 'VIDEO', webm: 'VIDEO', avi: 'VIDEO', m3u8: 'VIDEO',
  mp3: 'AUDIO', wav: 'AUDIO', aac: 'AUDIO', flac: 'AUDIO', m4a: 'AUDIO',
  jpg: 'IMAGE', jpeg: 'IMAGE', png: 'IMAGE', gif: 'IMAGE', tif: 'IMAGE', tiff: 'IMAGE', webp: 'IMAGE',
  pdf: 'DOCUMENT', doc: 'DOCUMENT', docx: 'DOCUMENT', txt: 'DOCUMENT', srt: 'DOCUMENT', vtt: 'DOCUMENT', xlsx: 'DOCUMENT',
};

// Nomad's asset read has no media type; the storage object's extension tells it.
function kindOf(item: NomadItem): AssetKind | null {
  const name = item.objectKey ?? item.name ?? '';
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1]?.toLowerCase();
  return extension ? (kindByExtension[extension] ?? 'OTHER') : null;
}

export function toAsset(source: string, item: NomadItem): AssetModel {
  const { status, vendorStatus } = assetStatus(item.status);
  return {
    objectType: 'Asset',
    source,
    nativeId: item.id,
    title: item.name,
    description: null,
    kind: kindOf(item),
    status,
    vendorStatus,
    durationMs: null,
    createdAt: parseDate(item.created),
    updatedAt: parseDate(item.modified),
    deletedAt: null,
    thumbnailUrl: null,
    collectionIds: [...(item.parentId ? [item.parentId] : []), ...(item.collections ?? []).map(nomadCollectionNativeId)],
    // The asset model (by-id reads) does not carry collections: Asset.collections reads them.
    ...(item.collections === null ? { collectionIdsIncomplete: true } : {}),
  };
}

export function toCollection(source: string, item: NomadItem): CollectionModel {
  return {
    objectType: 'Collection',
    source,
    nativeId: item.id,
    title: item.name,
    createdAt: parseDate(item.created),
    parentId: item.type === 'Bucket' ? null : item.parentId,
  };
}

/**
 * Nomad permissions are lookup records; the gateway knows them by their description
 * ("Download", "Comment"), see docs/vendors.md. Recipients are Nomad users (lookups).
 */
export function toShare(source: string, share: NomadShare): ShareModel {
  const permissions = (share.sharedPermissions ?? []).map((p) => (p.description ?? p.name ?? '').toLowerCase());
  const assetId = share.assetId ?? share.sharedContents?.[0] ?? null;
  return {
    objectType: 'Share',
    source,
    nativeId: share.id,
    title: share.name ?? null,
    url: share.sharedLink ?? null,
    expiresAt: parseDate(share.expirationDate),
    allowDownload: permissions.includes('download'),
    allowComments: permissions.includes('comment'),
    target: assetId ? { objectType: 'Asset', nativeId: assetId } : null,
    recipients: (share.nomadUsers ?? []).map((user) => user.description ?? user.name ?? user.id),
  };
}
