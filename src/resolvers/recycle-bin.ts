import { unsupported } from '../errors.js';
import type { MutationResolvers, QueryResolvers, RecycleBinResolvers } from '../generated/resolvers-types.js';
import { userErrorsFrom } from '../mutations/user-errors.js';
import { primeLoaders } from '../loaders/create-loaders.js';
import { connectionFromPage, windowOf } from '../pagination/connection.js';

export const recycleBinQuery: QueryResolvers = {
  recycleBin: (_root, { source }, context) => ({ source: context.sources.get(source).name }),
};

export const recycleBinType: RecycleBinResolvers = {
  source: (bin, _args, context) => context.sources.get(bin.source),
  enabled: async (bin, _args, context) => (await context.sources.get(bin.source).adapter.isRecycleBinEnabled?.()) ?? false,
  assets: async (bin, args, context) => {
    const window = windowOf(args);
    const { adapter } = context.sources.get(bin.source);
    if (!adapter.listRecycleBin || !(await adapter.isRecycleBinEnabled?.())) return connectionFromPage({ items: [], hasMore: false }, window);
    const page = await adapter.listRecycleBin(window);
    primeLoaders(context.loaders, page.items);
    return connectionFromPage(page, window);
  },
};

export const recycleBinMutations: MutationResolvers = {
  emptyRecycleBin: async (_root, { input }, context) => {
    try {
      const source = context.sources.get(input.source);
      if (!source.capabilities.includes('RECYCLE_BIN') || !source.adapter.emptyRecycleBin) {
        throw unsupported({ source: source.name, vendor: source.vendor }, 'emptying a recycle bin');
      }
      await source.adapter.emptyRecycleBin();
      return { recycleBin: { source: source.name }, userErrors: [] };
    } catch (error) {
      return { recycleBin: null, userErrors: userErrorsFrom(['input', 'source'], error) };
    }
  },
};
