// `npm run bench:live`: the live-update load alone (bench/subscription-load.ts), with the
// gateway as its own process on BENCH_LIVE_PORT (default 4094). `npm run bench` runs the
// same load among its other measurements.
import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoSimulators } from '../simulators/index.js';
import { startGateway } from './gateway-process.js';
import { liveRows, subscriptionLoad } from './subscription-load.js';

const demo = await startDemoSimulators();
// Vendor latency (ms) on every simulator, as `npm run bench` sets it (default 0 here).
const latency = Number(process.env.BENCH_LATENCY_MS ?? 0);
if (latency > 0) for (const sim of [demo.iconik, demo.icareus, demo.ncp, demo.nomad]) sim.faults.inject({ fault: { kind: 'latency', ms: latency } });
const configPath = join(await mkdtemp(join(tmpdir(), 'gateway-live-')), 'gateway.json');
writeFileSync(configPath, JSON.stringify({ sources: demo.config.sources }));
const gateway = await startGateway(Number(process.env.BENCH_LIVE_PORT ?? 4094), { GATEWAY_CONFIG: configPath });
const result = await subscriptionLoad(demo, gateway.url, gateway.process.pid ?? 0);
gateway.stop();
await demo.close();
writeFileSync('bench/live-results.json', `${JSON.stringify({ date: new Date().toISOString(), ...result }, null, 2)}\n`);
console.table(liveRows(result));
process.exit(0);
