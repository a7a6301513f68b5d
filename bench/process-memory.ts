// Resident memory of a benchmark's processes, read from /proc (Linux), and the idle memory
// an operator sees: a Node process that has just started still holds the young generation
// it grew while loading modules and building its schema (two 16 MB semi-spaces) until V8's
// memory reducer shrinks it, some seconds after allocation stops (7 to 17 s on this
// machine, 2026-11-27; a gateway read 99 to 104 MB before and 77 to 83 MB after).
import { readFileSync } from 'node:fs';

/** Resident set size of a process, in MB. */
export function rssMb(pid: number = process.pid): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

export interface SettledRss {
  /** The first sample: memory just after start (or just after the last request). */
  readonly atStartMb: number;
  /** The median of the window's last five samples. */
  readonly settledMb: number;
  /** When RSS first came within 1 MB of the settled value, in seconds from the first sample. */
  readonly settledAfterS: number;
}

/** Samples a process left alone for `windowMs` (it must receive no work meanwhile). */
export async function settledRss(pid: number, windowMs = 30_000, everyMs = 500): Promise<SettledRss> {
  const samples: number[] = [];
  for (let elapsed = 0; elapsed <= windowMs; elapsed += everyMs) {
    samples.push(rssMb(pid));
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  const last = samples.slice(-5).sort((a, b) => a - b);
  const settledMb = last[Math.floor(last.length / 2)] ?? 0;
  const reached = samples.findIndex((sample) => sample <= settledMb + 1);
  return { atStartMb: samples[0] ?? 0, settledMb, settledAfterS: (Math.max(0, reached) * everyMs) / 1000 };
}
