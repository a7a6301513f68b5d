// The representative operations the benchmark measures (and test/bench/ checks for call
// count regressions), with the lower bound of upstream calls each vendor's API allows and
// the critical path (round trips that must happen one after another).
import { encodeGlobalId } from '../src/ids.js';
import type { DemoSimulators } from '../simulators/index.js';

export interface BenchOperation {
  readonly name: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
  /** Fewest upstream calls the vendor APIs allow for this operation, and how it is derived. */
  readonly lowerBound: number;
  readonly derivation: string;
  /** Upstream round trips that must happen one after another. */
  readonly criticalPath: number;
  readonly write: boolean;
}

/** Per-id reads of one vendor run as wide as its pool (maxConnections, default 64). */
const POOL = 64;
const waves = (n: number) => Math.max(1, Math.ceil(n / POOL));

function activeIds(demo: DemoSimulators) {
  return {
    iconik: [...demo.iconik.state.assets.values()].filter((a) => a.status === 'ACTIVE').map((a) => a.id),
    icareus: [...demo.icareus.state.assets.values()].filter((a) => a.organizationId === 2631609).map((a) => String(a.id)),
    ncp: [...demo.ncp.state.assets.values()].map((a) => `${a.projectId}/${a.assetId}`),
    nomad: [...demo.nomad.state.assets.values()].filter((a) => a.assetType === 'File').map((a) => a.id),
  };
}

/** `count` asset ids, as even a mix of the four vendors as the demo data allows. */
function mixedAssetIds(demo: DemoSimulators, count: number) {
  const ids = activeIds(demo);
  const picked: Record<keyof typeof ids, string[]> = { iconik: [], icareus: [], ncp: [], nomad: [] };
  const order = ['iconik', 'icareus', 'ncp', 'nomad'] as const;
  for (let i = 0, total = 0; total < count && i < 1000; i++) {
    for (const vendor of order) {
      const next = ids[vendor][picked[vendor].length];
      if (next !== undefined && total < count) {
        picked[vendor].push(next);
        total++;
      }
    }
  }
  const global = order.flatMap((vendor) => picked[vendor].map((id) => encodeGlobalId('Asset', `${vendor}-demo`, id)));
  return { picked, global };
}

export function assetsWithCollectionsAndShares(demo: DemoSimulators): BenchOperation {
  const { picked, global } = mixedAssetIds(demo, 50);
  const nomadCollections = new Set(picked.nomad.flatMap((id) => demo.nomad.state.assets.get(id)?.collections.map((c) => c.id) ?? []));
  const nomadShares = [...demo.nomad.state.shares.values()].filter((share) => picked.nomad.includes(share.assetId)).length;
  const ncpProjects = new Set(picked.ncp.map((id) => id.split('/')[0]));
  const lowerBound =
    2 + picked.iconik.length + picked.icareus.length + 1 + picked.ncp.length + (ncpProjects.size > 0 ? 1 : 0) + 2 * picked.nomad.length + nomadCollections.size + nomadShares;
  return {
    name: '50 mixed assets + collections + shares',
    query: `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Asset { title status collections { edges { node { title } } } shares { edges { node { title url } } } } } }`,
    variables: { ids: global },
    lowerBound,
    derivation:
      `iconik 1 search for ${picked.iconik.length} assets + 1 search for their collections + ${picked.iconik.length} share lists (no multi-asset share read); ` +
      `Icareus ${picked.icareus.length} single reads + 1 folder read; NCP ${picked.ncp.length} single reads + 1 project list; ` +
      `Nomad ${picked.nomad.length} single reads + ${picked.nomad.length} asset details (the by-id model has no collections; the detail carries the parent folders too) + ${nomadCollections.size} collections + ${nomadShares} shares (the detail, read once per asset for collections and shares, names them; no multi-id reads)`,
    criticalPath: Math.max(...Object.values(picked).map((ids) => waves(ids.length))) + 1,
    write: false,
  };
}

/** What a media picker reads: technical details, renditions and custom fields of 20 mixed assets. */
export function mediaOfMixedAssets(demo: DemoSimulators): BenchOperation {
  const { picked, global } = mixedAssetIds(demo, 20);
  const lowerBound = 1 + 4 * picked.iconik.length + picked.icareus.length + picked.ncp.length + 2 * picked.nomad.length;
  return {
    name: 'media of 20 mixed assets',
    query: `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Asset { title media { container width height } renditions { kind url urlExpiresAt } metadata { key values } } } }`,
    variables: { ids: global },
    lowerBound,
    derivation:
      `iconik 1 search + 4 per asset for ${picked.iconik.length} (formats, files, proxies, metadata: no multi-asset form); ` +
      `Icareus ${picked.icareus.length} and NCP ${picked.ncp.length} single reads that carry their media; ` +
      `Nomad ${picked.nomad.length} single reads + ${picked.nomad.length} asset details`,
    // Every one of these reads needs the asset's id alone, so all go out at once (the
    // gateway starts them with the asset reads: src/loaders/read-ahead.ts); a vendor's
    // calls beyond its pool wait for a second wave.
    criticalPath: Math.max(waves(1 + 4 * picked.iconik.length), waves(picked.icareus.length), waves(picked.ncp.length), waves(2 * picked.nomad.length)),
    write: false,
  };
}

