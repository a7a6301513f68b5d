// `npm start`. With GATEWAY_CONFIG set, serves the configured vendor sources. Without it,
// runs the embedded demo: starts the vendor simulators and points the gateway at them.
import { ConfigError, loadConfigFile, parseConfig, type GatewayConfig } from './config.js';
import { logger } from './logger.js';
import { startGateway } from './server.js';
import { startDemoSimulators } from '../simulators/index.js';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 4000);
  const host = process.env.HOST ?? '127.0.0.1';
  let config: GatewayConfig;
  let stopDemo: (() => Promise<void>) | undefined;

  const configPath = process.env.GATEWAY_CONFIG;
  if (configPath) {
    config = await loadConfigFile(configPath);
  } else {
    const demo = await startDemoSimulators();
    config = parseConfig(demo.config, process.env, 'demo configuration');
    stopDemo = demo.close;
    logger.info({
      simulators: { iconik: demo.iconik.baseUrl, icareus: demo.icareus.baseUrl, ncp: demo.ncp.baseUrl, nomad: demo.nomad.baseUrl },
    }, 'demo mode: no GATEWAY_CONFIG, serving the built-in vendor simulators');
  }

  // GATEWAY_BATCHING=off exists for the benchmark's batching comparison only.
  const gateway = await startGateway({ config, port, host, batching: process.env.GATEWAY_BATCHING !== 'off' });
  logger.info({ url: gateway.url, sources: config.sources.map((s) => `${s.name} (${s.vendor})`) }, 'gateway ready');
  process.stdout.write(`\nGraphQL gateway ready at ${gateway.url}\n\n`);

  const shutdown = () => {
    void gateway
      .stop()
      .then(() => stopDemo?.())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    logger.error({ error: error instanceof Error ? error.message : String(error) }, 'gateway failed to start');
  }
  process.exit(1);
});
