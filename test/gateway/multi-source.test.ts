import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, upstreamCalls, type Harness } from '../support/gateway-harness.js';

type Edges<T> = { edges: Array<{ cursor: string; node: T }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

describe('two iconik sources side by side', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ extraIconik: [{ name: 'iconik-second' }] });
  });
  afterAll(async () => h.stop());

  it('lists both sources and pages across them without gaps or repeats', async () => {
    const sources = await h.gql(`{ sources { name vendor } }`);
    expect(sources.body.data?.['sources']).toEqual([
      { name: 'iconik-test', vendor: 'ICONIK' },
      { name: 'iconik-second', vendor: 'ICONIK' },
    ]);
    const seen: Array<{ id: string; source: { name: string } }> = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const res = await h.gql(`query($after: String) { assets(first: 30, after: $after) {
        edges { node { id source { name } } } pageInfo { hasNextPage endCursor } } }`, { after });
      expect(res.body.errors).toBeUndefined();
      const page = res.body.data?.['assets'] as Edges<{ id: string; source: { name: string } }>;
      seen.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const perSource = [...h.iconik.state.assets.values()].filter((a) => a.status === 'ACTIVE').length;
    expect(seen).toHaveLength(2 * perSource);
    expect(new Set(seen.map((n) => n.id)).size).toBe(seen.length);
    // Same native ids in both simulators, different global IDs: the source is part of the ID.
    expect(seen.filter((n) => n.source.name === 'iconik-second')).toHaveLength(perSource);
  });

  it('filters by source', async () => {
    h.iconik.clearRequests();
    const res = await h.gql(`{ assets(first: 5, filter: { sources: ["iconik-second"] }) { edges { node { source { name } } } } }`);
    const names = (res.body.data?.['assets'] as Edges<{ source: { name: string } }>).edges.map((e) => e.node.source.name);
    expect(names).toEqual(Array(5).fill('iconik-second'));
    expect(upstreamCalls(h.iconik)).toEqual([]);
  });
});

describe('one failing source', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ gatewayToken: 'wrong-token-value', extraIconik: [{ name: 'iconik-healthy' }] });
  });
  afterAll(async () => h.stop());

  it('still returns the healthy source and reports the other with code, source and upstream status', async () => {
    const res = await h.gql(`{ assets(first: 100) { edges { node { source { name } } } } }`);
    expect(res.status).toBe(200);
    const names = new Set((res.body.data?.['assets'] as Edges<{ source: { name: string } }>).edges.map((e) => e.node.source.name));
    expect([...names]).toEqual(['iconik-healthy']);
    expect(res.body.errors).toEqual([
      {
        message: 'ICONIK source "iconik-test" answered HTTP 401: Token is invalid.',
        path: ['assets'],
        extensions: { code: 'UNAUTHENTICATED', source: 'iconik-test', vendor: 'ICONIK', upstreamStatus: 401 },
      },
    ]);
    expect(res.text).not.toContain('wrong-token-value');
  });
});
