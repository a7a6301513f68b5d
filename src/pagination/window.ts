// A window into a list and one page of it: the shapes both the GraphQL connections
// (./connection.ts) and the vendor adapters (src/vendors/) speak, so neither imports the other
// for them.

/** One page of a vendor list, already translated from the vendor's own pagination. */
export interface Page<T> {
  readonly items: readonly T[];
  /** True when the vendor has more items after this page. */
  readonly hasMore: boolean;
  /**
   * Each item's position in the vendor's list, when the items are not consecutive (a
   * filtered scan, ./asset-filter.ts); absent: `window.offset` + index.
   */
  readonly positions?: readonly number[];
  /** Where a scan that stopped before filling the page continues (the next cursor's position). */
  readonly resumeAt?: number;
  /**
   * Each item's keyset key, for vendors that can continue a list after a key (iconik's
   * `search_after`): passed back as `Window.after`, it finds the next page whatever was
   * added or deleted before it since.
   */
  readonly keys?: ReadonlyArray<string | undefined>;
}

/** A window into a list: skip `offset` items, take up to `limit`. */
export interface Window {
  readonly offset: number;
  readonly limit: number;
  /** The keyset key of the item just before `offset` (Page.keys); adapters that take it ignore the offset. */
  readonly after?: string;
}
