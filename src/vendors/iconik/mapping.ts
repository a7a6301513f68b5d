// iconik JSON -> our models. Field meanings from iconik's OpenAPI (AssetElasticSchema,
// CollectionElasticSchema, ShareSchema); the status table follows ../../../docs/vendors.md.
import type { AssetKind, AssetStatus } from '../../generated/resolvers-types.js';
import { parseDate } from '../parse-date.js';
import type { AssetModel, CollectionModel, ShareModel } from '../models.js';
import type { IconikAsset, IconikCollection, IconikShare } from './responses.js';

export function toAsset(source: string, doc: IconikAsset): AssetModel {
  const { status, vendorStatus } = assetStatus(doc);
  return {
    objectType: 'Asset',
    source,
    nativeId: doc.id,
    title: doc.title ?? null,
    description: doc.description ?? metadataText(doc.metadata?.['description']),
    kind: assetKind(doc.media_type),
    status,
    vendorStatus,
    durationMs: doc.duration_milliseconds ?? null,
    createdAt: parseDate(doc.date_created),
    updatedAt: parseDate(doc.date_modified),
    deletedAt: status === 'DELETED' ? parseDate(doc.date_deleted) : null,
    thumbnailUrl: thumbnail(doc.keyframes),
    collectionIds: doc.in_collections ?? [],
  };
}

export function toCollection(source: string, doc: IconikCollection): CollectionModel {
  return {
    objectType: 'Collection',
    source,
    nativeId: doc.id,
    title: doc.title ?? null,
    createdAt: parseDate(doc.date_created),
    parentId: doc.parent_id ?? null,
  };
}

/**
 * iconik addresses a share only through its object
 * (/assets/v1/{object_type}/{object_id}/shares/{share_id}/), so the native id carries all
 * three: "assets/<object id>/<share id>".
 */
export function shareNativeId(objectType: 'assets' | 'collections', objectId: string, shareId: string): string {
  return `${objectType}/${objectId}/${shareId}`;
}

export function parseShareNativeId(nativeId: string): { objectType: 'assets' | 'collections'; objectId: string; shareId: string } | null {
  const match = /^(assets|collections)\/([^/]+)\/([^/]+)$/.exec(nativeId);
  return match ? { objectType: match[1] as 'assets' | 'collections', objectId: match[2] as string, shareId: match[3] as string } : null;
}

export function toShare(source: string, doc: IconikShare): ShareModel {
  const targetType = doc.object_type === 'assets' ? 'Asset' : doc.object_type === 'collections' ? 'Collection' : null;
  return {
    objectType: 'Share',
    source,
    nativeId: targetType && doc.object_id ? shareNativeId(doc.object_type as 'assets' | 'collections', doc.object_id, doc.id) : doc.id,
    title: doc.title ?? null,
    url: doc.url ?? null,
    expiresAt: parseDate(doc.expires),
    allowDownload: doc.allow_download ?? false,
    allowComments: doc.allow_comments ?? false,
    target: targetType && doc.object_id ? { objectType: targetType, nativeId: doc.object_id } : null,
  };
}

/** iconik's object_type path segment for a share target. */
export function shareObjectType(target: { readonly objectType: 'Asset' | 'Collection' }): 'assets' | 'collections' {
  return target.objectType === 'Asset' ? 'assets' : 'collections';
}

// iconik has two status fields: `status` (ACTIVE | DELETED) and `archive_status`
// (NOT_ARCHIVED | ARCHIVING | FAILED_TO_ARCHIVE | ARCHIVED); `type` PLACEHOLDER marks an
// asset without media. `vendorStatus` is the raw value that decided `status`.
function assetStatus(doc: IconikAsset): { status: AssetStatus; vendorStatus: string | null } {
  if (doc.status === 'DELETED') return { status: 'DELETED', vendorStatus: 'DELETED' };
  switch (doc.archive_status) {
    case 'ARCHIVING':
      return { status: 'ARCHIVING', vendorStatus: doc.archive_status };
    case 'ARCHIVED':
      return { status: 'ARCHIVED', vendorStatus: doc.archive_status };
    case 'FAILED_TO_ARCHIVE':
      return { status: 'ERROR', vendorStatus: doc.archive_status };
  }
  if (doc.type === 'PLACEHOLDER') return { status: 'PLACEHOLDER', vendorStatus: 'PLACEHOLDER' };
  if (doc.status === 'ACTIVE' || doc.status == null) return { status: 'AVAILABLE', vendorStatus: doc.status ?? null };
  return { status: 'UNKNOWN', vendorStatus: doc.status };
}

// iconik's media_type is free text from file analysis ("video", "audio", "image",
// "application/pdf", ...); anything else with a value is OTHER.
const kindByMediaType: Readonly<Record<string, AssetKind>> = {
  video: 'VIDEO',
  audio: 'AUDIO',
  image: 'IMAGE',
  document: 'DOCUMENT',
  application: 'DOCUMENT',
  text: 'DOCUMENT',
};

function assetKind(mediaType: string | null | undefined): AssetKind | null {
  if (!mediaType) return null;
  return kindByMediaType[mediaType.toLowerCase().split('/')[0] ?? ''] ?? 'OTHER';
}

// A custom poster is iconik's chosen preview; otherwise the first keyframe.
function thumbnail(keyframes: IconikAsset['keyframes']): string | null {
  if (!keyframes?.length) return null;
  const poster = keyframes.find((frame) => frame.type === 'POSTER' && frame.url);
  return poster?.url ?? keyframes.find((frame) => frame.url)?.url ?? null;
}

// Metadata values in iconik's elastic documents are lists of values; take the first text.
function metadataText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return null;
}

