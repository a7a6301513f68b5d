import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/ids.js';
import { startHarness, upstreamCalls, type Harness } from '../support/gateway-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.stop());
beforeEach(() => h.iconik.clearRequests());

type Edges<T> = { edges: Array<{ node: T }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

describe('shares', () => {
  it('lists an asset\'s shares with recipients and target, and resolves a share by id', async () => {
    const res = await h.gql(`{ assets(first: 1, filter: { search: "Hero Film 60s" }) { edges { node { title shares { edges { node {
      id title url expiresAt allowDownload allowComments recipients target { __typename ... on Asset { title } } } } } } } } }`);
    expect(res.body.errors).toBeUndefined();
    type ShareNode = { id: string; title: string; url: string; recipients: string[]; allowDownload: boolean; allowComments: boolean; target: unknown; expiresAt: string };
    const asset = (res.body.data?.['assets'] as Edges<{ shares: Edges<ShareNode> }>).edges[0]?.node;
    const shares = asset?.shares.edges.map((e) => e.node) ?? [];
    expect(shares.map((s) => s.title).sort()).toEqual(['Hero film - broadcaster delivery', 'Hero film for client approval']);
    const approval = shares.find((s) => s.title === 'Hero film for client approval');
    expect(approval).toMatchObject({
      allowDownload: false,
      allowComments: true,
      recipients: ['anna.virtanen@client.example', 'brand.team@client.example'],
      target: { __typename: 'Asset', title: 'Spring Hero Film 60s' },
    });
    expect(approval?.url).toMatch(/\/share\//);
    expect(approval?.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    h.iconik.clearRequests();
    const again = await h.gql(`query($id: ID!) { node(id: $id) { ... on Share { title target { ... on Asset { title } } } } }`, { id: approval?.id });
    expect(again.body.data?.['node']).toEqual({ title: 'Hero film for client approval', target: { title: 'Spring Hero Film 60s' } });
    // iconik reads a share through its object: the share's ID carries both.
    expect(upstreamCalls(h.iconik)[0]).toMatch(/^GET \/API\/assets\/v1\/assets\/[0-9a-f-]+\/shares\/[0-9a-f-]+\/$/);
  });

  it('shares of a collection point back at the collection', async () => {
    const share = [...h.iconik.state.shares.values()].find((s) => s.object_type === 'collections');
    const id = encodeGlobalId('Share', 'iconik-test', `collections/${share?.object_id}/${share?.id}`);
    const again = await h.gql(`query($id: ID!) { node(id: $id) { ... on Share { recipients target { __typename ... on Collection { title } } } } }`, { id });
    expect(again.body.data?.['node']).toEqual({ recipients: ['studio@agency.example'], target: { __typename: 'Collection', title: 'Brand Library' } });
  });
});

describe('recycle bin', () => {
  it('lists the delete queue with deletedAt, newest deletion first', async () => {
    const res = await h.gql(`{ recycleBin(source: "iconik-test") { enabled source { name vendor }
      assets(first: 10) { edges { node { title status vendorStatus deletedAt } } pageInfo { hasNextPage } } } }`);
    expect(res.body.errors).toBeUndefined();
    const bin = res.body.data?.['recycleBin'] as {
      enabled: boolean;
      assets: Edges<{ title: string; status: string; deletedAt: string }>;
    };
    expect(bin.enabled).toBe(true);
    const nodes = bin.assets.edges.map((e) => e.node);
    expect(nodes.map((n) => n.title)).toEqual([
      'Spring Teaser 15s - Old Grade',
      'Council Meeting Test Clip',
      'Duplicate Upload - Skyline',
      'Unused Packshot Draft',
    ]);
    expect(nodes.every((n) => n.status === 'DELETED' && Date.parse(n.deletedAt) > Date.now() - 86_400_000)).toBe(true);
    expect(upstreamCalls(h.iconik)).toEqual([expect.stringMatching(/^GET \/API\/assets\/v1\/delete_queue\/assets\/\?/)]);
  });

  it('refuses an unknown source name', async () => {
    const res = await h.gql(`{ recycleBin(source: "missing") { enabled } }`);
    expect(res.body.data).toEqual({ recycleBin: null });
    expect(res.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toContain('iconik-test');
  });
});
