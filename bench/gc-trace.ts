// Why the gateway's peak RSS sits above the one-process floor's (issue 17): what V8's
// collectors do for each process under the same read at the same 2 clients. A process
// started with `--trace-gc` prints one line per collection on stdout; this counts the
// young-generation collections (scavenges), the full ones (mark-compacts) and their pauses.
// A scavenge costs what it copies: objects still alive when the 16 MB semi-space fills.
// Objects alive at two scavenges in a row move to the old generation, which then grows
// until a mark-compact, and that old generation is most of the RSS above the floor.
import { createInterface } from 'node:readline';
import type { Child } from './gateway-process.js';

export interface GcTally {
  readonly scavenges: number;
  /** Main-thread pause of all scavenges, ms. */
  readonly scavengeMs: number;
  readonly markCompacts: number;
  /** Main-thread pause of all mark-compacts, ms (their incremental marking steps not included). */
  readonly markCompactMs: number;
}

/** V8's trace line: `[pid:isolate] 1234 ms: Scavenge 43.4 (81.9) -> 35.3 (81.9) MB, 3.92 / 0.03 ms ...`. */
const TRACE_LINE = /: (Scavenge|Mark-Compact)\b.*? MB, ([\d.]+) \/ [\d.]+ ms/;

/** Collections in `--trace-gc` output lines (other lines are ignored). */
export function tallyGc(lines: Iterable<string>): GcTally {
  let scavenges = 0;
  let scavengeMs = 0;
  let markCompacts = 0;
  let markCompactMs = 0;
  for (const line of lines) {
    const match = TRACE_LINE.exec(line);
    if (!match) continue;
    if (match[1] === 'Scavenge') {
      scavenges += 1;
      scavengeMs += Number(match[2]);
    } else {
      markCompacts += 1;
      markCompactMs += Number(match[2]);
    }
  }
  return { scavenges, scavengeMs, markCompacts, markCompactMs };
}

/** Collects the trace lines a child started with `--trace-gc` prints from now on. */
export function recordGcTrace(child: Child): { take(): GcTally } {
  let lines: string[] = [];
  if (!child.process.stdout) throw new Error('the child was started without a stdout pipe');
  createInterface({ input: child.process.stdout }).on('line', (line) => lines.push(line));
  return {
    /** The collections since the last take. */
    take() {
      const tally = tallyGc(lines);
      lines = [];
      return tally;
    },
  };
}

/** "18 scavenges (75 ms), 2 mark-compacts (17 ms) per 100 requests". */
export function describeGc(tally: GcTally, requests: number): string {
  const per = (value: number) => (value * 100) / Math.max(1, requests);
  return `${per(tally.scavenges).toFixed(1)} scavenges (${per(tally.scavengeMs).toFixed(0)} ms), ${per(tally.markCompacts).toFixed(1)} mark-compacts (${per(tally.markCompactMs).toFixed(0)} ms) per 100 requests`;
}
