// One channel per kind of failure. userErrors are for what the user can fix: invalid input,
// an object that does not exist, an operation the source cannot do, a permission the user
// lacks (Shopify's rule), each with its input field. Vendor failures (unreachable, timed
// out, refused, credentials rejected) and faults of ours are not the user's input: they are
// rethrown and become a top-level error with `extensions.code` (the payload is null).
import { ErrorCode, GatewayError } from '../errors.js';
import type { UserError } from '../generated/resolvers-types.js';

const USER_FIXABLE: ReadonlySet<ErrorCode> = new Set([ErrorCode.BAD_USER_INPUT, ErrorCode.NOT_FOUND, ErrorCode.UNSUPPORTED, ErrorCode.FORBIDDEN]);

export function userErrorsFrom(field: string[] | null, error: unknown): UserError[] {
  if (!(error instanceof GatewayError) || !USER_FIXABLE.has(error.code)) throw error;
  return [{ field, message: error.message, code: error.code }];
}
