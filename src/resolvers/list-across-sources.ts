// Lists that run across sources (Query.assets, Query.collections): sources one after
// another in configuration order, each in its vendor's order. The source the page starts
// in is asked first, alone: usually it fills the page, and that costs one upstream call.
// Only when it runs out are the remaining sources asked, all at once, for what is still
// missing, so a page costs at most two round trips whatever the number of sources. A
// source that fails adds no items and one entry in the response's `errors` (via
// context.sourceErrors); the other sources' items are still returned.
import { type GraphQLResolveInfo, responsePathAsArray } from 'graphql';
import type { GatewayContext } from '../context.js';
import { ErrorCode, badUserInput } from '../errors.js';
import { primeLoaders } from '../loaders/create-loaders.js';
import { connection, parseFirst, type Connection, type ConnectionArgs, type Edge, type SourceErrorModel } from '../pagination/connection.js';
import { compareAssets, orderSignature, type AssetOrderBy } from '../pagination/asset-order.js';
import { decodeMergeCursor, decodeSourceCursor, encodeMergeCursor, encodeSourceCursor } from '../pagination/cursor.js';
import type { SourceEntry } from '../sources.js';
import type { AssetModel, CollectionModel } from '../vendors/models.js';
import type { Page, Window } from '../pagination/window.js';
import { toFormattedError } from '../normalize-error.js';

/** How far either side of its old place the next page looks for the last item shown. */
const RESYNC = 10;

export async function listAcrossSources<T extends AssetModel | CollectionModel>(
  context: GatewayContext,
  info: GraphQLResolveInfo,
  selected: readonly SourceEntry[],
  args: ConnectionArgs,
  fetch: (source: SourceEntry, window: Window) => Promise<Page<T>>,
  options: { skipped?: readonly SourceErrorModel[]; resync?: boolean } = {},
): Promise<Connection<T>> {
  const first = parseFirst(args.first);
  let startIndex = 0;
  let startOffset = 0;
  let lastShown: string | undefined;
  let afterKey: string | undefined;
  if (args.after) {
    const position = decodeSourceCursor(args.after);
    startIndex = selected.findIndex((source) => source.name === position.source);
    if (startIndex < 0) throw badUserInput('The "after" cursor belongs to a source outside this filter.');
    startOffset = position.offset + 1;
    lastShown = options.resync === false ? undefined : position.nativeId;
    afterKey = options.resync === false ? undefined : position.key;
  }

  const remaining = selected.slice(startIndex);
  const failed: SourceErrorModel[] = [...(options.skipped ?? [])];
  const fetchOrReport = (source: SourceEntry, window: Window) =>
    fetch(source, window).catch((error: unknown) => {
      failed.push(reportSourceError(context, info, error, source.name));
      return null;
    });

  const edges: Array<Edge<T>> = [];
  let resumeCursor: string | undefined;
  const take = (source: SourceEntry, offset: number, page: Page<T>): boolean => {
    const room = first - edges.length;
    page.items.slice(0, room).forEach((node, j) => {
      const key = options.resync === false ? undefined : page.keys?.[j];
      edges.push({ cursor: encodeSourceCursor({ source: source.name, offset: page.positions?.[j] ?? offset + j, nativeId: node.nativeId, ...(key !== undefined ? { key } : {}) }), node });
    });
    // A filtered scan that stopped short: the next page continues the scan, past the last edge.
    if (page.resumeAt !== undefined && page.items.length <= room) resumeCursor = encodeSourceCursor({ source: source.name, offset: page.resumeAt - 1 });
    // More to give: later sources' items come after all of this source's.
    return page.items.length > room || page.hasMore;
  };

  let hasNextPage = false;
  const [head, ...rest] = remaining;
  /**
   * The page after the last item shown, found again by its id in a window RESYNC items
   * either side of where it was: items deleted or added before it since the previous page
   * shift the list, and an offset alone would skip or repeat them. Not found (it was
   * deleted itself, or moved further): the offset decides, as without an id.
   */
  const resynced = async (source: SourceEntry, nativeId: string): Promise<Page<T> | null> => {
    const back = Math.min(RESYNC, startOffset);
    const from = startOffset - back;
    const page = await fetchOrReport(source, { offset: from, limit: first + 2 * back });
    if (!page) return null;
    const found = page.items.findIndex((item) => item.nativeId === nativeId);
    const begin = found >= 0 ? found + 1 : back;
    const items = page.items.slice(begin, begin + first);
    const keys = page.keys?.slice(begin, begin + first);
    return { items, positions: items.map((_item, j) => from + begin + j), hasMore: page.items.length > begin + first || page.hasMore, ...(keys ? { keys } : {}) };
  };
  // A vendor with keyset paging continues after the last item's key: nothing added or
  // deleted before it shifts the next page. Otherwise the last item is found again (resync).
  const headPage = !head
    ? null
    : afterKey !== undefined
      ? await fetchOrReport(head, { offset: startOffset, limit: first, after: afterKey })
      : lastShown === undefined
        ? await fetchOrReport(head, { offset: startOffset, limit: first })
        : await resynced(head, lastShown);
  if (head && headPage) hasNextPage = take(head, startOffset, headPage);
  if (!hasNextPage && rest.length > 0) {
    // The first source ran out: the rest are asked concurrently for what is still missing.
    const room = first - edges.length;
    const pages = await Promise.all(rest.map((source) => fetchOrReport(source, { offset: 0, limit: Math.max(room, 1) })));
    for (const [i, page] of pages.entries()) {
      if (!page) continue;
      if (edges.length === first) {
        // The page is full; it continues if this or a later source has anything.
        hasNextPage = pages.slice(i).some((next) => next && next.items.length > 0);
        break;
      }
      if (take(rest[i] as SourceEntry, 0, page)) {
        hasNextPage = true;
        break;
      }
    }
  }
  primeLoaders(context.loaders, edges.map((edge) => edge.node));
  return connection(edges, hasNextPage, Boolean(args.after), failed, resumeCursor);
}

