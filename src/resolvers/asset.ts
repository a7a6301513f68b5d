import type { AssetResolvers, QueryResolvers } from '../generated/resolvers-types.js';
import { encodeGlobalId } from '../ids.js';
import { primeLoaders } from '../loaders/create-loaders.js';
import { connectionFromArray, type SourceErrorModel } from '../pagination/connection.js';
import { unsupported } from '../errors.js';
import type { CollectionModel } from '../vendors/models.js';
import { listAcrossSources, listMergedAcrossSources, reportSourceError } from './list-across-sources.js';

export const assetQuery: QueryResolvers = {
  assets: (_root, { first, after, filter, orderBy }, context, info) => {
    const selected = context.sources.select(filter?.sources);
    const search = filter?.search?.trim() || null;
    const skipped: SourceErrorModel[] = [];
    const searchable = selected.filter((source) => {
      if (!search || source.adapter.search) return true;
      skipped.push(reportSourceError(context, info, unsupported({ source: source.name, vendor: source.vendor }, 'free-text search (AssetFilter.search)'), source.name));
      return false;
    });
    if (orderBy) {
      const order = { field: orderBy.field, direction: orderBy.direction ?? 'DESC' } as const;
      return listMergedAcrossSources(context, info, searchable, { first, after }, order, (source, window) => source.adapter.listAssets(window, { search, order }), { skipped });
    }
    return listAcrossSources(context, info, searchable, { first, after }, (source, window) => source.adapter.listAssets(window, { search }), { skipped });
  },
};

export const assetType: AssetResolvers = {
  id: (asset) => encodeGlobalId('Asset', asset.source, asset.nativeId),
  source: (asset, _args, context) => context.sources.get(asset.source),
  collections: async (asset, args, context) => {
    const found = await context.loaders.collections.loadMany(
      asset.collectionIds.map((nativeId) => ({ source: asset.source, nativeId })),
    );
    const failure = found.find((item) => item instanceof Error);
    if (failure) throw failure;
    // A collection the vendor no longer knows is left out rather than shown as null.
    return connectionFromArray(found.filter((item): item is CollectionModel => item !== null), args);
  },
  shares: async (asset, args, context) => {
    const source = context.sources.get(asset.source);
    // Not silently empty: the client learns this source has no share listing.
    if (!source.adapter.shareListing) throw unsupported({ source: source.name, vendor: source.vendor }, 'listing the shares of an asset');
    const shares = await context.loaders.assetShares.load(asset);
    primeLoaders(context.loaders, shares);
    return connectionFromArray(shares, args);
  },
};
