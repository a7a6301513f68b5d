// Which job runner a process gets: with Redis (REDIS_URL), jobs are kept in Redis and run
// through BullMQ by any instance's workers, and survive restarts; without it, in process.
// bullmq and ioredis are loaded only when Redis is configured.
import type { SourceConnections } from '../sources.js';
import { logger } from '../logger.js';
import { DEFAULT_JOB_OPTIONS, JobRunner, LocalExecutor, type JobRunnerOptions } from './job-runner.js';
import { MemoryJobStore, type JobStore } from './job-store.js';
import { notifyingJobStore, type JobChangeListener } from '../live/job-change-notifier.js';

export interface JobRunnerSettings {
  /** Run queue workers in this process (default: on, unless GATEWAY_JOB_WORKERS=off). */
  readonly workers?: boolean;
  /** A dead worker's items move to another after this long (default 30 s, GATEWAY_JOB_LOCK_MS). */
  readonly lockDurationMs?: number;
  /** Told each time a job changes, and of each asset a transfer created (live updates; ../live/job-change-notifier.ts). */
  readonly onJobChange?: JobChangeListener;
}

export async function createJobRunner(
  sources: SourceConnections,
  redisUrl: string | undefined,
  settings: JobRunnerSettings = {},
  options: JobRunnerOptions = DEFAULT_JOB_OPTIONS,
): Promise<JobRunner> {
  const notifying = (store: JobStore) => (settings.onJobChange ? notifyingJobStore(store, settings.onJobChange) : store);
  if (!redisUrl) return new JobRunner(sources, notifying(new MemoryJobStore()), new LocalExecutor(options.concurrencyPerSource), options);
  const [{ Redis }, { RedisJobStore }, { BullMqExecutor }] = await Promise.all([import('ioredis'), import('./job-store.js'), import('./bullmq-executor.js')]);
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
  // An outage is logged once per connection loss (the read cache reports it in /readyz);
  // job requests fail with a clear error meanwhile.
  let down = false;
  redis.on('error', (error: Error) => {
    if (!down) logger.warn({ error: error.message }, 'job store: Redis unreachable; transfers cannot be started or read until it is back');
    down = true;
  });
  redis.on('ready', () => (down = false));
  const store = notifying(new RedisJobStore(redis));
  const executor = new BullMqExecutor(redisUrl, {
    workers: settings.workers ?? process.env['GATEWAY_JOB_WORKERS'] !== 'off',
    concurrency: options.concurrencyPerSource,
    lockDurationMs: settings.lockDurationMs ?? (Number(process.env['GATEWAY_JOB_LOCK_MS']) || 30_000),
  });
  return new JobRunner(sources, store, executor, options);
}
