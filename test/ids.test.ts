import { describe, expect, it } from 'vitest';
import { GatewayError } from '../src/errors.js';
import { decodeGlobalId, encodeGlobalId } from '../src/ids.js';

const known = (name: string) => name === 'iconik-main';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof GatewayError ? error.code : 'not-a-gateway-error';
  }
  return undefined;
}

describe('global IDs', () => {
  it('round-trip type, source and native ids with any characters', () => {
    for (const nativeId of ['5f1c-uuid', 'a:b:c', 'etc/passwd?x=1#frag', 'ünïcødé id']) {
      const id = encodeGlobalId('Asset', 'iconik-main', nativeId);
      expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeGlobalId(id, known)).toEqual({ type: 'Asset', source: 'iconik-main', nativeId });
    }
  });

  it('reject malformed, tampered and foreign IDs as BAD_USER_INPUT', () => {
    const valid = encodeGlobalId('Asset', 'iconik-main', 'abc');
    const cases = [
      '',
      'not base64!',
      `${valid}=`,
      Buffer.from('mam1:Asset:iconik-main').toString('base64url'),
      Buffer.from('mam2:Asset:iconik-main:abc').toString('base64url'),
      Buffer.from('mam1:Widget:iconik-main:abc').toString('base64url'),
      encodeGlobalId('Asset', 'other-tenant', 'abc'),
      encodeGlobalId('Asset', 'iconik-main', 'x'.repeat(600)),
      encodeGlobalId('Asset', 'iconik-main', 'line\nbreak'),
      'A'.repeat(2000),
    ];
    for (const id of cases) expect(codeOf(() => decodeGlobalId(id, known)), id).toBe('BAD_USER_INPUT');
  });

  it('reject an ID of another type where a type is required', () => {
    const shareId = encodeGlobalId('Share', 'iconik-main', 'abc');
    expect(codeOf(() => decodeGlobalId(shareId, known, 'Asset'))).toBe('BAD_USER_INPUT');
    expect(decodeGlobalId(shareId, known, 'Share').nativeId).toBe('abc');
  });
});
