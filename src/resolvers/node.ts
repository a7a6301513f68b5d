import type { GatewayContext } from '../context.js';
import { badUserInput } from '../errors.js';
import type { NodeResolvers, QueryResolvers } from '../generated/resolvers-types.js';
import type { DecodedId } from '../ids.js';
import type { JobModel } from '../jobs/job-model.js';
import { readAheadOfAsset } from '../loaders/read-ahead.js';
import type { NodeModel } from '../vendors/models.js';
import { selectedFieldsOn } from './selected-fields.js';

/** Most IDs one `nodes` call (and one `_entities` call) may carry. */
export const MAX_NODES = 100;

export function decodeId(context: GatewayContext, id: string, expectedType?: DecodedId['type']): DecodedId {
  return context.sources.decode(id, expectedType);
}

/**
 * The object behind an ID, read through the request's loaders. `assetFields`: the Asset
 * fields the client selected on it, whose reads that need only the ID start now, with the
 * asset's own (../loaders/read-ahead.ts).
 */
export async function loadNode(context: GatewayContext, id: DecodedId, assetFields: ReadonlySet<string> = new Set()): Promise<NodeModel | JobModel | null> {
  const ref = { source: id.source, nativeId: id.nativeId };
  switch (id.type) {
    case 'Asset': {
      // The asset's own read first: a media read that needs the same vendor document then
      // shares it (RequestDocuments) instead of reading it a second time.
      const asset = context.loaders.assets.load(ref);
      readAheadOfAsset(context, ref, assetFields);
      return asset;
    }
    case 'Collection':
      return context.loaders.collections.load(ref);
    case 'Share':
      return context.loaders.shares.load(ref);
    case 'Job':
      return context.jobs.get(id.nativeId);
  }
}

export const nodeQuery: QueryResolvers = {
  node: (_root, { id }, context, info) => loadNode(context, decodeId(context, id), selectedFieldsOn(info, 'Asset')),
  nodes: (_root, { ids }, context, info) => {
    if (ids.length > MAX_NODES) throw badUserInput(`"ids" may hold at most ${MAX_NODES} IDs; got ${ids.length}.`);
    const assetFields = selectedFieldsOn(info, 'Asset');
    // Each slot is its own promise, which graphql-js completes independently: a malformed
    // ID fails only its slot (an error at nodes.<index>), before any vendor call, and the
    // valid IDs are still batched into one load per source.
    const slots = ids.map((id) => {
      try {
        return loadNode(context, decodeId(context, id), assetFields);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    // The generated type has no notion of per-item promises that may resolve to null.
    return slots as unknown as Array<NodeModel | JobModel | null>;
  },
};

export const nodeInterface: NodeResolvers = {
  __resolveType: (model) => model.objectType,
};
