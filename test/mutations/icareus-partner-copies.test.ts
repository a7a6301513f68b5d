// An Icareus copy lands in a partner organization (otherOrganizationIds) with only its
// metadata; the files follow in the background (Copy Asset API). The copy can be read and
// polled there, and the partner organization lists it, so COPYING settles visibly (issue 14).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/ids.js';
import { startDemoHarness, type DemoHarness } from '../support/gateway-harness.js';

let h: DemoHarness;
beforeAll(async () => {
  h = await startDemoHarness();
});
afterAll(async () => h.stop());

const PARTNER = encodeGlobalId('Collection', 'icareus-demo', 'organization:2631610');

describe('Icareus copies into a partner organization', () => {
  it('are listed by the partner organization and settle from COPYING to AVAILABLE when polled', async () => {
    const original = [...h.demo.icareus.state.assets.values()].find((a) => a.organizationId === 2631609 && a.presets.length > 0);
    const copied = await h.gql(`mutation($ids: [ID!]!, $to: ID!) { copyAssets(input: { ids: $ids, destinationId: $to }) { results { ok asset { id title status renditions { kind } } } } }`, {
      ids: [encodeGlobalId('Asset', 'icareus-demo', String(original?.id))],
      to: PARTNER,
    });
    const result = (copied.body.data?.['copyAssets'] as { results: Array<{ ok: boolean; asset: { id: string; title: string; status: string; renditions: unknown[] } }> }).results[0];
    expect(result).toMatchObject({ ok: true, asset: { status: 'COPYING', renditions: [] } });

    const listed = await h.gql(`query($c: ID!) { node(id: $c) { ... on Collection { title assets { edges { node { id status } } } } } }`, { c: PARTNER });
    const partner = listed.body.data?.['node'] as { title: string; assets: { edges: Array<{ node: { id: string; status: string } }> } };
    expect(partner.title).toBe('Organization 2631610');
    expect(partner.assets.edges.map((e) => e.node)).toEqual([{ id: result?.asset.id, status: 'COPYING' }]);

    let status = 'COPYING';
    let renditions: Array<{ kind: string }> = [];
    const deadline = Date.now() + 10_000;
    while (status === 'COPYING' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const polled = await h.gql(`query($id: ID!) { node(id: $id) { ... on Asset { status renditions { kind } } } }`, { id: result?.asset.id });
      ({ status, renditions } = polled.body.data?.['node'] as { status: string; renditions: Array<{ kind: string }> });
    }
    expect(status).toBe('AVAILABLE');
    expect(renditions.map((r) => r.kind)).toEqual(['ORIGINAL', 'PROXY']);
  });
});
