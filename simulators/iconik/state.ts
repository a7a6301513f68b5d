// The iconik simulator's in-memory domain: assets, collections, shares and share users,
// shaped as iconik returns them (AssetElasticSchema, CollectionElasticSchema, ShareSchema,
// ShareUserSchema in iconik's OpenAPI).
import { stableUuid } from '../kit/stable-id.js';

export interface IconikKeyframe {
  id: string;
  type: 'KEYFRAME' | 'POSTER';
  url: string;
}

export interface IconikAssetRecord {
  id: string;
  title: string;
  /** iconik keeps descriptions as a metadata field; search documents also carry it top level. */
  description: string | null;
  type: 'ASSET' | 'PLACEHOLDER' | 'SUBCLIP' | 'SEQUENCE';
  media_type: string | null;
  status: 'ACTIVE' | 'DELETED';
  archive_status: 'NOT_ARCHIVED' | 'ARCHIVING' | 'FAILED_TO_ARCHIVE' | 'ARCHIVED';
  duration_milliseconds: number | null;
  date_created: string;
  date_modified: string;
  date_deleted: string | null;
  in_collections: string[];
  keyframes: IconikKeyframe[];
  /** Media (FormatSchema, FileSchema, ProxySchema of the files API); see ./media.ts. */
  formats: IconikFormatRecord[];
  files: IconikFileRecord[];
  proxies: IconikProxyRecord[];
  /** Metadata field values other than `description` (MetadataValuesSchema's metadata_values). */
  metadata: Record<string, string[]>;
}

export interface IconikFormatRecord {
  id: string;
  name: string;
  status: 'ACTIVE' | 'DELETED';
  archive_status: 'NOT_ARCHIVED' | 'ARCHIVED';
  components: Array<{ id: string; name: string; type: 'VIDEO' | 'AUDIO' | 'IMAGE' | 'GENERAL'; metadata: Record<string, string> }>;
  metadata: Array<Record<string, string>>;
  storage_methods: string[];
  date_created: string;
}

export interface IconikFileRecord {
  id: string;
  original_name: string;
  name: string;
  directory_path: string;
  size: number;
  /** MD5 (hex) when known; seeded files have none. */
  checksum: string | null;
  format_id: string;
  file_set_id: string;
  storage_id: string;
  /** OPEN while its bytes are being uploaded; CLOSED once complete. */
  status: 'OPEN' | 'CLOSED';
  type: 'FILE';
  date_created: string;
}

export interface IconikProxyRecord {
  id: string;
  name: string;
  filename: string;
  format: string;
  codec: string;
  resolution: { width: number; height: number } | null;
  bit_rate: number;
  frame_rate: string | null;
  size: number;
  status: 'CLOSED';
  storage_id: string;
  date_created: string;
}

export interface IconikCollectionRecord {
  id: string;
  title: string;
  parent_id: string | null;
  status: 'ACTIVE' | 'DELETED';
  date_created: string;
  date_modified: string;
}

export interface IconikShareUserRecord {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
}

export interface IconikShareRecord {
  id: string;
  object_type: 'assets' | 'collections';
  object_id: string;
  title: string | null;
  message: string | null;
  url: string;
  expires: string | null;
  allow_download: boolean;
  allow_comments: boolean;
  allow_approving_comments: boolean;
  allow_setting_approve_status: boolean;
  date_created: string;
  owner_id: string;
  users: IconikShareUserRecord[];
}

/** A stable UUID from a name, so the demo data has the same ids on every start. */
export function uuidFor(name: string): string {
  return stableUuid('iconik-sim', name);
}

/**
 * iconik's schemas declare these fields as strings or integers, not nullable: a value
 * iconik does not have is left out of the document rather than sent as null.
 */
export function withoutNulls(document: object): Record<string, unknown> {
  const fields = document as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key in fields) if (fields[key] !== null) copy[key] = fields[key];
  return copy;
}

/** An asset's metadata field values, its description among them (iconik keeps it as a metadata field). */
export function metadataOf(asset: IconikAssetRecord): Record<string, string[]> {
  return { ...asset.metadata, ...(asset.description ? { description: [asset.description] } : {}) };
}

/** An asset record's fields that are not part of its elastic document as they are. */
const NOT_IN_ASSET_DOCUMENT = new Set(['description', 'formats', 'files', 'proxies', 'metadata']);

export class IconikState {
  readonly assets = new Map<string, IconikAssetRecord>();
  readonly collections = new Map<string, IconikCollectionRecord>();
  readonly shares = new Map<string, IconikShareRecord>();

  /** Ancestors of a collection, from the top level down to the direct parent. */
  ancestorsOf(collection: IconikCollectionRecord): IconikCollectionRecord[] {
    const chain: IconikCollectionRecord[] = [];
    let parentId = collection.parent_id;
    while (parentId) {
      const parent = this.collections.get(parentId);
      if (!parent) break;
      chain.unshift(parent);
      parentId = parent.parent_id;
    }
    return chain;
  }

  /** The asset as a search/list document (AssetElasticSchema). */
  assetDocument(asset: IconikAssetRecord): Record<string, unknown> {
    // One pass over the record (the search simulator builds one per hit): the record's own
    // fields but media and metadata, without nulls, then the type and the metadata values.
    const record = asset as unknown as Record<string, unknown>;
    const document: Record<string, unknown> = {};
    for (const key in record) if (!NOT_IN_ASSET_DOCUMENT.has(key) && record[key] !== null) document[key] = record[key];
    document.object_type = 'assets';
    document.metadata = metadataOf(asset);
    return document;
  }

  /**
   * The asset as GET /assets/v1/assets/{id}/ and PATCH answer it (AssetSchema): no media
   * type, duration, keyframes or description, which live in files, formats and metadata.
   */
  assetRecordDocument(asset: IconikAssetRecord): Record<string, unknown> {
    const { id, title, type, status, archive_status, date_created, date_modified, date_deleted, in_collections } = asset;
    return withoutNulls({ id, title, type, status, archive_status, date_created, date_modified, date_deleted, in_collections, is_online: true, is_blocked: false });
  }

  /** The asset as a search hit: the elastic document plus SearchDocumentSchema's `description`. */
  assetSearchDocument(asset: IconikAssetRecord): Record<string, unknown> {
    const document = this.assetDocument(asset);
    if (asset.description !== null) document.description = asset.description;
    return document;
  }

  collectionDocument(collection: IconikCollectionRecord): Record<string, unknown> {
    const parents = this.ancestorsOf(collection).map((ancestor) => ancestor.id);
    return withoutNulls({
      ...collection,
      object_type: 'collections',
      is_root: collection.parent_id === null,
      parents,
      in_collections: collection.parent_id ? [collection.parent_id] : [],
    });
  }

  shareDocument(share: IconikShareRecord): Record<string, unknown> {
    const { users: _users, ...fields } = share;
    return withoutNulls({ ...fields, has_password: false });
  }
}
