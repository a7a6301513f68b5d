// The same schema served as an Apollo Federation 2 subgraph (at /subgraph), so the gateway
// can join a company supergraph. Asset, Collection and Share become entities keyed by
// their global `id`; `_entities` resolves them through the same per-request DataLoaders as
// `nodes`, so a supergraph fetching 100 assets costs the same vendor calls as `nodes(ids:)`.
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { Kind, parse, visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context.js';
import { decodeId, loadNode } from '../resolvers/node.js';
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

const resolveReference = (type: 'Asset' | 'Collection' | 'Share') => (reference: { id: string }, context: GatewayContext) =>
  loadNode(context, decodeId(context, reference.id, type));

export function buildFederatedSchema(): GraphQLSchema {
  const entityResolvers = {
    Asset: { ...resolvers.Asset, __resolveReference: resolveReference('Asset') },
    Collection: { ...resolvers.Collection, __resolveReference: resolveReference('Collection') },
    Share: { ...resolvers.Share, __resolveReference: resolveReference('Share') },
  };
  // The generated Resolvers type and Apollo's GraphQLResolverMap describe the same map.
  return buildSubgraphSchema({ typeDefs: subgraphTypeDefs(), resolvers: { ...resolvers, ...entityResolvers } as unknown as GraphQLResolverMap<unknown> });
}
