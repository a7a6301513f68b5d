// Where jobs are kept. In process (the embedded default) a Map; with Redis, one hash per job
// (its header, and one field per item, so workers on different machines update different
// items without overwriting each other), an index sorted by creation time, and a TTL once
// the job has finished. The job's state is derived from its items when read, never stored.
import type { Redis } from 'ioredis';
import type { JobState } from '../generated/resolvers-types.js';
import { settledState, type JobItemModel, type JobModel } from './job-model.js';

export interface JobHeaderPatch {
  cancelRequested?: boolean;
  attempt?: number;
  startedAt?: Date | null;
  finishedAt?: Date | null;
}

export interface JobStore {
  create(job: JobModel): Promise<void>;
  get(id: string): Promise<JobModel | null>;
  /** Newest first. */
  list(): Promise<JobModel[]>;
  saveItem(jobId: string, index: number, item: JobItemModel): Promise<void>;
  update(jobId: string, patch: JobHeaderPatch): Promise<void>;
  /** The job finished now: keep it `retentionMs` more. */
  finish(jobId: string, retentionMs: number): Promise<void>;
  close(): Promise<void>;
}

/** The state a job is in, from its items and header (stores keep no state of their own). */
export function deriveState(job: JobModel): JobState {
  const states = job.items.map((item) => item.state);
  if (states.some((state) => state === 'RUNNING')) return 'RUNNING';
  if (states.some((state) => state === 'QUEUED')) return states.every((state) => state === 'QUEUED') && !job.startedAt ? 'QUEUED' : 'RUNNING';
  return settledState(job);
}

export class MemoryJobStore implements JobStore {
  private readonly jobs = new Map<string, JobModel>();

  async create(job: JobModel): Promise<void> {
    this.jobs.set(job.id, job);
  }

  async get(id: string): Promise<JobModel | null> {
    const job = this.jobs.get(id);
    if (job) job.state = deriveState(job);
    return job ?? null;
  }

  async list(): Promise<JobModel[]> {
    const all = await Promise.all([...this.jobs.keys()].map((id) => this.get(id)));
    return all.filter((job): job is JobModel => job !== null).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }

  async saveItem(jobId: string, index: number, item: JobItemModel): Promise<void> {
    const job = this.jobs.get(jobId);
    if (job && job.items[index] !== item) job.items[index] = item;
  }

  async update(jobId: string, patch: JobHeaderPatch): Promise<void> {
    const job = this.jobs.get(jobId);
    if (job) Object.assign(job, patch);
  }

  async finish(jobId: string, retentionMs: number): Promise<void> {
    setTimeout(() => this.jobs.delete(jobId), retentionMs).unref();
  }

  async close(): Promise<void> {}
}

const PREFIX = 'mam:jobs';
const INDEX = `${PREFIX}:index`;
/** How many jobs Query.jobs reads from Redis at most (newest first). */
const LIST_LIMIT = 500;

type Header = Omit<JobModel, 'items' | 'state'>;

const reviveDates = (_key: string, value: unknown) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value) ? new Date(value) : value;

export class RedisJobStore implements JobStore {
  constructor(private readonly redis: Redis) {}

  private key(id: string) {
    return `${PREFIX}:${id}`;
  }

  async create(job: JobModel): Promise<void> {
    const { items, state: _state, ...header } = job;
    const fields: Record<string, string> = { header: JSON.stringify(header) };
    items.forEach((item, i) => (fields[`item:${i}`] = JSON.stringify(item)));
    await this.redis.multi().hset(this.key(job.id), fields).zadd(INDEX, job.createdAt.getTime(), job.id).exec();
  }

  async get(id: string): Promise<JobModel | null> {
    const fields = await this.redis.hgetall(this.key(id));
    if (!fields['header']) return null;
    const header = JSON.parse(fields['header'], reviveDates) as Header;
    const items = Object.entries(fields)
      .filter(([name]) => name.startsWith('item:'))
      .sort(([a], [b]) => Number(a.slice(5)) - Number(b.slice(5)))
      .map(([, value]) => JSON.parse(value, reviveDates) as JobItemModel);
    const job: JobModel = { ...header, items, state: 'QUEUED' };
    job.state = deriveState(job);
    return job;
  }

  async list(): Promise<JobModel[]> {
    const ids = await this.redis.zrevrange(INDEX, 0, LIST_LIMIT - 1);
    const jobs = await Promise.all(ids.map((id) => this.get(id)));
    const gone = ids.filter((_id, i) => jobs[i] === null);
    if (gone.length) await this.redis.zrem(INDEX, ...gone);
    return jobs.filter((job): job is JobModel => job !== null);
  }

  async saveItem(jobId: string, index: number, item: JobItemModel): Promise<void> {
    await this.redis.hset(this.key(jobId), `item:${index}`, JSON.stringify(item));
  }

  async update(jobId: string, patch: JobHeaderPatch): Promise<void> {
    // The header is small and written rarely (start, cancel, finish): read, merge, write.
    const raw = await this.redis.hget(this.key(jobId), 'header');
    if (!raw) return;
    const header = { ...(JSON.parse(raw, reviveDates) as Header), ...patch };
    await this.redis.hset(this.key(jobId), 'header', JSON.stringify(header));
  }

  async finish(jobId: string, retentionMs: number): Promise<void> {
    await this.redis.pexpire(this.key(jobId), retentionMs);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
