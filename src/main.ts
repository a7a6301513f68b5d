// The production entry (`node dist/gateway/main.js`, this file bundled by `npm run build`):
// serves the vendor sources of GATEWAY_CONFIG. Without a configuration it refuses to start: it never falls back to the
// demo's simulated vendors (those live in simulators/, outside the production build, and
// `npm start` runs them through simulators/demo.ts).
import { ConfigError, configPathFrom, loadConfigFile } from './config.js';
import { failStart, runGateway } from './run-gateway.js';

// Nothing imports this file (a bundle moves code that other entries import out of the entry
// file, and this check with it); bench/module-floor.ts imports it to load it without running.
const isEntry = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) {
  try {
    await runGateway(await loadConfigFile(configPathFrom(process.env)));
  } catch (error) {
    failStart(error, error instanceof ConfigError);
  }
}
