import { describe, expect, it } from 'vitest';
import { warmUntilSteady } from '../../bench/warm-up.js';

/** A window that answers the given CPU-per-request values in turn, counting its calls. */
function windows(values: number[]) {
  let calls = 0;
  return { window: async () => values[calls++] ?? NaN, calls: () => calls };
}

describe('bench warm-up until the CPU per request settles', () => {
  it('keeps loading while the CPU per request still falls, and stops at the first pair within 10%', async () => {
    const load = windows([9.8, 6.4, 4.6, 3.9, 2.8, 2.5, 2.5, 2.4]);
    expect(await warmUntilSteady(load.window)).toEqual([9.8, 6.4, 4.6, 3.9, 2.8, 2.5, 2.5]);
    expect(load.calls()).toBe(7);
  });

  it('gives up after the most windows it may take', async () => {
    const load = windows([1, 2, 1, 2, 1, 2]);
    expect(await warmUntilSteady(load.window, 4)).toEqual([1, 2, 1, 2]);
    expect(load.calls()).toBe(4);
  });
});
