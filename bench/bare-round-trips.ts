// The bare-client floor of a read's latency (issue 17), in its own process like the
// gateway: the vendor requests the read makes (recorded from the simulators as the gateway
// sent them), sent with bare undici pools (64 connections per vendor, as the gateway's) in
// ROUNDS sequential round trips (the read's critical path; the requests dealt round-robin
// over the rounds), answers JSON-parsed, by CLIENTS clients at once. Prints the p50 wall
// time of one client's read as one JSON line: what this machine allows for the same round
// trips at the same concurrency before any gateway work.
import { readFileSync } from 'node:fs';
import { poolsFor, replayUpstream } from './replay-upstream.js';
import type { UpstreamRequest } from './same-shape-floor.js';

const requests = JSON.parse(readFileSync(process.env.FLOOR_UPSTREAM ?? '', 'utf8')) as UpstreamRequest[];
const rounds = Math.max(1, Number(process.env.ROUNDS ?? 1));
const clients = Number(process.env.CLIENTS ?? 1);
const iterations = Number(process.env.ITERATIONS ?? 40);
const pools = poolsFor(requests);
let failed = 0;

async function client(times: number[]): Promise<void> {
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    failed += (await replayUpstream(pools, requests, false, rounds)).failed;
    times.push(performance.now() - started);
  }
}

await client([]); // warm-up
const times: number[] = [];
await Promise.all(Array.from({ length: clients }, () => client(times)));
times.sort((a, b) => a - b);
process.stdout.write(`${JSON.stringify({ p50: times[Math.floor(times.length / 2)] ?? 0, samples: times.length, failed })}\n`);
process.exit(0);
