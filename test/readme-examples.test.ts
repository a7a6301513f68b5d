// Every GraphQL example in the README runs against the demo, in the README's order, and
// answers what the README says: data and no errors (issue 14). A README edit that breaks
// an example fails here.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseConfig } from '../src/config.js';
import { encodeGlobalId } from '../src/ids.js';
import { startDemoHarness, type DemoHarness } from './support/gateway-harness.js';
import { liveClient, subscribe } from './support/live-client.js';

const examples = [...readFileSync('README.md', 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');

let h: DemoHarness;
beforeAll(async () => {
  h = await startDemoHarness();
});
afterAll(async () => h.stop());

/** Values for the examples that take variables: real IDs of the demo data. */
function variablesFor(example: string): Record<string, unknown> {
  if (example.includes('$targets')) {
    const shared = [...h.demo.iconik.state.shares.values()].map((share) => share.object_id);
    const nomadShared = [...h.demo.nomad.state.shares.values()].map((share) => share.assetId);
    return { targets: [encodeGlobalId('Asset', 'iconik-demo', shared[0] ?? ''), encodeGlobalId('Asset', 'nomad-demo', nomadShared[0] ?? '')] };
  }
  if (example.includes('transferAssets')) {
    const icareus = [...h.demo.icareus.state.assets.values()].find((a) => a.organizationId === 2631609 && a.presets.length > 0);
    const folder = [...h.demo.nomad.state.assets.values()].find((a) => a.displayName === 'Marketing');
    return { ids: [encodeGlobalId('Asset', 'icareus-demo', String(icareus?.id))], to: encodeGlobalId('Collection', 'nomad-demo', folder?.id ?? '') };
  }
  if (!example.includes('$id')) return {};
  const asset = [...h.demo.iconik.state.assets.values()].find((a) => a.status === 'ACTIVE');
  const collection = [...h.demo.iconik.state.collections.values()][0];
  return {
    id: encodeGlobalId('Asset', 'iconik-demo', asset?.id ?? ''),
    ids: [encodeGlobalId('Collection', 'iconik-demo', collection?.id ?? ''), encodeGlobalId('Asset', 'nomad-demo', 'no-such-asset')],
  };
}

describe('README configuration example', () => {
  it('is a valid configuration once its variables are set', () => {
    const full = [...readFileSync('README.md', 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? '').find((text) => text.startsWith('sources:'));
    expect(full).toBeTruthy();
    const env = Object.fromEntries([...(full ?? '').matchAll(/\$\{([A-Z0-9_]+)\}/g)].map((match) => [match[1] ?? '', 'set']));
    const config = parseConfig(parseYaml(full ?? ''), env);
    expect(config.sources.length).toBeGreaterThanOrEqual(4);
  });
});

/** A subscription example runs over WebSocket: it must deliver the change a write makes. */
async function subscriptionExample(example: string): Promise<void> {
  const asset = [...h.demo.iconik.state.assets.values()].find((a) => a.status === 'ACTIVE');
  const id = encodeGlobalId('Asset', 'iconik-demo', asset?.id ?? '');
  const client = liveClient(h.gateway.url);
  try {
    const sub = subscribe(client, example, { ids: [id] });
    await new Promise((resolve) => setTimeout(resolve, 400));
    await h.gql('mutation ($input: UpdateAssetInput!) { updateAsset(input: $input) { asset { id } } }', { input: { id, title: 'README subscription example' } });
    const message = await sub.waitFor(() => true);
    expect(message.errors).toBeUndefined();
    expect(message.data).toBeTruthy();
  } finally {
    await client.dispose();
  }
}

describe('README examples', () => {
  it('has examples to run', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  it.each(examples.map((example, i) => [i, example] as const))('example %i answers data without errors', async (_i, example) => {
    if (example.trimStart().startsWith('subscription')) return subscriptionExample(example);
    const res = await h.gql(example, variablesFor(example));
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toBeTruthy();
  });
});
