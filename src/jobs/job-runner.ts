// Runs transfer jobs in this process (the embedded default; jobs do not survive a restart).
// Each item reads its source asset and original file, picks the destination name by the
// conflict rule, starts (or resumes) the destination's upload, streams the parts
// (./transfer-item.ts), completes it, copies the custom fields that map, and for MOVE
// deletes the source only after the copy was verified. Work outside a client request uses
// the sources' configured credentials, with a fresh scope (deadline) per step.
import { randomUUID } from 'node:crypto';
import { ErrorCode, GatewayError, badUserInput, isNotFound, unsupported } from '../errors.js';
import type { JobState, TransferConflict, TransferMode } from '../generated/resolvers-types.js';
import { toFormattedError } from '../normalize-error.js';
import { internalScope } from '../request-scope.js';
import type { SourceConnections, SourceEntry, SourceRegistry } from '../sources.js';
import type { OriginalFile } from '../vendors/adapter.js';
import type { AssetModel, NativeRef } from '../vendors/models.js';
import type { JobItemModel, JobModel } from './job-model.js';
import { MemoryJobStore, type JobStore } from './job-store.js';
import { sendFile, sizeAt } from './transfer-item.js';
import { ByteRateLimit } from './byte-rate-limit.js';
import type { GatewayConfig } from '../config.js';

export interface JobRunnerOptions {
  /** Items transferred at once per destination source. */
  readonly concurrencyPerSource: number;
  /** Most assets one job may hold. */
  readonly maxItemsPerJob: number;
  /** How long finished jobs are kept. */
  readonly retentionMs: number;
  /** Bytes per second per destination source in this process; undefined: no limit. */
  readonly bytesPerSecondPerSource?: number;
  /** Hosts importAsset may fetch from. */
  readonly importAllowedHosts: readonly string[];
}

export const DEFAULT_JOB_OPTIONS: JobRunnerOptions = { concurrencyPerSource: 2, maxItemsPerJob: 100, retentionMs: 24 * 3_600_000, importAllowedHosts: [] };

/** The job options of a configuration's `jobs:` section. */
export function jobOptionsFrom(config: GatewayConfig['jobs']): JobRunnerOptions {
  return {
    concurrencyPerSource: config.concurrencyPerSource,
    maxItemsPerJob: config.maxItemsPerJob,
    retentionMs: Math.round(config.retentionHours * 3_600_000),
    ...(config.bytesPerSecondPerSource !== undefined ? { bytesPerSecondPerSource: config.bytesPerSecondPerSource } : {}),
    importAllowedHosts: config.importAllowedHosts,
  };
}

/** How long a chosen file name stays reserved for its item (by then it is listed at the destination). */
const CLAIM_MS = 10 * 60_000;

/** Deadline of each vendor API step of a job (the bytes have their own timeouts). */
const STEP_DEADLINE_MS = 120_000;

export interface TransferRequest {
  /** Assets of sources, or URLs to import (with an optional file name). */
  readonly items: ReadonlyArray<NativeRef | { readonly url: string; readonly fileName: string | null }>;
  readonly destination: NativeRef;
  readonly mode: TransferMode;
  readonly conflict: TransferConflict;
}

const FINISHED: ReadonlySet<JobState> = new Set(['SUCCEEDED', 'PARTIAL', 'FAILED', 'CANCELLED']);

/** Why importAsset may not fetch `url`, or null when it may (http(s), an allowed host, no credentials). */
export function importUrlProblem(url: string, allowedHosts: readonly string[]): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'The URL is not a valid absolute URL.';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'Only http and https URLs can be imported.';
  if (parsed.username || parsed.password) return 'URLs with credentials are not imported.';
  if (!allowedHosts.map((host) => host.toLowerCase()).includes(parsed.host.toLowerCase())) {
    return allowedHosts.length === 0
      ? 'Imports are off: the configuration lists no hosts in jobs.importAllowedHosts.'
      : `The host "${parsed.host}" is not in jobs.importAllowedHosts.`;
  }
  return null;
}

/** "name.ext", "name (2).ext", ... */
function renamed(fileName: string, n: number): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? `${fileName.slice(0, dot)} (${n})${fileName.slice(dot)}` : `${fileName} (${n})`;
}

