// The one interface every vendor implements. Resolvers and loaders only ever see this
// interface and the models in ./models.ts; everything vendor-specific (paths, auth,
// pagination style, error shapes, status tables) stays inside src/vendors/<vendor>/.
//
// Batch methods take native ids and answer in the same order and length: the model, null
// when the vendor does not know the id, or an Error for an id that failed. One bad id must
// never fail its neighbours (the DataLoader contract, see src/loaders/).
import type { AssetOrder, MediaDetails, MetadataEntry, MetadataEntryInput, Rendition, Vendor } from '../generated/resolvers-types.js';
import type { AssetModel, CollectionModel, NodeType, ShareModel } from './models.js';
import type { Page, Window } from '../pagination/window.js';

export type BatchResult<T> = ReadonlyArray<T | Error>;

export interface AssetListQuery {
  /** Free text for the vendor's own search; only for adapters with the SEARCH capability. */
  readonly search?: string | null;
  /**
   * The order the list must be in (the merge across sources relies on it); absent: the
   * vendor's own. An adapter that cannot apply it throws UNSUPPORTED.
   */
  readonly order?: Required<AssetOrder> | null;
}

export interface CollectionListQuery {
  readonly topLevelOnly: boolean;
}

/**
 * What every vendor can do: read assets and collections, by id and as lists. Everything
 * else is a port (below): present exactly when the vendor can do it. `Source.capabilities`
 * is derived from which ports exist (./capabilities.ts), and callers get a port through
 * one helper that raises UNSUPPORTED when it is missing, so the two cannot drift.
 */
export interface VendorAdapter {
  readonly vendor: Vendor;
  /** listAssets honours `query.search` (the vendor has free-text search). */
  readonly search: boolean;
  /** An asset can be in several collections at once. */
  readonly multipleCollectionsPerAsset: boolean;
  /**
   * Why `nativeId` cannot be one of this vendor's ids of `type` (the shape its ids have),
   * or null when it can. Vendors whose ids are free-form leave it out.
   */
  nativeIdProblem?(type: NodeType, nativeId: string): string | null;

  /** Assets by native id; null in the slot of an unknown id. */
  getAssets(ids: readonly string[]): Promise<BatchResult<AssetModel | null>>;
  /** Collections by native id; null in the slot of an unknown id. */
  getCollections(ids: readonly string[]): Promise<BatchResult<CollectionModel | null>>;
  /** Assets of the whole source that are not deleted, in the vendor's order. */
  listAssets(window: Window, query: AssetListQuery): Promise<Page<AssetModel>>;
  listCollections(window: Window, query: CollectionListQuery): Promise<Page<CollectionModel>>;
  /** Assets directly inside one collection. */
  listCollectionAssets(collectionId: string, window: Window): Promise<Page<AssetModel>>;

  readonly nesting?: NestingPort;
  readonly recycleBin?: RecycleBinPort;
  readonly shares?: SharePort;
  readonly shareListing?: ShareListingPort;
  readonly edit?: EditPort;
  readonly deletion?: DeletionPort;
  readonly copy?: CopyPort;
  readonly move?: MovePort;
  readonly archive?: ArchivePort;
  readonly collectionAdmin?: CollectionAdminPort;
  readonly membership?: MembershipPort;
  readonly mediaDetails?: MediaDetailsPort;
  readonly renditions?: RenditionPort;
  readonly metadata?: MetadataPort;
  readonly metadataEdit?: MetadataEditPort;
  readonly download?: DownloadPort;
  readonly upload?: UploadPort;
  readonly webhooks?: WebhookPort;
}

// Ports. Bulk writes answer per id, in order: the asset as it is after the change (for
// copies: the copy), null when the vendor no longer returns it (purged, deleted permanently,
// moved out of the source), or an Error for an id that failed. They never retry.

/** NESTED_COLLECTIONS */
export interface NestingPort {
  /** Collections directly inside one collection. */
  listCollectionChildren(collectionId: string, window: Window): Promise<Page<CollectionModel>>;
  /** For each collection its ancestors, from the top level down to the direct parent. */
  getAncestors(collectionIds: readonly string[]): Promise<BatchResult<readonly CollectionModel[]>>;
}

