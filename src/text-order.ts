// One order for keys and ids that is the same on every gateway instance: UTF-16 code units,
// the order of `Array.prototype.sort` without a comparator. `String.prototype.localeCompare`
// orders by the process's ICU locale (LANG), so two instances behind one load balancer or
// one Redis cache could disagree, and its collation data costs the process about 2 MB of
// resident memory once touched (measured, issue 17). Titles, ordered for people, keep the
// locale's order (src/pagination/asset-order.ts).

/** Compares two strings by UTF-16 code units: negative, zero or positive, as a sort comparator. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
