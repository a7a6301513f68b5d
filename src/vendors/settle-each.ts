// Runs one vendor call per item where the vendor has no multi-id read, under a concurrency
// cap so a large batch cannot open hundreds of sockets at once. Results keep the items'
// order, with an Error in the slot of an item whose call failed (the loader contract).
import pLimit from 'p-limit';
import { ErrorCode, GatewayError } from '../errors.js';

export async function settleEach<I, R>(
  items: readonly I[],
  concurrency: number,
  call: (item: I) => Promise<R>,
): Promise<Array<R | Error>> {
  const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));
  // Within the cap every call can start at once; the limiter (and its promises per item)
  // is only needed for larger batches.
  if (items.length <= concurrency) return Promise.all(items.map((item) => call(item).catch(asError)));
  const limit = pLimit(concurrency);
  return Promise.all(items.map((item) => limit(() => call(item)).catch(asError)));
}

/**
 * Reads objects one id at a time (for vendors without a multi-id read): null in the slot of
 * an id the vendor answers NOT_FOUND for, an Error for other failures.
 */
export async function readEach<T>(
  ids: readonly string[],
  concurrency: number,
  readOne: (id: string) => Promise<T | null>,
): Promise<Array<T | null | Error>> {
  return settleEach(ids, concurrency, async (id) => {
    try {
      return await readOne(id);
    } catch (error) {
      if (error instanceof GatewayError && error.code === ErrorCode.NOT_FOUND) return null;
      throw error;
    }
  });
}