function extensionOf(name: string | null | undefined): string {
  const match = name ? /(\.[A-Za-z0-9]{1,8})$/.exec(name.split('?')[0] ?? '') : null;
  return match?.[1] ?? '';
}

/** Runs one item of a stored job; answers when it has finished (whatever its outcome). */
export type ItemProcessor = (jobId: string, index: number) => Promise<void>;

/** How items get to a processor: in this process, or through a durable queue (./bullmq-executor.ts). */
export interface JobExecutor {
  /** Where this process's workers send items (executors without local workers ignore it). */
  start(process: ItemProcessor): void;
  enqueue(jobId: string, items: ReadonlyArray<{ index: number; source: string }>, attempt: number): Promise<void>;
  /** Resolves when the items enqueued here so far have run (in-process executor; tests). */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/** Items run in this process, at most `concurrencyPerSource` at once per destination source. */
export class LocalExecutor implements JobExecutor {
  private readonly running = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();
  private readonly pending = new Set<Promise<void>>();
  private process: ItemProcessor = async () => {};

  constructor(private readonly concurrencyPerSource: number) {}

  start(process: ItemProcessor): void {
    this.process = process;
  }

  async enqueue(jobId: string, items: ReadonlyArray<{ index: number; source: string }>): Promise<void> {
    for (const { index, source } of items) {
      const run = this.withSlot(source, () => this.process(jobId, index)).finally(() => this.pending.delete(run));
      this.pending.add(run);
    }
  }

  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  async close(): Promise<void> {
    await this.drain();
  }

  private async withSlot(source: string, work: () => Promise<void>): Promise<void> {
    while ((this.running.get(source) ?? 0) >= this.concurrencyPerSource) {
      await new Promise<void>((resolve) => this.waiting.set(source, [...(this.waiting.get(source) ?? []), resolve]));
    }
    this.running.set(source, (this.running.get(source) ?? 0) + 1);
    try {
      await work();
    } finally {
      this.running.set(source, (this.running.get(source) ?? 1) - 1);
      const [next, ...rest] = this.waiting.get(source) ?? [];
      this.waiting.set(source, rest);
      next?.();
    }
  }
}

export class JobRunner {
  /** Items running in this process, to stop them at once on cancel. */
  private readonly controllers = new Map<string, AbortController>();
  /** Bytes-per-second buckets per destination source (when configured). */
  private readonly limits = new Map<string, ByteRateLimit>();
  /** File names chosen by items running in this process, per destination collection, until they finish. */
  private readonly claimedNames = new Map<string, Set<string>>();

  constructor(
    private readonly sources: SourceConnections,
    private readonly store: JobStore = new MemoryJobStore(),
    private readonly executor: JobExecutor = new LocalExecutor(DEFAULT_JOB_OPTIONS.concurrencyPerSource),
    private readonly options: JobRunnerOptions = DEFAULT_JOB_OPTIONS,
  ) {
    this.executor.start((jobId, index) => this.runItem(jobId, index));
  }

  /** Why importAsset may not fetch this URL (the configured allow-list), or null. */
  importProblem(url: string): string | null {
    return importUrlProblem(url, this.options.importAllowedHosts);
  }

  get(id: string): Promise<JobModel | null> {
    return this.store.get(id);
  }

  async list(states?: readonly JobState[] | null): Promise<JobModel[]> {
    return (await this.store.list()).filter((job) => !states || states.includes(job.state));
  }

  async submit(request: TransferRequest): Promise<JobModel> {
    if (request.items.length === 0 || request.items.length > this.options.maxItemsPerJob) {
      throw badUserInput(`A transfer takes 1 to ${this.options.maxItemsPerJob} assets.`);
    }
    const job: JobModel = {
      objectType: 'Job',
      id: randomUUID(),
      kind: 'TRANSFER',
      mode: request.mode,
      conflict: request.conflict,
      destination: request.destination,
      state: 'QUEUED',
      items: request.items.map((from) => ({
        ...('url' in from ? { source: null, sourceUrl: from.url, fileName: from.fileName } : { source: from, sourceUrl: null, fileName: null }),
        state: 'QUEUED' as const,
        destination: null,
        bytesTotal: null,
        bytesDone: 0,
        error: null,
        uploadId: null,
      })),
      createdAt: new Date(),
      startedAt: null,
      finishedAt: null,
      cancelRequested: false,
      attempt: 0,
    };
    await this.store.create(job);
    await this.executor.enqueue(job.id, job.items.map((_item, index) => ({ index, source: job.destination.source })), job.attempt);
    return job;
  }