/** RECYCLE_BIN */
export interface RecycleBinPort {
  /** Whether deletes go to the recycle bin right now (a vendor may let it be switched off). */
  isRecycleBinEnabled(): Promise<boolean>;
  /** Deleted assets waiting in the recycle bin. */
  listRecycleBin(window: Window): Promise<Page<AssetModel>>;
  restoreAssets(ids: readonly string[]): Promise<WriteResult>;
  purgeAssets(ids: readonly string[]): Promise<WriteResult>;
  emptyRecycleBin(): Promise<void>;
}

/** CREATE_SHARES and MANAGE_SHARES: shares by id, and their writes. */
export interface SharePort {
  /** Shares by native id; null in the slot of an unknown id. */
  getShares(ids: readonly string[]): Promise<BatchResult<ShareModel | null>>;
  createShare(target: ShareTargetRef, options: ShareOptions): Promise<ShareModel>;
  updateShare(share: ShareModel, options: ShareOptions): Promise<ShareModel>;
  deleteShare(share: ShareModel): Promise<void>;
}

/** SHARES: the shares of an asset or a collection, and recipients the share answer does not carry. */
export interface ShareListingPort {
  getAssetShares(assetIds: readonly string[]): Promise<BatchResult<readonly ShareModel[]>>;
  getCollectionShares(collectionIds: readonly string[]): Promise<BatchResult<readonly ShareModel[]>>;
  getShareRecipients(shares: readonly ShareModel[]): Promise<BatchResult<readonly string[]>>;
}

/** EDIT_ASSETS */
export interface EditPort {
  updateAsset(id: string, changes: AssetChanges): Promise<AssetModel | null>;
}

/** DELETE_ASSETS: into the recycle bin where there is one. */
export interface DeletionPort {
  deleteAssets(ids: readonly string[], options?: WriteOptions): Promise<WriteResult>;
}

/** COPY_ASSETS */
export interface CopyPort {
  copyAssets(ids: readonly string[], destinationCollectionId: string): Promise<WriteResult>;
}

/** MOVE_ASSETS */
export interface MovePort {
  moveAssets(ids: readonly string[], destinationCollectionId: string): Promise<WriteResult>;
}

/** ARCHIVE */
export interface ArchivePort {
  archiveAssets(ids: readonly string[]): Promise<WriteResult>;
  restoreArchivedAssets(ids: readonly string[]): Promise<WriteResult>;
}

/** MANAGE_COLLECTIONS */
export interface CollectionAdminPort {
  /** A top-level collection when parentId is null. */
  createCollection(title: string, parentId: string | null): Promise<CollectionModel>;
  /** Renames and/or moves (parentId: a collection, null for the top level, undefined to stay); answers the collection now. */
  updateCollection(id: string, changes: CollectionChanges): Promise<CollectionModel | null>;
  deleteCollection(id: string): Promise<void>;
}

export interface CollectionChanges {
  readonly title?: string;
  readonly parentId?: string | null;
}

/** COLLECTION_MEMBERSHIP */
export interface MembershipPort {
  addToCollection(collectionId: string, ids: readonly string[]): Promise<WriteResult>;
  removeFromCollection(collectionId: string, ids: readonly string[]): Promise<WriteResult>;
  /**
   * Collections an asset is in that its model's `collectionIds` does not name, for vendors
   * that keep memberships apart from the asset (Nomad collections, in the asset detail).
   */
  getExtraCollectionIds?(assetIds: readonly string[]): Promise<BatchResult<readonly string[]>>;
}

/** MEDIA_DETAILS: the original media's technical details (the schema's MediaDetails). */
export interface MediaDetailsPort {
  /** Null in the slot of an asset the vendor reports no details for (or does not know). */
  getMediaDetails(ids: readonly string[]): Promise<BatchResult<MediaDetails | null>>;
}

/** RENDITIONS: the original and the versions the vendor made, with their URLs. */
export interface RenditionPort {
  getRenditions(ids: readonly string[]): Promise<BatchResult<Rendition[]>>;
}

/** METADATA: custom fields as key/values. */
export interface MetadataPort {
  getMetadata(ids: readonly string[]): Promise<BatchResult<MetadataEntry[]>>;
}

/**
 * EDIT_METADATA: `EditPort.updateAsset` applies `AssetChanges.metadata`. The port says how
 * the vendor's fields hold values, so a change it cannot store is refused before any call.
 */
export interface MetadataEditPort {
  /** A field can hold several values (iconik); false: one value per field (Nomad). */
  readonly multiValued: boolean;
}

