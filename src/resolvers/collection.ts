import type { CollectionResolvers, QueryResolvers } from '../generated/resolvers-types.js';
import { encodeGlobalId } from '../ids.js';
import { primeLoaders } from '../loaders/create-loaders.js';
import { connectionFromPage, windowOf } from '../pagination/connection.js';
import { listAcrossSources } from './list-across-sources.js';
import { resolveLocated } from './located-error.js';
import { sharesOf } from './shares-of.js';

export const collectionQuery: QueryResolvers = {
  collections: (_root, { first, after, filter }, context, info) => {
    // Every vendor has collections (VendorAdapter's core reads).
    const selected = context.sources.select(filter?.sources);
    const topLevelOnly = filter?.topLevelOnly ?? false;
    return listAcrossSources(context, info, selected, { first, after }, (source, window) =>
      source.adapter.listCollections(window, { topLevelOnly }),
    );
  },
};

export const collectionType: CollectionResolvers = {
  id: (collection) => encodeGlobalId('Collection', collection.source, collection.nativeId),
  source: (collection, _args, context) => context.sources.get(collection.source),
  parent: (collection, _args, context) =>
    collection.parentId ? context.loaders.collections.load({ source: collection.source, nativeId: collection.parentId }) : null,
  ancestors: async (collection, _args, context) => {
    if (!collection.parentId) return [];
    const ancestors = await context.loaders.ancestors.load(collection);
    primeLoaders(context.loaders, ancestors);
    return [...ancestors];
  },
  children: async (collection, args, context) => {
    const window = windowOf(args);
    const { adapter } = context.sources.get(collection.source);
    const page = (await adapter.nesting?.listCollectionChildren(collection.nativeId, window)) ?? { items: [], hasMore: false };
    primeLoaders(context.loaders, page.items);
    return connectionFromPage(page, window);
  },
  assets: async (collection, args, context) => {
    const window = windowOf(args);
    const page = await context.sources.get(collection.source).adapter.listCollectionAssets(collection.nativeId, window);
    primeLoaders(context.loaders, page.items);
    return connectionFromPage(page, window);
  },
  shares: (collection, args, context, info) => resolveLocated(info, () => sharesOf(context, collection, args)),
};
