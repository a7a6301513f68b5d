// Icareus Suite JSON -> our models. An Icareus source is one organization; the organization
// is a top-level Collection and the folders its assets list are Collections inside it.
// Native collection ids carry their kind ("organization:2631609", "folder:42") because
// organization and folder ids are both plain numbers in Icareus.
import type { AssetStatus } from '../../generated/resolvers-types.js';
import { parseDate } from '../parse-date.js';
import type { AssetModel, CollectionModel } from '../models.js';
import type { IcareusAsset, RecycleBinItem } from './responses.js';

export const organizationCollectionId = (organizationId: number | string) => `organization:${organizationId}`;
export const folderCollectionId = (folderId: number | string) => `folder:${folderId}`;

export function parseCollectionId(nativeId: string): { kind: 'organization' | 'folder'; id: string } | null {
  const match = /^(organization|folder):(\d{1,18})$/.exec(nativeId);
  return match ? { kind: match[1] as 'organization' | 'folder', id: match[2] as string } : null;
}

/**
 * Asset native ids: the plain Icareus id in the source's own organization, and
 * "<organization>:<id>" in a partner organization (otherOrganizationIds), where copies and
 * moves land, so those assets resolve through this source too.
 */
export function assetNativeId(homeOrganizationId: number | string, organizationId: number | string, assetId: number | string): string {
  return String(organizationId) === String(homeOrganizationId) ? String(assetId) : `${organizationId}:${assetId}`;
}

export function parseAssetNativeId(nativeId: string): { organizationId: string | null; assetId: string } | null {
  const match = /^(?:(\d{1,18}):)?(\d{1,18})$/.exec(nativeId);
  return match ? { organizationId: match[1] ?? null, assetId: match[2] as string } : null;
}

export function toAsset(
  source: string,
  homeOrganizationId: number | string,
  organizationId: number | string,
  languageId: string,
  asset: IcareusAsset,
): AssetModel {
  const { status, vendorStatus } = assetStatus(asset);
  return {
    objectType: 'Asset',
    source,
    nativeId: assetNativeId(homeOrganizationId, organizationId, asset.id),
    title: inLanguage(asset.name, languageId),
    description: inLanguage(asset.description, languageId),
    // Icareus Suite is a video platform; podcast assets are its audio.
    kind: asset.isPodcastAsset ? 'AUDIO' : 'VIDEO',
    status,
    vendorStatus,
    durationMs: typeof asset.duration === 'number' ? Math.round(asset.duration * 1000) : null,
    createdAt: parseDate(asset.created),
    updatedAt: null,
    deletedAt: null,
    thumbnailUrl: asset.thumbnailMedium || asset.thumbnailSmall || null,
    collectionIds: [organizationCollectionId(organizationId), ...(asset.folders ?? []).map((folder) => folderCollectionId(folder.id))],
  };
}

export function recycleBinItemToAsset(source: string, item: RecycleBinItem): AssetModel {
  return {
    objectType: 'Asset',
    source,
    nativeId: String(item.id),
    title: item.title ?? null,
    description: null,
    kind: null,
    status: 'DELETED',
    vendorStatus: 'IN_RECYCLE_BIN',
    durationMs: null,
    createdAt: null,
    updatedAt: null,
    deletedAt: parseDate(item.deletedAt_ms),
    thumbnailUrl: item.imageUrl || null,
    collectionIds: [],
  };
}

export function organizationCollection(source: string, organizationId: number | string): CollectionModel {
  return {
    objectType: 'Collection',
    source,
    nativeId: organizationCollectionId(organizationId),
    title: `Organization ${organizationId}`,
    createdAt: null,
    parentId: null,
  };
}

export function folderCollection(source: string, organizationId: number, folder: { id: number | string; name?: string | null }): CollectionModel {
  return {
    objectType: 'Collection',
    source,
    nativeId: folderCollectionId(folder.id),
    title: folder.name ?? null,
    createdAt: null,
    parentId: organizationCollectionId(organizationId),
  };
}

// Assumption (docs/vendors.md): transcodingStatus 0 = transcoding, 1 = transcoded,
// 2 = failed; a transcoded asset that is not yet publishReady is still being prepared. A
// copy (Copy Asset API) has its metadata at once and its files later: until then its
// `presets` list is empty, which is COPYING.
function assetStatus(asset: IcareusAsset): { status: AssetStatus; vendorStatus: string | null } {
  const code = asset.transcodingStatus;
  const vendorStatus = code === null || code === undefined ? null : `transcodingStatus=${code}`;
  if (code === 1 && Array.isArray(asset.presets) && asset.presets.length === 0) {
    return { status: 'COPYING', vendorStatus: `${vendorStatus}; presets=[]` };
  }
  if (code === 1) return { status: asset.publishReady === false ? 'PROCESSING' : 'AVAILABLE', vendorStatus };
  if (code === 0) return { status: 'PROCESSING', vendorStatus };
  if (code === 2) return { status: 'ERROR', vendorStatus };
  return { status: 'UNKNOWN', vendorStatus };
}

function inLanguage(values: Record<string, string> | null | undefined, languageId: string): string | null {
  if (!values) return null;
  return values[languageId] ?? Object.values(values)[0] ?? null;
}
