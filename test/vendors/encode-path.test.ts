import { describe, expect, it } from 'vitest';
import { encodePath } from '../../src/vendors/encode-path.js';

describe('encodePath', () => {
  it('keeps ids inside their path segment', () => {
    expect(encodePath`/assets/v1/assets/${'../../admin'}/`).toBe('/assets/v1/assets/..%2F..%2Fadmin/');
    expect(encodePath`/a/${'x?y=1#z'}/`).toBe('/a/x%3Fy%3D1%23z/');
    expect(encodePath`/a/${'//evil.example'}/`).toBe('/a/%2F%2Fevil.example/');
  });

  it('encodes dot segments that servers would normalise away', () => {
    expect(encodePath`/a/${'..'}/b`).toBe('/a/%2E%2E/b');
    expect(encodePath`/a/${'.'}/b`).toBe('/a/%2E/b');
  });
});
