// The verdict of the fan-out row (bench/run.ts) and what a miss is made of (issue 17).
//
// The ratio is the 1000-id mixed delete against the slowest vendor's share of it alone, both
// through the gateway. The four simulators answer on the bench's one thread, so the mixed
// delete costs their CPU one vendor after another whoever sends it: the bare client's replay
// of the same vendor requests (./fan-out-floor.ts) gives the ratio this machine allows. Its
// mixed delete is also the floor of the gateway's: the same calls, at once, with no gateway.
// A miss is therefore one of three things, each named from the run's own numbers: the bare
// client misses too; the gateway's mixed delete was no slower than the bare client's, so the
// ratio rose with a faster single-vendor run (its denominator); or the gateway's mixed delete
// took longer than the same calls from a bare client.

/** One side's timings: the mixed delete and its slowest vendor alone, medians of the rounds. */
export interface FanOutSide {
  readonly mixedMs: number;
  readonly slowestVendor: string;
  readonly slowestMs: number;
}

/** The target: the mixed delete at most 1.3 x its slowest vendor alone. */
export const FAN_OUT_LIMIT = 1.3;

export const fanOutRatio = (side: FanOutSide) => side.mixedMs / side.slowestMs;

/** Why the row misses, from this run's numbers; undefined when it holds. */
export function fanOutMissReason(gateway: FanOutSide, bare: FanOutSide): string | undefined {
  if (fanOutRatio(gateway) <= FAN_OUT_LIMIT) return undefined;
  if (fanOutRatio(bare) > FAN_OUT_LIMIT) return `a bare client's ratio for the same calls reads ${fanOutRatio(bare).toFixed(2)}`;
  const ms = (value: number) => `${Math.round(value)} ms`;
  if (gateway.mixedMs <= bare.mixedMs) {
    return (
      `the gateway's mixed delete took ${ms(gateway.mixedMs)}, no longer than the bare client's ${ms(bare.mixedMs)} for the same calls; ` +
      `its ratio rose with its single-vendor run: ${gateway.slowestVendor} alone ${ms(gateway.slowestMs)} through the gateway, ` +
      `the bare client's slowest ${bare.slowestVendor} alone ${ms(bare.slowestMs)}`
    );
  }
  return `the gateway's mixed delete took ${ms(gateway.mixedMs)}, ${(gateway.mixedMs / bare.mixedMs).toFixed(2)}x the bare client's ${ms(bare.mixedMs)} for the same calls`;
}
