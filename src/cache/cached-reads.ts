// Puts the optional shared cache in front of the by-id reads of the loaders. Keys carry the
// source, a fingerprint of the credentials this request uses for it, the object type and
// the native id: `mam:<source>:<credentials>:<type>:<id>`.
import { createHash } from 'node:crypto';
import type { RequestScope } from '../request-scope.js';
import type { BatchResult, VendorAdapter } from '../vendors/adapter.js';
import type { NativeRef, NodeModel, NodeType } from '../vendors/models.js';
import type { ReadCache } from './read-cache.js';
import { compareCodeUnits } from '../text-order.js';

export interface CacheBinding {
  readonly cache: ReadCache;
  readonly ttlMs: (source: string) => number;
  /** The credentials the current request sent (set on the per-request binding in the context). */
  readonly requestCredentials?: RequestScope['credentials'];
}

const CONFIGURED = 'configured';

/**
 * Asset states that change without a write through this gateway: transient ones settle on
 * the vendor's schedule (a Nomad move, an archive), and DELETED ones leave the bin when it
 * is emptied or purged elsewhere. Such assets are never cached; everything else is, for
 * the source's TTL, and writes through the gateway invalidate what they touch.
 */
const UNCACHED_STATUSES: ReadonlySet<string> = new Set(['UPLOADING', 'PROCESSING', 'COPYING', 'MOVING', 'ARCHIVING', 'RESTORING', 'DELETING', 'DELETED']);
const cacheable = (value: NodeModel) => value.objectType !== 'Asset' || !UNCACHED_STATUSES.has(value.status);
const DATE_FIELDS = new Set(['createdAt', 'updatedAt', 'deletedAt', 'expiresAt']);

/** Who is asking: the configured credentials, or a hash of the per-request ones. */
function credentialFingerprint(binding: CacheBinding, source: string): string {
  const sent = binding.requestCredentials?.get(source);
  if (!sent) return CONFIGURED;
  const canonical = JSON.stringify(Object.entries(sent).sort(([a], [b]) => compareCodeUnits(a, b)));
  return createHash('sha256').update(canonical).digest('hex').slice(0, 24);
}

const keyOf = (source: string, fingerprint: string, type: NodeType, nativeId: string) =>
  `mam:${source}:${fingerprint}:${type}:${nativeId}`;

const revive = (_key: string, value: unknown) => (DATE_FIELDS.has(_key) && typeof value === 'string' ? new Date(value) : value);

/** Wraps a by-id batch read: cached entries are served, only misses reach the vendor. */
export function cachedRead<M extends NodeModel>(
  binding: CacheBinding | undefined,
  type: M['objectType'],
  load: (adapter: VendorAdapter, keys: readonly NativeRef[]) => Promise<BatchResult<M | null>>,
): (adapter: VendorAdapter, keys: readonly NativeRef[]) => Promise<BatchResult<M | null>> {
  if (!binding) return load;
  return async (adapter, keys) => {
    const source = keys[0]?.source ?? '';
    const fingerprint = credentialFingerprint(binding, source);
    const cacheKeys = keys.map((key) => keyOf(source, fingerprint, type, key.nativeId));
    const hits = await binding.cache.getMany(cacheKeys);
    const missing = keys.filter((_key, i) => hits[i] === undefined);
    const loaded = missing.length > 0 ? await load(adapter, missing) : [];
    const fresh = new Map(missing.map((key, i) => [key.nativeId, loaded[i]]));
    await binding.cache.setMany(
      [...fresh].flatMap(([nativeId, value]) =>
        value && !(value instanceof Error) && cacheable(value) ? [[keyOf(source, fingerprint, type, nativeId), JSON.stringify(value)] as const] : [],
      ),
      binding.ttlMs(source),
    );
    return keys.map((key, i) => {
      const hit = hits[i];
      return hit !== undefined ? (JSON.parse(hit, revive) as M) : (fresh.get(key.nativeId) as M | Error | null);
    });
  };
}

/**
 * Drops the entries our own mutation touched: those of the credentials this request used,
 * and those of the configured credentials. Entries of other per-request credentials
 * expire with their TTL.
 */
export async function invalidate(binding: CacheBinding | undefined, type: NodeType, refs: readonly NativeRef[]): Promise<void> {
  if (!binding || refs.length === 0) return;
  const keys = refs.flatMap((ref) => {
    const fingerprints = new Set([credentialFingerprint(binding, ref.source), CONFIGURED]);
    return [...fingerprints].map((fingerprint) => keyOf(ref.source, fingerprint, type, ref.nativeId));
  });
  await binding.cache.delete(keys);
}