  async cancel(id: string): Promise<JobModel> {
    const job = await this.require(id);
    if (FINISHED.has(job.state)) throw badUserInput(`The job is already ${job.state}.`);
    await this.store.update(id, { cancelRequested: true });
    // Queued items end here; running ones see the flag at their next part (any process).
    for (const [index, item] of job.items.entries()) {
      if (item.state === 'QUEUED') await this.store.saveItem(id, index, { ...item, state: 'CANCELLED' });
    }
    for (const [key, controller] of this.controllers) if (key.startsWith(`${id}:`)) controller.abort();
    await this.finishIfDone(id);
    return this.require(id);
  }

  async retry(id: string): Promise<JobModel> {
    const job = await this.require(id);
    if (!FINISHED.has(job.state)) throw badUserInput(`The job is ${job.state}: retry it once it has finished.`);
    const again = job.items.map((item, index) => ({ item, index })).filter(({ item }) => item.state === 'FAILED' || item.state === 'CANCELLED');
    if (again.length === 0) throw badUserInput('The job has no failed or cancelled items to retry.');
    for (const { item, index } of again) await this.store.saveItem(id, index, { ...item, state: 'QUEUED', error: null });
    const attempt = job.attempt + 1;
    await this.store.update(id, { cancelRequested: false, finishedAt: null, attempt });
    await this.executor.enqueue(id, again.map(({ index }) => ({ index, source: job.destination.source })), attempt);
    return this.require(id);
  }

  /** Resolves when every item enqueued in this process has run (tests, shutdown). */
  drain(): Promise<void> {
    return this.executor.drain();
  }

  async close(): Promise<void> {
    for (const controller of this.controllers.values()) controller.abort();
    await this.executor.close();
    await this.store.close();
  }

  private async require(id: string): Promise<JobModel> {
    const job = await this.store.get(id);
    if (!job) throw new GatewayError(ErrorCode.NOT_FOUND, 'No such job: finished jobs are kept for a limited time, and jobs run in process do not survive a restart.');
    return job;
  }

  /** Marks the job finished once no item is queued or running. */
  private async finishIfDone(id: string): Promise<void> {
    const job = await this.store.get(id);
    if (!job || job.finishedAt || job.items.some((item) => item.state === 'QUEUED' || item.state === 'RUNNING')) return;
    await this.store.update(id, { finishedAt: new Date() });
    await this.store.finish(id, this.options.retentionMs);
  }

  private limitFor(source: string): ByteRateLimit | undefined {
    const rate = this.options.bytesPerSecondPerSource;
    if (!rate) return undefined;
    let limit = this.limits.get(source);
    if (!limit) this.limits.set(source, (limit = new ByteRateLimit(rate)));
    return limit;
  }

  /** Adapters with the configured credentials and a fresh deadline, for one step. */
  private registry(): SourceRegistry {
    return this.sources.forRequest(internalScope(STEP_DEADLINE_MS));
  }

  private async runItem(jobId: string, index: number): Promise<void> {
    const job = await this.store.get(jobId);
    const stored = job?.items[index];
    // Done elsewhere, cancelled, or a duplicate delivery: nothing to do. RUNNING is run
    // again: the worker that had it died (the queue handed it over), and it resumes.
    if (!job || !stored || (stored.state !== 'QUEUED' && stored.state !== 'RUNNING')) return;
    const item: JobItemModel = { ...stored, state: 'RUNNING' };
    if (job.cancelRequested) {
      await this.store.saveItem(jobId, index, { ...item, state: 'CANCELLED' });
      await this.finishIfDone(jobId);
      return;
    }
    if (!job.startedAt) await this.store.update(jobId, { startedAt: new Date() });
    await this.store.saveItem(jobId, index, item);
    const controller = new AbortController();
    this.controllers.set(`${jobId}:${index}`, controller);
    const save = () => this.store.saveItem(jobId, index, item);
    try {
      item.state = await this.transfer(job, item, controller.signal, async () => {
        await save();
        // Cancelled from any process: stop before the next part.
        if ((await this.store.get(jobId))?.cancelRequested) controller.abort();
      });
    } catch (error) {
      if (controller.signal.aborted) {
        // The partial upload goes first: the item reads CANCELLED only once nothing is left of it.
        await this.cancelUpload(job, item);
        item.state = 'CANCELLED';
      } else {
        const formatted = toFormattedError(error);
        const code = formatted.extensions?.['code'];
        const source = formatted.extensions?.['source'];
        item.state = 'FAILED';
        item.error = {
          code: (typeof code === 'string' ? code : ErrorCode.INTERNAL_SERVER_ERROR) as ErrorCode,
          message: formatted.message,
          source: typeof source === 'string' ? source : null,
        };
      }
    } finally {
      this.controllers.delete(`${jobId}:${index}`);
    }
    await save();
    await this.finishIfDone(jobId);
  }