export function collectionTree(demo: DemoSimulators): BenchOperation {
  const collections = [...demo.iconik.state.collections.values()].filter((c) => c.status === 'ACTIVE');
  const top = collections.filter((c) => c.parent_id === null);
  const level2 = collections.filter((c) => top.some((t) => t.id === c.parent_id));
  const level3 = collections.filter((c) => level2.some((t) => t.id === c.parent_id));
  return {
    name: 'collection tree, 3 levels, with assets',
    query: `{ collections(first: 20, filter: { sources: ["iconik-demo"], topLevelOnly: true }) { edges { node { title
      children(first: 5) { edges { node { title children(first: 5) { edges { node { title assets(first: 10) { edges { node { title } } } } } } } } } } } } }`,
    variables: {},
    lowerBound: 1 + top.length + level2.length + level3.length,
    derivation: `1 top-level list + one contents call per collection (no multi-collection contents read): ${top.length} + ${level2.length} + ${level3.length}`,
    criticalPath: 4,
    write: false,
  };
}

/** Adds assets until every vendor has at least `perVendor` (the demo seeds fewer for some). */
function ensureAssets(demo: DemoSimulators, perVendor: number): void {
  const have = activeIds(demo);
  const ncpTemplate = [...demo.ncp.state.assets.values()][0];
  for (let i = have.ncp.length; ncpTemplate && i < perVendor; i++) {
    const assetId = 5000 + i;
    demo.ncp.state.assets.set(assetId, { ...structuredClone(ncpTemplate), assetId, fileName: `bench-${assetId}.mp4` });
  }
  const missing = (vendor: 'iconik' | 'icareus' | 'nomad') => Math.max(0, perVendor - have[vendor].length);
  for (const vendor of ['iconik', 'icareus', 'nomad'] as const) {
    if (missing(vendor) > 0) seedDeletable(demo, missing(vendor), `extra-${vendor}`, [vendor]);
  }
}

export function nodesOf100(demo: DemoSimulators): BenchOperation {
  ensureAssets(demo, 25);
  const { picked, global } = mixedAssetIds(demo, 100);
  return {
    name: `nodes of ${global.length} mixed ids`,
    query: `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Asset { title status } } }`,
    variables: { ids: global },
    lowerBound: 1 + picked.icareus.length + picked.ncp.length + picked.nomad.length,
    derivation: `iconik 1 search for ${picked.iconik.length}; Icareus ${picked.icareus.length}, NCP ${picked.ncp.length}, Nomad ${picked.nomad.length} single reads`,
    criticalPath: Math.max(...Object.values(picked).map((ids) => waves(ids.length))),
    write: false,
  };
}

/** Adds `perVendor` fresh assets to each simulator and returns their global IDs, mixed. */
export function seedDeletable(demo: DemoSimulators, perVendor: number, tag: string, vendors = ['iconik', 'icareus', 'ncp', 'nomad']): string[] {
  const ids: string[] = [];
  const iconikTemplate = [...demo.iconik.state.assets.values()].find((a) => a.status === 'ACTIVE');
  const icareusTemplate = [...demo.icareus.state.assets.values()][0];
  const nomadTemplate = [...demo.nomad.state.assets.values()].find((a) => a.assetType === 'File' && a.assetStatus === 'Available');
  const ncpAsset = [...demo.ncp.state.assets.values()][0];
  for (let i = 0; i < perVendor; i++) {
    if (vendors.includes('iconik') && iconikTemplate) {
      const id = `${tag}-iconik-${i}`;
      demo.iconik.state.assets.set(id, { ...structuredClone(iconikTemplate), id });
      ids.push(encodeGlobalId('Asset', 'iconik-demo', id));
    }
    if (vendors.includes('icareus') && icareusTemplate) {
      const id = 30_000_000 + demo.icareus.state.assets.size + i * 7919;
      demo.icareus.state.assets.set(id, { ...structuredClone(icareusTemplate), id });
      ids.push(encodeGlobalId('Asset', 'icareus-demo', String(id)));
    }
    if (vendors.includes('nomad') && nomadTemplate) {
      const id = `${tag}-nomad-${i}`;
      demo.nomad.state.assets.set(id, { ...structuredClone(nomadTemplate), id });
      ids.push(encodeGlobalId('Asset', 'nomad-demo', id));
    }
    if (vendors.includes('ncp') && ncpAsset) {
      const assetId = 100_000 + demo.ncp.state.assets.size + i * 7919;
      demo.ncp.state.assets.set(assetId, { ...structuredClone(ncpAsset), assetId, fileName: `${tag}-ncp-${i}.mp4` });
      ids.push(encodeGlobalId('Asset', 'ncp-demo', `${ncpAsset.projectId}/${assetId}`));
    }
  }
  return ids;
}

export const DELETE_ASSETS_MUTATION = `mutation($ids: [ID!]!) { deleteAssets(input: { ids: $ids }) { results { ok error { code } } } }`;

export function deleteMixed(demo: DemoSimulators, total: number, tag: string): BenchOperation {
  const perVendor = Math.floor(total / 4);
  const ids = seedDeletable(demo, perVendor, tag);
  const iconikCalls = Math.ceil(perVendor / 500);
  const nomadCalls = Math.ceil(perVendor / 500);
  return {
    name: `deleteAssets, ${total} mixed ids`,
    query: DELETE_ASSETS_MUTATION,
    variables: { ids },
    // iconik's delete queue answers 204 for the list, whatever it holds, and the mutation
    // reports one outcome per id: which ids name assets (a search before) and what became of
    // them (a search after) take one search each per 500 ids, whatever the gateway.
    lowerBound: 3 * iconikCalls + 2 * perVendor + nomadCalls,
    derivation:
      `iconik ${iconikCalls} delete_queue call(s) (500 ids each) + ${2 * iconikCalls} search(es) before and after for the per-id outcome (the queue answers 204 without one); ` +
      `Icareus ${perVendor} deleteAsset calls (no batch); Nomad ${nomadCalls} batch delete; NCP ${perVendor} DELETE calls (no batch)`,
    criticalPath: Math.max(waves(perVendor), 1),
    write: true,
  };
}
