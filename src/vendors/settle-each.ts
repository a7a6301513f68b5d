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

/**
 * Sends ids in chunks of `chunkSize` (vendors' multi-id reads and batch writes take a
 * bounded list), all chunks at once, and answers per id in the ids' order: what the chunk
 * answered for that id, or the chunk's error in the slot of each of its ids.
 */
export async function batchById<R>(
  ids: readonly string[],
  chunkSize: number,
  fetchChunk: (chunk: readonly string[]) => Promise<ReadonlyArray<R | Error>>,
): Promise<Array<R | Error>> {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += chunkSize) chunks.push(ids.slice(i, i + chunkSize));
  const answered = await Promise.all(
    chunks.map(async (chunk) => {
      try {
        const results = await fetchChunk(chunk);
        if (results.length !== chunk.length) throw new Error(`chunk of ${chunk.length} ids answered ${results.length} results`);
        return results;
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        return chunk.map(() => failure);
      }
    }),
  );
  return answered.flat();
}

/** Each id's object from a list the vendor answered for a chunk; null when it is not there. */
export function slotsById<T extends { readonly id: string }>(chunk: readonly string[], found: readonly T[]): Array<T | null> {
  const index = new Map(found.map((item) => [item.id, item]));
  return chunk.map((id) => index.get(id) ?? null);
}