  private async transfer(job: JobModel, item: JobItemModel, signal: AbortSignal, checkpoint: () => Promise<void>): Promise<'SUCCEEDED' | 'SKIPPED'> {
    const sources = this.registry();
    const to = sources.get(job.destination.source);
    const uploads = to.adapter.upload;
    if (!uploads) throw unsupported({ source: to.name, vendor: to.vendor }, 'uploading assets (UPLOAD)');
    const { asset, original, from } = item.source ? await this.readSource(sources, item.source) : { asset: null, original: this.importedFile(item), from: null };
    const file: OriginalFile & { size: number } = { ...original, size: original.size ?? (await sizeAt(original.url)) };
    item.bytesTotal = file.size;

    let session = item.uploadId && item.destination ? await this.resumable(to, item) : null;
    if (!session) {
      const fileName = await this.destinationName(job, to, asset, original);
      if (fileName === null) return 'SKIPPED';
      session = await uploads.startUpload({ collectionId: job.destination.nativeId, fileName, size: file.size, title: asset?.title ?? null });
      item.uploadId = session.uploadId;
      item.destination = { source: to.name, nativeId: session.assetId };
    }
    // Saved before any byte moves, so a worker that takes over resumes this upload.
    await checkpoint();
    await sendFile(
      file,
      uploads,
      session,
      async (done) => {
        item.bytesDone = done;
        await checkpoint();
      },
      signal,
      this.limitFor(to.name),
    );
    const created = await this.registry().get(to.name).adapter.upload?.completeUpload(session);
    item.uploadId = null;
    if (created) item.destination = { source: to.name, nativeId: created.nativeId };
    if (from && item.source) {
      await this.copyMetadata(from, asset, item, to);
      if (job.mode === 'MOVE') await this.deleteSource(item.source);
    }
    return 'SUCCEEDED';
  }

  /** The source asset and its original file; an unsupported source fails here, before any byte moves. */
  private async readSource(sources: SourceRegistry, ref: NativeRef): Promise<{ asset: AssetModel; original: OriginalFile; from: SourceEntry }> {
    const from = sources.get(ref.source);
    const download = from.adapter.download;
    if (!download) throw unsupported({ source: from.name, vendor: from.vendor }, 'downloading original files (DOWNLOAD_ORIGINAL)');
    const [asset] = await from.adapter.getAssets([ref.nativeId]);
    if (asset instanceof Error) throw asset;
    if (!asset) throw new GatewayError(ErrorCode.NOT_FOUND, `Asset ${ref.nativeId} does not exist in ${from.name}.`);
    const [original] = await download.getOriginalFiles([ref.nativeId]);
    if (original instanceof Error) throw original;
    if (!original) throw new GatewayError(ErrorCode.NOT_FOUND, `Asset ${ref.nativeId} has no original file to transfer.`);
    return { asset, original, from };
  }

  /** An import's file: the URL checked against the allow-list again (the configuration may have changed since). */
  private importedFile(item: JobItemModel): OriginalFile {
    const url = item.sourceUrl ?? '';
    const problem = importUrlProblem(url, this.options.importAllowedHosts);
    if (problem) throw new GatewayError(ErrorCode.FORBIDDEN, problem);
    const last = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
    return { url, size: null, fileName: item.fileName ?? (last || null), md5: null };
  }

