// The upstream half of the same-shape floor (issue 17): the vendor requests one benchmark
// read makes (recorded from the simulators as the gateway sent them), replayed with bare
// undici pools, each answer read and JSON-parsed, by CONNECTIONS concurrent loops for
// DURATION_S seconds; with RATE, the reads start at that many per second instead (an open
// loop at the rate the gateway served the same read: CPU per read falls as the rate rises,
// see ./run.ts). Prints its own CPU per replayed read as one JSON line.
import { readFileSync } from 'node:fs';
import { poolsFor, replayUpstream } from './replay-upstream.js';
import type { UpstreamRequest } from './same-shape-floor.js';
import { warmUntilSteady } from './warm-up.js';

const requests = JSON.parse(readFileSync(process.env.FLOOR_UPSTREAM ?? '', 'utf8')) as UpstreamRequest[];
const connections = Number(process.env.CONNECTIONS ?? 50);
const durationMs = Number(process.env.DURATION_S ?? 5) * 1000;
const rate = Number(process.env.RATE ?? 0);
const pools = poolsFor(requests);

/** Answers other than the vendor gave the gateway: a replay that fails (an expired signature) would understate the floor. */
let failed = 0;

async function replay(): Promise<void> {
  failed += (await replayUpstream(pools, requests)).failed;
}

/** `connections` concurrent loops replaying the read for `ms`: reads done and CPU per read. */
async function load(ms: number): Promise<{ reads: number; cpuMsPerRead: number }> {
  let reads = 0;
  const started = Date.now();
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() - started < ms) {
        await replay();
        reads += 1;
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  return { reads, cpuMsPerRead: (used.user + used.system) / 1000 / Math.max(1, reads) };
}

/** Reads started at `rate` per second for `ms`, each on its own: reads done and CPU per read. */
async function loadAtRate(ms: number): Promise<{ reads: number; cpuMsPerRead: number }> {
  let reads = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const running: Array<Promise<void>> = [];
  for (let next = started; next - started < ms; next += 1000 / rate) {
    const wait = next - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    running.push(replay().then(() => void (reads += 1)));
  }
  await Promise.all(running);
  const used = process.cpuUsage(cpu);
  return { reads, cpuMsPerRead: (used.user + used.system) / 1000 / Math.max(1, reads) };
}

// Warm-up until the CPU per read settles (./warm-up.ts: JIT), then the measured window.
const warmUpCpuMsPerRead = await warmUntilSteady(async () => (await load(1_000)).cpuMsPerRead);
const { reads, cpuMsPerRead } = rate > 0 ? await loadAtRate(durationMs) : await load(durationMs);
process.stdout.write(`${JSON.stringify({ reads, cpuMsPerRead, upstreamPerRead: requests.length, failed, warmUpCpuMsPerRead })}\n`);
process.exit(0);
