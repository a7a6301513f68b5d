// The one place where keys are grouped by source (STYLE.md, graphql/dataloader).
//
// A loader created here receives keys from every source that a GraphQL tick touched. Its
// batch function splits them per source, calls each source's adapter once with that
// source's native ids (sources run concurrently), and puts each answer back into the slot
// of its key. The DataLoader contract holds exactly: the result has the keys' order and
// length, and a key whose source failed gets an Error in its own slot, so one failing
// vendor never fails another vendor's keys.
import DataLoader from 'dataloader';
import type { SourceRegistry } from '../sources.js';
import type { BatchResult, VendorAdapter } from '../vendors/adapter.js';
import type { NativeRef } from '../vendors/models.js';

export type SourceBatchLoader<K extends NativeRef, V> = DataLoader<K, V, string>;

export const refCacheKey = (ref: NativeRef): string => `${ref.source}\u0000${ref.nativeId}`;

export function createSourceBatchLoader<K extends NativeRef, V>(
  sources: SourceRegistry,
  load: (adapter: VendorAdapter, keys: readonly K[]) => Promise<BatchResult<V>>,
  options: { batch?: boolean } = {},
): SourceBatchLoader<K, V> {
  return new DataLoader<K, V, string>(
    async (keys) => {
      const slotsBySource = new Map<string, number[]>();
      keys.forEach((key, slot) => {
        const slots = slotsBySource.get(key.source);
        if (slots) slots.push(slot);
        else slotsBySource.set(key.source, [slot]);
      });

      const results = new Array<V | Error>(keys.length);
      await Promise.all(
        [...slotsBySource].map(async ([source, slots]) => {
          let values: BatchResult<V>;
          try {
            values = await load(sources.get(source).adapter, slots.map((slot) => keys[slot] as K));
            if (values.length !== slots.length) {
              throw new Error(`adapter for source "${source}" answered ${values.length} results for ${slots.length} keys`);
            }
          } catch (error) {
            const failure = error instanceof Error ? error : new Error(String(error));
            values = slots.map(() => failure);
          }
          slots.forEach((slot, i) => {
            results[slot] = values[i] as V | Error;
          });
        }),
      );
      return results;
    },
    // `batch: false` exists only for the benchmark's batching-off comparison.
    { cacheKeyFn: refCacheKey, batch: options.batch ?? true },
  );
}