  /** The upload started earlier for this item, if the vendor still has it (resume after its completed parts). */
  private async resumable(to: SourceEntry, item: JobItemModel) {
    try {
      return await to.adapter.upload!.getUpload({ uploadId: item.uploadId ?? '', assetId: item.destination?.nativeId ?? '', parts: [] });
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** The file name at the destination by the conflict rule; null to skip. */
  private async destinationName(job: JobModel, to: SourceEntry, asset: AssetModel | null, original: OriginalFile): Promise<string | null> {
    const extension = extensionOf(original.fileName) || extensionOf(original.url) || extensionOf(asset?.title);
    const base = (original.fileName ?? asset?.title ?? asset?.nativeId ?? 'import').replace(/[\\/:*?"<>|]+/g, '_');
    const fileName = extensionOf(base) ? base : `${base}${extension}`;
    const taken = new Set<string>();
    for (let offset = 0; offset < 5000; offset += 1000) {
      const page = await to.adapter.listCollectionAssets(job.destination.nativeId, { offset, limit: 1000 });
      page.items.forEach((existing) => existing.title && taken.add(existing.title.toLowerCase()));
      if (!page.hasMore) break;
    }
    // Names other items of this process are uploading right now are taken too (they are not
    // listed yet): two items of one job never get the same name.
    const key = `${to.name}:${job.destination.nativeId}`;
    const claimed = this.claimedNames.get(key) ?? new Set<string>();
    this.claimedNames.set(key, claimed);
    const free = (name: string) => !taken.has(name.toLowerCase()) && !claimed.has(name.toLowerCase());
    let chosen = fileName;
    if (!free(fileName)) {
      // SKIP leaves what the destination holds; a name only a sibling item claimed is renamed.
      if (job.conflict === 'SKIP' && taken.has(fileName.toLowerCase())) return null;
      let n = 2;
      while (!free(renamed(fileName, n))) n++;
      chosen = renamed(fileName, n);
    }
    claimed.add(chosen.toLowerCase());
    setTimeout(() => claimed.delete(chosen.toLowerCase()), CLAIM_MS).unref();
    return chosen;
  }

  /** Custom fields that the destination can store (one value per field where it takes one). */
  /**
   * The source's custom fields, and its description, as custom fields of the copy where the
   * destination takes them (one value per field where it holds one: values joined).
   */
  private async copyMetadata(from: SourceEntry, asset: AssetModel | null, item: JobItemModel, to: SourceEntry): Promise<void> {
    const edit = to.adapter.edit;
    const target = to.adapter.metadataEdit;
    if (!edit || !target || !item.destination || !asset) return;
    const [read] = from.adapter.metadata ? await from.adapter.metadata.getMetadata([asset.nativeId]) : [[]];
    const entries = !read || read instanceof Error ? [] : read;
    const reserved = new Set(['tags']);
    const fields = entries.filter((entry) => !reserved.has(entry.key) && entry.values.length > 0).map((entry) => ({ key: entry.key, values: entry.values }));
    if (asset.description && !fields.some((field) => field.key === 'description')) fields.push({ key: 'description', values: [asset.description] });
    const metadata = fields.map((field) => ({ key: field.key, values: target.multiValued ? field.values : [field.values.join(', ')] }));
    if (metadata.length > 0) await edit.updateAsset(item.destination.nativeId, { metadata });
  }

  private async deleteSource(source: NativeRef): Promise<void> {
    const from = this.registry().get(source.source);
    const deletion = from.adapter.deletion;
    if (!deletion) throw new GatewayError(ErrorCode.UNSUPPORTED, `The copy is made, but ${from.name} cannot delete the source: it stays.`);
    const [outcome] = await deletion.deleteAssets([source.nativeId], { details: false });
    if (outcome instanceof Error) throw new GatewayError(ErrorCode.UPSTREAM_REJECTED, `The copy is made and verified, but the source was not deleted: ${outcome.message}`);
  }

  private async cancelUpload(job: JobModel, item: JobItemModel): Promise<void> {
    if (!item.uploadId || !item.destination) return;
    const uploads = this.registry().get(job.destination.source).adapter.upload;
    await uploads?.cancelUpload({ uploadId: item.uploadId, assetId: item.destination.nativeId, parts: [] }).catch(() => undefined);
    item.uploadId = null;
    item.destination = null;
  }
}
