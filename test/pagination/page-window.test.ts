import { describe, expect, it } from 'vitest';
import { fetchWindow, planPages } from '../../src/pagination/page-window.js';

describe('planPages', () => {
  it('uses one vendor page when the window is page-aligned', () => {
    expect(planPages({ offset: 0, limit: 20 }, 1000)).toEqual({ pages: [{ page: 1, perPage: 20 }], skip: 0 });
    expect(planPages({ offset: 40, limit: 20 }, 1000)).toEqual({ pages: [{ page: 3, perPage: 20 }], skip: 0 });
  });

  it('finds a larger page size that covers an unaligned window in one call', () => {
    const plan = planPages({ offset: 5, limit: 20 }, 1000);
    expect(plan.pages).toHaveLength(1);
    const [{ page, perPage }] = plan.pages as [{ page: number; perPage: number }];
    expect((page - 1) * perPage + plan.skip).toBe(5);
    expect(perPage - plan.skip).toBeGreaterThanOrEqual(20);
  });

  it('falls back to two pages when the vendor maximum forbids one', () => {
    const plan = planPages({ offset: 999, limit: 100 }, 100);
    expect(plan.pages).toEqual([
      { page: 10, perPage: 100 },
      { page: 11, perPage: 100 },
    ]);
    expect(plan.skip).toBe(99);
  });
});

describe('fetchWindow', () => {
  const list = Array.from({ length: 57 }, (_, i) => i);
  const vendor = async ({ page, perPage }: { page: number; perPage: number }) => ({
    items: list.slice((page - 1) * perPage, page * perPage),
    total: list.length,
  });

  it('returns exactly the window and whether more follow, for every offset', async () => {
    for (let offset = 0; offset < 60; offset += 7) {
      const page = await fetchWindow({ offset, limit: 10 }, 13, vendor);
      expect(page.items).toEqual(list.slice(offset, offset + 10));
      expect(page.hasMore).toBe(offset + 10 < list.length);
    }
  });
});
