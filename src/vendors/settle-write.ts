// One write's per-id outcome from what was sent and what a read-back shows, the same rule
// for every vendor (issue 13: no write reported wrong):
//
// - the read-back shows the wanted end state: success, even when the call failed (its
//   answer was lost after the vendor acted);
// - otherwise a call that was refused says why (its own error), and one whose answer was
//   lost is OUTCOME_UNKNOWN: the vendor may still apply a request it had not answered;
// - a read-back that failed leaves the outcome open: OUTCOME_UNKNOWN, unless the call failed
//   in a way that proves nothing was done (a refusal other than NOT_FOUND, not a timeout or a
//   dropped answer), or
//   succeeded with a per-item answer that proves it was done (`answerProves`);
// - an asset that is gone is a success only for a write that removes it and was not
//   refused: a purge refused as NOT_FOUND stays NOT_FOUND (that id may never have existed).
import { ErrorCode, GatewayError, isAmbiguous, isNotFound, notFound, outcomeUnknown, type ErrorOrigin } from '../errors.js';
import type { BatchResult, WriteResult } from './adapter.js';
import type { AssetModel } from './models.js';

export interface EndState {
  /** The asset is as the write should have left it. */
  readonly succeeded: (asset: AssetModel) => boolean;
  /** Why it is not, for an asset the call did not fail on. */
  readonly failure: string;
  /** The asset being gone is the wanted end state (a permanent delete). */
  readonly goneIsSuccess?: boolean;
  /** Extra detail on success (for example a note). */
  readonly note?: string;
  /** A call that succeeded answered for its own item (not a whole batch): trust it when the read-back fails. */
  readonly answerProves?: boolean;
}

export function settleWrite(
  origin: ErrorOrigin,
  ids: readonly string[],
  calls: ReadonlyArray<unknown>,
  after: BatchResult<AssetModel | null>,
  end: EndState,
): WriteResult {
  return ids.map((id, i) => {
    const call = calls[i];
    const failed = call instanceof Error ? call : null;
    const asset = after[i];
    const note = end.note ? { note: end.note } : {};
    const refused = failed !== null && !isAmbiguous(failed);
    if (asset instanceof Error) {
      // NOT_FOUND may mean another caller made the same change first: only the read-back could tell.
      if (refused && !isNotFound(failed)) return failed;
      return !failed && end.answerProves ? { asset: null, ...note } : outcomeUnknown(origin, `Asset ${id}`);
    }
    if (!asset) {
      if (end.goneIsSuccess && !refused) return { asset: null, ...note };
      return failed && !refused ? outcomeUnknown(origin, `Asset ${id}`, 'not-visible') : (failed ?? notFound(origin, `Asset ${id}`));
    }
    if (end.succeeded(asset)) return { asset, ...note };
    if (failed) return refused ? failed : outcomeUnknown(origin, `Asset ${id}`, 'not-visible');
    return new GatewayError(ErrorCode.UPSTREAM_REJECTED, `Asset ${id}: ${end.failure}.`, origin);
  });
}

/** A lost copy is looked for among this many of the destination's newest assets. */
export const COPY_LOOKBACK = 50;
/** Leeway between our clock and the vendor's when comparing its creation time with when we sent the copy. */
const COPY_CLOCK_LEEWAY_MS = 60_000;

/**
 * A copy whose answer was lost (vendors give copies ids of their own and take no
 * idempotency key): read the original, then look among the destination's newest assets
 * (`newestInDestination`) for one of the same title created since the call was sent.
 * Exactly one is the copy; none or several cannot be told from other work, and a read
 * that fails proves nothing: OUTCOME_UNKNOWN (a retry could copy twice).
 */
export async function findLostCopy(
  origin: ErrorOrigin,
  readOriginal: () => Promise<AssetModel | Error | null | undefined>,
  newestInDestination: () => Promise<readonly AssetModel[]>,
  sentAt: number,
): Promise<AssetModel> {
  try {
    const original = await readOriginal();
    if (original && !(original instanceof Error)) {
      const copies = (await newestInDestination()).filter(
        (asset) => asset.nativeId !== original.nativeId && asset.title === original.title && (asset.createdAt?.getTime() ?? 0) >= sentAt - COPY_CLOCK_LEEWAY_MS,
      );
      if (copies.length === 1 && copies[0]) return copies[0];
    }
  } catch {
    // The read-back failed too: the outcome stays unknown.
  }
  throw outcomeUnknown(origin, 'Copy of the asset');
}
