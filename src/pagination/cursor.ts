// Opaque cursors. Inside, a cursor is a position: an offset in a single-source list, or a
// source name plus an offset in a list that runs across sources. Decoding validates, so a
// forged or foreign cursor is a BAD_USER_INPUT error, never a strange vendor request.
import { badUserInput } from '../errors.js';

const MAX_OFFSET = 1_000_000;

export interface SourcePosition {
  readonly source: string;
  readonly offset: number;
}

export function encodeOffsetCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

export function encodeSourceCursor(position: SourcePosition): string {
  return Buffer.from(`s:${position.offset}:${position.source}`, 'utf8').toString('base64url');
}

export function decodeOffsetCursor(cursor: string): number {
  const match = /^o:(\d{1,7})$/.exec(decode(cursor));
  return checkedOffset(match?.[1], cursor);
}

export function decodeSourceCursor(cursor: string): SourcePosition {
  const match = /^s:(\d{1,7}):(.+)$/s.exec(decode(cursor));
  return { offset: checkedOffset(match?.[1], cursor), source: match?.[2] ?? '' };
}

function decode(cursor: string): string {
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return '';
  return Buffer.from(cursor, 'base64url').toString('utf8');
}

function checkedOffset(digits: string | undefined, cursor: string): number {
  const offset = digits === undefined ? NaN : Number(digits);
  if (!Number.isInteger(offset) || offset > MAX_OFFSET) {
    throw badUserInput(`Invalid cursor "${cursor.slice(0, 64)}": use a cursor returned by this field.`);
  }
  return offset;
}
