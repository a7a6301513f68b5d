// Publishes a job change each time the job store records one, whichever process runs the
// job (a gateway instance or `npm run worker`): the store is the one place every job
// write goes through. Item saves during a transfer (progress) are coalesced to at most one
// event per job every `progressEveryMs`, with a trailing one so the last progress is never
// lost; header updates (started, cancelled, finished) go out at once.
import type { JobHeaderPatch, JobStore } from '../jobs/job-store.js';
import type { JobItemModel, JobModel } from '../jobs/job-model.js';
import type { NativeRef } from '../vendors/models.js';

export interface JobChangeListener {
  /** The job changed. */
  readonly job: (jobId: string) => void;
  /** An item succeeded: its destination asset is new. */
  readonly assetCreated?: (ref: NativeRef) => void;
}

export function notifyingJobStore(store: JobStore, listener: JobChangeListener, progressEveryMs = 250): JobStore {
  const notify = listener.job;
  const last = new Map<string, number>();
  const trailing = new Map<string, NodeJS.Timeout>();
  const now = (jobId: string) => {
    const timer = trailing.get(jobId);
    if (timer) clearTimeout(timer);
    trailing.delete(jobId);
    last.set(jobId, Date.now());
    notify(jobId);
  };
  const soon = (jobId: string) => {
    const wait = (last.get(jobId) ?? 0) + progressEveryMs - Date.now();
    if (wait <= 0) return now(jobId);
    if (trailing.has(jobId)) return;
    const timer = setTimeout(() => now(jobId), wait);
    timer.unref();
    trailing.set(jobId, timer);
  };
  return {
    get: (id) => store.get(id),
    list: () => store.list(),
    close: async () => {
      trailing.forEach((timer) => clearTimeout(timer));
      await store.close();
    },
    async create(job: JobModel) {
      await store.create(job);
      now(job.id);
    },
    async saveItem(jobId: string, index: number, item: JobItemModel) {
      await store.saveItem(jobId, index, item);
      if (item.state === 'SUCCEEDED' && item.destination) listener.assetCreated?.(item.destination);
      // An item reaching its end is worth an event at once; bytes moving are progress.
      if (item.state === 'RUNNING') soon(jobId);
      else now(jobId);
    },
    async update(jobId: string, patch: JobHeaderPatch) {
      await store.update(jobId, patch);
      now(jobId);
    },
    async finish(jobId: string, retentionMs: number) {
      await store.finish(jobId, retentionMs);
      now(jobId);
      last.delete(jobId);
    },
  };
}
