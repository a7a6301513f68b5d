// Builds Relay connections from vendor pages. Every connection field takes `first`
// (1..MAX_FIRST, default DEFAULT_FIRST) and `after`; the cap keeps one query from asking a
// vendor for thousands of objects.
import { badUserInput, type ErrorCode } from '../errors.js';
import type { Page, Window } from './window.js';
import { decodeOffsetCursor, encodeOffsetCursor } from './cursor.js';
import { sliceWindow } from './page-window.js';

export const DEFAULT_FIRST = 20;
export const MAX_FIRST = 100;

export interface Edge<T> {
  readonly cursor: string;
  readonly node: T;
}

/** A source missing from a cross-source page, and why (the schema's SourceError). */
export interface SourceErrorModel {
  readonly source: string;
  readonly code: ErrorCode;
  readonly message: string;
}

export interface Connection<T> {
  readonly edges: Array<Edge<T>>;
  /** Sources whose items are missing from this page (cross-source lists only). */
  readonly sourceErrors: SourceErrorModel[];
  readonly pageInfo: {
    readonly hasNextPage: boolean;
    readonly hasPreviousPage: boolean;
    readonly startCursor: string | null;
    readonly endCursor: string | null;
  };
}

export interface ConnectionArgs {
  readonly first?: number | null;
  readonly after?: string | null;
}

export function parseFirst(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_FIRST;
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) {
    throw badUserInput(`"first" must be between 1 and ${MAX_FIRST}; got ${first}.`);
  }
  return first;
}

/** The window an offset-cursor connection asks for. */
export function windowOf(args: ConnectionArgs): Window {
  const limit = parseFirst(args.first);
  const offset = args.after ? decodeOffsetCursor(args.after) + 1 : 0;
  return { offset, limit };
}

export function connection<T>(
  edges: Array<Edge<T>>,
  hasNextPage: boolean,
  hasPreviousPage: boolean,
  sourceErrors: SourceErrorModel[] = [],
  /** Where the next page starts when that is past the last edge (a filtered scan that stopped short). */
  resumeCursor?: string,
): Connection<T> {
  return {
    edges,
    sourceErrors,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: resumeCursor ?? edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

export function connectionFromPage<T>(page: Page<T>, window: Window): Connection<T> {
  const edges = page.items.map((node, i) => ({ cursor: encodeOffsetCursor(window.offset + i), node }));
  return connection(edges, page.hasMore, window.offset > 0);
}

/** Pages through a list that is already in memory (an asset's collections or shares). */
export function connectionFromArray<T>(items: readonly T[], args: ConnectionArgs): Connection<T> {
  const window = windowOf(args);
  return connectionFromPage(sliceWindow(items, window), window);
}
