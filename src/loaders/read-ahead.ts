// Reads that an asset's selected fields need and that take nothing but the asset's id (its
// shares, media details, renditions and custom metadata, and the memberships a vendor keeps
// apart from the asset: Nomad's collections, in the asset detail), started together with
// the asset's own read when `node` or `nodes` selects those fields, instead of one vendor
// round trip after it. The field resolvers (../resolvers/asset.ts) find them in the
// request's loaders under the same keys, so no call is added for an asset that exists.
// Issue 17: the 50-asset read with collections and shares went from three sequential round
// trips to two, the media read from two to one.
import type { GatewayContext } from '../context.js';
import type { VendorAdapter } from '../vendors/adapter.js';
import type { NativeRef } from '../vendors/models.js';
import type { Loaders, SourceBatchLoaderOf } from './create-loaders.js';

interface ReadAhead {
  /** The Asset field whose resolver makes this read. */
  readonly field: string;
  /** Whether the source can answer it (the resolver reports UNSUPPORTED otherwise, without a call). */
  readonly available: (adapter: VendorAdapter) => boolean;
  readonly loader: (loaders: Loaders) => SourceBatchLoaderOf<unknown>;
}

const READS: readonly ReadAhead[] = [
  { field: 'shares', available: (adapter) => adapter.shareListing !== undefined, loader: (loaders) => loaders.assetShares },
  { field: 'media', available: (adapter) => adapter.mediaDetails !== undefined, loader: (loaders) => loaders.mediaDetails },
  { field: 'renditions', available: (adapter) => adapter.renditions !== undefined, loader: (loaders) => loaders.renditions },
  { field: 'metadata', available: (adapter) => adapter.metadata !== undefined, loader: (loaders) => loaders.metadata },
  // Only vendors whose by-id models lack memberships have this read (MembershipPort).
  { field: 'collections', available: (adapter) => adapter.membership?.getExtraCollectionIds !== undefined, loader: (loaders) => loaders.extraCollectionIds },
];

/** Starts the reads of `fields` (the Asset fields the client selected) for the asset `ref`. */
export function readAheadOfAsset(context: GatewayContext, ref: NativeRef, fields: ReadonlySet<string>): void {
  if (fields.size === 0) return;
  const { adapter } = context.sources.get(ref.source);
  for (const read of READS) {
    if (!fields.has(read.field) || !read.available(adapter)) continue;
    // The answer, or the failure, waits in the loader for the field's resolver. For an asset
    // that turns out unknown (null) nobody asks, so its failure must not go unhandled.
    read.loader(context.loaders).load(ref).catch(() => undefined);
  }
}
