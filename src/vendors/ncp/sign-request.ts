// NAVER Cloud Platform API Gateway signature v2, which every Media Intelligence call
// carries (vendor-specs README): Base64(HMAC-SHA256(secretKey,
//   "{METHOD} {path-with-query}\n{timestamp}\n{accessKey}"))
// with the timestamp in epoch milliseconds. The gateway rejects a timestamp more than five
// minutes off its clock, so the signature is computed per request, never cached.
import { createHmac } from 'node:crypto';

export interface SignatureInput {
  readonly method: string;
  /** Path without host, with `?query` exactly as sent. */
  readonly pathWithQuery: string;
  /** Epoch milliseconds, as a string, exactly as sent in x-ncp-apigw-timestamp. */
  readonly timestamp: string;
  readonly accessKey: string;
  readonly secretKey: string;
}

export function signatureV2(input: SignatureInput): string {
  const message = `${input.method} ${input.pathWithQuery}\n${input.timestamp}\n${input.accessKey}`;
  return createHmac('sha256', input.secretKey).update(message, 'utf8').digest('base64');
}

/** The three headers NCP's API Gateway authenticates a request with. */
export function signedHeaders(input: Omit<SignatureInput, 'timestamp'>, now = Date.now()): Record<string, string> {
  const timestamp = String(now);
  return {
    'x-ncp-apigw-timestamp': timestamp,
    'x-ncp-iam-access-key': input.accessKey,
    'x-ncp-apigw-signature-v2': signatureV2({ ...input, timestamp }),
  };
}
