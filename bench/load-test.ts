// `npm run bench:load`: a bounded load test on loopback. Starts the four vendor simulators
// here and the gateway as its own process (so its memory is measured alone), drives it
// with autocannon (50 connections, 5 s warm-up, then 30 s) with a mixed-vendor read, and checks:
// zero failed requests (non-2xx, transport errors, or GraphQL errors in the gateway's
// request log) and flat memory (RSS growth between the first and last third of the run
// under RSS_GROWTH_LIMIT_MB). Prints a table and writes bench/load-results.json.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { startDemoSimulators } from '../simulators/index.js';
import { rssMb } from './process-memory.js';
import { GATEWAY_ENTRY, GATEWAY_NODE_FLAGS } from './gateway-process.js';

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.LOAD_DURATION_S ?? 30);
const RSS_GROWTH_LIMIT_MB = Number(process.env.RSS_GROWTH_LIMIT_MB ?? 40);
const PORT = Number(process.env.LOAD_PORT ?? 4090);
const WARMUP_S = Number(process.env.LOAD_WARMUP_S ?? 5);

const QUERY = `{ assets(first: 50) { edges { node { id title kind status durationMs source { name vendor }
  collections { edges { node { title } } } } } pageInfo { hasNextPage endCursor } } }`;

async function main(): Promise<void> {
  const demo = await startDemoSimulators();
  const dir = await mkdtemp(join(tmpdir(), 'gateway-load-'));
  const configPath = join(dir, 'gateway.json');
  writeFileSync(configPath, JSON.stringify({ sources: demo.config.sources }));

  const gateway = spawn(process.execPath, [...GATEWAY_NODE_FLAGS, GATEWAY_ENTRY], {
    env: { ...process.env, GATEWAY_CONFIG: configPath, PORT: String(PORT), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let requestsLogged = 0;
  let requestsWithErrors = 0;
  const ready = new Promise<void>((resolve, reject) => {
    gateway.once('exit', (code) => reject(new Error(`gateway exited with ${code}`)));
    gateway.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready at')) resolve();
    });
  });
  createInterface({ input: gateway.stderr }).on('line', (line) => {
    if (!line.includes('"graphql request"')) return;
    requestsLogged++;
    if (!line.includes('"errors":[]')) requestsWithErrors++;
  });
  await ready;

  const target = {
    url: `http://127.0.0.1:${PORT}/graphql`,
    connections: CONNECTIONS,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
  };
  // Warm-up: JIT, connection pools and V8's heap reach their working size first, so the
  // memory check looks at the steady state.
  await autocannon({ ...target, duration: WARMUP_S });

  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(rssMb(gateway.pid ?? 0)), 1000);
  const result = await autocannon({
    url: `http://127.0.0.1:${PORT}/graphql`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
  });
  clearInterval(sampler);
  await new Promise((resolve) => setTimeout(resolve, 500));
  gateway.kill('SIGTERM');
  await demo.close();

  const third = Math.max(1, Math.floor(samples.length / 3));
  const average = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const early = average(samples.slice(0, third));
  const late = average(samples.slice(-third));
  const failed = result.non2xx + result.errors + result.timeouts + requestsWithErrors;
  const report = {
    machine: `${process.platform} ${process.arch}, Node ${process.version}`,
    connections: CONNECTIONS,
    durationS: DURATION_S,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    failed,
    peakRssMb: Math.round(Math.max(...samples)),
    rssGrowthMb: Math.round((late - early) * 10) / 10,
    rssGrowthLimitMb: RSS_GROWTH_LIMIT_MB,
    requestsLoggedByGateway: requestsLogged,
  };
  writeFileSync('bench/load-results.json', `${JSON.stringify(report, null, 2)}\n`);
  const zeroFailures = failed === 0;
  const flatMemory = report.rssGrowthMb < RSS_GROWTH_LIMIT_MB;
  console.table({
    'requests (total)': { value: report.requests, target: '', holds: '' },
    'req/s': { value: report.requestsPerSecond, target: '', holds: '' },
    'latency p50 / p99 (ms)': { value: `${report.latencyP50Ms} / ${report.latencyP99Ms}`, target: '', holds: '' },
    'failed requests': { value: failed, target: '0', holds: zeroFailures ? 'yes' : 'NO' },
    'peak RSS (MB)': { value: report.peakRssMb, target: '', holds: '' },
    'RSS growth, first vs last third (MB)': { value: report.rssGrowthMb, target: `< ${RSS_GROWTH_LIMIT_MB}`, holds: flatMemory ? 'yes' : 'NO' },
  });
  process.exit(zeroFailures && flatMemory ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
