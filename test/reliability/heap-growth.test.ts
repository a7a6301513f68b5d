// The gateway bounds V8's heap growth at start (src/heap-growth.ts), unless the operator
// started node with a growth factor of their own. Its effect on memory is measured by
// `npm run bench` (peak RSS), not here.
import { describe, expect, it } from 'vitest';
import { limitHeapGrowth } from '../../src/heap-growth.js';

describe('heap growth limit', () => {
  it('is set by default', () => {
    expect(limitHeapGrowth([])).toBe(true);
  });

  it("leaves an operator's own --heap-growing-percent alone", () => {
    expect(limitHeapGrowth(['--max-old-space-size=512', '--heap-growing-percent=80'])).toBe(false);
    expect(limitHeapGrowth(['--heap_growing_percent=30'])).toBe(false);
  });
});
