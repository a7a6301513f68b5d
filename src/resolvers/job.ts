// Jobs in the schema: transferAssets starts one, cancelJob and retryJob act on one, and
// Query.jobs and node read them. The work itself is in src/jobs/.
import type { GatewayContext } from '../context.js';
import { badUserInput, unsupported } from '../errors.js';
import type { JobItemResolvers, JobResolvers, MutationResolvers, QueryResolvers } from '../generated/resolvers-types.js';
import { JOBS_NAMESPACE, encodeGlobalId, type DecodedId } from '../ids.js';
import type { JobModel } from '../jobs/job-model.js';
import { userErrorsFrom } from '../mutations/user-errors.js';
import { connectionFromArray } from '../pagination/connection.js';
import type { AssetModel } from '../vendors/models.js';

const orNull = async <T>(load: Promise<T | null>): Promise<T | null> => load.catch(() => null);

export const jobQuery: QueryResolvers = {
  jobs: async (_root, { first, after, filter }, context) => connectionFromArray(await context.jobs.list(filter?.states ?? null), { first, after }),
};

export const jobType: JobResolvers = {
  id: (job) => encodeGlobalId('Job', JOBS_NAMESPACE, job.id),
  destination: (job, _args, context) => orNull(context.loaders.collections.load(job.destination)),
  items: (job) => job.items,
  progress: (job) => {
    const done = job.items.filter((item) => item.state === 'SUCCEEDED' || item.state === 'SKIPPED').length;
    const failed = job.items.filter((item) => item.state === 'FAILED').length;
    const sizes = job.items.map((item) => item.bytesTotal);
    const bytesTotal = sizes.every((size) => size !== null) ? sizes.reduce<number>((sum, size) => sum + (size ?? 0), 0) : null;
    const bytesDone = job.items.reduce((sum, item) => sum + item.bytesDone, 0);
    const seconds = job.startedAt ? ((job.finishedAt ?? new Date()).getTime() - job.startedAt.getTime()) / 1000 : 0;
    const bytesPerSecond = seconds > 0 ? bytesDone / seconds : null;
    const secondsLeft = bytesTotal !== null && bytesPerSecond ? Math.max(0, (bytesTotal - bytesDone) / bytesPerSecond) : null;
    return { itemsTotal: job.items.length, itemsDone: done, itemsFailed: failed, bytesTotal, bytesDone, bytesPerSecond, secondsLeft };
  },
};

export const jobItemType: JobItemResolvers = {
  source: (item, _args, context) => (item.source ? orNull<AssetModel>(context.loaders.assets.load(item.source)) : null),
  sourceId: (item) => (item.source ? encodeGlobalId('Asset', item.source.source, item.source.nativeId) : null),
  destination: (item, _args, context) => (item.destination ? orNull<AssetModel>(context.loaders.assets.load(item.destination)) : null),
  destinationId: (item) => (item.destination ? encodeGlobalId('Asset', item.destination.source, item.destination.nativeId) : null),
};

async function jobOf(context: GatewayContext, id: string): Promise<JobModel> {
  const decoded = context.sources.decode(id, 'Job');
  const job = await context.jobs.get(decoded.nativeId);
  if (!job) throw badUserInput('No such job: finished jobs are kept for a limited time, and jobs run in process do not survive a restart.');
  return job;
}

export const jobMutations: MutationResolvers = {
  transferAssets: async (_root, { input }, context) => {
    let destination: DecodedId;
    let ids: DecodedId[];
    try {
      destination = context.sources.decode(input.destinationId, 'Collection');
    } catch (error) {
      return { job: null, userErrors: userErrorsFrom(['input', 'destinationId'], error) };
    }
    try {
      ids = input.ids.map((id) => context.sources.decode(id, 'Asset'));
    } catch (error) {
      return { job: null, userErrors: userErrorsFrom(['input', 'ids'], error) };
    }
    const target = context.sources.get(destination.source);
    if (!target.adapter.upload) {
      return { job: null, userErrors: userErrorsFrom(['input', 'destinationId'], unsupported({ source: target.name, vendor: target.vendor }, 'uploading assets (UPLOAD)')) };
    }
    // Background work runs with the configured credentials: credentials sent with this
    // request are not kept for it (they would have to be stored with the job).
    const sent = [destination.source, ...ids.map((id) => id.source)].find((name) => context.scope.credentials.has(name));
    if (sent) {
      return { job: null, userErrors: userErrorsFrom(['input'], badUserInput(`Transfers run with the gateway's configured credentials; per-request credentials for "${sent}" cannot be kept for a background job.`)) };
    }
    try {
      const job = await context.jobs.submit({
        items: ids.map((id) => ({ source: id.source, nativeId: id.nativeId })),
        destination: { source: destination.source, nativeId: destination.nativeId },
        mode: input.mode ?? 'COPY',
        conflict: input.conflict ?? 'SKIP',
      });
      return { job, userErrors: [] };
    } catch (error) {
      return { job: null, userErrors: userErrorsFrom(['input', 'ids'], error) };
    }
  },
  importAsset: async (_root, { input }, context) => {
    try {
      const destination = context.sources.decode(input.destinationId, 'Collection');
      const target = context.sources.get(destination.source);
      if (!target.adapter.upload) throw unsupported({ source: target.name, vendor: target.vendor }, 'uploading assets (UPLOAD)');
      const problem = context.jobs.importProblem(input.url);
      if (problem) return { job: null, userErrors: [{ field: ['input', 'url'], message: problem, code: 'FORBIDDEN' as const }] };
      const fileName = input.fileName?.trim() || null;
      if (fileName !== null && (/[\\/\u0000-\u001f]/.test(fileName) || !/\.[A-Za-z0-9]{1,8}$/.test(fileName))) throw badUserInput('"fileName" must be a file name with its extension, without folders.');
      if (context.scope.credentials.has(destination.source)) throw badUserInput(`Imports run with the gateway's configured credentials; per-request credentials for "${destination.source}" cannot be kept for a background job.`);
      const job = await context.jobs.submit({
        items: [{ url: input.url, fileName }],
        destination: { source: destination.source, nativeId: destination.nativeId },
        mode: 'COPY',
        conflict: 'RENAME',
      });
      return { job, userErrors: [] };
    } catch (error) {
      return { job: null, userErrors: userErrorsFrom(['input'], error) };
    }
  },
  cancelJob: async (_root, { input }, context) => {
    try {
      return { job: await context.jobs.cancel((await jobOf(context, input.id)).id), userErrors: [] };
    } catch (error) {
      return { job: null, userErrors: userErrorsFrom(['input', 'id'], error) };
    }
  },
  retryJob: async (_root, { input }, context) => {
    try {
      return { job: await context.jobs.retry((await jobOf(context, input.id)).id), userErrors: [] };
    } catch (error) {
      return { job: null, userErrors: userErrorsFrom(['input', 'id'], error) };
    }
  },
};
