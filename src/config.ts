// Reads GATEWAY_CONFIG (YAML or JSON; YAML is a superset of JSON) and validates it at
// start-up, so a mistake stops the gateway with a message naming the exact field instead
// of failing on the first request. String values may reference environment variables as
// ${NAME}, which is how credentials stay out of the file.
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const sourceName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/, 'must be 1-63 letters, digits, "-", "_" or "." (it appears in IDs and filters)');

const commonSourceFields = {
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

/** The credential fields each vendor needs on every call. */
export const REQUIRED_CREDENTIALS = {
  ICONIK: ['appId', 'authToken'],
  ICAREUS: ['userToken'],
  NCP_MEDIA_INTELLIGENCE: ['accessKey', 'secretKey'],
  NOMAD: ['token'],
} as const;

const iconikSource = z.strictObject({
  ...commonSourceFields,
  vendor: z.literal('ICONIK'),
  credentials: z.strictObject({ appId: z.string().min(1), authToken: z.string().min(1) }).partial().default({}),
});

const icareusSource = z.strictObject({
  ...commonSourceFields,
  vendor: z.literal('ICAREUS'),
  /** The Icareus Suite organization this source serves. */
  organizationId: z.number().int().positive(),
  /** Language of titles and descriptions (Icareus keeps them per language). */
  languageId: z.string().regex(/^[a-z]{2}_[A-Z]{2}$/).default('en_US'),
  /** Other organizations the user may copy or move assets to; listed as top-level collections. */
  otherOrganizationIds: z.array(z.number().int().positive()).default([]),
  credentials: z
    .strictObject({
      userToken: z.string().min(1),
      /** The organization's Archive API token; needed only to delete assets (Archive API deleteAsset). */
      archiveToken: z.string().min(1),
    })
    .partial()
    .default({}),
});

const ncpSource = z.strictObject({
  ...commonSourceFields,
  vendor: z.literal('NCP_MEDIA_INTELLIGENCE'),
  /** The Media Intelligence workspace (`workspace_name` in every path). */
  workspaceName: z.string().min(1),
  credentials: z.strictObject({ accessKey: z.string().min(1), secretKey: z.string().min(1) }).partial().default({}),
});

const nomadSource = z.strictObject({
  ...commonSourceFields,
  vendor: z.literal('NOMAD'),
  credentials: z.strictObject({ token: z.string().min(1) }).partial().default({}),
});

const sourceConfig = z.discriminatedUnion('vendor', [iconikSource, icareusSource, ncpSource, nomadSource]);

const gatewayConfig = z
  .strictObject({
    sources: z.array(sourceConfig).min(1, 'list at least one source'),
    /** Whole-request budget: no upstream call starts or continues after it. */
    requestDeadlineMs: z.number().int().min(100).max(300_000).default(25_000),
    /** Turns the shared read cache on (in-process LRU, or Redis when REDIS_URL is set). */
    cache: z.strictObject({ ttlMs: z.number().int().min(100).max(3_600_000).default(5_000) }).optional(),
    /**
     * Browser origins allowed to call the gateway (CORS). Empty by default: the gateway uses
     * the configured vendor credentials, so no other site may drive it.
     */
    cors: z
      .strictObject({
        allowedOrigins: z.array(
          z.string().regex(/^https?:\/\/[^/\s*]+$/, 'an exact origin such as https://app.example.com (scheme, host, optional port; no path, no wildcard)'),
        ),
      })
      .default({ allowedOrigins: [] }),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.sources.forEach((source, index) => {
      for (const field of REQUIRED_CREDENTIALS[source.vendor]) {
        const configured = (source.credentials as Record<string, string | undefined>)[field];
        if (!configured && !source.credentialHeaders[field]) {
          ctx.addIssue({
            code: 'custom',
            path: ['sources', index, 'credentials', field],
            message: `required: configure it, or name a request header for it in credentialHeaders.${field}`,
          });
        }
      }
      for (const field of Object.keys(source.credentialHeaders)) {
        const known: readonly string[] = [...REQUIRED_CREDENTIALS[source.vendor], ...(source.vendor === 'ICAREUS' ? ['archiveToken'] : [])];
        if (!known.includes(field)) {
          ctx.addIssue({ code: 'custom', path: ['sources', index, 'credentialHeaders', field], message: `${source.vendor} has no credential "${field}"` });
        }
      }
      if (seen.has(source.name)) {
        ctx.addIssue({ code: 'custom', path: ['sources', index, 'name'], message: `duplicate source name "${source.name}"` });
      }
      seen.add(source.name);
    });
  });

export type SourceConfig = z.output<typeof sourceConfig>;
export type IconikSourceConfig = z.output<typeof iconikSource>;
export type IcareusSourceConfig = z.output<typeof icareusSource>;
export type NcpSourceConfig = z.output<typeof ncpSource>;
export type NomadSourceConfig = z.output<typeof nomadSource>;
export type GatewayConfig = z.output<typeof gatewayConfig>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates an already-parsed configuration object (also used by the demo and tests). */
export function parseConfig(raw: unknown, env: NodeJS.ProcessEnv = process.env, origin = 'configuration'): GatewayConfig {
  const result = gatewayConfig.safeParse(interpolateEnv(raw, env, []));
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new ConfigError(`Invalid ${origin}:\n${lines.join('\n')}`);
}

export async function loadConfigFile(path: string, env: NodeJS.ProcessEnv = process.env): Promise<GatewayConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read GATEWAY_CONFIG file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new ConfigError(`GATEWAY_CONFIG file ${path} is not valid YAML or JSON: ${(error as Error).message}`);
  }
  return parseConfig(raw, env, `GATEWAY_CONFIG file ${path}`);
}

// Replaces ${NAME} in every string with the environment variable; an unset variable is a
// configuration error naming the field (never the value).
function interpolateEnv(value: unknown, env: NodeJS.ProcessEnv, path: ReadonlyArray<string | number>): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_match, name: string) => {
      const resolved = env[name];
      if (resolved === undefined || resolved === '') {
        throw new ConfigError(`Invalid configuration:\n  - ${path.join('.')}: environment variable ${name} is not set`);
      }
      return resolved;
    });
  }
  if (Array.isArray(value)) return value.map((item, index) => interpolateEnv(item, env, [...path, index]));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolateEnv(item, env, [...path, key])]));
  }
  return value;
}
