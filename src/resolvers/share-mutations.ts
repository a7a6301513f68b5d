import { invalidate } from '../cache/cached-reads.js';
import type { GatewayContext } from '../context.js';
import { badUserInput, notFound } from '../errors.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';
import { encodeGlobalId } from '../ids.js';
import { userErrorsFrom } from '../mutations/user-errors.js';
import type { ShareOptions } from '../vendors/adapter.js';
import { requirePort } from '../vendors/capabilities.js';
import type { ShareModel } from '../vendors/models.js';


/** The share to change, read through the loader (vendors need its target to address it). */
async function loadShare(context: GatewayContext, id: string, what: string) {
  const ref = context.sources.decode(id, 'Share');
  const source = context.sources.get(ref.source);
  const origin = { source: source.name, vendor: source.vendor };
  const port = requirePort(source, 'shares', what);
  const share = await context.loaders.shares.load(ref);
  if (!share) throw notFound(origin, `Share ${ref.nativeId}`);
  return { ref, port, share };
}

function options(input: Record<string, unknown>): ShareOptions {
  // Only what the client gave; undefined keeps the vendor's value.
  const keys = ['title', 'emails', 'expiresAt', 'allowDownload', 'allowComments', 'password', 'message'] as const;
  return Object.fromEntries(keys.filter((key) => input[key] !== undefined).map((key) => [key, input[key]]));
}

async function remember(context: GatewayContext, share: ShareModel): Promise<void> {
  await invalidate(context.cache, 'Share', [share]);
  context.loaders.shares.clear(share).prime(share, share);
  context.loaders.shareRecipients.clear(share);
  if (share.target?.objectType === 'Asset') context.loaders.assetShares.clear({ source: share.source, nativeId: share.target.nativeId });
}

export const shareMutations: MutationResolvers = {
  createShare: async (_root, { input }, context) => {
    try {
      const target = context.sources.decode(input.targetId);
      if (target.type === 'Share' || target.type === 'Job') throw badUserInput(`A share targets an Asset or a Collection, not a ${target.type}.`);
      const source = context.sources.get(target.source);
      const share = await requirePort(source, 'shares', 'creating shares').createShare({ objectType: target.type, nativeId: target.nativeId }, options(input));
      await remember(context, share);
      return { share, userErrors: [] };
    } catch (error) {
      return { share: null, userErrors: userErrorsFrom(['input', 'targetId'], error) };
    }
  },
  updateShare: async (_root, { input }, context) => {
    try {
      const { port, share } = await loadShare(context, input.id, 'changing shares');
      const updated = await port.updateShare(share, options(input));
      await remember(context, updated);
      return { share: updated, userErrors: [] };
    } catch (error) {
      return { share: null, userErrors: userErrorsFrom(['input', 'id'], error) };
    }
  },
  deleteShare: async (_root, { input }, context) => {
    try {
      const { ref, port, share } = await loadShare(context, input.id, 'deleting shares');
      await port.deleteShare(share);
      await remember(context, share);
      context.loaders.shares.clear(share);
      return { deletedShareId: encodeGlobalId('Share', ref.source, ref.nativeId), userErrors: [] };
    } catch (error) {
      return { deletedShareId: null, userErrors: userErrorsFrom(['input', 'id'], error) };
    }
  },
};
