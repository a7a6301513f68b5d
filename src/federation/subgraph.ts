// The same schema served as an Apollo Federation 2 subgraph (at /subgraph), so the gateway
// can join a company supergraph. Asset, Collection and Share become entities keyed by
// their global `id`; `_entities` resolves them through the same per-request DataLoaders as
// `nodes`, so a supergraph fetching 100 assets costs the same vendor calls as `nodes(ids:)`.
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { Kind, parse, visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context.js';
import { badUserInput } from '../errors.js';
import { MAX_NODES, decodeId, loadNode } from '../resolvers/node.js';
import { resolvers } from '../resolvers/index.js';
import { loadTypeDefs } from '../schema.js';

const ENTITIES: ReadonlySet<string> = new Set(['Asset', 'Collection', 'Share']);
const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

/** Our SDL with `@key(fields: "id")` on the entity types and the federation link. */
export function subgraphTypeDefs(): DocumentNode {
  const withKeys = (sdl: string) =>
    visit(parse(sdl), {
      ObjectTypeDefinition(node) {
        if (!ENTITIES.has(node.name.value)) return undefined;
        const key = {
          kind: Kind.DIRECTIVE,
          name: { kind: Kind.NAME, value: 'key' },
          arguments: [
            { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'fields' }, value: { kind: Kind.STRING, value: 'id' } },
          ],
        } as const;
        return { ...node, directives: [...(node.directives ?? []), key] };
      },
    });
  const documents = loadTypeDefs().map(withKeys);
  return { kind: Kind.DOCUMENT, definitions: [...parse(FEDERATION_LINK).definitions, ...documents.flatMap((doc) => doc.definitions)] };
}

// Async, so a bad representation (a malformed id, an Asset id sent as a Collection) rejects
// its own slot only, as in `nodes`, instead of nulling the whole `_entities` answer.
const resolveReference = (type: 'Asset' | 'Collection' | 'Share') => async (reference: { id: string }, context: GatewayContext) =>
  loadNode(context, decodeId(context, reference.id, type));

export function buildFederatedSchema(): GraphQLSchema {
  const entityResolvers = {
    Asset: { ...resolvers.Asset, __resolveReference: resolveReference('Asset') },
    Collection: { ...resolvers.Collection, __resolveReference: resolveReference('Collection') },
    Share: { ...resolvers.Share, __resolveReference: resolveReference('Share') },
  };
  // The generated Resolvers type and Apollo's GraphQLResolverMap describe the same map.
  const schema = buildSubgraphSchema({ typeDefs: subgraphTypeDefs(), resolvers: { ...resolvers, ...entityResolvers } as unknown as GraphQLResolverMap<unknown> });
  capRepresentations(schema);
  return schema;
}

/** `_entities` takes at most as many representations as `nodes` takes IDs. */
function capRepresentations(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()['_entities'];
  const resolve = field?.resolve;
  if (!field || !resolve) throw new Error('the subgraph schema has no _entities resolver');
  field.resolve = (source, args: { representations?: unknown }, context, info) => {
    const count = Array.isArray(args.representations) ? args.representations.length : 0;
    if (count > MAX_NODES) throw badUserInput(`"representations" may hold at most ${MAX_NODES} entities; got ${count}.`);
    return resolve(source, args, context, info);
  };
}
