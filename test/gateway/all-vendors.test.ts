import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDemoHarness, upstreamCalls, type DemoHarness } from '../support/gateway-harness.js';

let h: DemoHarness;
beforeAll(async () => {
  h = await startDemoHarness();
});
afterAll(async () => h.stop());
beforeEach(() => h.clearRequests());

type Edges<T> = { edges: Array<{ node: T }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
interface AssetNode {
  id: string;
  title: string;
  kind: string | null;
  status: string;
  vendorStatus: string | null;
  durationMs: number | null;
  createdAt: string | null;
  source: { name: string; vendor: string };
  collections: Edges<{ title: string }>;
}
const ASSET_FIELDS = 'id title kind status vendorStatus durationMs createdAt source { name vendor } collections { edges { node { title } } }';

async function allAssets(): Promise<AssetNode[]> {
  const res = await h.gql(`{ assets(first: 100) { edges { node { ${ASSET_FIELDS} } } } }`);
  expect(res.body.errors).toBeUndefined();
  return (res.body.data?.['assets'] as Edges<AssetNode>).edges.map((e) => e.node);
}

describe('four vendors in one schema', () => {
  it('lists every source with honest capabilities', async () => {
    const res = await h.gql('{ sources { name vendor capabilities } }');
    expect(res.body.data?.['sources']).toEqual([
      {
        name: 'iconik-demo',
        vendor: 'ICONIK',
        capabilities: [
          'COLLECTIONS',
          'NESTED_COLLECTIONS',
          'MULTIPLE_COLLECTIONS_PER_ASSET',
          'SHARES',
          'RECYCLE_BIN',
          'SEARCH',
          'EDIT_ASSETS',
          'DELETE_ASSETS',
          'MOVE_ASSETS',
          'MANAGE_COLLECTIONS',
          'COLLECTION_MEMBERSHIP',
          'CREATE_SHARES',
          'MANAGE_SHARES',
          'MEDIA_DETAILS',
          'RENDITIONS',
          'METADATA',
          'EDIT_METADATA',
          'DOWNLOAD_ORIGINAL',
          'UPLOAD',
          'WEBHOOKS',
        ],
      },
      {
        name: 'icareus-demo',
        vendor: 'ICAREUS',
        capabilities: ['COLLECTIONS', 'NESTED_COLLECTIONS', 'RECYCLE_BIN', 'SEARCH', 'DELETE_ASSETS', 'COPY_ASSETS', 'MOVE_ASSETS', 'RENDITIONS', 'METADATA', 'DOWNLOAD_ORIGINAL'],
      },
      { name: 'ncp-demo', vendor: 'NCP_MEDIA_INTELLIGENCE', capabilities: ['COLLECTIONS', 'DELETE_ASSETS', 'MOVE_ASSETS', 'MEDIA_DETAILS'] },
      {
        name: 'nomad-demo',
        vendor: 'NOMAD',
        capabilities: [
          'COLLECTIONS',
          'NESTED_COLLECTIONS',
          'MULTIPLE_COLLECTIONS_PER_ASSET',
          'SHARES',
          'SEARCH',
          'EDIT_ASSETS',
          'DELETE_ASSETS',
          'COPY_ASSETS',
          'MOVE_ASSETS',
          'ARCHIVE',
          'MANAGE_COLLECTIONS',
          'COLLECTION_MEMBERSHIP',
          'CREATE_SHARES',
          'MANAGE_SHARES',
          'MEDIA_DETAILS',
          'RENDITIONS',
          'METADATA',
          'EDIT_METADATA',
          'DOWNLOAD_ORIGINAL',
          'UPLOAD',
        ],
      },
    ]);
  });

  it('returns a mix of all four vendors in one assets query, each resolvable again through nodes', async () => {
    const assets = await allAssets();
    const vendors = new Set(assets.map((a) => a.source.vendor));
    expect([...vendors].sort()).toEqual(['ICAREUS', 'ICONIK', 'NCP_MEDIA_INTELLIGENCE', 'NOMAD']);

    const sample = ['ICONIK', 'ICAREUS', 'NCP_MEDIA_INTELLIGENCE', 'NOMAD'].flatMap((vendor) =>
      assets.filter((a) => a.source.vendor === vendor).slice(0, 3),
    );
    h.clearRequests();
    const res = await h.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Asset { ${ASSET_FIELDS} } } }`, {
      ids: sample.map((a) => a.id),
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.['nodes']).toEqual(sample);
    // iconik batches ids into one search for the assets and one for their collections.
    const iconikCalls = upstreamCalls(h.demo.iconik);
    expect(iconikCalls).toHaveLength(2);
    expect(iconikCalls.every((c) => c.startsWith('POST /API/search/v1/search/'))).toBe(true);
  });

  it('maps each vendor\'s fields and statuses', async () => {
    const byTitle = new Map((await allAssets()).map((a) => [a.title, a]));
    // Icareus: per-language names, duration in seconds, transcodingStatus, organization + folder.
    expect(byTitle.get('Morning News 23.11.')).toMatchObject({
      kind: 'VIDEO',
      status: 'AVAILABLE',
      vendorStatus: 'transcodingStatus=1',
      durationMs: 612_000,
      collections: { edges: [{ node: { title: 'Organization 2631609' } }, { node: { title: 'News clips' } }] },
    });
    expect(byTitle.get('Ferry Line Reopens')).toMatchObject({ status: 'PROCESSING', vendorStatus: 'transcodingStatus=0' });
    expect(byTitle.get('Tech Talk Episode 41')).toMatchObject({ kind: 'AUDIO' });
    // NCP: metaData.durationMs, format -> kind, KST times -> UTC, project as the collection.
    expect(byTitle.get('ep01-trailer.mp4')).toMatchObject({
      kind: 'VIDEO',
      status: 'AVAILABLE',
      durationMs: 92_161,
      createdAt: '2026-10-31T05:00:00.000Z',
      collections: { edges: [{ node: { title: 'Drama Season 3 Promos' } }] },
    });
    expect(byTitle.get('poster-main.jpg')).toMatchObject({ kind: 'IMAGE', durationMs: null });
    // Nomad: named statuses onto the unified enum, the parent folder as the collection.
    expect(byTitle.get('day02-cam-a.mxf')).toMatchObject({ status: 'UPLOADING', vendorStatus: 'Uploading', kind: 'VIDEO' });
    expect(byTitle.get('broken-upload.mov')).toMatchObject({ status: 'ERROR', vendorStatus: 'Error' });
    expect(byTitle.get('2021-teaser.mp4')).toMatchObject({ status: 'ARCHIVED', vendorStatus: 'Archived' });
    expect(byTitle.get('press-kit.pdf')).toMatchObject({ kind: 'DOCUMENT', collections: { edges: [{ node: { title: 'Marketing' } }] } });
  });

  it('walks each vendor\'s collection tree', async () => {
    const res = await h.gql(`{ collections(first: 100, filter: { topLevelOnly: true }) { edges { node {
      id title source { vendor } children { edges { node { id title } } }
    } } } }`);
    expect(res.body.errors).toBeUndefined();
    type Node = { id: string; title: string; source?: { vendor: string }; ancestors?: Array<{ title: string }>; children?: Edges<Node>; assets?: Edges<{ title: string }> };
    const top = (res.body.data?.['collections'] as Edges<Node>).edges.map((e) => e.node);
    const byVendor = (vendor: string) => top.filter((c) => c.source?.vendor === vendor).map((c) => c.title);
    expect(byVendor('ICAREUS')).toEqual(['Organization 2631609', 'Organization 2631610']);
    expect(byVendor('NCP_MEDIA_INTELLIGENCE')).toEqual(['Drama Season 3 Promos', 'Variety Show Clips', 'Brand Films']);
    expect(byVendor('NOMAD')).toEqual(['nomad-demo-media']);

    const icareusFolders = top.find((c) => c.title === 'Organization 2631609')?.children?.edges.map((e) => e.node.title);
    expect(icareusFolders?.sort()).toEqual(['Events', 'News clips', 'Podcasts']);

    // Nomad, three levels below the bucket, from the Productions folder down.
    const productions = top.find((c) => c.source?.vendor === 'NOMAD')?.children?.edges.find((e) => e.node.title === 'Productions')?.node;
    const tree = await h.gql(`query($id: ID!) { node(id: $id) { ... on Collection { children { edges { node { title ancestors { title }
      children { edges { node { title ancestors { title } assets { edges { node { title } } } } } } } } } } } }`, { id: productions?.id });
    expect(tree.body.errors).toBeUndefined();
    const feature = (tree.body.data?.['node'] as Node).children?.edges[0]?.node;
    expect(feature?.ancestors?.map((a) => a.title)).toEqual(['nomad-demo-media', 'Productions']);
    const dailies = feature?.children?.edges[0]?.node;
    expect(dailies?.ancestors?.map((a) => a.title)).toEqual(['nomad-demo-media', 'Productions', 'Feature Documentary']);
    expect(dailies?.assets?.edges.map((e) => e.node.title)).toEqual(['day01-cam-a.mxf', 'day01-cam-b.mxf', 'day02-cam-a.mxf']);
  });

  it('shows each source\'s recycle bin as the vendor has it', async () => {
    const res = await h.gql(`{
      icareus: recycleBin(source: "icareus-demo") { enabled assets { edges { node { title status deletedAt } } } }
      ncp: recycleBin(source: "ncp-demo") { enabled assets { edges { node { title } } } }
      nomad: recycleBin(source: "nomad-demo") { enabled assets { edges { node { title } } } }
    }`);
    // NCP and Nomad have no recycle bin: null, with UNSUPPORTED for each in `errors`.
    expect(res.body.errors?.map((e) => [e.path?.[0], e.extensions?.['code']])).toEqual([
      ['ncp', 'UNSUPPORTED'],
      ['nomad', 'UNSUPPORTED'],
    ]);
    const data = res.body.data as Record<string, { enabled: boolean; assets: Edges<{ title: string; status: string; deletedAt: string }> } | null>;
    expect(data['icareus']?.enabled).toBe(true);
    expect(data['icareus']?.assets.edges.map((e) => e.node.title)).toEqual(['Old Weather Graphics Test', 'Duplicate Podcast Upload']);
    expect(data['icareus']?.assets.edges.every((e) => e.node.status === 'DELETED' && e.node.deletedAt)).toBe(true);
    expect(data['ncp']).toBeNull();
    expect(data['nomad']).toBeNull();
    // Icareus is asked whether its bin is enabled; NCP and Nomad have no bin to ask about.
    expect(upstreamCalls(h.demo.icareus).every((c) => c.includes('/api/recyclebin?action='))).toBe(true);
    expect(h.demo.ncp.requests).toHaveLength(0);
    expect(h.demo.nomad.requests).toHaveLength(0);
  });

  it('sends each vendor its documented auth and parameters', async () => {
    await h.gql(`{ assets(first: 5, filter: { search: "a", sources: ["icareus-demo", "nomad-demo"] }) { edges { cursor } } }`);
    const icareus = h.demo.icareus.requests[0];
    expect(icareus?.headers['authorization']).toMatch(/^Bearer .+/);
    expect(icareus?.url).toMatch(/^\/api\/archive\?action=getOrganizationAssets&organizationId=2631609&languageId=en_US&skip=0&limit=6&keyword=a/);
    await h.gql(`{ assets(first: 5, filter: { search: "a", sources: ["nomad-demo"] }) { edges { cursor } } }`);
    const nomad = h.demo.nomad.requests[0];
    expect(nomad?.method).toBe('POST');
    expect(nomad?.headers['authorization']).toMatch(/^Bearer .+/);
    // NCP has no search: it is reported, not silently ignored.
    expect(h.demo.ncp.requests).toHaveLength(0);
    const res = await h.gql(`{ assets(first: 5, filter: { search: "a", sources: ["ncp-demo"] }) { edges { cursor } } }`);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNSUPPORTED', source: 'ncp-demo' });
  });

  it('signs every NCP call', async () => {
    await h.gql(`{ assets(first: 100, filter: { sources: ["ncp-demo"] }) { edges { cursor } } }`);
    expect(h.demo.ncp.requests.length).toBeGreaterThan(0);
    for (const request of h.demo.ncp.requests) {
      expect(request.headers['x-ncp-apigw-timestamp']).toMatch(/^\d{13}$/);
      expect(request.headers['x-ncp-iam-access-key']).toMatch(/^DEMO/);
      expect(request.headers['x-ncp-apigw-signature-v2']).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    }
  });
});

describe('vendor error conventions become typed errors', () => {
  let broken: DemoHarness;
  beforeAll(async () => {
    broken = await startDemoHarness((sources) => {
      for (const source of sources) {
        const credentials = source['credentials'] as Record<string, string>;
        if (source['vendor'] === 'ICAREUS') credentials['userToken'] = 'wrong';
        if (source['vendor'] === 'NCP_MEDIA_INTELLIGENCE') credentials['secretKey'] = 'wrong';
        if (source['vendor'] === 'NOMAD') credentials['token'] = 'wrong';
      }
    });
  });
  afterAll(async () => broken.stop());

  it('reports Icareus\' HTTP 200 "status":"error", NCP\'s gateway 401 and Nomad\'s 401 per source, and still serves iconik', async () => {
    const res = await broken.gql(`{ assets(first: 100) { edges { node { source { vendor } } } } }`);
    const vendors = new Set((res.body.data?.['assets'] as Edges<{ source: { vendor: string } }>).edges.map((e) => e.node.source.vendor));
    expect([...vendors]).toEqual(['ICONIK']);
    const bySource = new Map(res.body.errors?.map((e) => [e.extensions?.['source'], e]));
    expect(bySource.get('icareus-demo')).toMatchObject({
      message: 'ICAREUS source "icareus-demo" reported an error: invalid-token.',
      extensions: { code: 'UNAUTHENTICATED', vendor: 'ICAREUS' },
    });
    expect(bySource.get('ncp-demo')).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED', vendor: 'NCP_MEDIA_INTELLIGENCE', upstreamStatus: 401 },
    });
    expect(bySource.get('ncp-demo')?.message).toContain('Authentication Failed');
    expect(bySource.get('nomad-demo')).toMatchObject({ extensions: { code: 'UNAUTHENTICATED', vendor: 'NOMAD', upstreamStatus: 401 } });
  });
});
