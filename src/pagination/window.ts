// A window into a list and one page of it: the shapes both the GraphQL connections
// (./connection.ts) and the vendor adapters (src/vendors/) speak, so neither imports the other
// for them.

/** One page of a vendor list, already translated from the vendor's own pagination. */
export interface Page<T> {
  readonly items: readonly T[];
  /** True when the vendor has more items after this page. */
  readonly hasMore: boolean;
}

/** A window into a list: skip `offset` items, take up to `limit`. */
export interface Window {
  readonly offset: number;
  readonly limit: number;
}
