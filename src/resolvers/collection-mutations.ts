import { invalidate } from '../cache/cached-reads.js';
import type { GatewayContext } from '../context.js';
import { badUserInput } from '../errors.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';
import { encodeGlobalId, type DecodedId } from '../ids.js';
import { fanOutAssets } from '../mutations/fan-out.js';
import { userErrorsFrom } from '../mutations/user-errors.js';
import type { MembershipPort, WriteResult } from '../vendors/adapter.js';
import { requirePort } from '../vendors/capabilities.js';

async function membership(
  context: GatewayContext,
  input: { collectionId: string; ids: readonly string[] },
  run: (port: MembershipPort, collectionId: string, ids: readonly string[]) => Promise<WriteResult>,
  describe: string,
) {
  let collection: DecodedId;
  try {
    collection = context.sources.decode(input.collectionId, 'Collection');
  } catch (error) {
    const [userError] = userErrorsFrom(['input', 'collectionId'], error);
    // Reported once: the input as a whole was refused, no item was tried.
    return { results: [], userErrors: userError ? [userError] : [] };
  }
  const results = await fanOutAssets(context, input.ids, {
    port: 'membership',
    // Membership is part of the asset (Asset.collections).
    change: 'UPDATED',
    describe,
    precheck: (id) => (id.source === collection.source ? null : badUserInput(`The collection is in source "${collection.source}", this asset in "${id.source}".`)),
    run: (port, ids) => run(port, collection.nativeId, ids),
  });
  return { results, userErrors: [] };
}

export const collectionMutations: MutationResolvers = {
  createCollection: async (_root, { input }, context) => {
    try {
      if (!input.title.trim()) throw badUserInput('"title" must not be empty.');
      const parent = input.parentId ? context.sources.decode(input.parentId, 'Collection') : null;
      const sourceName = parent?.source ?? input.source;
      if (!sourceName) throw badUserInput('Give "parentId", or "source" for a top-level collection.');
      const source = context.sources.get(sourceName);
      const collection = await requirePort(source, 'collectionAdmin', 'creating collections').createCollection(input.title, parent?.nativeId ?? null);
      context.loaders.collections.prime(collection, collection);
      return { collection, userErrors: [] };
    } catch (error) {
      return { collection: null, userErrors: userErrorsFrom(['input'], error) };
    }
  },
  updateCollection: async (_root, { input }, context) => {
    try {
      const ref = context.sources.decode(input.id, 'Collection');
      if (input.title !== undefined && input.title !== null && !input.title.trim()) throw badUserInput('"title" must not be empty.');
      // parentId: omitted stays, explicit null is the top level; it must be of the same source.
      const parent = input.parentId === undefined ? undefined : input.parentId === null ? null : context.sources.decode(input.parentId, 'Collection');
      if (parent && parent.source !== ref.source) throw badUserInput('"parentId" must be a collection of the same source.');
      if (parent && parent.nativeId === ref.nativeId) throw badUserInput('A collection cannot be moved into itself.');
      const source = context.sources.get(ref.source);
      const changes = {
        ...(typeof input.title === 'string' ? { title: input.title } : {}),
        ...(parent !== undefined ? { parentId: parent ? parent.nativeId : null } : {}),
      };
      const collection = await requirePort(source, 'collectionAdmin', 'changing collections').updateCollection(ref.nativeId, changes);
      await invalidate(context.cache, 'Collection', [ref]);
      context.loaders.collections.clear(ref);
      if (collection) context.loaders.collections.prime(ref, collection);
      return { collection, userErrors: [] };
    } catch (error) {
      return { collection: null, userErrors: userErrorsFrom(['input'], error) };
    }
  },
  deleteCollection: async (_root, { input }, context) => {
    try {
      const ref = context.sources.decode(input.id, 'Collection');
      const source = context.sources.get(ref.source);
      await requirePort(source, 'collectionAdmin', 'deleting collections').deleteCollection(ref.nativeId);
      await invalidate(context.cache, 'Collection', [ref]);
      context.loaders.collections.clear(ref);
      return { deletedCollectionId: encodeGlobalId('Collection', ref.source, ref.nativeId), userErrors: [] };
    } catch (error) {
      return { deletedCollectionId: null, userErrors: userErrorsFrom(['input', 'id'], error) };
    }
  },
  addToCollection: (_root, { input }, context) =>
    membership(context, input, (port, collectionId, ids) => port.addToCollection(collectionId, ids), 'adding assets to collections'),
  removeFromCollection: (_root, { input }, context) =>
    membership(context, input, (port, collectionId, ids) => port.removeFromCollection(collectionId, ids), 'removing assets from collections'),
};
