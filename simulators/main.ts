// `npm run simulators`: the vendor simulators on their own, for pointing a gateway (or
// curl) at them. Prints the configuration to use with GATEWAY_CONFIG.
import { startDemoSimulators } from './index.js';

const iconikPort = Number(process.env.ICONIK_SIM_PORT ?? 4101);
const demo = await startDemoSimulators({ ports: { iconik: iconikPort } });
process.stdout.write(`iconik simulator: ${demo.iconik.baseUrl}\n`);
process.stdout.write(`Gateway configuration for these simulators (save as JSON and set GATEWAY_CONFIG):\n`);
process.stdout.write(`${JSON.stringify(demo.config, null, 2)}\n`);

const stop = () => {
  void demo.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
