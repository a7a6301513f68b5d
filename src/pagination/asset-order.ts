// The order keys of `Query.assets(orderBy:)` over our asset model: how the merge across
// sources compares assets, and how the gateway orders a vendor that has no sort parameter.
import type { AssetOrder } from '../generated/resolvers-types.js';
import type { AssetModel } from '../vendors/models.js';
import { compareCodeUnits } from '../text-order.js';

export type AssetOrderBy = Required<AssetOrder>;

/** The asset's key for `order`: a number for dates (null when the vendor has none), lower-case text for titles. */
function keyOf(asset: AssetModel, order: AssetOrderBy): number | string | null {
  switch (order.field) {
    case 'CREATED_AT':
      return asset.createdAt?.getTime() ?? null;
    case 'UPDATED_AT':
      return asset.updatedAt?.getTime() ?? null;
    case 'TITLE':
      return asset.title?.toLowerCase() ?? null;
  }
}

/**
 * Compares two assets in `order`; assets without the key come last whatever the direction,
 * and ties are broken by source and id so the merge is deterministic.
 */
export function compareAssets(order: AssetOrderBy): (a: AssetModel, b: AssetModel) => number {
  const sign = order.direction === 'ASC' ? 1 : -1;
  return (a, b) => {
    const ka = keyOf(a, order);
    const kb = keyOf(b, order);
    if (ka === null || kb === null) {
      if (ka !== kb) return ka === null ? 1 : -1;
    } else if (ka !== kb) {
      const byKey = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : String(ka).localeCompare(String(kb));
      if (byKey !== 0) return byKey * sign;
    }
    return compareCodeUnits(a.source, b.source) || compareCodeUnits(a.nativeId, b.nativeId);
  };
}

/** A short text naming the order, kept in merge cursors so a cursor of another order is refused. */
export const orderSignature = (order: AssetOrderBy): string => `${order.field}.${order.direction}`;
