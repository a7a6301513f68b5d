// How far V8 lets the heap grow past what was live after its last full collection.
// Left to itself, V8 sizes a busy process's old generation at up to four times the live
// heap: the gateway's live heap is about 40 MB under load, so it grew to about 150 MB of
// mostly garbage before collecting, and RSS peaked at 230 to 270 MB (issue 17). At 50% the
// same loads peak at about 150 MB; the full collections that buys cost little, because the
// live heap is small (measured: CPU per request within this machine's noise, +4% on
// average over four interleaved runs of the 50-asset read).
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

/**
 * Sets V8's heap growing factor to 1 + HEAP_GROWING_PERCENT / 100, unless node was started
 * with its own `--heap-growing-percent` (an operator's choice wins; node refuses the flag in
 * NODE_OPTIONS, so only the command line can carry it). V8 reads the flag each time it sizes
 * the heap after a full collection, so setting it at start-up takes effect. Returns whether
 * it was set.
 */
export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((arg) => /heap[-_]growing[-_]percent/.test(arg))) return false;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
