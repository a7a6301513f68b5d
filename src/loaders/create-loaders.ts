// One set of loaders per GraphQL request (created in the context factory), never shared
// across requests: each request sees its own cache, and cache keys include the source.
import { cachedRead, type CacheBinding } from '../cache/cached-reads.js';
import type { SourceRegistry } from '../sources.js';
import type { MediaDetails, MetadataEntry, Rendition } from '../generated/resolvers-types.js';
import type { AssetModel, CollectionModel, NativeRef, ShareModel } from '../vendors/models.js';
import { createSourceBatchLoader, type SourceBatchLoader } from './source-batch-loader.js';

/** Any of the loaders below keyed by an object's native ref, whatever it answers. */
export type SourceBatchLoaderOf<V> = SourceBatchLoader<NativeRef, V>;

export interface Loaders {
  readonly assets: SourceBatchLoader<NativeRef, AssetModel | null>;
  readonly collections: SourceBatchLoader<NativeRef, CollectionModel | null>;
  readonly shares: SourceBatchLoader<NativeRef, ShareModel | null>;
  /** A collection's ancestors, top level first. */
  readonly ancestors: SourceBatchLoader<NativeRef, readonly CollectionModel[]>;
  /** Every share made of an asset. */
  readonly assetShares: SourceBatchLoader<NativeRef, readonly ShareModel[]>;
  readonly collectionShares: SourceBatchLoader<NativeRef, readonly ShareModel[]>;
  /** A share's recipients; keyed by the share model because vendors need its target. */
  readonly shareRecipients: SourceBatchLoader<ShareModel, readonly string[]>;
  /** Media reads: never in the shared cache (renditions carry signed, expiring URLs). */
  readonly mediaDetails: SourceBatchLoader<NativeRef, MediaDetails | null>;
  readonly renditions: SourceBatchLoader<NativeRef, Rendition[]>;
  readonly metadata: SourceBatchLoader<NativeRef, MetadataEntry[]>;
  /** Collections an asset is in beyond its model's (Nomad collections). */
  readonly extraCollectionIds: SourceBatchLoader<NativeRef, readonly string[]>;
}

export function createLoaders(sources: SourceRegistry, options: { batch?: boolean; cache?: CacheBinding } = {}): Loaders {
  const ids = (keys: readonly NativeRef[]) => keys.map((key) => key.nativeId);
  const { cache } = options;
  return {
    // By-id reads go through the optional shared cache (src/cache/); lists do not.
    assets: createSourceBatchLoader(sources, cachedRead(cache, 'Asset', (adapter, keys) => adapter.getAssets(ids(keys))), options),
    collections: createSourceBatchLoader(sources, cachedRead(cache, 'Collection', (adapter, keys) => adapter.getCollections(ids(keys))), options),
    // Reads of optional ports: a vendor without the port has no such objects (adapter.ts).
    shares: createSourceBatchLoader(
      sources,
      cachedRead(cache, 'Share', async (adapter, keys) => adapter.shares?.getShares(ids(keys)) ?? keys.map(() => null)),
      options,
    ),
    ancestors: createSourceBatchLoader(sources, async (adapter, keys) => adapter.nesting?.getAncestors(ids(keys)) ?? keys.map(() => []), options),
    assetShares: createSourceBatchLoader(sources, async (adapter, keys) => adapter.shareListing?.getAssetShares(ids(keys)) ?? keys.map(() => []), options),
    collectionShares: createSourceBatchLoader(sources, async (adapter, keys) => adapter.shareListing?.getCollectionShares(ids(keys)) ?? keys.map(() => []), options),
    shareRecipients: createSourceBatchLoader(
      sources,
      async (adapter, keys) => adapter.shareListing?.getShareRecipients(keys) ?? keys.map(() => []),
      options,
    ),
    mediaDetails: createSourceBatchLoader(sources, async (adapter, keys) => adapter.mediaDetails?.getMediaDetails(ids(keys)) ?? keys.map(() => null), options),
    renditions: createSourceBatchLoader(sources, async (adapter, keys) => adapter.renditions?.getRenditions(ids(keys)) ?? keys.map(() => []), options),
    metadata: createSourceBatchLoader(sources, async (adapter, keys) => adapter.metadata?.getMetadata(ids(keys)) ?? keys.map(() => []), options),
    extraCollectionIds: createSourceBatchLoader(
      sources,
      async (adapter, keys) => adapter.membership?.getExtraCollectionIds?.(ids(keys)) ?? keys.map(() => []),
      options,
    ),
  };
}

/** Puts objects read by a list call into the by-id caches, so reading them again is free. */
export function primeLoaders(loaders: Loaders, models: ReadonlyArray<AssetModel | CollectionModel | ShareModel>): void {
  for (const model of models) {
    if (model.objectType === 'Asset') loaders.assets.prime(model, model);
    else if (model.objectType === 'Collection') loaders.collections.prime(model, model);
    else loaders.shares.prime(model, model);
  }
}
