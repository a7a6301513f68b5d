// Starts the gateway for a validated configuration and stops it cleanly on SIGINT/SIGTERM:
// what both entries share (src/main.ts for configured vendors, simulators/demo.ts for the
// demo).
import type { GatewayConfig } from './config.js';
import { limitHeapGrowth } from './heap-growth.js';
import { logger } from './logger.js';
import { startGateway } from './server.js';

export async function runGateway(config: GatewayConfig, options: { onStopped?: () => Promise<void> } = {}): Promise<void> {
  const port = Number(process.env.PORT ?? 4000);
  const host = process.env.HOST ?? '127.0.0.1';
  limitHeapGrowth();
  // GATEWAY_BATCHING=off exists for the benchmark's batching comparison only.
  const gateway = await startGateway({ config, port, host, batching: process.env.GATEWAY_BATCHING !== 'off' });
  logger.info({ url: gateway.url, sources: config.sources.map((s) => `${s.name} (${s.vendor})`) }, 'gateway ready');
  process.stdout.write(`\nGraphQL gateway ready at ${gateway.url}\n\n`);

  const shutdown = () => {
    void gateway
      .stop()
      .then(() => options.onStopped?.())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** Reports a start-up failure (a configuration error as its message alone) and exits. */
export function failStart(error: unknown, isConfigError: boolean): never {
  if (isConfigError) process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  else logger.error({ error: error instanceof Error ? error.message : String(error) }, 'gateway failed to start');
  process.exit(1);
}
