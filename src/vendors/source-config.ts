// The configuration fields every source has, whatever its vendor (each vendor module adds
// its own fields and credentials to these, see src/vendors/<vendor>/index.ts).
import { z } from 'zod';

const sourceName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/, 'must be 1-63 letters, digits, "-", "_" or "." (it appears in IDs and filters)');

export const commonSourceFields = {
  name: sourceName,
  baseUrl: z.url({ protocol: /^https?$/ }),
  /** Per-call timeout for this vendor. */
  timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  /** Keep-alive connections in this source's pool: how many calls to it run at once. One 50-asset read sends
   *  up to 50 per-id calls to a vendor without a multi-id read; 16 made that two round trips. */
  maxConnections: z.number().int().min(1).max(256).default(64),
  /** Extra attempts for idempotent reads after 429/5xx/timeouts/connection errors (writes never retry). */
  retries: z.number().int().min(0).max(5).default(2),
  /** Consecutive failed calls (vendor down: 429/5xx/timeouts/connection errors) that open this source's circuit. */
  breakerThreshold: z.number().int().min(1).max(10_000).default(5),
  /** How long an open circuit fails fast before one probe call is let through. */
  breakerHalfOpenMs: z.number().int().min(100).max(600_000).default(10_000),
  /** TTL of this source's entries in the shared read cache (when the cache is on). */
  cacheTtlMs: z.number().int().min(100).max(3_600_000).optional(),
  /**
   * Per-request credentials: credential field -> request header (for example
   * `authToken: x-iconik-auth-token`). A header present on a request replaces that field of
   * the configured credentials for that request only.
   */
  credentialHeaders: z.record(z.string(), z.string().regex(/^[a-z0-9-]+$/, 'a lower-case HTTP header name')).default({}),
};

/** One credential value (a vendor's `credentials` fields are all optional in the file: a request header may supply them). */
export const credential = z.string().min(1);
