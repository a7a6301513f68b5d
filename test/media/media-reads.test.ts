// Media an app needs (issue 14): technical details, renditions with playback URLs, and custom
// metadata, read through each vendor's documented endpoints (batched per request), and
// UNSUPPORTED where a vendor has no such data.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/ids.js';
import { startDemoHarness, upstreamCalls, type DemoHarness } from '../support/gateway-harness.js';

let h: DemoHarness;
beforeAll(async () => {
  h = await startDemoHarness();
});
afterAll(async () => h.stop());
beforeEach(() => {
  for (const sim of [h.demo.iconik, h.demo.icareus, h.demo.ncp, h.demo.nomad]) sim.clearRequests();
});

const MEDIA = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Asset { id title
  media { container fileSize width height frameRate videoCodec audioCodec bitRate }
  renditions { kind name format fileSize width height bitRate url urlExpiresAt }
  metadata { key type values } } } }`;

const iconikId = (title: string) => {
  const asset = [...h.demo.iconik.state.assets.values()].find((a) => a.title === title);
  return encodeGlobalId('Asset', 'iconik-demo', asset?.id ?? 'missing');
};

describe('iconik', () => {
  it('reads details from the ORIGINAL format, renditions from files and proxies, metadata from the metadata service', async () => {
    const response = await h.gql(MEDIA, { ids: [iconikId('Spring Hero Film 30s')] });
    expect(response.body.errors).toBeUndefined();
    const asset = (response.body.data?.['nodes'] as Array<Record<string, unknown>>)[0];
    expect(asset?.['media']).toEqual({ container: 'QuickTime', fileSize: 168_750_000, width: 1920, height: 1080, frameRate: 25, videoCodec: 'ProRes', audioCodec: 'PCM', bitRate: 45_000_000 });
    const renditions = asset?.['renditions'] as Array<Record<string, unknown>>;
    expect(renditions.map((r) => [r['kind'], r['format'], r['width'], r['height']])).toEqual([['ORIGINAL', 'MOV', null, null], ['PROXY', 'MP4', 1280, 720]]);
    for (const rendition of renditions) {
      expect(rendition['url']).toMatch(/X-Amz-Signature=/);
      // The URL says it works for an hour from when it was signed.
      const expires = Date.parse(String(rendition['urlExpiresAt']));
      expect(expires - Date.now()).toBeGreaterThan(3_500_000);
      expect(expires - Date.now()).toBeLessThanOrEqual(3_600_000);
    }
    expect(asset?.['metadata']).toEqual([
      { key: 'description', type: 'TEXT', values: ['30-second cutdown of the hero film.'] },
      { key: 'keywords', type: 'TEXT', values: ['spring', 'social'] },
      { key: 'rights_holder', type: 'TEXT', values: ['Brand Studio'] },
    ]);
    // formats once (shared by media and renditions), files, proxies, metadata: after the search.
    const calls = upstreamCalls(h.demo.iconik).map((call) => call.replace(/\?.*/, ''));
    expect(calls.filter((call) => call.includes('/formats/'))).toHaveLength(1);
    expect(calls.filter((call) => call.includes('/files/v1/assets/') && call.endsWith('/files/'))).toHaveLength(1);
    expect(calls.filter((call) => call.includes('/proxies/'))).toHaveLength(1);
    expect(calls.filter((call) => call.includes('/metadata/v1/assets/'))).toHaveLength(1);
  });

  it('answers empty renditions and null details for a placeholder without media', async () => {
    const placeholder = [...h.demo.iconik.state.assets.values()].find((a) => a.type === 'PLACEHOLDER');
    const response = await h.gql(MEDIA, { ids: [encodeGlobalId('Asset', 'iconik-demo', placeholder?.id ?? '')] });
    expect(response.body.errors).toBeUndefined();
    const asset = (response.body.data?.['nodes'] as Array<Record<string, unknown>>)[0];
    expect(asset?.['media']).toBeNull();
    expect(asset?.['renditions']).toEqual([]);
  });
});

const nomadId = (name: string) => {
  const asset = [...h.demo.nomad.state.assets.values()].find((a) => a.displayName === name);
  return encodeGlobalId('Asset', 'nomad-demo', asset?.id ?? 'missing');
};

describe('Nomad', () => {
  it('reads media, renditions and metadata from one asset detail call per asset', async () => {
    const response = await h.gql(MEDIA, { ids: [nomadId('rough-cut-v3.mp4'), nomadId('score-demo.wav')] });
    expect(response.body.errors).toBeUndefined();
    const [video, audio] = response.body.data?.['nodes'] as Array<Record<string, unknown>>;
    expect(video?.['media']).toEqual({ container: 'MPEG-4', fileSize: 562_500_000, width: 1920, height: 1080, frameRate: 23.976, videoCodec: 'AVC', audioCodec: 'AAC', bitRate: 50_000_000 });
    const renditions = video?.['renditions'] as Array<Record<string, unknown>>;
    expect(renditions.map((r) => [r['kind'], r['name'], r['format']])).toEqual([
      ['ORIGINAL', 'rough-cut-v3.mp4', 'MP4'],
      ['PROXY', 'Web proxy 720p', 'MP4'],
      ['IMAGE', 'Screenshot 00:00:05', 'JPG'],
    ]);
    // The original's URL is unsigned; the proxies' carry a CloudFront-style expiry.
    expect(renditions[0]?.['urlExpiresAt']).toBeNull();
    expect(Date.parse(String(renditions[1]?.['urlExpiresAt'])) - Date.now()).toBeGreaterThan(3_500_000);
    expect(video?.['metadata']).toEqual([
      { key: 'approved', type: 'BOOLEAN', values: ['true'] },
      { key: 'project', type: 'TEXT', values: ['Feature Documentary'] },
      { key: 'tags', type: 'TEXT', values: ['feature documentary'] },
    ]);
    expect((audio?.['media'] as Record<string, unknown>)['audioCodec']).toBe('PCM');
    // Per asset: its model (the node, and the original's URL) and one detail for the rest.
    const calls = upstreamCalls(h.demo.nomad);
    expect(calls.filter((call) => call.endsWith('/detail'))).toHaveLength(2);
    expect(calls).toHaveLength(4);
  });

  it('sets custom properties through updateAsset, one value per property, and refuses several', async () => {
    const id = nomadId('festival-trailer.mp4');
    const set = await h.gql(`mutation($id: ID!) { updateAsset(input: { id: $id, metadata: [{ key: "territory", values: ["Nordics"] }, { key: "approved", values: [] }] }) {
      asset { metadata { key values } } userErrors { code message field } } }`, { id });
    expect(set.body.data?.['updateAsset']).toEqual({
      asset: { metadata: [{ key: 'project', values: ['Marketing'] }, { key: 'territory', values: ['Nordics'] }, { key: 'tags', values: ['marketing'] }] },
      userErrors: [],
    });
    const patch = h.demo.nomad.exchanges.filter((e) => e.method === 'PATCH');
    expect(patch.map((e) => e.body)).toEqual([{ customProperties: { territory: 'Nordics', approved: null } }]);
    const refused = await h.gql(`mutation($id: ID!) { updateAsset(input: { id: $id, metadata: [{ key: "territory", values: ["FI", "SE"] }] }) { asset { id } userErrors { code field message } } }`, { id });
    expect(refused.body.data?.['updateAsset']).toMatchObject({ asset: null, userErrors: [{ code: 'BAD_USER_INPUT', field: ['input', 'metadata'] }] });
    expect(h.demo.nomad.exchanges.filter((e) => e.method === 'PATCH')).toHaveLength(1);
  });

  it('orders metadata keys by code units, the same on every instance whatever its locale', async () => {
    const id = nomadId('score-demo.wav');
    const set = await h.gql(`mutation($id: ID!) { updateAsset(input: { id: $id, metadata: [{ key: "mood", values: ["calm"] }, { key: "Region", values: ["EU"] }, { key: "Zone", values: ["B"] }] }) {
      asset { metadata { key } } userErrors { code } } }`, { id });
    expect(set.body.data?.['updateAsset']).toMatchObject({ userErrors: [] });
    const keys = (set.body.data?.['updateAsset'] as { asset: { metadata: Array<{ key: string }> } }).asset.metadata.map((entry) => entry.key);
    // Upper case before lower case ('Region' < 'Zone' < 'mood'); a locale's collation puts 'mood' between them.
    expect(keys.filter((key) => ['mood', 'Region', 'Zone'].includes(key))).toEqual(['Region', 'Zone', 'mood']);
  });
});

describe('iconik metadata writes', () => {
  it('sets several values of a field and clears another, leaving the rest', async () => {
    const id = iconikId('Spring Music Bed');
    const set = await h.gql(`mutation($id: ID!) { updateAsset(input: { id: $id, metadata: [{ key: "keywords", values: ["music", "licensed"] }, { key: "rights_holder", values: [] }] }) {
      asset { metadata { key values } } userErrors { code } } }`, { id });
    expect(set.body.data?.['updateAsset']).toEqual({
      asset: { metadata: [{ key: 'description', values: ['Licensed music bed, perpetual.'] }, { key: 'keywords', values: ['music', 'licensed'] }] },
      userErrors: [],
    });
  });
});

describe('Icareus and NCP', () => {
  it('Icareus: renditions from presets (master = ORIGINAL), metadata from the descriptive fields, no technical details', async () => {
    const icareus = [...h.demo.icareus.state.assets.values()].find((a) => a.presets.length > 0 && !a.isPodcastAsset);
    const response = await h.gql(MEDIA, { ids: [encodeGlobalId('Asset', 'icareus-demo', String(icareus?.id))] });
    const asset = (response.body.data?.['nodes'] as Array<Record<string, unknown>>)[0];
    expect(asset?.['media']).toBeNull();
    expect(response.body.errors?.map((e) => [e.path?.join('.'), e.extensions?.['code'], e.extensions?.['source']])).toEqual([['nodes.0.media', 'UNSUPPORTED', 'icareus-demo']]);
    expect((asset?.['renditions'] as Array<Record<string, unknown>>).map((r) => [r['kind'], r['name'], r['format'], r['urlExpiresAt']])).toEqual([
      ['ORIGINAL', 'master', 'MP4', null],
      ['PROXY', 'Fallback (Master size and bitrate)', 'MP4', null],
    ]);
    expect(asset?.['metadata']).toEqual([
      { key: 'director', type: 'TEXT', values: ['Demo Director'] },
      { key: 'productionCompany', type: 'TEXT', values: ['Demo Productions Oy'] },
      { key: 'releaseYear', type: 'NUMBER', values: ['2026'] },
      { key: 'tags', type: 'TEXT', values: ['demo', 'video'] },
    ]);
    // One asset read, for the node, its renditions and its metadata.
    expect(upstreamCalls(h.demo.icareus).filter((call) => call.includes('getOrganizationAssets'))).toHaveLength(1);
  });

  it('NCP: details from metaData; renditions and metadata are UNSUPPORTED', async () => {
    const response = await h.gql(MEDIA, { ids: [encodeGlobalId('Asset', 'ncp-demo', '5678/1005')] });
    const asset = (response.body.data?.['nodes'] as Array<Record<string, unknown>>)[0];
    expect(asset?.['title']).toBe('opening-sketch.mov');
    expect(asset?.['media']).toEqual({ container: 'mov', fileSize: 13_256_712, width: 3840, height: 2160, frameRate: null, videoCodec: null, audioCodec: null, bitRate: null });
    expect(asset?.['renditions']).toBeNull();
    expect(asset?.['metadata']).toBeNull();
    // The asset read for the node also gives the details.
    expect(upstreamCalls(h.demo.ncp)).toHaveLength(1);
    expect(response.body.errors?.map((e) => [e.path?.join('.'), e.extensions?.['code']])).toEqual([
      ['nodes.0.renditions', 'UNSUPPORTED'],
      ['nodes.0.metadata', 'UNSUPPORTED'],
    ]);
  });

  it('refuses metadata writes on sources without EDIT_METADATA before any call', async () => {
    const icareus = [...h.demo.icareus.state.assets.values()][0];
    const response = await h.gql(`mutation($id: ID!) { updateAsset(input: { id: $id, metadata: [{ key: "tags", values: ["x"] }] }) { asset { id } userErrors { code field } } }`, {
      id: encodeGlobalId('Asset', 'icareus-demo', String(icareus?.id)),
    });
    expect(response.body.data?.['updateAsset']).toEqual({ asset: null, userErrors: [{ code: 'UNSUPPORTED', field: null }] });
  });
});
