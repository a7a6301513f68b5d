// Vendor responses are validated at the adapter boundary: a body of the wrong shape
// becomes a typed UPSTREAM_UNAVAILABLE error, never a crash or a half-mapped object.
// Unknown fields are accepted (vendors add fields over time) and dropped, not copied:
// z.object strips them, which spares a copy of every field of every vendor document.
import type { z } from 'zod';
import { ErrorCode, GatewayError, type ErrorOrigin } from '../errors.js';

export function parseResponse<S extends z.ZodType>(schema: S, body: unknown, origin: ErrorOrigin, what: string): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new GatewayError(
    ErrorCode.UPSTREAM_UNAVAILABLE,
    `${origin.vendor} source "${origin.source}" sent an unexpected ${what} response.`,
    origin,
  );
}
