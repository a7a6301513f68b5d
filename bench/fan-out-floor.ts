// What this machine allows for the fan-out target (issue 17): the same 1000-id mixed delete
// and each vendor's share of it, sent by a bare client (./bare-fan-out.ts) instead of the
// gateway. The simulators run in the bench's process on one thread, so four vendors at once
// cost their CPU one after another, with or without a gateway: the bare client's ratio
// (mixed against its slowest vendor alone) is the floor of the gateway's.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { DemoSimulators } from '../simulators/index.js';
import { median } from './median.js';
import { deleteMixed } from './operations.js';
import { captureRead, waitForQuiet } from './same-shape-floor.js';

export interface FanOutFloor {
  readonly mixedMs: number;
  readonly soloMs: Record<string, number>;
  readonly slowestVendor: string;
  readonly slowestMs: number;
  readonly ratio: number;
  /** Replayed requests the simulators answered with another status than the gateway's. */
  readonly failed: number;
  readonly upstreamCalls: number;
}

/** Nomad's batch delete removes its assets this long after answering (its simulator's settle time, 1.5 s). */
const NOMAD_SETTLE_MS = 1_700;

/** Puts the map's entries back as they are now (fresh copies each time), whatever happens to them meanwhile. */
function saved<K, V>(map: Map<K, V>): { restore(): void; keys(): K[] } {
  const entries = structuredClone([...map]);
  return {
    restore: () => structuredClone(entries).forEach(([key, value]) => map.set(key, value)),
    keys: () => entries.map(([key]) => key),
  };
}

export async function fanOutFloor(dir: string, gatewayUrl: string, demo: DemoSimulators, rounds = 3): Promise<FanOutFloor> {
  const vendors = { iconik: demo.iconik, icareus: demo.icareus, ncp: demo.ncp, nomad: demo.nomad };
  const sims = Object.values(vendors);
  const operation = deleteMixed(demo, 1000, `fan-floor-${Date.now()}`);
  const icareusAssets = saved(demo.icareus.state.assets);
  const assets = [saved(demo.iconik.state.assets), icareusAssets, saved(demo.ncp.state.assets), saved(demo.nomad.state.assets)];
  const { upstream } = await captureRead(gatewayUrl, operation, sims);
  const file = join(dir, 'upstream-fan-out.json');
  writeFileSync(file, JSON.stringify(upstream));

  const child = spawn(process.execPath, ['dist/bench/bare-fan-out.js'], { env: { ...process.env, FLOOR_UPSTREAM: file }, stdio: ['pipe', 'pipe', 'inherit'] });
  const answers = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  let failed = 0;
  const replay = async (origins?: string[]): Promise<number> => {
    // The deleted assets come back before each replay, once the last one has settled.
    await new Promise((resolve) => setTimeout(resolve, NOMAD_SETTLE_MS));
    await waitForQuiet(sims);
    assets.forEach((map) => map.restore());
    icareusAssets.keys().forEach((id) => demo.icareus.state.recycleBin.delete(id));
    child.stdin.write(`${JSON.stringify(origins ? { origins } : {})}\n`);
    const answer = await answers.next();
    if (answer.done) throw new Error('bare-fan-out exited');
    const result = JSON.parse(answer.value) as { ms: number; failed: number };
    failed += result.failed;
    return result.ms;
  };
  try {
    await replay(); // warm-up: connections and JIT
    const mixed: number[] = [];
    const solo: Record<string, number[]> = {};
    for (let round = 0; round < rounds; round++) {
      mixed.push(await replay());
      for (const [vendor, sim] of Object.entries(vendors)) (solo[vendor] ??= []).push(await replay([sim.origin]));
    }
    const soloMs = Object.fromEntries(Object.entries(solo).map(([vendor, times]) => [vendor, median(times)]));
    const [slowestVendor, slowestMs] = Object.entries(soloMs).sort((a, b) => b[1] - a[1])[0] ?? ['', NaN];
    const mixedMs = median(mixed);
    return { mixedMs, soloMs, slowestVendor, slowestMs, ratio: mixedMs / slowestMs, failed, upstreamCalls: upstream.length };
  } finally {
    child.stdin.end();
    child.kill();
  }
}
