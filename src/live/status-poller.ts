// Polls assets in transient statuses (COPYING, MOVING, ARCHIVING, RESTORING, PROCESSING,
// UPLOADING, DELETING) until they settle, and publishes each status change it sees (cause
// POLL). An asset is polled only while someone asked for it: a write through the gateway
// (for `afterWriteMs` at most) or an `assetChanged` subscriber holding it. Reads are
// batched per source, one loader batch per tick, with the credentials of whoever started
// the watch; the delay between reads of one asset doubles from `initialMs` to `maxMs`.
// With several instances, one holds the asset's lease and polls (./poll-lease.ts).
import { randomUUID } from 'node:crypto';
import { createLoaders } from '../loaders/create-loaders.js';
import { logger } from '../logger.js';
import { internalScope } from '../request-scope.js';
import type { SourceConnections } from '../sources.js';
import type { AssetStatus } from '../generated/resolvers-types.js';
import type { NativeRef } from '../vendors/models.js';
import type { ChangeBus } from './change-bus.js';
import { TRANSIENT_STATUSES } from './change-event.js';
import type { PollLease } from './poll-lease.js';

export interface PollingOptions {
  /** First delay after a write or a subscription, and after each change seen. */
  readonly initialMs: number;
  /** Longest delay between two reads of one asset. */
  readonly maxMs: number;
  /** How long a write keeps its assets polled when nobody subscribes (they may never settle). */
  readonly afterWriteMs: number;
}

export const DEFAULT_POLLING: PollingOptions = { initialMs: 500, maxMs: 15_000, afterWriteMs: 30 * 60_000 };

type Credentials = Readonly<Record<string, string>>;

interface Watch {
  readonly ref: NativeRef;
  /** Status last seen (undefined: not read yet, so the first read is published). */
  status: AssetStatus | null | undefined;
  nextAt: number;
  delayMs: number;
  /** Subscriptions holding it. */
  holders: number;
  /** Polled for a write until then. */
  writeUntil: number;
  credentials: Credentials | undefined;
  /** A read of it is in flight. */
  busy: boolean;
}

const TICK_MS = 100;
const READ_DEADLINE_MS = 10_000;

