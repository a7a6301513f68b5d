// Shares everywhere (issue 14): Query.shares lists the shares of several objects across
// sources; Nomad's shares are listed through the asset detail, with their recipients; a
// source without shares is UNSUPPORTED in sourceErrors and errors, never silently empty.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/ids.js';
import { startDemoHarness, upstreamCalls, type DemoHarness } from '../support/gateway-harness.js';

let h: DemoHarness;
beforeAll(async () => {
  h = await startDemoHarness();
});
afterAll(async () => h.stop());

const SHARES = `query($targets: [ID!]!, $active: Boolean) { shares(first: 50, filter: { targets: $targets, activeOnly: $active }) {
  edges { node { id title url expiresAt recipients source { name } target { __typename ... on Asset { title } ... on Collection { title } } } }
  sourceErrors { source { name } code } } }`;

const iconikAsset = (title: string) => encodeGlobalId('Asset', 'iconik-demo', [...h.demo.iconik.state.assets.values()].find((a) => a.title === title)?.id ?? '');
const nomadAsset = (name: string) => encodeGlobalId('Asset', 'nomad-demo', [...h.demo.nomad.state.assets.values()].find((a) => a.displayName === name)?.id ?? '');

describe('Query.shares', () => {
  it('lists the shares of objects of several sources, names a source without shares, and resolves each share through node', async () => {
    const brand = [...h.demo.iconik.state.collections.values()].find((c) => c.title.startsWith('Brand'));
    const targets = [
      iconikAsset('Ocean Stories - Rough Cut v2'),
      encodeGlobalId('Collection', 'iconik-demo', brand?.id ?? ''),
      nomadAsset('rough-cut-v3.mp4'),
      encodeGlobalId('Asset', 'ncp-demo', '1234/1001'),
    ];
    h.clearRequests();
    const res = await h.gql(SHARES, { targets });
    const shares = res.body.data?.['shares'] as { edges: Array<{ node: Record<string, unknown> }>; sourceErrors: unknown[] };
    expect(shares.edges.map((e) => [e.node['title'], (e.node['source'] as { name: string }).name, (e.node['target'] as { title: string }).title])).toEqual([
      ['Rough cut review', 'iconik-demo', 'Ocean Stories - Rough Cut v2'],
      ['Brand library for agencies', 'iconik-demo', brand?.title],
      ['Rough cut for the distributor', 'nomad-demo', 'rough-cut-v3.mp4'],
    ]);
    // Nomad's recipients come with its share answer; iconik's from its users list.
    expect(shares.edges[2]?.node['recipients']).toEqual(['acquisitions@distributor.example']);
    expect(shares.edges[0]?.node['recipients']).toEqual(['director@ocean.example', 'producer@ocean.example', 'exec@commissioner.example']);
    expect(shares.sourceErrors).toEqual([{ source: { name: 'ncp-demo' }, code: 'UNSUPPORTED' }]);
    expect(res.body.errors?.map((e) => [e.extensions?.['code'], e.extensions?.['source']])).toEqual([['UNSUPPORTED', 'ncp-demo']]);
    expect(upstreamCalls(h.demo.nomad).filter((call) => call.endsWith('/detail'))).toHaveLength(1);

    const ids = shares.edges.map((e) => String(e.node['id']));
    const nodes = await h.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Share { title } } }`, { ids });
    expect((nodes.body.data?.['nodes'] as Array<{ id: string }>).map((n) => n.id)).toEqual(ids);
  });

  it('leaves expired shares out with activeOnly, and refuses a list without targets or with share IDs', async () => {
    const nomadShare = [...h.demo.nomad.state.shares.values()][0];
    if (nomadShare) nomadShare.expirationDate = '2020-01-01T00:00:00.000Z';
    const res = await h.gql(SHARES, { targets: [nomadAsset('rough-cut-v3.mp4')], active: true });
    expect((res.body.data?.['shares'] as { edges: unknown[] }).edges).toEqual([]);
    const all = await h.gql(SHARES, { targets: [nomadAsset('rough-cut-v3.mp4')] });
    expect((all.body.data?.['shares'] as { edges: unknown[] }).edges).toHaveLength(1);

    const empty = await h.gql(SHARES, { targets: [] });
    expect(empty.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const shareId = encodeGlobalId('Share', 'nomad-demo', nomadShare?.id ?? '');
    const wrong = await h.gql(SHARES, { targets: [shareId] });
    expect(wrong.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('Asset.shares works on Nomad now, and stays UNSUPPORTED on Icareus and NCP', async () => {
    const icareus = [...h.demo.icareus.state.assets.values()][0];
    const res = await h.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Asset { shares { edges { node { title } } } } } }`, {
      ids: [nomadAsset('rough-cut-v3.mp4'), encodeGlobalId('Asset', 'icareus-demo', String(icareus?.id)), encodeGlobalId('Asset', 'ncp-demo', '1234/1002')],
    });
    expect(res.body.data?.['nodes']).toEqual([{ shares: { edges: [{ node: { title: 'Rough cut for the distributor' } }] } }, { shares: null }, { shares: null }]);
    expect(res.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['UNSUPPORTED', 'UNSUPPORTED']);
  });
});
