// The AssetFilter conditions the gateway applies itself (kinds, statuses, time ranges, and
// search inside a collection): vendors' lists are read page by page and each asset checked
// on our model, so every vendor honours them the same way. A page scans at most
// MAX_SCANNED vendor items per source; when that runs out before the page is full, the
// page is shorter and `hasNextPage` stays true (its cursor continues the scan).
import type { AssetFilter } from '../generated/resolvers-types.js';
import type { AssetModel } from '../vendors/models.js';
import type { Page, Window } from './window.js';

/** The most vendor items one page of one source reads to find matching assets. */
export const MAX_SCANNED = 1_000;
const SCAN_CHUNK = 100;

export type AssetPredicate = (asset: AssetModel) => boolean;

/** The gateway-side conditions of `filter`, or null when there are none. */
export function assetPredicate(filter: AssetFilter | null | undefined, options: { searchHere: boolean }): AssetPredicate | null {
  if (!filter) return null;
  const checks: AssetPredicate[] = [];
  if (filter.kinds) {
    const kinds = new Set<string>(filter.kinds);
    checks.push((asset) => asset.kind !== null && kinds.has(asset.kind));
  }
  if (filter.statuses) {
    const statuses = new Set<string>(filter.statuses);
    checks.push((asset) => statuses.has(asset.status));
  }
  const inRange = (range: AssetFilter['created'], time: (asset: AssetModel) => Date | null): void => {
    if (!range || (!range.after && !range.before)) return;
    const after = range.after ? new Date(range.after).getTime() : -Infinity;
    const before = range.before ? new Date(range.before).getTime() : Infinity;
    checks.push((asset) => {
      const at = time(asset)?.getTime();
      return at !== undefined && at >= after && at < before;
    });
  };
  inRange(filter.created, (asset) => asset.createdAt);
  inRange(filter.updated, (asset) => asset.updatedAt);
  const search = filter.search?.trim().toLowerCase();
  if (options.searchHere && search) {
    checks.push((asset) => `${asset.title ?? ''}\n${asset.description ?? ''}`.toLowerCase().includes(search));
  }
  return checks.length === 0 ? null : (asset) => checks.every((check) => check(asset));
}

/**
 * The window's worth of matching assets, scanning the vendor list from `window.offset`
 * (a position in the vendor's list, as cursors hold). Each item's vendor position is in
 * `positions`, so the next cursor continues after it.
 */
export async function scanFiltered(
  window: Window,
  predicate: AssetPredicate,
  fetch: (window: Window) => Promise<Page<AssetModel>>,
): Promise<Page<AssetModel>> {
  const items: AssetModel[] = [];
  const positions: number[] = [];
  let offset = window.offset;
  let scanned = 0;
  while (items.length < window.limit && scanned < MAX_SCANNED) {
    const page = await fetch({ offset, limit: SCAN_CHUNK });
    for (const [i, asset] of page.items.entries()) {
      if (items.length === window.limit) return { items, positions, hasMore: true };
      if (predicate(asset)) {
        items.push(asset);
        positions.push(offset + i);
      }
    }
    offset += page.items.length;
    scanned += page.items.length;
    if (!page.hasMore || page.items.length === 0) return { items, positions, hasMore: false };
  }
  // Full, or the scan bound reached: the list goes on from `offset`.
  return { items, positions, hasMore: true, ...(items.length < window.limit ? { resumeAt: offset } : {}) };
}
