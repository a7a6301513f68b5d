// Opaque cursors. Inside, a cursor is a position: an offset in a single-source list, or a
// source name plus an offset in a list that runs across sources. Decoding validates, so a
// forged or foreign cursor is a BAD_USER_INPUT error, never a strange vendor request.
import { badUserInput } from '../errors.js';

const MAX_OFFSET = 1_000_000;

export interface SourcePosition {
  readonly source: string;
  readonly offset: number;
  /** The native id of the item at `offset`, so the next page can find it again if it moved. */
  readonly nativeId?: string;
  /** The vendor's keyset key of that item (Page.keys), when the vendor has keyset paging. */
  readonly key?: string;
}

/** A position in a list merged across sources by an order: how many items of each source come before it. */
export interface MergePosition {
  readonly order: string;
  readonly offsets: Readonly<Record<string, number>>;
}

export function encodeMergeCursor(position: MergePosition): string {
  return Buffer.from(`m:${position.order}:${JSON.stringify(position.offsets)}`, 'utf8').toString('base64url');
}

/** The merge position in `cursor`, which must have been made for the same order. */
export function decodeMergeCursor(cursor: string, order: string): MergePosition {
  const text = decode(cursor);
  const prefix = `m:${order}:`;
  const invalid = () => badUserInput(`Invalid cursor "${cursor.slice(0, 64)}": use a cursor returned by this field with the same orderBy.`);
  if (!text.startsWith(prefix)) throw invalid();
  let offsets: unknown;
  try {
    offsets = JSON.parse(text.slice(prefix.length));
  } catch {
    throw invalid();
  }
  if (typeof offsets !== 'object' || offsets === null || Array.isArray(offsets)) throw invalid();
  for (const value of Object.values(offsets)) {
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > MAX_OFFSET) throw invalid();
  }
  return { order, offsets: offsets as Record<string, number> };
}

export function encodeOffsetCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

export function encodeSourceCursor(position: SourcePosition): string {
  if (position.key !== undefined) {
    return Buffer.from(`k:${JSON.stringify({ o: position.offset, s: position.source, i: position.nativeId, k: position.key })}`, 'utf8').toString('base64url');
  }
  // Source names never hold "|" (config.ts), so it separates the optional native id.
  const id = position.nativeId !== undefined ? `|${position.nativeId}` : '';
  return Buffer.from(`s:${position.offset}:${position.source}${id}`, 'utf8').toString('base64url');
}

export function decodeOffsetCursor(cursor: string): number {
  const match = /^o:(\d{1,7})$/.exec(decode(cursor));
  return checkedOffset(match?.[1], cursor);
}

export function decodeSourceCursor(cursor: string): SourcePosition {
  const text = decode(cursor);
  if (text.startsWith('k:')) return decodeKeysetCursor(text.slice(2), cursor);
  const match = /^s:(\d{1,7}):([^|]+)(?:\|(.+))?$/s.exec(text);
  const offset = checkedOffset(match?.[1], cursor);
  return { offset, source: match?.[2] ?? '', ...(match?.[3] !== undefined ? { nativeId: match[3] } : {}) };
}

function decodeKeysetCursor(json: string, cursor: string): SourcePosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    parsed = null;
  }
  const { o, s, i, k } = (parsed ?? {}) as { o?: unknown; s?: unknown; i?: unknown; k?: unknown };
  const offset = checkedOffset(Number.isInteger(o) ? String(o) : undefined, cursor);
  if (typeof s !== 'string' || !s || typeof k !== 'string' || (i !== undefined && typeof i !== 'string')) {
    throw badUserInput(`Invalid cursor "${cursor.slice(0, 64)}": use a cursor returned by this field.`);
  }
  return { offset, source: s, key: k, ...(i !== undefined ? { nativeId: i } : {}) };
}

function decode(cursor: string): string {
  if (cursor.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return '';
  return Buffer.from(cursor, 'base64url').toString('utf8');
}

function checkedOffset(digits: string | undefined, cursor: string): number {
  const offset = digits === undefined ? NaN : Number(digits);
  if (!Number.isInteger(offset) || offset > MAX_OFFSET) {
    throw badUserInput(`Invalid cursor "${cursor.slice(0, 64)}": use a cursor returned by this field.`);
  }
  return offset;
}
