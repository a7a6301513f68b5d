import type { MutationResolvers, QueryResolvers, RecycleBinResolvers } from '../generated/resolvers-types.js';
import { userErrorsFrom } from '../mutations/user-errors.js';
import { primeLoaders } from '../loaders/create-loaders.js';
import { connectionFromPage, windowOf } from '../pagination/connection.js';
import { requirePort } from '../vendors/capabilities.js';

export const recycleBinQuery: QueryResolvers = {
  recycleBin: (_root, { source }, context) => {
    const entry = context.sources.get(source);
    requirePort(entry, 'recycleBin', 'a recycle bin');
    return { source: entry.name };
  },
};

export const recycleBinType: RecycleBinResolvers = {
  source: (bin, _args, context) => context.sources.get(bin.source),
  enabled: async (bin, _args, context) => (await context.sources.get(bin.source).adapter.recycleBin?.isRecycleBinEnabled()) ?? false,
  assets: async (bin, args, context) => {
    const window = windowOf(args);
    const port = context.sources.get(bin.source).adapter.recycleBin;
    if (!port || !(await port.isRecycleBinEnabled())) return connectionFromPage({ items: [], hasMore: false }, window);
    const page = await port.listRecycleBin(window);
    primeLoaders(context.loaders, page.items);
    return connectionFromPage(page, window);
  },
};

export const recycleBinMutations: MutationResolvers = {
  emptyRecycleBin: async (_root, { input }, context) => {
    try {
      const source = context.sources.get(input.source);
      await requirePort(source, 'recycleBin', 'emptying a recycle bin').emptyRecycleBin();
      return { recycleBin: { source: source.name }, userErrors: [] };
    } catch (error) {
      return { recycleBin: null, userErrors: userErrorsFrom(['input', 'source'], error) };
    }
  },
};
