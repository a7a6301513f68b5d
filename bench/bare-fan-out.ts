// The bare-client floor of the fan-out target (issue 17), in its own process like the
// gateway: the vendor requests of one mixed deleteAssets (recorded from the simulators as
// the gateway sent them), sent with bare undici pools (64 connections per vendor, as the
// gateway's), answers JSON-parsed. Each vendor's requests keep their order: consecutive
// requests of the same kind (method and path, ids left out) go out at once, and a vendor's
// next kind waits for the previous one (iconik's search, then its delete queue, then its
// search again). The vendors run at once, or one alone.
//
// It replays on command, one JSON line on stdin each ({"origins": [...]}: the vendors to
// replay, all when absent), and answers each with one JSON line ({ms, failed}): the bench
// restores the deleted assets in the simulators between replays.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { poolsFor, replayUpstream } from './replay-upstream.js';
import type { UpstreamRequest } from './same-shape-floor.js';

const requests = JSON.parse(readFileSync(process.env.FLOOR_UPSTREAM ?? '', 'utf8')) as UpstreamRequest[];
const pools = poolsFor(requests);

/** One vendor's requests in steps: each step's requests go out at once, the steps one after another. */
function stepsOf(origin: string): UpstreamRequest[][] {
  const steps: UpstreamRequest[][] = [];
  let previousKind = '';
  for (const request of requests.filter((candidate) => candidate.origin === origin)) {
    const kind = `${request.method} ${request.path.split('?')[0]?.replace(/\/[^/]*\d[^/]*/g, '/:id')}`;
    if (kind !== previousKind || steps.length === 0) steps.push([]);
    steps[steps.length - 1]?.push(request);
    previousKind = kind;
  }
  return steps;
}
const stepsByOrigin = new Map([...pools.keys()].map((origin) => [origin, stepsOf(origin)]));

async function replay(origins: readonly string[]): Promise<{ ms: number; failed: number }> {
  const started = performance.now();
  let failed = 0;
  await Promise.all(
    origins.map(async (origin) => {
      for (const step of stepsByOrigin.get(origin) ?? []) failed += (await replayUpstream(pools, step)).failed;
    }),
  );
  return { ms: performance.now() - started, failed };
}

for await (const line of createInterface({ input: process.stdin })) {
  const command = JSON.parse(line) as { origins?: string[] };
  process.stdout.write(`${JSON.stringify(await replay(command.origins ?? [...pools.keys()]))}\n`);
}
process.exit(0);
