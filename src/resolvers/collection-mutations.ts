import { invalidate } from '../cache/cached-reads.js';
import type { GatewayContext } from '../context.js';
import { badUserInput, unsupported } from '../errors.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';
import { decodeGlobalId, encodeGlobalId, type DecodedId } from '../ids.js';
import { fanOutAssets } from '../mutations/fan-out.js';
import { userErrorsFrom } from '../mutations/user-errors.js';
import type { SourceEntry } from '../sources.js';
import type { VendorAdapter, WriteResult } from '../vendors/adapter.js';

function requireCapability(source: SourceEntry, capability: 'MANAGE_COLLECTIONS' | 'COLLECTION_MEMBERSHIP', what: string): void {
  if (!source.capabilities.includes(capability)) throw unsupported({ source: source.name, vendor: source.vendor }, what);
}

async function membership(
  context: GatewayContext,
  input: { collectionId: string; ids: readonly string[] },
  run: (adapter: VendorAdapter, collectionId: string, ids: readonly string[]) => Promise<WriteResult> | undefined,
  describe: string,
) {
  let collection: DecodedId;
  try {
    collection = decodeGlobalId(input.collectionId, (name) => context.sources.has(name), 'Collection');
  } catch (error) {
    const [userError] = userErrorsFrom(['input', 'collectionId'], error);
    const failed = { code: 'BAD_USER_INPUT' as const, message: 'Not changed: the collection is invalid (see userErrors).', source: null };
    return { results: input.ids.map((id) => ({ id, ok: false, asset: null, note: null, error: failed })), userErrors: userError ? [userError] : [] };
  }
  const results = await fanOutAssets(context, input.ids, {
    capability: 'COLLECTION_MEMBERSHIP',
    describe,
    precheck: (id) => (id.source === collection.source ? null : badUserInput(`The collection is in source "${collection.source}", this asset in "${id.source}".`)),
    run: (adapter, ids) => run(adapter, collection.nativeId, ids),
  });
  return { results, userErrors: [] };
}

export const collectionMutations: MutationResolvers = {
  createCollection: async (_root, { input }, context) => {
    try {
      if (!input.title.trim()) throw badUserInput('"title" must not be empty.');
      const parent = input.parentId ? decodeGlobalId(input.parentId, (name) => context.sources.has(name), 'Collection') : null;
      const sourceName = parent?.source ?? input.source;
      if (!sourceName) throw badUserInput('Give "parentId", or "source" for a top-level collection.');
      const source = context.sources.get(sourceName);
      requireCapability(source, 'MANAGE_COLLECTIONS', 'creating collections');
      if (!source.adapter.createCollection) throw unsupported({ source: source.name, vendor: source.vendor }, 'creating collections');
      const collection = await source.adapter.createCollection(input.title, parent?.nativeId ?? null);
      context.loaders.collections.prime(collection, collection);
      return { collection, userErrors: [] };
    } catch (error) {
      return { collection: null, userErrors: userErrorsFrom(['input'], error) };
    }
  },
  deleteCollection: async (_root, { input }, context) => {
    try {
      const ref = decodeGlobalId(input.id, (name) => context.sources.has(name), 'Collection');
      const source = context.sources.get(ref.source);
      requireCapability(source, 'MANAGE_COLLECTIONS', 'deleting collections');
      if (!source.adapter.deleteCollection) throw unsupported({ source: source.name, vendor: source.vendor }, 'deleting collections');
      await source.adapter.deleteCollection(ref.nativeId);
      await invalidate(context.cache, 'Collection', [ref]);
      context.loaders.collections.clear(ref);
      return { deletedCollectionId: encodeGlobalId('Collection', ref.source, ref.nativeId), userErrors: [] };
    } catch (error) {
      return { deletedCollectionId: null, userErrors: userErrorsFrom(['input', 'id'], error) };
    }
  },
  addToCollection: (_root, { input }, context) =>
    membership(context, input, (adapter, collectionId, ids) => adapter.addToCollection?.(collectionId, ids), 'adding assets to collections'),
  removeFromCollection: (_root, { input }, context) =>
    membership(context, input, (adapter, collectionId, ids) => adapter.removeFromCollection?.(collectionId, ids), 'removing assets from collections'),
};
