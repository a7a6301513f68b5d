// The production entry (`node dist/src/main.js`): serves the vendor sources of
// GATEWAY_CONFIG. Without a configuration it refuses to start: it never falls back to the
// demo's simulated vendors (those live in simulators/, outside the production build, and
// `npm start` runs them through simulators/demo.ts).
import { ConfigError, loadConfigFile } from './config.js';
import { failStart, runGateway } from './run-gateway.js';

/** The configuration file to serve, or a ConfigError saying how to give one. */
export function configPathFrom(env: NodeJS.ProcessEnv): string {
  const path = env['GATEWAY_CONFIG'];
  if (!path) {
    throw new ConfigError(
      'GATEWAY_CONFIG is not set. The gateway serves only configured vendor sources: set GATEWAY_CONFIG=/path/to/gateway.yaml ' +
        '(README, "Configuration"), or run the demo over simulated vendors with `npm start`.',
    );
  }
  return path;
}

const isEntry = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) {
  try {
    await runGateway(await loadConfigFile(configPathFrom(process.env)));
  } catch (error) {
    failStart(error, error instanceof ConfigError);
  }
}