export class StatusPoller {
  private readonly watches = new Map<string, Watch>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly sources: SourceConnections,
    private readonly bus: ChangeBus,
    private readonly lease: PollLease,
    private readonly options: PollingOptions,
    /** Called with the assets whose status changed (the shared read cache drops them). */
    private readonly onChanged: (refs: readonly NativeRef[]) => Promise<void> = async () => {},
  ) {
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
    // What another instance polled (or a webhook told) is news here too: an asset it saw
    // settle is not read again, so no instance publishes the same change twice.
    this.stopListening = bus.listen((event) => {
      if (event.type !== 'asset' || event.status === null || event.cause === 'WRITE') return;
      const key = `${event.source}\u0000${event.nativeId}`;
      const watch = this.watches.get(key);
      if (!watch) return;
      watch.status = event.status;
      if (!TRANSIENT_STATUSES.has(event.status)) this.watches.delete(key);
    });
  }

  private readonly stopListening: () => void;

  /** Polls an asset a write touched: at once when its new status is unknown, or while it is transient. */
  afterWrite(ref: NativeRef, status: AssetStatus | null, credentials?: Credentials): void {
    if (status !== null && !TRANSIENT_STATUSES.has(status)) return;
    const watch = this.entry(ref, credentials);
    watch.writeUntil = Date.now() + this.options.afterWriteMs;
    // A write starts the schedule over: its asset may change soon.
    watch.delayMs = this.options.initialMs;
    watch.nextAt = Math.min(watch.nextAt, Date.now() + this.options.initialMs);
    if (status !== null) watch.status = status;
  }

  /** Polls an asset a subscriber watches while it is transient; the returned function lets go. */
  hold(ref: NativeRef, status: AssetStatus, credentials?: Credentials): () => void {
    if (!TRANSIENT_STATUSES.has(status)) return () => {};
    const watch = this.entry(ref, credentials);
    if (watch.status === undefined) watch.status = status;
    watch.holders += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      watch.holders -= 1;
    };
  }

  /** Assets being watched now (for tests and /readyz-style introspection). */
  get size(): number {
    return this.watches.size;
  }

  close(): void {
    clearInterval(this.timer);
    this.stopListening();
    this.watches.clear();
  }

  private entry(ref: NativeRef, credentials: Credentials | undefined): Watch {
    const key = `${ref.source}\u0000${ref.nativeId}`;
    let watch = this.watches.get(key);
    if (!watch) {
      watch = { ref, status: undefined, nextAt: Date.now() + this.options.initialMs, delayMs: this.options.initialMs, holders: 0, writeUntil: 0, credentials, busy: false };
      this.watches.set(key, watch);
    }
    if (credentials && Object.keys(credentials).length > 0) watch.credentials = credentials;
    return watch;
  }

  private tick(): void {
    const now = Date.now();
    const due = new Map<string, Watch[]>();
    for (const [key, watch] of this.watches) {
      if (watch.holders <= 0 && watch.writeUntil < now) {
        this.watches.delete(key);
        continue;
      }
      if (watch.busy || watch.nextAt > now) continue;
      // One batch per source and credentials.
      const group = `${watch.ref.source}\u0000${JSON.stringify(watch.credentials ?? {})}`;
      const batch = due.get(group);
      if (batch) batch.push(watch);
      else due.set(group, [watch]);
    }
    for (const batch of due.values()) void this.poll(batch);
  }

  private async poll(batch: Watch[]): Promise<void> {
    batch.forEach((watch) => (watch.busy = true));
    try {
      const leased = await Promise.all(batch.map((watch) => this.lease.acquire(`${watch.ref.source}:${watch.ref.nativeId}`, watch.delayMs * 2 + READ_DEADLINE_MS)));
      const mine = batch.filter((_watch, i) => leased[i]);
      // Another instance polls the rest; look again later in case it stops.
      batch.filter((_watch, i) => !leased[i]).forEach((watch) => this.backOff(watch));
      if (mine.length === 0) return;
      const first = mine[0] as Watch;
      const scope = internalScope(READ_DEADLINE_MS);
      const credentials = first.credentials ? new Map([[first.ref.source, first.credentials]]) : new Map<string, Credentials>();
      const loaders = createLoaders(this.sources.forRequest({ ...scope, requestId: `poll-${randomUUID()}`, credentials }));
      const assets = await loaders.assets.loadMany(mine.map((watch) => watch.ref));
      const changed: NativeRef[] = [];
      mine.forEach((watch, i) => {
        const asset = assets[i];
        if (asset instanceof Error) {
          this.backOff(watch);
          return;
        }
        const status = asset ? asset.status : null;
        if (status !== watch.status) {
          changed.push(watch.ref);
          void this.bus.publish({
            type: 'asset',
            id: randomUUID(),
            source: watch.ref.source,
            nativeId: watch.ref.nativeId,
            kind: asset ? 'UPDATED' : 'DELETED',
            status,
            cause: 'POLL',
            at: new Date().toISOString(),
          });
          watch.status = status;
          watch.delayMs = this.options.initialMs;
          watch.nextAt = Date.now() + watch.delayMs;
        } else {
          this.backOff(watch);
        }
        // Settled (or gone): nothing more to poll until a write or a subscriber asks again.
        if (status === null || !TRANSIENT_STATUSES.has(status)) this.watches.delete(`${watch.ref.source}\u0000${watch.ref.nativeId}`);
      });
      if (changed.length > 0) await this.onChanged(changed);
    } catch (error) {
      logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'status poll failed');
      batch.forEach((watch) => this.backOff(watch));
    } finally {
      batch.forEach((watch) => (watch.busy = false));
    }
  }

  private backOff(watch: Watch): void {
    watch.delayMs = Math.min(watch.delayMs * 2, this.options.maxMs);
    watch.nextAt = Date.now() + watch.delayMs;
  }
}
