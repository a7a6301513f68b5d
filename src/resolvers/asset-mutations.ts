import { invalidate } from '../cache/cached-reads.js';
import type { GatewayContext } from '../context.js';
import { badUserInput } from '../errors.js';
import type { MetadataEntryInput, MutationResolvers, UserError } from '../generated/resolvers-types.js';
import type { SourceEntry } from '../sources.js';
import type { DecodedId } from '../ids.js';
import { fanOutAssets, type FanOutOperation } from '../mutations/fan-out.js';
import { selectsInResults } from './selected-fields.js';
import { userErrorsFrom } from '../mutations/user-errors.js';
import type { PortName, VendorAdapter, WriteResult } from '../vendors/adapter.js';
import { requirePort } from '../vendors/capabilities.js';

async function bulk<P extends PortName>(context: GatewayContext, ids: readonly string[], operation: FanOutOperation<P>) {
  return { results: await fanOutAssets(context, ids, operation), userErrors: [] };
}

/** copyAssets and moveAssets: the destination must be a Collection of the assets' source. */
function transfer<P extends 'copy' | 'move'>(
  context: GatewayContext,
  input: { ids: readonly string[]; destinationId: string },
  port: P,
  run: (found: NonNullable<VendorAdapter[P]>, ids: readonly string[], destination: string) => Promise<WriteResult>,
) {
  let destination: DecodedId;
  try {
    destination = context.sources.decode(input.destinationId, 'Collection');
  } catch (error) {
    const userError: UserError = {
      field: ['input', 'destinationId'],
      message: error instanceof Error ? error.message : 'Invalid destination.',
      code: 'BAD_USER_INPUT',
    };
    // Reported once, where it belongs: the input as a whole was refused, no item was tried.
    return Promise.resolve({ results: [], userErrors: [userError] });
  }
  return bulk(context, input.ids, {
    port,
    change: port === 'copy' ? 'CREATED' : 'UPDATED',
    describe: port === 'copy' ? 'copying assets' : 'moving assets',
    precheck: (id) =>
      id.source === destination.source
        ? null
        : badUserInput(`The destination collection is in source "${destination.source}", this asset in "${id.source}"; copy and move stay within one source.`),
    run: (found, ids) => run(found, ids, destination.nativeId),
  });
}

export const assetMutations: MutationResolvers = {
  deleteAssets: (_root, { input }, context, info) => {
    const details = selectsInResults(info, ['asset', 'note']);
    return bulk(context, input.ids, { port: 'deletion', change: 'DELETED', describe: 'deleting assets', run: (port, ids) => port.deleteAssets(ids, { details }) });
  },
  recoverDeletedAssets: (_root, { input }, context) =>
    bulk(context, input.ids, { port: 'recycleBin', change: 'UPDATED', describe: 'restoring assets from a recycle bin', run: (port, ids) => port.restoreAssets(ids) }),
  purgeAssets: (_root, { input }, context) =>
    bulk(context, input.ids, { port: 'recycleBin', change: 'DELETED', describe: 'purging assets from a recycle bin', run: (port, ids) => port.purgeAssets(ids) }),
  archiveAssets: (_root, { input }, context) =>
    bulk(context, input.ids, { port: 'archive', change: 'UPDATED', describe: 'archiving assets', run: (port, ids) => port.archiveAssets(ids) }),
  restoreArchivedAssets: (_root, { input }, context) =>
    bulk(context, input.ids, { port: 'archive', change: 'UPDATED', describe: 'restoring archived assets', run: (port, ids) => port.restoreArchivedAssets(ids) }),
  copyAssets: (_root, { input }, context) =>
    transfer(context, input, 'copy', (port, ids, destination) => port.copyAssets(ids, destination)),
  moveAssets: (_root, { input }, context) =>
    transfer(context, input, 'move', (port, ids, destination) => port.moveAssets(ids, destination)),

  updateAsset: async (_root, { input }, context) => {
    const userError = (field: string[] | null, error: unknown) => ({ asset: null, userErrors: userErrorsFrom(field, error) });
    let ref: DecodedId;
    try {
      ref = context.sources.decode(input.id, 'Asset');
    } catch (error) {
      return userError(['input', 'id'], error);
    }
    const source = context.sources.get(ref.source);
    let edit;
    try {
      edit = requirePort(source, 'edit', 'editing assets');
    } catch (error) {
      return userError(null, error);
    }
    const metadata = input.metadata ?? undefined;
    if (input.title === undefined && input.description === undefined && metadata === undefined) {
      return userError(['input'], badUserInput('Nothing to change: give a title, a description or metadata.'));
    }
    if (metadata) {
      const problem = metadataProblem(source, metadata);
      if (problem) return userError(['input', 'metadata'], problem);
    }
    try {
      const changes = {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(metadata ? { metadata } : {}),
      };
      const updated = await edit.updateAsset(ref.nativeId, changes);
      await invalidate(context.cache, 'Asset', [ref]);
      context.loaders.assets.clear(ref);
      const asset = updated ?? (await context.loaders.assets.load(ref));
      if (asset) context.loaders.assets.prime(ref, asset);
      context.live.assetsChanged([{ ref, kind: 'UPDATED', status: asset?.status ?? null }], 'WRITE', context.scope.credentials);
      return { asset, userErrors: [] };
    } catch (error) {
      return userError(null, error);
    }
  },
};

/** Why these metadata changes cannot go to this source, or null when they can. */
function metadataProblem(source: SourceEntry, entries: readonly MetadataEntryInput[]): Error | null {
  let port;
  try {
    port = requirePort(source, 'metadataEdit', 'changing custom metadata');
  } catch (error) {
    return error as Error;
  }
  const keys = new Set<string>();
  for (const entry of entries) {
    if (!entry.key.trim()) return badUserInput('A metadata key cannot be empty.');
    if (keys.has(entry.key)) return badUserInput(`Metadata key "${entry.key}" is given twice.`);
    keys.add(entry.key);
    if (!port.multiValued && entry.values.length > 1) {
      return badUserInput(`Metadata key "${entry.key}": ${source.vendor} fields hold one value; ${entry.values.length} were given.`);
    }
  }
  return null;
}
