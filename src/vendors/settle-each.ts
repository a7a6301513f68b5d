// Runs one vendor call per item where the vendor has no multi-id read, under a concurrency
// cap so a large batch cannot open hundreds of sockets at once. Results keep the items'
// order, with an Error in the slot of an item whose call failed (the loader contract).
import pLimit from 'p-limit';

export async function settleEach<I, R>(
  items: readonly I[],
  concurrency: number,
  call: (item: I) => Promise<R>,
): Promise<Array<R | Error>> {
  const limit = pLimit(concurrency);
  return Promise.all(
    items.map((item) =>
      limit(() => call(item)).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
    ),
  );
}
