// The vendor-neutral models every adapter returns and every resolver reads (codegen maps the
// schema's Asset, Collection, Share and RecycleBin onto them, see codegen.yml). Each model
// carries its source name and the vendor's own id; global IDs are derived from those two.
import type { AssetKind, AssetStatus } from '../generated/resolvers-types.js';

/** A reference to an object inside one source, by the vendor's own id. */
export interface NativeRef {
  readonly source: string;
  readonly nativeId: string;
}

export interface AssetModel extends NativeRef {
  readonly objectType: 'Asset';
  readonly title: string | null;
  readonly description: string | null;
  readonly kind: AssetKind | null;
  readonly status: AssetStatus;
  readonly vendorStatus: string | null;
  readonly durationMs: number | null;
  readonly createdAt: Date | null;
  readonly updatedAt: Date | null;
  readonly deletedAt: Date | null;
  readonly thumbnailUrl: string | null;
  /** Native ids of the collections the asset is in, as the vendor lists them. */
  readonly collectionIds: readonly string[];
  /**
   * The read that made this model did not carry every membership (a Nomad asset read by id
   * has its folder but not its collections): Asset.collections asks the vendor for the rest.
   */
  readonly collectionIdsIncomplete?: boolean;
}

export interface CollectionModel extends NativeRef {
  readonly objectType: 'Collection';
  readonly title: string | null;
  readonly createdAt: Date | null;
  /** Native id of the direct parent; null for a top-level collection. */
  readonly parentId: string | null;
}

export interface ShareModel extends NativeRef {
  readonly objectType: 'Share';
  readonly title: string | null;
  readonly url: string | null;
  readonly expiresAt: Date | null;
  readonly allowDownload: boolean;
  readonly allowComments: boolean;
  /** What is shared; null when the vendor did not say. */
  readonly target: { readonly objectType: 'Asset' | 'Collection'; readonly nativeId: string } | null;
  /** Recipients when the vendor's share answer carries them; undefined when they need their own read. */
  readonly recipients?: readonly string[];
}

export interface RecycleBinModel {
  readonly source: string;
}

export type NodeModel = AssetModel | CollectionModel | ShareModel;
export type NodeType = NodeModel['objectType'];
