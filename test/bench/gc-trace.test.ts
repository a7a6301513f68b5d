// The bench's garbage-collection rows read V8's --trace-gc lines: this holds the parser to
// what this Node's V8 really prints, so a changed format fails here, not as a row of zeros.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { describeGc, tallyGc } from '../../bench/gc-trace.js';

describe('the bench GC trace', () => {
  it('counts the scavenges and mark-compacts a real --trace-gc process prints', () => {
    // Short-lived garbage (scavenges), then a full collection on demand (a mark-compact).
    const program = 'let keep = []; for (let i = 0; i < 2e6; i++) { keep.push({ i }); if (keep.length > 1000) keep = []; } globalThis.gc();';
    const run = spawnSync(process.execPath, ['--trace-gc', '--expose-gc', '-e', program], { encoding: 'utf8' });
    const tally = tallyGc(run.stdout.split('\n'));
    expect(tally.scavenges).toBeGreaterThan(0);
    expect(tally.scavengeMs).toBeGreaterThan(0);
    expect(tally.markCompacts).toBeGreaterThanOrEqual(1);
  });

  it('ignores other output and reports per 100 requests', () => {
    const tally = tallyGc([
      'ready at http://127.0.0.1:4000/graphql',
      '[1:0x1]      810 ms: Mark-Compact 34.5 (62.4) -> 26.2 (64.1) MB, 19.40 / 0.18 ms  (+ 9.9 ms in 26 steps since start of marking) finalize incremental marking via task; GC in old space requested',
      '[1:0x1]    15355 ms: Scavenge 43.4 (81.9) -> 35.3 (81.9) MB, 3.92 / 0.03 ms  (average mu = 0.945, current mu = 0.926) task;',
      '[1:0x1]    15395 ms: Scavenge 47.1 (81.9) -> 38.1 (81.9) MB, 5.04 / 0.03 ms  (average mu = 0.945, current mu = 0.926) task;',
    ]);
    expect(tally).toEqual({ scavenges: 2, scavengeMs: 8.96, markCompacts: 1, markCompactMs: 19.4 });
    expect(describeGc(tally, 200)).toBe('1.0 scavenges (4 ms), 0.5 mark-compacts (10 ms) per 100 requests');
  });
});
