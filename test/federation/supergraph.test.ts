import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphTypeDefs } from '../../src/federation/subgraph.js';
import { postJson, startHarness, upstreamCalls, type Harness } from '../support/gateway-harness.js';

// A second subgraph written for this test: it adds a review score to our Asset entity.
const reviewsTypeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Asset @key(fields: "id") {
    id: ID!
    "A score from the review team, 1-5."
    reviewScore: Int
  }
`);

let h: Harness;
let reviews: ApolloServer;
let reviewsUrl: string;
let supergraph: ApolloServer;
let supergraphUrl: string;

beforeAll(async () => {
  h = await startHarness();
  reviews = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: reviewsTypeDefs,
      resolvers: { Asset: { __resolveReference: (ref: { id: string }) => ({ id: ref.id, reviewScore: (ref.id.length % 5) + 1 }) } },
    }),
  });
  reviewsUrl = (await startStandaloneServer(reviews, { listen: { port: 0 } })).url;

  const composed = composeServices([
    { name: 'mam', typeDefs: subgraphTypeDefs(), url: h.gateway.url.replace('/graphql', '/subgraph') },
    { name: 'reviews', typeDefs: reviewsTypeDefs, url: reviewsUrl },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  supergraph = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: composed.supergraphSdl }) });
  supergraphUrl = (await startStandaloneServer(supergraph, { listen: { port: 0 } })).url;
});

afterAll(async () => {
  await supergraph.stop();
  await reviews.stop();
  await h.stop();
});

describe('federation', () => {
  it('composes with another subgraph and answers a query across both through @apollo/gateway', async () => {
    const res = await postJson(supergraphUrl, { query: '{ assets(first: 3) { edges { node { id title reviewScore } } } }' });
    expect(res.body.errors).toBeUndefined();
    const nodes = (res.body.data?.['assets'] as { edges: Array<{ node: { id: string; title: string; reviewScore: number } }> }).edges.map((e) => e.node);
    expect(nodes).toHaveLength(3);
    for (const node of nodes) expect(node.reviewScore).toBe((node.id.length % 5) + 1);
  });

  it('resolves _entities through the same loaders: 100 assets cost what nodes(ids:) costs', async () => {
    const list = await h.gql('{ assets(first: 30) { edges { node { id } } } }');
    const ids = (list.body.data?.['assets'] as { edges: Array<{ node: { id: string } }> }).edges.map((e) => e.node.id);
    h.iconik.clearRequests();
    await h.gql('query($ids: [ID!]!) { nodes(ids: $ids) { ... on Asset { title } } }', { ids });
    const viaNodes = upstreamCalls(h.iconik).length;
    h.iconik.clearRequests();
    const entities = await postJson(h.gateway.url.replace('/graphql', '/subgraph'), {
      query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Asset { title } } }',
      variables: { r: ids.map((id) => ({ __typename: 'Asset', id })) },
    });
    expect(entities.body.errors).toBeUndefined();
    expect((entities.body.data?.['_entities'] as unknown[]).length).toBe(ids.length);
    expect(upstreamCalls(h.iconik).length).toBe(viaNodes);
    expect(viaNodes).toBe(1);
  });

  it('serves the subgraph SDL for rover and routers', async () => {
    const res = await postJson(h.gateway.url.replace('/graphql', '/subgraph'), { query: '{ _service { sdl } }' });
    const sdl = (res.body.data?.['_service'] as { sdl: string }).sdl;
    expect(sdl).toContain('type Asset implements Node');
    expect(sdl).toMatch(/@key\(fields: "id"\)/);
    expect(print(subgraphTypeDefs())).toContain('@link');
  });
});
