// The fan-out of bulk asset mutations, in one place:
//
//  1. every ID is decoded first; a malformed or foreign ID fails its own item with
//     BAD_USER_INPUT and is never sent anywhere;
//  2. the valid IDs are grouped per source (duplicates sent once) and each source gets one
//     adapter call, all sources concurrently; the adapter uses the vendor's batch endpoint
//     where there is one, else per-item calls under a concurrency cap;
//  3. a source without the capability fails its items with UNSUPPORTED, a failing vendor
//     fails only its own items; nothing is dropped;
//  4. the request's DataLoader caches (and the optional shared cache) are cleared for every
//     touched asset, and the assets the vendor returned are primed, so the payload (and any later field of the same
//     request) shows the new state;
//  5. every asset a write changed is published to live subscribers (src/live/), and those
//     left in a transient status are polled until they settle;
//  6. results come back one per requested ID, in request order.
//
// Writes are sent once and never retried here (UpstreamClient does not retry either).
import { invalidate } from '../cache/cached-reads.js';
import type { GatewayContext } from '../context.js';
import { ErrorCode, GatewayError, badUserInput } from '../errors.js';
import { toFormattedError } from '../normalize-error.js';
import type { DecodedId } from '../ids.js';
import type { SourceEntry } from '../sources.js';
import type { PortName, VendorAdapter, WriteOutcome, WriteResult } from '../vendors/adapter.js';
import { requirePort } from '../vendors/capabilities.js';
import type { AssetModel } from '../vendors/models.js';
import type { AssetChangeKind } from '../generated/resolvers-types.js';
import type { AssetWrite } from '../live/live-updates.js';

/** Most IDs one bulk mutation may carry. */
export const MAX_BULK_IDS = 1000;

export interface ItemError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly source: string | null;
}

export interface AssetItemResult {
  readonly id: string;
  readonly ok: boolean;
  readonly asset: AssetModel | null;
  readonly error: ItemError | null;
  readonly note: string | null;
  readonly replacedBy: AssetModel | null;
}

export interface FanOutOperation<P extends PortName = PortName> {
  /** The port a source needs for this operation (no port: its items fail as UNSUPPORTED). */
  readonly port: P;
  /** Words for UNSUPPORTED messages, e.g. "deleting assets". */
  readonly describe: string;
  /** Runs the operation on one source's native ids (unique, in first-seen order). */
  readonly run: (port: NonNullable<VendorAdapter[P]>, nativeIds: readonly string[], source: SourceEntry) => Promise<WriteResult>;
  /** What a success did, for live subscribers: CREATED means the outcome's asset is a new one (a copy). */
  readonly change: AssetChangeKind;
  /** Per-item check before anything is sent (e.g. same source as the destination). */
  readonly precheck?: (id: DecodedId) => GatewayError | null;
}

export async function fanOutAssets<P extends PortName>(context: GatewayContext, ids: readonly string[], operation: FanOutOperation<P>): Promise<AssetItemResult[]> {
  if (ids.length > MAX_BULK_IDS) throw badUserInput(`"ids" may hold at most ${MAX_BULK_IDS} IDs; got ${ids.length}.`);

  // Each item: its decoded ID when it could be read, and the error that stops it, if any.
  const decoded = ids.map((id): { ref: DecodedId | null; error: GatewayError | null } => {
    try {
      const ref = context.sources.decode(id, 'Asset');
      return { ref, error: operation.precheck?.(ref) ?? null };
    } catch (error) {
      return { ref: null, error: error instanceof GatewayError ? error : badUserInput(`Invalid ID "${id.slice(0, 64)}".`) };
    }
  });

  // A Set per source keeps first-seen order and drops duplicates in one pass (1,000 IDs of
  // one source compared pairwise cost half a million string comparisons).
  const idsBySource = new Map<string, Set<string>>();
  for (const { ref, error } of decoded) {
    if (!ref || error) continue;
    const nativeIds = idsBySource.get(ref.source) ?? new Set<string>();
    nativeIds.add(ref.nativeId);
    idsBySource.set(ref.source, nativeIds);
  }
  const bySource = new Map([...idsBySource].map(([source, nativeIds]) => [source, [...nativeIds]] as const));

  const outcomes = new Map<string, WriteOutcome | Error>();
  const key = (source: string, nativeId: string) => `${source}\u0000${nativeId}`;
  const refOf = (joined: string) => {
    const [source = '', nativeId = ''] = joined.split('\u0000');
    return { source, nativeId };
  };
  await Promise.all(
    [...bySource].map(async ([sourceName, nativeIds]) => {
      const source = context.sources.get(sourceName);
      let results: WriteResult;
      try {
        results = await operation.run(requirePort(source, operation.port, operation.describe), nativeIds, source);
        if (results.length !== nativeIds.length) throw new Error(`adapter answered ${results.length} results for ${nativeIds.length} ids`);
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        results = nativeIds.map(() => failure);
      }
      nativeIds.forEach((nativeId, i) => {
        const ref = { source: sourceName, nativeId };
        context.loaders.assets.clear(ref);
        context.loaders.assetShares.clear(ref);
        const outcome = results[i] as WriteOutcome | Error;
        if (!(outcome instanceof Error) && outcome.asset) context.loaders.assets.clear(outcome.asset).prime(outcome.asset, outcome.asset);
        outcomes.set(key(sourceName, nativeId), outcome);
      });
    }),
  );

  const touched = [...bySource].flatMap(([source, nativeIds]) => nativeIds.map((nativeId) => ({ source, nativeId })));
  await invalidate(context.cache, 'Asset', touched);
  context.live.assetsChanged(
    [...outcomes].flatMap(([ref, outcome]) => (outcome instanceof Error ? [] : changesOf(refOf(ref), outcome, operation.change))),
    'WRITE',
    context.scope.credentials,
  );

  return ids.map((id, i) => {
    const { ref, error } = decoded[i] as { ref: DecodedId | null; error: GatewayError | null };
    const outcome = error ?? (ref ? (outcomes.get(key(ref.source, ref.nativeId)) as WriteOutcome | Error) : badUserInput('Invalid ID.'));
    if (outcome instanceof Error) return { id, ok: false, asset: null, error: itemError(outcome, ref), note: null, replacedBy: null };
    return { id, ok: true, asset: outcome.asset, error: null, note: outcome.note ?? null, replacedBy: outcome.replacedBy ?? null };
  });
}

/** The asset changes one successful write made. */
function changesOf(ref: { source: string; nativeId: string }, outcome: WriteOutcome, change: AssetChangeKind): AssetWrite[] {
  const { asset, replacedBy } = outcome;
  // A copy: the new asset was created (the original is unchanged); unknown when not answered.
  if (change === 'CREATED') return asset ? [{ ref: asset, kind: 'CREATED', status: asset.status }] : [];
  const changes: AssetWrite[] = [{ ref, kind: change, status: asset?.status ?? null }];
  // A move that changed the ID (NCP): the old ID is gone, the new one is there.
  if (replacedBy) changes.splice(0, 1, { ref, kind: 'DELETED', status: null }, { ref: replacedBy, kind: 'CREATED', status: replacedBy.status });
  return changes;
}

function itemError(error: Error, ref: DecodedId | null): ItemError {
  const formatted = toFormattedError(error);
  const code = formatted.extensions?.['code'];
  const origin = error instanceof GatewayError ? error.origin : undefined;
  return {
    code: (typeof code === 'string' ? code : ErrorCode.INTERNAL_SERVER_ERROR) as ErrorCode,
    message: formatted.message,
    source: origin?.source ?? ref?.source ?? null,
  };
}
