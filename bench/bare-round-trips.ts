// The bare-client floor of a read's round trips (issue 17), in its own process like the
// gateway: CLIENTS concurrent clients, each repeating ROUNDS sequential round trips of WIDTH
// concurrent reads sent with a bare undici pool (no gateway) to a simulator, answers
// JSON-parsed. Prints the p50 wall time of one client's ROUNDS round trips as one JSON line.
// With CLIENTS=10 it is what 10 connections' worth of the same round trips costs on this
// machine before any gateway work.
import { Pool } from 'undici';

interface Target {
  readonly origin: string;
  readonly path: string;
  readonly headers: Record<string, string>;
}

const target = JSON.parse(process.env.BARE_TARGET ?? '{}') as Target;
const width = Number(process.env.WIDTH ?? 1);
const rounds = Number(process.env.ROUNDS ?? 1);
const clients = Number(process.env.CLIENTS ?? 1);
const iterations = Number(process.env.ITERATIONS ?? 40);
const pool = new Pool(target.origin, { connections: 64 });
let failed = 0;

async function read(): Promise<void> {
  const response = await pool.request({ method: 'GET', path: target.path, headers: target.headers });
  const text = await response.body.text();
  if (response.statusCode >= 400) failed += 1;
  JSON.parse(text);
}

async function client(times: number[]): Promise<void> {
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    for (let round = 0; round < rounds; round++) await Promise.all(Array.from({ length: width }, read));
    times.push(performance.now() - started);
  }
}

await client([]); // warm-up
const times: number[] = [];
await Promise.all(Array.from({ length: clients }, () => client(times)));
times.sort((a, b) => a - b);
process.stdout.write(`${JSON.stringify({ p50: times[Math.floor(times.length / 2)] ?? 0, samples: times.length, failed })}\n`);
process.exit(0);
