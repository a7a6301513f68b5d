// `npm run simulators`: the vendor simulators on their own, for pointing a gateway (or
// curl) at them. Prints the configuration to use with GATEWAY_CONFIG.
// Ports: SIMULATOR_BASE_PORT and the three after it (default 4101-4104; 0 for free ports).
import { simulatorPortsFrom, startDemoSimulators } from './index.js';

const demo = await startDemoSimulators({ ports: simulatorPortsFrom(process.env) });
process.stdout.write(
  `Simulators: iconik ${demo.iconik.baseUrl}, Icareus ${demo.icareus.baseUrl}, NCP ${demo.ncp.baseUrl}, Nomad ${demo.nomad.baseUrl}\n`,
);
process.stdout.write(`Gateway configuration for these simulators (save as JSON and set GATEWAY_CONFIG):\n`);
process.stdout.write(`${JSON.stringify(demo.config, null, 2)}\n`);

const stop = () => {
  void demo.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
