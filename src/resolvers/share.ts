import type { QueryResolvers, ShareResolvers, ShareTargetResolvers } from '../generated/resolvers-types.js';
import { encodeGlobalId } from '../ids.js';
import { sharesOfTargets } from './shares-of.js';

export const shareQuery: QueryResolvers = {
  shares: (_root, { first, after, filter }, context, info) => sharesOfTargets(context, info, filter, { first, after }),
};

export const shareType: ShareResolvers = {
  id: (share) => encodeGlobalId('Share', share.source, share.nativeId),
  source: (share, _args, context) => context.sources.get(share.source),
  recipients: async (share, _args, context) => [...(share.recipients ?? (await context.loaders.shareRecipients.load(share)))],
  target: (share, _args, context) => {
    if (!share.target) return null;
    const ref = { source: share.source, nativeId: share.target.nativeId };
    return share.target.objectType === 'Asset' ? context.loaders.assets.load(ref) : context.loaders.collections.load(ref);
  },
};

export const shareTargetUnion: ShareTargetResolvers = {
  __resolveType: (model) => model.objectType,
};
