// `npm run worker`: a process that only runs transfer jobs from the Redis queue (BullMQ),
// with the sources of GATEWAY_CONFIG. Gateway instances run workers too (unless
// GATEWAY_JOB_WORKERS=off); dedicated workers let transfers scale apart from queries.
import { ConfigError, configPathFrom, loadConfigFile } from './config.js';
import { createJobRunner } from './jobs/create-job-runner.js';
import { jobOptionsFrom } from './jobs/job-runner.js';
import { LiveUpdates } from './live/live-updates.js';
import { logger } from './logger.js';
import { failStart } from './run-gateway.js';
import { SourceConnections } from './sources.js';

const isEntry = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) {
  try {
    const config = await loadConfigFile(configPathFrom(process.env));
    const redisUrl = process.env['REDIS_URL'];
    if (!redisUrl) throw new ConfigError('REDIS_URL is not set: workers take jobs from the Redis queue (without Redis, the gateway runs jobs in its own process).');
    const sources = SourceConnections.fromConfig(config.sources);
    // Job progress and the assets transfers create reach subscribers of every gateway instance.
    const live = await LiveUpdates.create(sources, { redisUrl, polling: config.polling, limits: config.subscriptions });
    const jobs = await createJobRunner(
      sources,
      redisUrl,
      {
        workers: true,
        onJobChange: live.jobListener(),
      },
      jobOptionsFrom(config.jobs),
    );
    logger.info({ sources: config.sources.map((source) => source.name) }, 'job worker ready');
    const stop = async () => {
      await jobs.close();
      await live.close();
      await sources.close();
      process.exit(0);
    };
    process.once('SIGTERM', () => void stop());
    process.once('SIGINT', () => void stop());
  } catch (error) {
    failStart(error, error instanceof ConfigError);
  }
}
