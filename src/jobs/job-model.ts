// What a background job is, as the schema's Job shows it (codegen maps Job onto JobModel).
// Jobs are plain data so a store can keep them anywhere (in process now; Redis with BullMQ
// is the durable store, issue 15).
import type { ErrorCode, JobItemState, JobState, TransferConflict, TransferMode } from '../generated/resolvers-types.js';
import type { NativeRef } from '../vendors/models.js';

export interface JobItemError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly source: string | null;
}

export interface JobItemModel {
  /** The asset to transfer; null for an import. */
  readonly source: NativeRef | null;
  /** The URL an import fetches from; null for a transfer. */
  readonly sourceUrl: string | null;
  /** The file name an import asked for. */
  readonly fileName: string | null;
  state: JobItemState;
  /** The asset created at the destination, once the vendor has given it an id. */
  destination: NativeRef | null;
  bytesTotal: number | null;
  bytesDone: number;
  error: JobItemError | null;
  /** The destination upload, kept so a retry or another worker can resume or cancel it. */
  uploadId: string | null;
}

export interface JobModel {
  readonly objectType: 'Job';
  readonly id: string;
  readonly kind: 'TRANSFER';
  readonly mode: TransferMode;
  readonly conflict: TransferConflict;
  /** The destination collection. */
  readonly destination: NativeRef;
  state: JobState;
  readonly items: JobItemModel[];
  readonly createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** Set when the job was asked to stop; running items stop at their next part. */
  cancelRequested: boolean;
  /** How many times the job was retried (queue ids of retried items differ by it). */
  attempt: number;
}

/** The job's state from its items' (once none is queued or running). */
export function settledState(job: JobModel): JobState {
  if (job.cancelRequested) return 'CANCELLED';
  const states = job.items.map((item) => item.state);
  if (states.every((state) => state === 'SUCCEEDED' || state === 'SKIPPED')) return 'SUCCEEDED';
  if (states.every((state) => state === 'FAILED' || state === 'CANCELLED')) return 'FAILED';
  return 'PARTIAL';
}
