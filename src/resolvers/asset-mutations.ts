import { invalidate } from '../cache/cached-reads.js';
import type { GatewayContext } from '../context.js';
import { badUserInput, unsupported } from '../errors.js';
import type { MutationResolvers, UserError } from '../generated/resolvers-types.js';
import { decodeGlobalId, type DecodedId } from '../ids.js';
import { fanOutAssets, type FanOutOperation } from '../mutations/fan-out.js';
import { selectsInResults } from '../mutations/selected-fields.js';
import { userErrorsFrom } from '../mutations/user-errors.js';
import type { VendorAdapter, WriteResult } from '../vendors/adapter.js';

async function bulk(context: GatewayContext, ids: readonly string[], operation: FanOutOperation) {
  return { results: await fanOutAssets(context, ids, operation), userErrors: [] };
}

const simple = (capability: FanOutOperation['capability'], describe: string, run: (adapter: VendorAdapter, ids: readonly string[]) => Promise<WriteResult> | undefined): FanOutOperation => ({
  capability,
  describe,
  run,
});

/** copyAssets and moveAssets: the destination must be a Collection of the assets' source. */
function transfer(
  context: GatewayContext,
  input: { ids: readonly string[]; destinationId: string },
  capability: 'COPY_ASSETS' | 'MOVE_ASSETS',
  run: (adapter: VendorAdapter, ids: readonly string[], destination: string) => Promise<WriteResult> | undefined,
) {
  let destination: DecodedId;
  try {
    destination = decodeGlobalId(input.destinationId, (name) => context.sources.has(name), 'Collection');
  } catch (error) {
    const userError: UserError = {
      field: ['input', 'destinationId'],
      message: error instanceof Error ? error.message : 'Invalid destination.',
      code: 'BAD_USER_INPUT',
    };
    const failed = badUserInput('Not changed: the destination is invalid (see userErrors).');
    return Promise.resolve({
      results: input.ids.map((id) => ({ id, ok: false, asset: null, note: null, error: { code: failed.code, message: failed.message, source: null } })),
      userErrors: [userError],
    });
  }
  return bulk(context, input.ids, {
    capability,
    describe: capability === 'COPY_ASSETS' ? 'copying assets' : 'moving assets',
    precheck: (id) =>
      id.source === destination.source
        ? null
        : badUserInput(`The destination collection is in source "${destination.source}", this asset in "${id.source}"; copy and move stay within one source.`),
    run: (adapter, ids) => run(adapter, ids, destination.nativeId),
  });
}

export const assetMutations: MutationResolvers = {
  deleteAssets: (_root, { input }, context, info) => {
    const details = selectsInResults(info, ['asset', 'note']);
    return bulk(context, input.ids, simple('DELETE_ASSETS', 'deleting assets', (adapter, ids) => adapter.deleteAssets?.(ids, { details })));
  },
  restoreAssets: (_root, { input }, context) =>
    bulk(context, input.ids, simple('RECYCLE_BIN', 'restoring assets from a recycle bin', (adapter, ids) => adapter.restoreAssets?.(ids))),
  purgeAssets: (_root, { input }, context) =>
    bulk(context, input.ids, simple('RECYCLE_BIN', 'purging assets from a recycle bin', (adapter, ids) => adapter.purgeAssets?.(ids))),
  archiveAssets: (_root, { input }, context) =>
    bulk(context, input.ids, simple('ARCHIVE', 'archiving assets', (adapter, ids) => adapter.archiveAssets?.(ids))),
  restoreArchivedAssets: (_root, { input }, context) =>
    bulk(context, input.ids, simple('ARCHIVE', 'restoring archived assets', (adapter, ids) => adapter.restoreArchivedAssets?.(ids))),
  copyAssets: (_root, { input }, context) =>
    transfer(context, input, 'COPY_ASSETS', (adapter, ids, destination) => adapter.copyAssets?.(ids, destination)),
  moveAssets: (_root, { input }, context) =>
    transfer(context, input, 'MOVE_ASSETS', (adapter, ids, destination) => adapter.moveAssets?.(ids, destination)),

  updateAsset: async (_root, { input }, context) => {
    const userError = (field: string[] | null, error: unknown) => ({ asset: null, userErrors: userErrorsFrom(field, error) });
    let ref: DecodedId;
    try {
      ref = decodeGlobalId(input.id, (name) => context.sources.has(name), 'Asset');
    } catch (error) {
      return userError(['input', 'id'], error);
    }
    const source = context.sources.get(ref.source);
    const origin = { source: source.name, vendor: source.vendor };
    if (!source.capabilities.includes('EDIT_ASSETS') || !source.adapter.updateAsset) {
      return userError(null, unsupported(origin, 'editing assets'));
    }
    if (input.title === undefined && input.description === undefined) {
      return userError(['input'], badUserInput('Nothing to change: give a title or a description.'));
    }
    try {
      const changes = {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
      };
      const updated = await source.adapter.updateAsset(ref.nativeId, changes);
      await invalidate(context.cache, 'Asset', [ref]);
      context.loaders.assets.clear(ref);
      const asset = updated ?? (await context.loaders.assets.load(ref));
      if (asset) context.loaders.assets.prime(ref, asset);
      return { asset, userErrors: [] };
    } catch (error) {
      return userError(null, error);
    }
  },
};
