// The one interface every vendor implements. Resolvers and loaders only ever see this
// interface and the models in ./models.ts; everything vendor-specific (paths, auth,
// pagination style, error shapes, status tables) stays inside src/vendors/<vendor>/.
//
// Batch methods take native ids and answer in the same order and length: the model, null
// when the vendor does not know the id, or an Error for an id that failed. One bad id must
// never fail its neighbours (the DataLoader contract, see src/loaders/).
import type { Capability, Vendor } from '../generated/resolvers-types.js';
import type { AssetModel, CollectionModel, Page, ShareModel, Window } from './models.js';

export type BatchResult<T> = ReadonlyArray<T | Error>;

export interface AssetListQuery {
  /** Free text for the vendor's own search; only for adapters with the SEARCH capability. */
  readonly search?: string | null;
}

export interface CollectionListQuery {
  readonly topLevelOnly: boolean;
}

export interface VendorAdapter {
  readonly vendor: Vendor;
  readonly capabilities: ReadonlySet<Capability>;

  /** Assets by native id; null in the slot of an unknown id. */
  getAssets(ids: readonly string[]): Promise<BatchResult<AssetModel | null>>;
  /** Collections by native id; null in the slot of an unknown id. */
  getCollections(ids: readonly string[]): Promise<BatchResult<CollectionModel | null>>;
  /** Assets of the whole source that are not deleted, in the vendor's order. */
  listAssets(window: Window, query: AssetListQuery): Promise<Page<AssetModel>>;
  listCollections(window: Window, query: CollectionListQuery): Promise<Page<CollectionModel>>;
  /** Assets directly inside one collection. */
  listCollectionAssets(collectionId: string, window: Window): Promise<Page<AssetModel>>;

  // Optional reads: present exactly when the capability is. Callers treat a missing method
  // as "nothing there" (no children, no shares, a disabled recycle bin), in one place each
  // (src/loaders/create-loaders.ts, src/resolvers/).

  /** NESTED_COLLECTIONS: collections directly inside one collection. */
  listCollectionChildren?(collectionId: string, window: Window): Promise<Page<CollectionModel>>;
  /** NESTED_COLLECTIONS: for each collection its ancestors, from the top level down to the direct parent. */
  getAncestors?(collectionIds: readonly string[]): Promise<BatchResult<readonly CollectionModel[]>>;
  /** SHARES: shares by native id; null in the slot of an unknown id. */
  getShares?(ids: readonly string[]): Promise<BatchResult<ShareModel | null>>;
  /** SHARES: for each asset, every share made of it. */
  getAssetShares?(assetIds: readonly string[]): Promise<BatchResult<readonly ShareModel[]>>;
  /** SHARES: for each share, the recipients' email addresses. */
  getShareRecipients?(shares: readonly ShareModel[]): Promise<BatchResult<readonly string[]>>;
  /** RECYCLE_BIN: whether deletes go to the recycle bin right now (a vendor may let it be switched off). */
  isRecycleBinEnabled?(): Promise<boolean>;
  /** RECYCLE_BIN: deleted assets waiting in the recycle bin. */
  listRecycleBin?(window: Window): Promise<Page<AssetModel>>;

  // Writes. Each is present exactly when the matching capability is in `capabilities`;
  // the fan-out (src/mutations/) reports UNSUPPORTED for the others. Bulk writes answer per
  // id, in order: the asset as it is after the change (for copies: the copy), null when the
  // vendor no longer returns it (purged, deleted permanently, moved out of the source), or
  // an Error for an id that failed. They never retry: a write is sent once.

  /** EDIT_ASSETS */
  updateAsset?(id: string, changes: AssetChanges): Promise<AssetModel | null>;
  /** DELETE_ASSETS: into the recycle bin where there is one. */
  deleteAssets?(ids: readonly string[], options?: WriteOptions): Promise<WriteResult>;
  /** RECYCLE_BIN */
  restoreAssets?(ids: readonly string[]): Promise<WriteResult>;
  /** RECYCLE_BIN */
  purgeAssets?(ids: readonly string[]): Promise<WriteResult>;
  /** RECYCLE_BIN */
  emptyRecycleBin?(): Promise<void>;
  /** COPY_ASSETS */
  copyAssets?(ids: readonly string[], destinationCollectionId: string): Promise<WriteResult>;
  /** MOVE_ASSETS */
  moveAssets?(ids: readonly string[], destinationCollectionId: string): Promise<WriteResult>;
  /** ARCHIVE */
  archiveAssets?(ids: readonly string[]): Promise<WriteResult>;
  /** ARCHIVE */
  restoreArchivedAssets?(ids: readonly string[]): Promise<WriteResult>;
  /** MANAGE_COLLECTIONS: a top-level collection when parentId is null. */
  createCollection?(title: string, parentId: string | null): Promise<CollectionModel>;
  /** MANAGE_COLLECTIONS */
  deleteCollection?(id: string): Promise<void>;
  /** COLLECTION_MEMBERSHIP */
  addToCollection?(collectionId: string, ids: readonly string[]): Promise<WriteResult>;
  /** COLLECTION_MEMBERSHIP */
  removeFromCollection?(collectionId: string, ids: readonly string[]): Promise<WriteResult>;
  /** CREATE_SHARES */
  createShare?(target: ShareTargetRef, options: ShareOptions): Promise<ShareModel>;
  /** MANAGE_SHARES */
  updateShare?(share: ShareModel, options: ShareOptions): Promise<ShareModel>;
  /** MANAGE_SHARES */
  deleteShare?(share: ShareModel): Promise<void>;
}

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
}

export type WriteResult = BatchResult<WriteOutcome>;
