// Global object IDs (Relay): opaque to clients, stable, and carrying everything needed to
// find the object again: the object type, the source name and the vendor's native id.
//
//   base64url("mam1:Asset:iconik-main:5f1c...")
//
// Decoding validates every part before anything else happens, so a malformed, foreign or
// tampered ID is a BAD_USER_INPUT error and never reaches a vendor.
import { badUserInput } from './errors.js';
import type { NodeType } from './vendors/models.js';

const VERSION = 'mam1';
const NODE_TYPES: ReadonlySet<string> = new Set<GlobalType>(['Asset', 'Collection', 'Share', 'Job']);
/** Jobs belong to the gateway, not to a source: their IDs carry this in the source's place. */
export const JOBS_NAMESPACE = 'jobs';

/** What a global ID can name: an object of a source, or a gateway job. */
export type GlobalType = NodeType | 'Job';
const MAX_ID_LENGTH = 1024;
const MAX_NATIVE_ID_LENGTH = 512;

export interface DecodedId {
  readonly type: GlobalType;
  readonly source: string;
  readonly nativeId: string;
}

/** The BAD_USER_INPUT error for an ID that cannot name an object, saying why. */
export function invalidId(id: string, why: string) {
  const shown = id.length > 64 ? `${id.slice(0, 64)}...` : id;
  return badUserInput(`Invalid ID "${shown}": ${why}.`);
}

export function encodeGlobalId(type: GlobalType, source: string, nativeId: string): string {
  return Buffer.from(`${VERSION}:${type}:${source}:${nativeId}`, 'utf8').toString('base64url');
}

/**
 * Decodes and validates a global ID. `isKnownSource` rejects IDs of sources this gateway
 * does not serve; `expectedType` rejects an ID of another type (a Share ID where an Asset
 * is required).
 */
export function decodeGlobalId(
  id: string,
  isKnownSource: (name: string) => boolean,
  expectedType?: GlobalType,
): DecodedId {
  const invalid = (why: string) => invalidId(id, why);
  if (id.length === 0 || id.length > MAX_ID_LENGTH || !/^[A-Za-z0-9_-]+$/.test(id)) {
    throw invalid('not an ID issued by this gateway');
  }
  const text = Buffer.from(id, 'base64url').toString('utf8');
  // Only the canonical encoding is accepted, so one object has exactly one ID.
  if (Buffer.from(text, 'utf8').toString('base64url') !== id) throw invalid('not an ID issued by this gateway');
  const match = /^([^:]+):([^:]+):([^:]+):(.+)$/s.exec(text);
  if (!match || match[1] !== VERSION) throw invalid('not an ID issued by this gateway');
  const [, , type = '', source = '', nativeId = ''] = match;
  if (!NODE_TYPES.has(type)) throw invalid('unknown object type');
  if (type === 'Job' ? source !== JOBS_NAMESPACE : !isKnownSource(source)) throw invalid(`source "${source}" is not configured on this gateway`);
  if (nativeId.length > MAX_NATIVE_ID_LENGTH || /[\u0000-\u001f\u007f]/.test(nativeId)) throw invalid('malformed native id');
  // "." and ".." are resolved as dot segments by URL parsers even when percent-encoded
  // (iconik id "." became PATCH /assets/v1/assets/, iconik's bulk update): never a native id.
  if (nativeId.split('/').some((segment) => segment === '.' || segment === '..')) throw invalid('malformed native id');
  if (expectedType && type !== expectedType) throw invalid(`expected a ${expectedType} ID, got a ${type} ID`);
  return { type: type as GlobalType, source, nativeId };
}
