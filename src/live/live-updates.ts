// Live updates in one object: the change bus (in process, or Redis pub/sub), the status
// poller and the limits of subscriptions. Mutations report what they wrote here; the
// webhook endpoint reports what vendors told; the poller reports what it read; the
// subscription resolvers listen.
import { randomUUID } from 'node:crypto';
import type { AssetChangeKind, AssetStatus } from '../generated/resolvers-types.js';
import type { SourceConnections } from '../sources.js';
import type { NativeRef } from '../vendors/models.js';
import { MemoryChangeBus, RedisChangeBus, type ChangeBus } from './change-bus.js';
import type { ChangeCause } from '../generated/resolvers-types.js';
import type { JobChangeListener } from './job-change-notifier.js';
import { LocalPollLease, RedisPollLease, type PollLease } from './poll-lease.js';
import { DEFAULT_POLLING, StatusPoller, type PollingOptions } from './status-poller.js';

export interface SubscriptionLimits {
  /** WebSocket connections one instance accepts. */
  readonly maxConnections: number;
  readonly maxSubscriptionsPerConnection: number;
  readonly maxIdsPerSubscription: number;
  /** Ping interval; a client that does not answer within it is disconnected. */
  readonly keepAliveMs: number;
  /** Changes waiting for one slow subscription before its connection is closed. */
  readonly maxQueuedEvents: number;
}

export const DEFAULT_SUBSCRIPTION_LIMITS: SubscriptionLimits = {
  maxConnections: 5_000,
  maxSubscriptionsPerConnection: 50,
  maxIdsPerSubscription: 100,
  keepAliveMs: 12_000,
  maxQueuedEvents: 200,
};

export interface AssetWrite {
  readonly ref: NativeRef;
  readonly kind: AssetChangeKind;
  /** The new status when the vendor answered it. */
  readonly status: AssetStatus | null;
  /** Poll it while transient (default); off where another write will end the state (an upload's completion). */
  readonly poll?: boolean;
}

export class LiveUpdates {
  private constructor(
    readonly bus: ChangeBus,
    readonly poller: StatusPoller,
    private readonly lease: PollLease,
    readonly limits: SubscriptionLimits,
  ) {}

  static async create(
    sources: SourceConnections,
    options: { redisUrl?: string | undefined; polling?: PollingOptions; limits?: SubscriptionLimits; onPolledChange?: (refs: readonly NativeRef[]) => Promise<void> },
  ): Promise<LiveUpdates> {
    const [bus, lease] = options.redisUrl
      ? await Promise.all([RedisChangeBus.create(options.redisUrl), RedisPollLease.create(options.redisUrl)])
      : [new MemoryChangeBus(), new LocalPollLease()];
    const poller = new StatusPoller(sources, bus, lease, options.polling ?? DEFAULT_POLLING, options.onPolledChange);
    return new LiveUpdates(bus, poller, lease, options.limits ?? DEFAULT_SUBSCRIPTION_LIMITS);
  }

  /** Publishes one change per asset; assets left transient (or of unknown status) are polled. */
  assetsChanged(changes: readonly AssetWrite[], cause: ChangeCause, credentials?: ReadonlyMap<string, Readonly<Record<string, string>>>): void {
    const at = new Date().toISOString();
    for (const { ref, kind, status, poll = true } of changes) {
      void this.bus.publish({ type: 'asset', id: randomUUID(), source: ref.source, nativeId: ref.nativeId, kind, status, cause, at });
      if (poll && (kind !== 'DELETED' || status !== null)) this.poller.afterWrite(ref, status, credentials?.get(ref.source));
    }
  }

  jobChanged(jobId: string): void {
    void this.bus.publish({ type: 'job', jobId, at: new Date().toISOString() });
  }

  /** What a job runner tells (src/jobs/create-job-runner.ts): job changes, and the assets transfers create. */
  jobListener(): JobChangeListener {
    return {
      job: (jobId) => this.jobChanged(jobId),
      assetCreated: (ref) => this.assetsChanged([{ ref, kind: 'CREATED', status: null }], 'WRITE'),
    };
  }

  async close(): Promise<void> {
    this.poller.close();
    await Promise.all([this.bus.close(), this.lease.close()]);
  }
}
