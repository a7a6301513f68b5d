// One set of loaders per GraphQL request (created in the context factory), never shared
// across requests: each request sees its own cache, and cache keys include the source.
import type { SourceRegistry } from '../sources.js';
import type { AssetModel, CollectionModel, NativeRef, ShareModel } from '../vendors/models.js';
import { createSourceBatchLoader, type SourceBatchLoader } from './source-batch-loader.js';

export interface Loaders {
  readonly assets: SourceBatchLoader<NativeRef, AssetModel | null>;
  readonly collections: SourceBatchLoader<NativeRef, CollectionModel | null>;
  readonly shares: SourceBatchLoader<NativeRef, ShareModel | null>;
  /** A collection's ancestors, top level first. */
  readonly ancestors: SourceBatchLoader<NativeRef, readonly CollectionModel[]>;
  /** Every share made of an asset. */
  readonly assetShares: SourceBatchLoader<NativeRef, readonly ShareModel[]>;
  /** A share's recipients; keyed by the share model because vendors need its target. */
  readonly shareRecipients: SourceBatchLoader<ShareModel, readonly string[]>;
}

export function createLoaders(sources: SourceRegistry, options: { batch?: boolean } = {}): Loaders {
  const ids = (keys: readonly NativeRef[]) => keys.map((key) => key.nativeId);
  return {
    assets: createSourceBatchLoader(sources, (adapter, keys) => adapter.getAssets(ids(keys)), options),
    collections: createSourceBatchLoader(sources, (adapter, keys) => adapter.getCollections(ids(keys)), options),
    shares: createSourceBatchLoader(sources, (adapter, keys) => adapter.getShares(ids(keys)), options),
    ancestors: createSourceBatchLoader(sources, (adapter, keys) => adapter.getAncestors(ids(keys)), options),
    assetShares: createSourceBatchLoader(sources, (adapter, keys) => adapter.getAssetShares(ids(keys)), options),
    shareRecipients: createSourceBatchLoader(sources, (adapter, keys) => adapter.getShareRecipients(keys), options),
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
