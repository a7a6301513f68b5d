// Reads GATEWAY_CONFIG (YAML or JSON; YAML is a superset of JSON) and validates it at
// start-up, so a mistake stops the gateway with a message naming the exact field instead
// of failing on the first request. String values may reference environment variables as
// ${NAME}, which is how credentials stay out of the file.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { VENDOR_MODULES, sourceConfigSchema } from './vendors/registry.js';

const gatewayConfig = z
  .strictObject({
    sources: z.array(sourceConfigSchema).min(1, 'list at least one source'),
    /** Whole-request budget: no upstream call starts or continues after it. */
    requestDeadlineMs: z.number().int().min(100).max(300_000).default(25_000),
    /** How long a /readyz result is reused before the vendors are probed again. */
    readinessCacheMs: z.number().int().min(0).max(300_000).default(5_000),
    /** Longest a request waits for admission while the gateway is saturated; then 503 with Retry-After. */
    queueWaitMs: z.number().int().min(0).max(60_000).default(1_000),
    /** Turns the shared read cache on (in-process LRU, or Redis when REDIS_URL is set). */
    cache: z.strictObject({ ttlMs: z.number().int().min(100).max(3_600_000).default(5_000) }).optional(),
    /**
     * Browser origins allowed to call the gateway (CORS). Empty by default: the gateway uses
     * the configured vendor credentials, so no other site may drive it.
     */
    /**
     * The Federation 2 subgraph endpoint (/subgraph). On outside production; in production
     * off unless enabled here, because it serves the whole SDL (`_service { sdl }`).
     */
    subgraph: z.strictObject({ enabled: z.boolean() }).optional(),
    /** Background jobs (transferAssets, importAsset): limits, retention, and where imports may come from. */
    jobs: z
      .strictObject({
        /** Items transferred at once per destination source, per process. */
        concurrencyPerSource: z.number().int().min(1).max(32).default(2),
        /** Most assets one job takes. */
        maxItemsPerJob: z.number().int().min(1).max(1000).default(100),
        /** How long finished jobs are kept. */
        retentionHours: z.number().min(0.01).max(720).default(24),
        /** Bytes per second per destination source, per process; unset: no limit. */
        bytesPerSecondPerSource: z.number().int().min(1024).optional(),
        /** Hosts importAsset may fetch from (exact host names, with port when not the default). Empty: importAsset is off. */
        importAllowedHosts: z.array(z.string().regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$/, 'a host name, optionally with :port')).default([]),
      })
      .default({ concurrencyPerSource: 2, maxItemsPerJob: 100, retentionHours: 24, importAllowedHosts: [] }),
    /** Live updates over WebSocket (Subscription): limits per instance and per connection. */
    subscriptions: z
      .strictObject({
        maxConnections: z.number().int().min(1).max(100_000).default(5_000),
        maxSubscriptionsPerConnection: z.number().int().min(1).max(1_000).default(50),
        maxIdsPerSubscription: z.number().int().min(1).max(1_000).default(100),
        /** Ping interval; a client that does not answer a ping within it is disconnected. */
        keepAliveMs: z.number().int().min(1_000).max(300_000).default(12_000),
        /** Changes queued for one subscription before its connection is closed as a slow consumer. */
        maxQueuedEvents: z.number().int().min(1).max(100_000).default(200),
      })
      .default({ maxConnections: 5_000, maxSubscriptionsPerConnection: 50, maxIdsPerSubscription: 100, keepAliveMs: 12_000, maxQueuedEvents: 200 }),
    /** Polling of assets in transient statuses (COPYING, ARCHIVING, ...) until they settle. */
    polling: z
      .strictObject({
        initialMs: z.number().int().min(100).max(60_000).default(500),
        maxMs: z.number().int().min(100).max(600_000).default(15_000),
        /** How long a write keeps its assets polled when nobody subscribes to them. */
        afterWriteMs: z.number().int().min(1_000).max(86_400_000).default(1_800_000),
      })
      .default({ initialMs: 500, maxMs: 15_000, afterWriteMs: 1_800_000 }),
    /**
     * Vendor webhooks into /webhooks/<source>, off unless configured. At start the gateway
     * registers `<publicUrl>/webhooks/<source>` at each source whose vendor has a webhook
     * API (iconik), asking it to send `secret` in a header with every delivery; deliveries
     * without it are refused. `publicUrl` is where vendors reach the gateway (its load
     * balancer); without it, the gateway's own listening address (demo, local only).
     */
    webhooks: z
      .strictObject({
        secret: z.string().min(16, 'at least 16 characters'),
        publicUrl: z.url({ protocol: /^https?$/ }).optional(),
      })
      .optional(),
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
      const { credentials } = VENDOR_MODULES[source.vendor];
      for (const field of credentials.required) {
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
        const known = [...credentials.required, ...credentials.optional];
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

export type { SourceConfig } from './vendors/registry.js';
export type GatewayConfig = z.output<typeof gatewayConfig>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates an already-parsed configuration object (also used by the demo and tests). */
export function parseConfig(raw: unknown, env: NodeJS.ProcessEnv = process.env, origin = 'configuration'): GatewayConfig {
  const unset: string[] = [];
  const interpolated = interpolateEnv(raw, env, [], unset);
  // Every unset variable at once, so a deployment is fixed in one go.
  if (unset.length > 0) throw new ConfigError(`Invalid ${origin}:\n${unset.join('\n')}`);
  const result = gatewayConfig.safeParse(interpolated);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new ConfigError(`Invalid ${origin}:\n${lines.join('\n')}`);
}

/** The configuration file to serve, or a ConfigError saying how to give one. */
export function configPathFrom(env: NodeJS.ProcessEnv): string {
  const path = env['GATEWAY_CONFIG'];
  if (!path) {
    throw new ConfigError(
      'GATEWAY_CONFIG is not set. The gateway serves only configured vendor sources: set GATEWAY_CONFIG=/path/to/gateway.yaml ' +
        '(README, "Configuration"), or run the demo over simulated vendors with `npm start`.',
    );
  }
  return path;
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
    raw = await parseYamlOrJson(text);
  } catch (error) {
    throw new ConfigError(`GATEWAY_CONFIG file ${path} is not valid YAML or JSON: ${(error as Error).message}`);
  }
  return parseConfig(raw, env, `GATEWAY_CONFIG file ${path}`);
}

/**
 * A JSON file is read with JSON.parse; anything else with the YAML parser, loaded only then:
 * it holds about 1 MB of heap that a gateway configured in JSON never needs (idle memory,
 * issue 17). YAML is a superset of JSON, so text that is not valid JSON gets the YAML
 * parser's verdict either way.
 */
async function parseYamlOrJson(text: string): Promise<unknown> {
  if (text.trimStart().startsWith('{')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // Not JSON after all: YAML decides.
    }
  }
  const { parse } = await import('yaml');
  return parse(text) as unknown;
}

// Replaces ${NAME} in every string with the environment variable; each unset variable is
// collected in `unset` as a line naming the field (never a value).
function interpolateEnv(value: unknown, env: NodeJS.ProcessEnv, path: ReadonlyArray<string | number>, unset: string[]): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (match, name: string) => {
      const resolved = env[name];
      if (resolved === undefined || resolved === '') {
        unset.push(`  - ${path.join('.')}: environment variable ${name} is not set`);
        return match;
      }
      return resolved;
    });
  }
  if (Array.isArray(value)) return value.map((item, index) => interpolateEnv(item, env, [...path, index], unset));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolateEnv(item, env, [...path, key], unset)]));
  }
  return value;
}