/** DOWNLOAD_ORIGINAL: where the original file's bytes are (a URL any HTTP client can GET, with Range). */
export interface DownloadPort {
  /** Null in the slot of an asset that has no original file (a placeholder). */
  getOriginalFiles(ids: readonly string[]): Promise<BatchResult<OriginalFile | null>>;
}

export interface OriginalFile {
  readonly url: string;
  /** Bytes, when the vendor says; else the download's Content-Length decides. */
  readonly size: number | null;
  readonly fileName: string | null;
  /** Hex MD5 of the file, when the vendor reports one (verified after the transfer). */
  readonly md5: string | null;
}

/** One asset change a vendor's webhook event reports. */
export interface WebhookChange {
  readonly nativeId: string;
  readonly kind: 'CREATED' | 'UPDATED' | 'DELETED';
}

/** WEBHOOKS: the vendor calls the gateway when its objects change. */
export interface WebhookPort {
  /**
   * Makes sure the vendor calls `url` with `headers` on asset changes: creates the webhook,
   * or updates the one already registered for `url`; idempotent.
   */
  register(url: string, headers: Readonly<Record<string, string>>): Promise<'created' | 'updated' | 'unchanged'>;
  /** The asset changes one delivery reports (none when it is about something else). */
  parseEvent(body: unknown): WebhookChange[];
}

/** UPLOAD: a new asset from bytes, through the vendor's multipart flow (parts sent to URLs it signs). */
export interface UploadPort {
  /** Starts an upload into a collection: the new asset's id and the parts to send. */
  startUpload(request: UploadRequest): Promise<UploadSession>;
  /** The parts of a started upload as the vendor has them now (which are complete): for resuming. */
  getUpload(session: UploadSession): Promise<UploadSession>;
  /** Confirms one part with the ETag its storage answered. */
  completePart(session: UploadSession, part: UploadPart, etag: string): Promise<void>;
  /** Finishes the upload; answers the new asset as the vendor reports it now. */
  completeUpload(session: UploadSession): Promise<AssetModel | null>;
  cancelUpload(session: UploadSession): Promise<void>;
}

export interface UploadRequest {
  readonly collectionId: string;
  /** The file name, with its extension (vendors derive the media type from it). */
  readonly fileName: string;
  readonly size: number;
  /** The asset's title, for vendors whose assets have one apart from the file name (iconik). */
  readonly title?: string | null;
}

export interface UploadSession {
  readonly uploadId: string;
  /** Native id of the asset the upload becomes. */
  readonly assetId: string;
  readonly parts: readonly UploadPart[];
}

export interface UploadPart {
  readonly id: string;
  readonly number: number;
  /** First and last byte (inclusive) of the file this part holds. */
  readonly start: number;
  readonly end: number;
  /** Pre-signed URL the part's bytes are PUT to. */
  readonly url: string;
  readonly completed: boolean;
}

export type PortName =
  | 'nesting' | 'recycleBin' | 'shares' | 'shareListing' | 'edit' | 'deletion' | 'copy' | 'move' | 'archive' | 'collectionAdmin' | 'membership'
  | 'mediaDetails' | 'renditions' | 'metadata' | 'metadataEdit' | 'download' | 'upload' | 'webhooks';

export interface ShareTargetRef {
  readonly objectType: 'Asset' | 'Collection';
  readonly nativeId: string;
}

/** Share settings; undefined means "leave as is" (update) or "vendor default" (create). */
export interface ShareOptions {
  readonly title?: string | null;
  readonly emails?: readonly string[] | null;
  readonly expiresAt?: Date | null;
  readonly allowDownload?: boolean | null;
  readonly allowComments?: boolean | null;
  readonly password?: string | null;
  readonly message?: string | null;
}

export interface AssetChanges {
  readonly title?: string | null;
  readonly description?: string | null;
  /** Custom fields to set (only on adapters with the metadataEdit port); others keep their values. */
  readonly metadata?: readonly MetadataEntryInput[];
}

/** One write's outcome for one id; `note` tells what the vendor did when it is not obvious. */
/** What the client will read of the per-item results; adapters may skip reads for the rest. */
export interface WriteOptions {
  /** The client selected `asset` or `note`; false lets an adapter skip read-backs that only fill those. */
  readonly details: boolean;
}

export interface WriteOutcome {
  readonly asset: AssetModel | null;
  readonly note?: string;
  /** The asset under its new ID when the write changed its ID (NCP move: IDs include the project). */
  readonly replacedBy?: AssetModel;
}

export type WriteResult = BatchResult<WriteOutcome>;
