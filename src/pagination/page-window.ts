// Translates our offset windows (skip `offset`, take `limit`) onto vendors that page by
// page number and page size (iconik `page`/`per_page`, Nomad `pageIndex`/`pageSize`).
// Usually one vendor page covers the window exactly; when no page size up to the vendor's
// maximum does, two consecutive pages are fetched concurrently and trimmed.
import type { Page, Window } from './window.js';

export interface PageRequest {
  /** 1-based page number. */
  readonly page: number;
  readonly perPage: number;
}

export interface FetchedPage<T> {
  readonly items: readonly T[];
  /** Total number of items in the whole list when the vendor reports it. */
  readonly total: number | null;
}

/** The vendor pages that cover the window, with how many leading items to drop. */
export function planPages(window: Window, maxPerPage: number): { pages: PageRequest[]; skip: number } {
  const { offset, limit } = window;
  const last = offset + limit - 1;
  if (limit > maxPerPage) {
    // Wider than the vendor's largest page: consecutive pages of the largest size.
    const firstPage = Math.floor(offset / maxPerPage);
    const lastPage = Math.floor(last / maxPerPage);
    const pages = Array.from({ length: lastPage - firstPage + 1 }, (_, i) => ({ page: firstPage + i + 1, perPage: maxPerPage }));
    return { pages, skip: offset - firstPage * maxPerPage };
  }
  for (let perPage = limit; perPage <= Math.min(maxPerPage, offset + limit); perPage++) {
    const first = Math.floor(offset / perPage);
    if (first === Math.floor(last / perPage)) {
      return { pages: [{ page: first + 1, perPage }], skip: offset - first * perPage };
    }
  }
  const first = Math.floor(offset / limit);
  return {
    pages: [
      { page: first + 1, perPage: limit },
      { page: first + 2, perPage: limit },
    ],
    skip: offset - first * limit,
  };
}

/** Fetches the window through a page-numbered vendor list. */
export async function fetchWindow<T>(
  window: Window,
  maxPerPage: number,
  fetchPage: (request: PageRequest) => Promise<FetchedPage<T>>,
): Promise<Page<T>> {
  const plan = planPages(window, maxPerPage);
  const fetched = await Promise.all(plan.pages.map(fetchPage));
  const all = fetched.flatMap((page) => page.items);
  const items = all.slice(plan.skip, plan.skip + window.limit);
  const total = fetched[0]?.total ?? null;
  const lastPage = fetched[fetched.length - 1];
  const lastRequest = plan.pages[plan.pages.length - 1];
  const hasMore =
    total !== null
      ? window.offset + items.length < total
      : all.length > plan.skip + items.length || (lastPage?.items.length ?? 0) === (lastRequest?.perPage ?? -1);
  return { items, hasMore };
}

/**
 * Fetches the window through an offset-addressed vendor list (Icareus `skip`/`limit`, Nomad
 * search offsets). Without a vendor total, one extra item is asked for to learn whether
 * more follow.
 */
export async function fetchOffsetWindow<T>(
  window: Window,
  fetchRange: (skip: number, limit: number) => Promise<FetchedPage<T>>,
): Promise<Page<T>> {
  const fetched = await fetchRange(window.offset, window.limit + 1);
  const items = fetched.items.slice(0, window.limit);
  const hasMore = fetched.total !== null ? window.offset + items.length < fetched.total : fetched.items.length > window.limit;
  return { items, hasMore };
}

/** The window of a list the vendor returned whole. */
export function sliceWindow<T>(items: readonly T[], window: Window): Page<T> {
  const slice = items.slice(window.offset, window.offset + window.limit);
  return { items: slice, hasMore: window.offset + slice.length < items.length };
}
