import type { GatewayContext } from '../context.js';
import { badUserInput } from '../errors.js';
import type { NodeResolvers, QueryResolvers } from '../generated/resolvers-types.js';
import type { DecodedId } from '../ids.js';
import type { JobModel } from '../jobs/job-model.js';
import type { NodeModel } from '../vendors/models.js';

/** Most IDs one `nodes` call (and one `_entities` call) may carry. */
export const MAX_NODES = 100;

export function decodeId(context: GatewayContext, id: string, expectedType?: DecodedId['type']): DecodedId {
  return context.sources.decode(id, expectedType);
}

export async function loadNode(context: GatewayContext, id: DecodedId): Promise<NodeModel | JobModel | null> {
  const ref = { source: id.source, nativeId: id.nativeId };
  switch (id.type) {
    case 'Asset':
      return context.loaders.assets.load(ref);
    case 'Collection':
      return context.loaders.collections.load(ref);
    case 'Share':
      return context.loaders.shares.load(ref);
    case 'Job':
      return context.jobs.get(id.nativeId);
  }
}

export const nodeQuery: QueryResolvers = {
  node: (_root, { id }, context) => loadNode(context, decodeId(context, id)),
  nodes: (_root, { ids }, context) => {
    if (ids.length > MAX_NODES) throw badUserInput(`"ids" may hold at most ${MAX_NODES} IDs; got ${ids.length}.`);
    // Each slot is its own promise, which graphql-js completes independently: a malformed
    // ID fails only its slot (an error at nodes.<index>), before any vendor call, and the
    // valid IDs are still batched into one load per source.
    const slots = ids.map((id) => {
      try {
        return loadNode(context, decodeId(context, id));
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
