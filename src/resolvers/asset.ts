import type { AssetResolvers, QueryResolvers } from '../generated/resolvers-types.js';
import { encodeGlobalId } from '../ids.js';
import { connectionFromArray, type SourceErrorModel } from '../pagination/connection.js';
import { badUserInput, unsupported } from '../errors.js';
import { assetPredicate, scanFiltered } from '../pagination/asset-filter.js';
import type { Page, Window } from '../pagination/window.js';
import type { AssetModel, CollectionModel } from '../vendors/models.js';
import { listAcrossSources, listMergedAcrossSources, reportSourceError } from './list-across-sources.js';
import { resolveLocated } from './located-error.js';
import { sharesOf } from './shares-of.js';
import { requirePort } from '../vendors/capabilities.js';

export const assetQuery: QueryResolvers = {
  assets: (_root, { first, after, filter, orderBy }, context, info) => {
    const search = filter?.search?.trim() || null;
    // Kinds, statuses and time ranges (and search inside a collection) are checked here on
    // each asset, over bounded scans of the vendors' lists (src/pagination/asset-filter.ts).
    const predicate = assetPredicate(filter, { searchHere: Boolean(filter?.collection) });
    const filtered = (fetch: (window: Window) => Promise<Page<AssetModel>>) => (window: Window) =>
      predicate ? scanFiltered(window, predicate, fetch) : fetch(window);

    if (filter?.collection) {
      // One collection's contents: its source alone, in that vendor's collection order.
      if (orderBy) throw badUserInput('"orderBy" cannot be combined with "filter.collection": vendors list a collection in their own order.');
      const collection = context.sources.decode(filter.collection, 'Collection');
      const selected = context.sources.select(filter.sources).filter((source) => source.name === collection.source);
      return listAcrossSources(context, info, selected, { first, after }, (source, window) =>
        filtered((w) => source.adapter.listCollectionAssets(collection.nativeId, w))(window), { resync: !predicate },
      );
    }

    const selected = context.sources.select(filter?.sources);
    const skipped: SourceErrorModel[] = [];
    const searchable = selected.filter((source) => {
      if (!search || source.adapter.search) return true;
      skipped.push(reportSourceError(context, info, unsupported({ source: source.name, vendor: source.vendor }, 'free-text search (AssetFilter.search)'), source.name));
      return false;
    });
    if (orderBy) {
      const order = { field: orderBy.field, direction: orderBy.direction ?? 'DESC' } as const;
      return listMergedAcrossSources(context, info, searchable, { first, after }, order, (source, window) =>
        filtered((w) => source.adapter.listAssets(w, { search, order }))(window), { skipped });
    }
    return listAcrossSources(context, info, searchable, { first, after }, (source, window) =>
      filtered((w) => source.adapter.listAssets(w, { search }))(window), { skipped, resync: !predicate });
  },
};

export const assetType: AssetResolvers = {
  id: (asset) => encodeGlobalId('Asset', asset.source, asset.nativeId),
  source: (asset, _args, context) => context.sources.get(asset.source),
  collections: async (asset, args, context) => {
    const load = (ids: readonly string[]) => context.loaders.collections.loadMany(ids.map((nativeId) => ({ source: asset.source, nativeId })));
    // A model that does not know every membership (a Nomad asset read by id) asks for the
    // rest first and then reads them all at once: the vendor's membership read (Nomad's
    // asset detail) names the folders above the asset too, so the folder the model knows
    // needs no read of its own (docs/vendors.md M12). `node`/`nodes` start that read with
    // the asset's (src/loaders/read-ahead.ts), so it costs no round trip there.
    const membership = context.sources.get(asset.source).adapter.membership;
    const complete = asset.collectionIdsIncomplete === true && membership?.getExtraCollectionIds !== undefined;
    const extra = complete ? (await context.loaders.extraCollectionIds.load(asset)).filter((id) => !asset.collectionIds.includes(id)) : [];
    const found = await load([...asset.collectionIds, ...extra]);
    const failure = found.find((item) => item instanceof Error);
    if (failure) throw failure;
    // A collection the vendor no longer knows is left out rather than shown as null.
    return connectionFromArray(found.filter((item): item is CollectionModel => item !== null), args);
  },
  // These fields report UNSUPPORTED per asset for sources without the data (a list of
  // mixed assets can carry dozens): their errors leave located (./located-error.ts).
  shares: (asset, args, context, info) => resolveLocated(info, () => sharesOf(context, asset, args)),
  // Not silently empty where the vendor has no such data: null with UNSUPPORTED (as shares).
  media: (asset, _args, context, info) =>
    resolveLocated(info, () => {
      requirePort(context.sources.get(asset.source), 'mediaDetails', 'reading technical details of media (Asset.media)');
      return context.loaders.mediaDetails.load(asset);
    }),
  renditions: (asset, _args, context, info) =>
    resolveLocated(info, () => {
      requirePort(context.sources.get(asset.source), 'renditions', 'listing renditions (Asset.renditions)');
      return context.loaders.renditions.load(asset);
    }),
  metadata: (asset, _args, context, info) =>
    resolveLocated(info, () => {
      requirePort(context.sources.get(asset.source), 'metadata', 'reading custom metadata (Asset.metadata)');
      return context.loaders.metadata.load(asset);
    }),
};
