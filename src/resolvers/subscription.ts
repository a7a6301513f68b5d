// Subscription.assetChanged, assetsChanged and jobChanged: each subscription is a filtered,
// bounded stream over the change bus (src/live/). Before a change is delivered the
// subscription gets a fresh request context (so `asset` is read anew), and a change of a
// source read with the connection's own credentials is read back with them first: a
// subscriber never learns of an asset its credentials cannot read.
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context.js';
import { ErrorCode, GatewayError, badUserInput } from '../errors.js';
import type { AssetChangeResolvers, AssetStatus, SubscriptionResolvers } from '../generated/resolvers-types.js';
import { encodeGlobalId } from '../ids.js';
import type { JobModel } from '../jobs/job-model.js';
import { ChangeStream } from '../live/change-stream.js';
import { assetTopic, jobTopic, type AssetChangeEvent, type ChangeEvent } from '../live/change-event.js';
import type { LiveConnection } from '../live/subscription-context.js';
import type { AssetModel, NativeRef } from '../vendors/models.js';

const FINISHED_JOB_STATES = new Set(['SUCCEEDED', 'PARTIAL', 'FAILED', 'CANCELLED']);

function connectionOf(context: GatewayContext): LiveConnection {
  if (!context.connection) throw badUserInput('Subscriptions are served over WebSocket (graphql-ws protocol) at /graphql.');
  return context.connection;
}

function forbidden(source: string): GraphQLError {
  return new GraphQLError(`This connection has no credentials for source "${source}"; send them in the connection_init payload.`, {
    extensions: { code: ErrorCode.FORBIDDEN, source },
  });
}

function stream<T>(context: GatewayContext, select: (event: ChangeEvent) => T | null, topics?: readonly string[]): ChangeStream<T> {
  const connection = connectionOf(context);
  return new ChangeStream(context.live.bus, { select, topics, maxQueued: context.live.limits.maxQueuedEvents, onOverflow: connection.dropSlowConsumer });
}

/**
 * Delivers each asset change with a fresh context; a change of a source read with the
 * connection's own credentials goes out only if they can read the asset (or it is gone).
 */
async function* deliver(context: GatewayContext, changes: ChangeStream<AssetChangeEvent>, onEnd: () => void = () => {}): AsyncGenerator<AssetChangeEvent> {
  const connection = connectionOf(context);
  try {
    for await (const change of changes) {
      connection.renew();
      if (connection.ownCredentials.has(change.source)) {
        try {
          await context.loaders.assets.load({ source: change.source, nativeId: change.nativeId });
        } catch (error) {
          if (error instanceof GatewayError && (error.code === ErrorCode.UNAUTHENTICATED || error.code === ErrorCode.FORBIDDEN)) continue;
        }
      }
      yield change;
    }
  } finally {
    onEnd();
    await changes.return();
  }
}

export const subscriptionResolvers: SubscriptionResolvers = {
  assetChanged: {
    subscribe: async (_root, { ids }, context) => {
      const connection = connectionOf(context);
      const limit = context.live.limits.maxIdsPerSubscription;
      if (ids.length === 0 || ids.length > limit) throw badUserInput(`"ids" takes 1 to ${limit} asset IDs; got ${ids.length}.`);
      const refs: NativeRef[] = ids.map((id) => {
        const { source, nativeId } = context.sources.decode(id, 'Asset');
        if (!connection.readable.has(source)) throw forbidden(source);
        return { source, nativeId };
      });
      // Listening starts before the first read, so no change between the two is missed.
      // The bus hands this stream only the changes of these assets.
      const topics = refs.map((ref) => assetTopic(ref.source, ref.nativeId));
      const changes = stream(context, (event) => (event.type === 'asset' ? event : null), topics);
      // Read once: unknown IDs are refused now, and assets in a transient status are polled
      // while this subscription lasts.
      let found: AssetModel[];
      try {
        const assets = await context.loaders.assets.loadMany(refs);
        found = refs.map((ref, i) => {
          const asset = assets[i];
          if (asset instanceof Error) throw asset;
          if (!asset) throw new GraphQLError(`Asset ${ids[i] ?? ''} was not found.`, { extensions: { code: ErrorCode.NOT_FOUND, source: ref.source } });
          return asset;
        });
      } catch (error) {
        await changes.return();
        throw error;
      }
      const releases = found.map((asset) => context.live.poller.hold(asset, asset.status, context.scope.credentials.get(asset.source)));
      // What was read to start is not kept while the subscription waits.
      connection.renew();
      return deliver(context, changes, () => releases.forEach((release) => release()));
    },
    resolve: (change: AssetChangeEvent) => change,
  },

  assetsChanged: {
    subscribe: (_root, { filter }, context) => {
      const connection = connectionOf(context);
      const sources = filter?.sources?.length ? filter.sources : null;
      for (const source of sources ?? []) {
        context.sources.get(source);
        if (!connection.readable.has(source)) throw forbidden(source);
      }
      const statuses: ReadonlySet<AssetStatus> | null = filter?.statuses?.length ? new Set(filter.statuses) : null;
      const changes = stream(context, (event) => {
        if (event.type !== 'asset' || !connection.readable.has(event.source)) return null;
        if (sources && !sources.includes(event.source)) return null;
        if (statuses && (event.status === null || !statuses.has(event.status))) return null;
        return event;
      });
      return deliver(context, changes);
    },
    resolve: (change: AssetChangeEvent) => change,
  },

  jobChanged: {
    subscribe: async function* (_root, { id }, context) {
      const connection = connectionOf(context);
      const { nativeId } = context.sources.decode(id, 'Job');
      // Listening starts before the first read, so no change between the two is missed.
      const changes = stream(context, (event) => (event.type === 'job' ? event : null), [jobTopic(nativeId)]);
      try {
        let job = await context.jobs.get(nativeId);
        if (!job) throw badUserInput('No such job: finished jobs are kept for a limited time, and jobs run in process do not survive a restart.');
        if (!connection.readable.has(job.destination.source)) throw forbidden(job.destination.source);
        yield { jobChanged: job };
        while (!FINISHED_JOB_STATES.has(job.state)) {
          const next = await changes.next();
          if (next.done) return;
          connection.renew();
          const latest: JobModel | null = await context.jobs.get(nativeId);
          if (!latest) return;
          job = latest;
          yield { jobChanged: job };
        }
      } finally {
        await changes.return();
      }
    },
  },
};

export const assetChangeType: AssetChangeResolvers = {
  assetId: (change) => encodeGlobalId('Asset', change.source, change.nativeId),
  at: (change) => new Date(change.at),
  asset: async (change, _args, context): Promise<AssetModel | null> => {
    if (change.kind === 'DELETED' && change.status === null) return null;
    return context.loaders.assets.load({ source: change.source, nativeId: change.nativeId });
  },
};
