// Lists that run across sources (Query.assets, Query.collections): sources one after
// another in configuration order, each in its vendor's order. All remaining sources are
// asked concurrently for a full page, so a page costs one round trip whatever the number
// of sources. A source that fails adds no items and one entry in the response's `errors`
// (via context.sourceErrors); the other sources' items are still returned.
import { type GraphQLResolveInfo, responsePathAsArray } from 'graphql';
import type { GatewayContext } from '../context.js';
import { badUserInput } from '../errors.js';
import { primeLoaders } from '../loaders/create-loaders.js';
import { connection, parseFirst, type Connection, type ConnectionArgs, type Edge } from '../pagination/connection.js';
import { decodeSourceCursor, encodeSourceCursor } from '../pagination/cursor.js';
import type { SourceEntry } from '../sources.js';
import type { AssetModel, CollectionModel, Page, Window } from '../vendors/models.js';
import { toFormattedError } from '../http/format-error.js';

export async function listAcrossSources<T extends AssetModel | CollectionModel>(
  context: GatewayContext,
  info: GraphQLResolveInfo,
  selected: readonly SourceEntry[],
  args: ConnectionArgs,
  fetch: (source: SourceEntry, window: Window) => Promise<Page<T>>,
): Promise<Connection<T>> {
  const first = parseFirst(args.first);
  let startIndex = 0;
  let startOffset = 0;
  if (args.after) {
    const position = decodeSourceCursor(args.after);
    startIndex = selected.findIndex((source) => source.name === position.source);
    if (startIndex < 0) throw badUserInput('The "after" cursor belongs to a source outside this filter.');
    startOffset = position.offset + 1;
  }

  const remaining = selected.slice(startIndex);
  const pages = await Promise.all(
    remaining.map((source, i) =>
      fetch(source, { offset: i === 0 ? startOffset : 0, limit: first }).catch((error: unknown) => {
        reportSourceError(context, info, error);
        return null;
      }),
    ),
  );

  const edges: Array<Edge<T>> = [];
  let hasNextPage = false;
  for (const [i, page] of pages.entries()) {
    if (!page) continue;
    const source = remaining[i] as SourceEntry;
    const offset = i === 0 ? startOffset : 0;
    const room = first - edges.length;
    page.items.slice(0, room).forEach((node, j) => {
      edges.push({ cursor: encodeSourceCursor({ source: source.name, offset: offset + j }), node });
    });
    // Stop at the first source with more to give: later sources' items come after all of it.
    if (page.items.length > room || page.hasMore) {
      hasNextPage = true;
      break;
    }
    if (edges.length === first && pages.slice(i + 1).some((next) => next && next.items.length > 0)) {
      hasNextPage = true;
      break;
    }
  }
  primeLoaders(context.loaders, edges.map((edge) => edge.node));
  return connection(edges, hasNextPage, Boolean(args.after));
}

/** Records one source's failure for the response's `errors`, with the field's path. */
export function reportSourceError(context: GatewayContext, info: GraphQLResolveInfo, error: unknown): void {
  context.sourceErrors.push({ ...toFormattedError(error), path: responsePathAsArray(info.path) });
}
