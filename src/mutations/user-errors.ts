// Expected failures of a whole mutation (invalid input, unsupported by the vendor, vendor
// refusal) are data in the payload's userErrors (Shopify's rule); anything else stays an
// exception and becomes a masked top-level error.
import { GatewayError } from '../errors.js';
import type { UserError } from '../generated/resolvers-types.js';

export function userErrorsFrom(field: string[] | null, error: unknown): UserError[] {
  if (!(error instanceof GatewayError)) throw error;
  return [{ field, message: error.message, code: error.code }];
}
