// The credentials one upstream call uses: the configured ones, with any field the client
// sent in its request headers (credentialHeaders in the configuration) replacing the
// configured value for that request only. A field that is still missing makes the call
// fail as UNAUTHENTICATED for that source, before anything is sent.
import { ErrorCode, GatewayError, type ErrorOrigin } from '../errors.js';

export function credentialsFor<F extends string>(
  origin: ErrorOrigin,
  configured: Partial<Record<F, string>>,
  required: readonly F[],
  fromRequest: Readonly<Record<string, string>> = {},
): Record<F, string> {
  const merged = { ...configured, ...fromRequest } as Partial<Record<F, string>>;
  const missing = required.filter((field) => !merged[field]);
  if (missing.length > 0) {
    throw new GatewayError(ErrorCode.UNAUTHENTICATED, `No credentials for source "${origin.source}" on this request (missing ${missing.join(', ')}).`, origin);
  }
  return merged as Record<F, string>;
}
