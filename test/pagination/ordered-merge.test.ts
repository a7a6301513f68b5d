// Query.assets(orderBy:) merges the sources by the key (issue 14): the first page of
// "newest first" holds the newest assets of every vendor, pages chain without gaps or
// repeats, and a source that cannot order by the key says UNSUPPORTED.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoHarness, type DemoHarness } from '../support/gateway-harness.js';

let h: DemoHarness;
beforeAll(async () => {
  h = await startDemoHarness();
});
afterAll(async () => h.stop());

type Node = { id: string; title: string | null; createdAt: string | null; source: { name: string } };
type Page = { edges: Array<{ cursor: string; node: Node }>; pageInfo: { hasNextPage: boolean; endCursor: string | null }; sourceErrors: Array<{ source: { name: string }; code: string }> };
const QUERY = `query($first: Int, $after: String, $order: AssetOrder) {
  assets(first: $first, after: $after, orderBy: $order) {
    edges { cursor node { id title createdAt source { name } } }
    pageInfo { hasNextPage endCursor }
    sourceErrors { source { name } code }
  }
}`;
const page = async (variables: Record<string, unknown>) => {
  const res = await h.gql(QUERY, variables);
  return { page: res.body.data?.['assets'] as Page | undefined, errors: res.body.errors };
};

describe('assets ordered across sources', () => {
  it('puts the newest assets of every vendor on the first page, newest first', async () => {
    const { page: first } = await page({ first: 10, order: { field: 'CREATED_AT', direction: 'DESC' } });
    const nodes = first?.edges.map((e) => e.node) ?? [];
    expect(new Set(nodes.map((n) => n.source.name))).toEqual(new Set(['iconik-demo', 'icareus-demo', 'ncp-demo', 'nomad-demo']));
    const times = nodes.map((n) => Date.parse(n.createdAt ?? ''));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(first?.sourceErrors).toEqual([]);
  });

  it('chains pages without gaps or repeats: the same list as one big page', async () => {
    const order = { field: 'CREATED_AT', direction: 'ASC' };
    const { page: whole } = await page({ first: 100, order });
    const all = whole?.edges.map((e) => e.node.id) ?? [];
    expect(whole?.pageInfo.hasNextPage).toBe(false);
    const chained: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 30; i++) {
      const { page: next } = await page({ first: 7, after, order });
      chained.push(...(next?.edges.map((e) => e.node.id) ?? []));
      if (!next?.pageInfo.hasNextPage) break;
      after = next.pageInfo.endCursor;
    }
    expect(chained).toEqual(all);
    expect(new Set(chained).size).toBe(chained.length);
    const times = (whole?.edges ?? []).map((e) => Date.parse(e.node.createdAt ?? ''));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('orders by title where the vendor can, and reports the source that cannot', async () => {
    const { page: byTitle } = await page({ first: 30, order: { field: 'TITLE', direction: 'ASC' } });
    expect(byTitle?.sourceErrors).toEqual([{ source: { name: 'icareus-demo' }, code: 'UNSUPPORTED' }]);
    const titles = byTitle?.edges.map((e) => (e.node.title ?? '').toLowerCase()) ?? [];
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
    expect(new Set(byTitle?.edges.map((e) => e.node.source.name))).toEqual(new Set(['iconik-demo', 'ncp-demo', 'nomad-demo']));
  });

  it('refuses a cursor made for another order', async () => {
    const { page: newest } = await page({ first: 2, order: { field: 'CREATED_AT', direction: 'DESC' } });
    const { errors } = await page({ first: 2, after: newest?.pageInfo.endCursor, order: { field: 'TITLE', direction: 'ASC' } });
    expect(errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
