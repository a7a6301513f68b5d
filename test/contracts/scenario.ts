// Drives every kind of vendor call the gateway makes, through the gateway, against the
// demo simulators: reads of every shape, then each mutation. The contract tests check what
// went over the wire (the simulators' exchanges) against each vendor's reference.
import { encodeGlobalId } from '../../src/ids.js';
import type { DemoHarness } from '../support/gateway-harness.js';

type Json = Record<string, unknown>;

export async function runScenario(h: DemoHarness): Promise<void> {
  const gql = async (query: string, variables?: Json) => {
    const res = await h.gql(query, variables);
    if (res.status !== 200) throw new Error(`scenario step failed: ${res.text.slice(0, 300)}`);
    return res.body.data ?? {};
  };
  const { iconik, icareus, ncp, nomad } = h.demo;

  // Reads: lists with search, trees, by-id reads, shares, bins, nested fields.
  await gql(`{ sources { name capabilities } }`);
  await gql(`{ assets(first: 40) { edges { node { id title status kind durationMs thumbnailUrl collections(first: 5) { edges { node { title ancestors { title } } } } } } } }`);
  await gql(`{ assets(first: 40) { edges { node { id shares(first: 5) { edges { node { id title url recipients target { __typename } } } } } } } }`);
  await gql(`{ assets(first: 5, filter: { search: "film" }) { edges { node { id } } } }`);
  // Media of assets of every source: technical details, renditions, custom metadata.
  await gql(`{ assets(first: 80) { edges { node { id media { container width } renditions { kind url } metadata { key values } } } } }`);
  const level = (inner: string) => `children(first: 5) { edges { node { title ${inner} } } } assets(first: 5) { edges { node { title } } }`;
  await gql(`{ collections(first: 30) { edges { node { id title ${level('')} } } } }`);
  await gql(`{ collections(first: 5, filter: { topLevelOnly: true }) { edges { node { id title ${level(level(''))} } } } }`);
  await gql(`{ collections(first: 10, filter: { topLevelOnly: true }) { edges { node { id } } } }`);
  const iconikShare = [...iconik.state.shares.values()][0];
  const nomadFile = [...nomad.state.assets.values()].find((a) => a.assetType === 'File' && a.assetStatus === 'Available');
  const nomadFolder = [...nomad.state.assets.values()].find((a) => a.displayName === 'Dailies');
  const ncpAsset = [...ncp.state.assets.values()][0];
  const icareusAsset = [...icareus.state.assets.values()].find((a) => a.organizationId === 2631609);
  await gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Asset { title } ... on Collection { title ancestors { title } } ... on Share { title recipients } } }`, {
    ids: [
      encodeGlobalId('Asset', 'iconik-demo', [...iconik.state.assets.keys()][0] ?? ''),
      encodeGlobalId('Asset', 'iconik-demo', '00000000-0000-4000-8000-000000000000'),
      encodeGlobalId('Collection', 'iconik-demo', [...iconik.state.collections.keys()][0] ?? ''),
      encodeGlobalId('Share', 'iconik-demo', `${iconikShare?.object_type}/${iconikShare?.object_id}/${iconikShare?.id}`),
      encodeGlobalId('Asset', 'nomad-demo', nomadFile?.id ?? ''),
      encodeGlobalId('Collection', 'nomad-demo', nomadFolder?.id ?? ''),
      encodeGlobalId('Asset', 'ncp-demo', `${ncpAsset?.projectId}/${ncpAsset?.assetId}`),
      encodeGlobalId('Collection', 'ncp-demo', String(ncpAsset?.projectId)),
      encodeGlobalId('Asset', 'icareus-demo', String(icareusAsset?.id)),
    ],
  });
  for (const source of ['iconik-demo', 'icareus-demo']) {
    await gql(`query($s: String!) { recycleBin(source: $s) { enabled assets(first: 10) { edges { node { id title } } } } }`, { s: source });
  }

  // Writes, vendor by vendor, each through its documented endpoint.
  const asset = (source: string, id: string | number) => encodeGlobalId('Asset', source, String(id));
  const collection = (source: string, id: string | number) => encodeGlobalId('Collection', source, String(id));
  const iconikActive = [...iconik.state.assets.values()].filter((a) => a.status === 'ACTIVE').map((a) => a.id);
  const iconikCollections = [...iconik.state.collections.values()].filter((c) => c.status === 'ACTIVE').map((c) => c.id);
  const results = `results { ok asset { id status title } note error { code } }`;

  await gql(`mutation($id: ID!) { updateAsset(input: { id: $id, title: "Renamed" }) { asset { title } } }`, { id: asset('iconik-demo', iconikActive[0] ?? '') });
  await gql(`mutation($id: ID!) { updateAsset(input: { id: $id, title: "renamed.mp4" }) { asset { title } } }`, { id: asset('nomad-demo', nomadFile?.id ?? '') });
  await gql(`mutation($id: ID!) { updateAsset(input: { id: $id, description: "New", metadata: [{ key: "keywords", values: ["a", "b"] }] }) { asset { title } } }`, { id: asset('iconik-demo', iconikActive[0] ?? '') });
  await gql(`mutation($id: ID!) { updateAsset(input: { id: $id, metadata: [{ key: "territory", values: ["FI"] }, { key: "project", values: [] }] }) { asset { title } } }`, { id: asset('nomad-demo', nomadFile?.id ?? '') });
  await gql(`mutation($ids: [ID!]!) { deleteAssets(input: { ids: $ids }) { ${results} } }`, {
    ids: [asset('iconik-demo', iconikActive[1] ?? ''), asset('iconik-demo', iconikActive[2] ?? ''), asset('icareus-demo', icareusAsset?.id ?? 0),
      asset('ncp-demo', `${ncpAsset?.projectId}/${ncpAsset?.assetId}`), asset('nomad-demo', [...nomad.state.assets.values()].find((a) => a.displayName === 'broken-upload.mov')?.id ?? '')],
  });
  await gql(`mutation($ids: [ID!]!) { recoverDeletedAssets(input: { ids: $ids }) { ${results} } }`, { ids: [asset('iconik-demo', iconikActive[1] ?? ''), asset('icareus-demo', icareusAsset?.id ?? 0)] });
  await gql(`mutation($ids: [ID!]!) { purgeAssets(input: { ids: $ids }) { ${results} } }`, { ids: [asset('iconik-demo', iconikActive[2] ?? '')] });
  const binned = [...icareus.state.recycleBin.keys()][0];
  if (binned !== undefined) await gql(`mutation($ids: [ID!]!) { purgeAssets(input: { ids: $ids }) { ${results} } }`, { ids: [asset('icareus-demo', binned)] });
  await gql(`mutation($to: ID!, $ids: [ID!]!) { moveAssets(input: { ids: $ids, destinationId: $to }) { ${results} } }`, {
    ids: [asset('iconik-demo', iconikActive[3] ?? '')], to: collection('iconik-demo', iconikCollections[1] ?? ''),
  });
  const ncpOther = [...ncp.state.assets.values()][1];
  await gql(`mutation($to: ID!, $ids: [ID!]!) { moveAssets(input: { ids: $ids, destinationId: $to }) { ${results} } }`, {
    ids: [asset('ncp-demo', `${ncpOther?.projectId}/${ncpOther?.assetId}`)], to: collection('ncp-demo', 9012),
  });
  const marketing = [...nomad.state.assets.values()].find((a) => a.displayName === 'Marketing');
  const nomadFiles = [...nomad.state.assets.values()].filter((a) => a.assetType === 'File' && a.assetStatus === 'Available').map((a) => a.id);
  await gql(`mutation($to: ID!, $ids: [ID!]!) { moveAssets(input: { ids: $ids, destinationId: $to }) { ${results} } }`, { ids: [asset('nomad-demo', nomadFiles[1] ?? '')], to: collection('nomad-demo', marketing?.id ?? '') });
  await gql(`mutation($to: ID!, $ids: [ID!]!) { copyAssets(input: { ids: $ids, destinationId: $to }) { ${results} } }`, { ids: [asset('nomad-demo', nomadFiles[2] ?? '')], to: collection('nomad-demo', marketing?.id ?? '') });
  const icareusOther = [...icareus.state.assets.values()].filter((a) => a.organizationId === 2631609)[1];
  await gql(`mutation($to: ID!, $ids: [ID!]!) { copyAssets(input: { ids: $ids, destinationId: $to }) { ${results} } }`, {
    ids: [asset('icareus-demo', icareusOther?.id ?? 0)], to: collection('icareus-demo', 'organization:2631610'),
  });
  await gql(`mutation($to: ID!, $ids: [ID!]!) { moveAssets(input: { ids: $ids, destinationId: $to }) { ${results} } }`, {
    ids: [asset('icareus-demo', icareusOther?.id ?? 0)], to: collection('icareus-demo', 'organization:2631610'),
  });
  await gql(`mutation($ids: [ID!]!) { archiveAssets(input: { ids: $ids }) { ${results} } }`, { ids: [asset('nomad-demo', nomadFiles[3] ?? '')] });
  const archived = [...nomad.state.assets.values()].find((a) => a.assetStatus === 'Archived');
  await gql(`mutation($ids: [ID!]!) { restoreArchivedAssets(input: { ids: $ids }) { ${results} } }`, { ids: [asset('nomad-demo', archived?.id ?? '')] });

  const created = await gql(`mutation($p: ID!) { a: createCollection(input: { title: "Contract check", parentId: $p }) { collection { id } }
    }`, { p: collection('iconik-demo', iconikCollections[0] ?? '') });
  await gql(`mutation($p: ID!) { createCollection(input: { title: "Contract check", parentId: $p }) { collection { id } } }`, { p: collection('nomad-demo', marketing?.id ?? '') });
  await gql(`mutation { createCollection(input: { title: "Top level", source: "iconik-demo" }) { collection { id } } }`);
  const newCollection = ((created['a'] as Json | undefined)?.['collection'] as Json | undefined)?.['id'] as string;
  await gql(`mutation($c: ID!, $ids: [ID!]!) { addToCollection(input: { collectionId: $c, ids: $ids }) { ${results} } }`, { c: newCollection, ids: [asset('iconik-demo', iconikActive[4] ?? '')] });
  await gql(`mutation($c: ID!, $ids: [ID!]!) { removeFromCollection(input: { collectionId: $c, ids: $ids }) { ${results} } }`, { c: newCollection, ids: [asset('iconik-demo', iconikActive[4] ?? '')] });
  await gql(`mutation($c: ID!) { deleteCollection(input: { id: $c }) { deletedCollectionId } }`, { c: newCollection });
  await gql(`mutation($c: ID!, $p: ID) { updateCollection(input: { id: $c, title: "Contract renamed", parentId: $p }) { collection { id } } }`, {
    c: newCollection,
    p: collection('iconik-demo', iconikCollections[1] ?? ''),
  });
  const nomadNew = [...nomad.state.assets.values()].find((a) => a.displayName === 'Contract check');
  await gql(`mutation($c: ID!, $p: ID) { updateCollection(input: { id: $c, title: "Contract check", parentId: $p }) { collection { id } } }`, {
    c: collection('nomad-demo', nomadNew?.id ?? ''),
    p: collection('nomad-demo', marketing?.id ?? ''),
  });
  await gql(`mutation($c: ID!) { deleteCollection(input: { id: $c }) { deletedCollectionId } }`, { c: collection('nomad-demo', nomadNew?.id ?? '') });
  // Nomad collections: create, read, add, list, remove, rename, delete.
  const nomadCollection = ((await gql(`mutation { createCollection(input: { title: "Contract set", source: "nomad-demo" }) { collection { id } } }`))['createCollection'] as Json)['collection'] as Json;
  const nomadSet = String(nomadCollection['id']);
  const nomadMember = [asset('nomad-demo', nomadFiles[4] ?? '')];
  await gql(`mutation($c: ID!, $ids: [ID!]!) { addToCollection(input: { collectionId: $c, ids: $ids }) { ${results} } }`, { c: nomadSet, ids: nomadMember });
  await gql(`query($c: ID!) { node(id: $c) { ... on Collection { title assets { edges { node { title collections { edges { node { title } } } } } } } } }`, { c: nomadSet });
  await gql(`mutation($c: ID!, $ids: [ID!]!) { removeFromCollection(input: { collectionId: $c, ids: $ids }) { ${results} } }`, { c: nomadSet, ids: nomadMember });
  await gql(`mutation($c: ID!) { updateCollection(input: { id: $c, title: "Contract set 2" }) { collection { id } } }`, { c: nomadSet });
  await gql(`mutation($c: ID!) { deleteCollection(input: { id: $c }) { deletedCollectionId } }`, { c: nomadSet });

  // A transfer into Nomad (upload start, parts, part completes, complete), and a
  // cancelled one; then retry after a failure reads the upload's parts.
  const settled = async (id: string) => {
    for (let i = 0; i < 200; i++) {
      const job = (await gql(`query($id: ID!) { node(id: $id) { ... on Job { state } } }`, { id }))['node'] as Json;
      if (!['QUEUED', 'RUNNING'].includes(String(job['state']))) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const dailies = collection('nomad-demo', [...nomad.state.assets.values()].find((a) => a.displayName === 'Dailies')?.id ?? '');
  const transferred = (await gql(`mutation($ids: [ID!]!, $to: ID!) { transferAssets(input: { ids: $ids, destinationId: $to }) { job { id } } }`, {
    ids: [asset('icareus-demo', icareusAsset?.id ?? 0)],
    to: dailies,
  }))['transferAssets'] as Json;
  await settled(String((transferred['job'] as Json)['id']));
  const intoIconik = (await gql(`mutation($ids: [ID!]!, $to: ID!) { transferAssets(input: { ids: $ids, destinationId: $to }) { job { id } } }`, {
    ids: [asset('nomad-demo', [...nomad.state.assets.values()].find((a) => a.displayName === 'key-art.png')?.id ?? '')],
    to: collection('iconik-demo', [...iconik.state.collections.keys()][0] ?? ''),
  }))['transferAssets'] as Json;
  await settled(String((intoIconik['job'] as Json)['id']));
  icareus.faults.inject({ match: 'GET /s3files/', fault: { kind: 'latency', ms: 0 }, times: 2 });
  icareus.faults.inject({ match: 'GET /s3files/', fault: { kind: 'status', status: 500 }, times: 3 });
  const failing = (await gql(`mutation($ids: [ID!]!, $to: ID!) { transferAssets(input: { ids: $ids, destinationId: $to, conflict: RENAME }) { job { id } } }`, {
    ids: [asset('icareus-demo', icareusAsset?.id ?? 0)],
    to: dailies,
  }))['transferAssets'] as Json;
  const failingId = String((failing['job'] as Json)['id']);
  await settled(failingId);
  await gql(`mutation($id: ID!) { retryJob(input: { id: $id }) { job { id } } }`, { id: failingId });
  await settled(failingId);
  nomad.faults.inject({ match: 'PUT /upload/parts/', fault: { kind: 'latency', ms: 2000 }, times: 1 });
  const slow = (await gql(`mutation($ids: [ID!]!, $to: ID!) { transferAssets(input: { ids: $ids, destinationId: $to, conflict: RENAME }) { job { id } } }`, {
    ids: [asset('icareus-demo', icareusAsset?.id ?? 0)],
    to: dailies,
  }))['transferAssets'] as Json;
  const slowId = String((slow['job'] as Json)['id']);
  await new Promise((resolve) => setTimeout(resolve, 200));
  await gql(`mutation($id: ID!) { cancelJob(input: { id: $id }) { job { id } } }`, { id: slowId });
  await settled(slowId);
  nomad.faults.clear();
  icareus.faults.clear();

  const shareTargets = [
    ['iconik-demo', iconikActive[5] ?? '', 'expiresAt: "2027-06-01T00:00:00Z"'],
    ['iconik-demo', iconikActive[6] ?? '', 'emails: ["client@example.com"], allowDownload: true'],
    ['nomad-demo', nomadFiles[4] ?? '', 'expiresAt: "2027-06-01T00:00:00Z"'],
  ] as const;
  for (const [source, target, options] of shareTargets) {
    const share = await gql(`mutation($t: ID!) { createShare(input: { targetId: $t, title: "Contract", ${options} }) { share { id } userErrors { code } } }`, {
      t: asset(source, target),
    });
    const id = ((share['createShare'] as Json).share as Json | null)?.['id'] as string;
    await gql(`mutation($id: ID!) { updateShare(input: { id: $id, title: "Contract 2" }) { share { title } } }`, { id });
    await gql(`query($id: ID!) { node(id: $id) { ... on Share { title recipients } } }`, { id });
    await gql(`mutation($id: ID!) { deleteShare(input: { id: $id }) { deletedShareId } }`, { id });
  }
  for (const source of ['iconik-demo', 'icareus-demo']) {
    await gql(`mutation($s: String!) { emptyRecycleBin(input: { source: $s }) { userErrors { code } } }`, { s: source });
  }
}
