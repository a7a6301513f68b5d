// Durable jobs on Redis with BullMQ (when REDIS_URL is set): each item of a job is one
// queue entry, so any gateway instance or `npm run worker` process can run it. A worker
// that dies mid-file stops renewing its lock; BullMQ hands the entry to another worker
// (stalled-job recovery), which resumes the item's upload after its completed parts (the
// item's upload id is checkpointed in the job store before any byte moves).
import { Queue, Worker } from 'bullmq';
import type { ItemProcessor, JobExecutor } from './job-runner.js';

const QUEUE = 'mam-transfers';

export interface BullMqOptions {
  /** Run workers in this process (gateway instances do by default; `npm run worker` only does). */
  readonly workers: boolean;
  /** Items at once per worker process. */
  readonly concurrency: number;
  /** How long a worker's claim on an item lasts without renewal: a dead worker's item moves after it. */
  readonly lockDurationMs: number;
}

export class BullMqExecutor implements JobExecutor {
  private readonly queue: Queue;
  private worker: Worker | undefined;

  constructor(
    private readonly redisUrl: string,
    private readonly options: BullMqOptions,
  ) {
    this.queue = new Queue(QUEUE, { connection: { url: redisUrl, maxRetriesPerRequest: null } });
    // Connection trouble is reported by the job store's client (./create-job-runner.ts).
    this.queue.on('error', () => undefined);
  }

  start(process: ItemProcessor): void {
    if (!this.options.workers) return;
    this.worker = new Worker<{ jobId: string; index: number }>(QUEUE, async (entry) => process(entry.data.jobId, entry.data.index), {
      connection: { url: this.redisUrl, maxRetriesPerRequest: null },
      concurrency: this.options.concurrency,
      lockDuration: this.options.lockDurationMs,
      stalledInterval: Math.max(500, Math.floor(this.options.lockDurationMs / 2)),
      // An item whose worker keeps dying is given up after this many hand-overs.
      maxStalledCount: 5,
    });
    // Failures are recorded on the item by the processor; the worker only logs transport trouble.
    this.worker.on('error', () => undefined);
  }

  async enqueue(jobId: string, items: ReadonlyArray<{ index: number }>, attempt: number): Promise<void> {
    await this.queue.addBulk(
      items.map(({ index }) => ({
        name: 'transfer-item',
        data: { jobId, index },
        // One entry per item and attempt: enqueuing twice does not run it twice.
        opts: { jobId: `${jobId}-${index}-${attempt}`, removeOnComplete: true, removeOnFail: 1000 },
      })),
    );
  }

  async drain(): Promise<void> {}

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }
}
