import type { QueryResolvers, RecycleBinResolvers } from '../generated/resolvers-types.js';
import { primeLoaders } from '../loaders/create-loaders.js';
import { connectionFromPage, windowOf } from '../pagination/connection.js';

export const recycleBinQuery: QueryResolvers = {
  recycleBin: (_root, { source }, context) => ({ source: context.sources.get(source).name }),
};

export const recycleBinType: RecycleBinResolvers = {
  source: (bin, _args, context) => context.sources.get(bin.source),
  enabled: (bin, _args, context) => context.sources.get(bin.source).adapter.isRecycleBinEnabled(),
  assets: async (bin, args, context) => {
    const window = windowOf(args);
    const { adapter } = context.sources.get(bin.source);
    if (!(await adapter.isRecycleBinEnabled())) return connectionFromPage({ items: [], hasMore: false }, window);
    const page = await adapter.listRecycleBin(window);
    primeLoaders(context.loaders, page.items);
    return connectionFromPage(page, window);
  },
};