/**
 * A list merged across sources by an order (Query.assets with orderBy): every source is
 * asked for `first` items from its own position, in that order, and the pages are merged
 * by the key (a k-way merge); the first `first` win. The cursor after each edge holds how
 * many items of each source precede it, so the next page asks each source from there. A
 * page costs one call per source (two round trips at most for vendors that page), and a
 * failing source adds nothing and reports itself, as in listAcrossSources.
 */
export async function listMergedAcrossSources(
  context: GatewayContext,
  info: GraphQLResolveInfo,
  selected: readonly SourceEntry[],
  args: ConnectionArgs,
  order: AssetOrderBy,
  fetch: (source: SourceEntry, window: Window) => Promise<Page<AssetModel>>,
  options: { skipped?: readonly SourceErrorModel[] } = {},
): Promise<Connection<AssetModel>> {
  const first = parseFirst(args.first);
  const signature = orderSignature(order);
  const start: Record<string, number> = args.after ? { ...decodeMergeCursor(args.after, signature).offsets } : {};
  const failed: SourceErrorModel[] = [...(options.skipped ?? [])];
  const pages = await Promise.all(
    selected.map((source) =>
      fetch(source, { offset: start[source.name] ?? 0, limit: first }).catch((error: unknown) => {
        failed.push(reportSourceError(context, info, error, source.name));
        return null;
      }),
    ),
  );
  const compare = compareAssets(order);
  const heads = selected.map(() => 0);
  const offsets = { ...start };
  const edges: Array<Edge<AssetModel>> = [];
  let resumeCursor: string | undefined;
  while (edges.length < first) {
    // A source whose page is used up but whose list goes on (a filtered scan that stopped
    // short) ends the page: its next items are unknown and may come first.
    const stalled = pages.findIndex((page, i) => page !== null && (heads[i] ?? 0) >= page.items.length && page.hasMore);
    if (stalled >= 0) {
      const page = pages[stalled];
      const name = (selected[stalled] as SourceEntry).name;
      if (page?.resumeAt !== undefined) offsets[name] = page.resumeAt;
      resumeCursor = encodeMergeCursor({ order: signature, offsets });
      break;
    }
    // The source whose next item comes first in the order (k is small: a linear scan).
    let best = -1;
    for (const [i, page] of pages.entries()) {
      const candidate = page?.items[heads[i] ?? 0];
      if (!candidate) continue;
      const current = best < 0 ? undefined : pages[best]?.items[heads[best] ?? 0];
      if (!current || compare(candidate, current) < 0) best = i;
    }
    if (best < 0) break;
    const source = selected[best] as SourceEntry;
    const page = pages[best];
    const node = page?.items[heads[best] ?? 0] as AssetModel;
    const position = page?.positions?.[heads[best] ?? 0];
    heads[best] = (heads[best] ?? 0) + 1;
    offsets[source.name] = position !== undefined ? position + 1 : (offsets[source.name] ?? 0) + 1;
    edges.push({ cursor: encodeMergeCursor({ order: signature, offsets }), node });
  }
  const hasNextPage = pages.some((page, i) => page !== null && (page.items.length > (heads[i] ?? 0) || page.hasMore));
  primeLoaders(context.loaders, edges.map((edge) => edge.node));
  return connection(edges, hasNextPage, Boolean(args.after), failed, resumeCursor);
}

/**
 * Records one source's failure for the response's `errors` (with the field's path) and
 * answers it for the connection's typed `sourceErrors`.
 */
export function reportSourceError(context: GatewayContext, info: GraphQLResolveInfo, error: unknown, source: string): SourceErrorModel {
  const formatted = toFormattedError(error);
  context.sourceErrors.push({ ...formatted, path: responsePathAsArray(info.path) });
  const code = formatted.extensions?.['code'];
  return { source, code: (typeof code === 'string' ? code : ErrorCode.INTERNAL_SERVER_ERROR) as ErrorCode, message: formatted.message };
}
