import { describe, expect, it } from 'vitest';
import { fanOutMissReason, type FanOutSide } from '../../bench/fan-out-verdict.js';

// The fan-out row names what its miss is made of, from the run's own numbers: the bare
// client's replay of the same vendor requests is both the ratio this machine allows and the
// floor of the gateway's mixed delete.
const side = (mixedMs: number, slowestVendor: string, slowestMs: number): FanOutSide => ({ mixedMs, slowestVendor, slowestMs });

describe('fan-out verdict', () => {
  it('holds at 1.3 x the slowest vendor alone, with no reason', () => {
    expect(fanOutMissReason(side(130, 'ncp', 100), side(200, 'icareus', 100))).toBeUndefined();
  });

  it("says so when the bare client's ratio misses too", () => {
    expect(fanOutMissReason(side(140, 'ncp', 100), side(150, 'icareus', 110))).toBe("a bare client's ratio for the same calls reads 1.36");
  });

  it("blames the single-vendor run when the gateway's mixed delete was no slower than the bare client's (run AP's numbers)", () => {
    expect(fanOutMissReason(side(139.5, 'ncp', 101.2), side(153.0, 'icareus', 132.7))).toBe(
      "the gateway's mixed delete took 140 ms, no longer than the bare client's 153 ms for the same calls; its ratio rose with its single-vendor run: ncp alone 101 ms through the gateway, the bare client's slowest icareus alone 133 ms",
    );
  });

  it("names the gateway's own cost when its mixed delete took longer than the same calls from a bare client", () => {
    expect(fanOutMissReason(side(180, 'ncp', 100), side(150, 'icareus', 130))).toBe(
      "the gateway's mixed delete took 180 ms, 1.20x the bare client's 150 ms for the same calls",
    );
  });
});
