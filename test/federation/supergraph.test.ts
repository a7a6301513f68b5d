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

describe('_entities limits', () => {
  const subgraphUrl = () => h.gateway.url.replace('/graphql', '/subgraph');
  const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Asset { id title } ... on Collection { id title } } }`;

  it('refuses more representations than nodes takes IDs, before any vendor call', async () => {
    const { encodeGlobalId } = await import('../../src/ids.js');
    const representations = Array.from({ length: 101 }, (_, i) => ({ __typename: 'Asset', id: encodeGlobalId('Asset', 'iconik-test', `id-${i}`) }));
    h.iconik.clearRequests();
    const res = await postJson(subgraphUrl(), { query: entities, variables: { r: representations } });
    expect(res.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(h.iconik.requests).toHaveLength(0);
  });

  it('fails only the slot of a bad representation (malformed, or an Asset id sent as a Collection)', async () => {
    const { encodeGlobalId } = await import('../../src/ids.js');
    const asset = [...h.iconik.state.assets.values()].find((a) => a.status === 'ACTIVE');
    const good = encodeGlobalId('Asset', 'iconik-test', asset?.id ?? '');
    const res = await postJson(subgraphUrl(), {
      query: entities,
      variables: { r: [{ __typename: 'Asset', id: good }, { __typename: 'Asset', id: 'garbage' }, { __typename: 'Collection', id: good }] },
    });
    const slots = res.body.data?.['_entities'] as Array<{ id: string } | null>;
    expect(slots[0]).toEqual({ id: good, title: asset?.title });
    expect(slots.slice(1)).toEqual([null, null]);
    expect(res.body.errors?.map((e) => [e.path, e.extensions?.['code']])).toEqual([
      [['_entities', 1], 'BAD_USER_INPUT'],
      [['_entities', 2], 'BAD_USER_INPUT'],
    ]);
  });
});
