// The production entry (`node dist/gateway/main.js`: this file, bundled by `npm run
// build`): serves the vendor sources of GATEWAY_CONFIG. Without a configuration it refuses
// to start: it never falls back to the demo's simulated vendors (those live in
// simulators/, outside the production build, and `npm start` runs them through
// simulators/demo.ts).
import { ConfigError, configPathFrom, loadConfigFile } from './config.js';
import { failStart, runGateway } from './run-gateway.js';

// No other module of src/ may import this file: the bundler moves code two entries share
// into a common chunk, and this check with it, so the bundle would exit without starting
// (test/production-entry.test.ts starts it). bench/module-floor.ts imports the built file
// to load the gateway's modules without running it.
const isEntry = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) {
  try {
    await runGateway(await loadConfigFile(configPathFrom(process.env)));
  } catch (error) {
    failStart(error, error instanceof ConfigError);
  }
}
