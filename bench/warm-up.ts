// Warm-up until a process's CPU per request settles (issue 17). A fresh Node process serves
// the first seconds of a load from V8's interpreter and baseline tiers while TurboFan
// compiles the hot functions on helper threads, whose CPU counts in the process's. Measured
// on the peer's first shape (three assets and a collection's contents, 50 clients), a fresh
// gateway spent 4.2, 2.4, 1.7 and 1.8 ms of CPU per request in four consecutive 6 s loads;
// with a fixed 2 s warm-up the bench measured that compilation, for whichever shape came
// first in a fresh process (ours, Mesh's and the floor's alike), not the server.

/**
 * Runs `window` (one load, returning its CPU ms per request) until two consecutive windows
 * agree within `tolerance` of the earlier one, at most `maxWindows` times. Returns what each
 * window measured, for the results file.
 */
export async function warmUntilSteady(window: () => Promise<number>, maxWindows = 8, tolerance = 0.1): Promise<number[]> {
  const seen: number[] = [];
  while (seen.length < maxWindows) {
    seen.push(await window());
    const previous = seen.at(-2);
    const last = seen.at(-1) ?? NaN;
    if (previous !== undefined && Math.abs(last - previous) <= tolerance * previous) break;
  }
  return seen;
}
