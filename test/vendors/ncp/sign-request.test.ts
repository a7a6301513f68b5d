import { describe, expect, it } from 'vitest';
import { signatureV2, signedHeaders } from '../../../src/vendors/ncp/sign-request.js';

// Vectors computed independently of this code (Python's hmac + base64 over the string
// "{METHOD} {path?query}\n{timestamp}\n{accessKey}"), so a wrong separator, order or
// encoding in signatureV2 fails here.
describe('NCP API Gateway signature v2', () => {
  const keys = { accessKey: 'AKIAEXAMPLEKEY', secretKey: 'secret-example-key' };

  it('matches known vectors', () => {
    expect(
      signatureV2({
        method: 'GET',
        pathWithQuery: '/api/v1/workspaces/my-workspace/projects/1234/assets?page=1&size=20',
        timestamp: '1700000000000',
        ...keys,
      }),
    ).toBe('taHmb2sSy3Qp+SHNGfApPkNVGZuIZNuFI63QmgH7y10=');
    expect(
      signatureV2({
        method: 'PATCH',
        pathWithQuery: '/api/v1/workspaces/my-workspace/projects/1234/assets/1001?new_project_id=5678',
        timestamp: '1745396051000',
        ...keys,
      }),
    ).toBe('p0ganlVrxJ8ntNGM/pxBTgVP/fFjpnvlOLXPkrnUFFg=');
  });

  it('puts the timestamp, the access key and the signature in the three NCP headers', () => {
    const headers = signedHeaders({ method: 'GET', pathWithQuery: '/api/v1/workspaces/my-workspace/projects/1234/assets?page=1&size=20', ...keys }, 1_700_000_000_000);
    expect(headers).toEqual({
      'x-ncp-apigw-timestamp': '1700000000000',
      'x-ncp-iam-access-key': 'AKIAEXAMPLEKEY',
      'x-ncp-apigw-signature-v2': 'taHmb2sSy3Qp+SHNGfApPkNVGZuIZNuFI63QmgH7y10=',
    });
  });
});
