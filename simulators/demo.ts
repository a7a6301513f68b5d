// `npm start`: the embedded demo. Starts the vendor simulators, then the gateway pointed at
// them (a GATEWAY_CONFIG, if set, is ignored here: the production entry is src/main.ts).
import { ConfigError, parseConfig } from '../src/config.js';
import { logger } from '../src/logger.js';
import { failStart, runGateway } from '../src/run-gateway.js';
import { startDemoSimulators } from './index.js';

try {
  const demo = await startDemoSimulators();
  const config = parseConfig(demo.config, process.env, 'demo configuration');
  logger.info(
    { simulators: { iconik: demo.iconik.baseUrl, icareus: demo.icareus.baseUrl, ncp: demo.ncp.baseUrl, nomad: demo.nomad.baseUrl } },
    'demo mode: serving the built-in vendor simulators',
  );
  await runGateway(config, { onStopped: () => demo.close() });
} catch (error) {
  failStart(error, error instanceof ConfigError);
}
