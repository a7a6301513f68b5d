// Assembles the gateway: sources (adapters and pools) from configuration, the schema,
// Apollo Server with our error normaliser and plugins, the per-request context, and the
// HTTP server. `startGateway` is what `npm start`, the tests and the benchmarks run.
import { introspectionOffRule } from './http/introspection-rule.js';
import { unsupportedOperationRule } from './http/unsupported-operation-rule.js';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { GatewayConfig } from './config.js';
import type { CacheBinding } from './cache/cached-reads.js';
import { MemoryReadCache, RedisReadCache } from './cache/read-cache.js';
import { createContext, type GatewayContext } from './context.js';
import { formatError } from './normalize-error.js';
import { cachedReadiness, withSharedCache } from './http/health.js';
import { GRAPHQL_PATH, SUBGRAPH_PATH, createHttpServer } from './http/http-server.js';
import type { AdmissionOptions } from './http/admission-gate.js';
import { QUERY_LIMITS, queryLimits } from './http/query-limits.js';
import { requestLogPlugin } from './http/request-log-plugin.js';
import { vendorCallBudgetPlugin } from './http/vendor-call-budget.js';
import { sourceErrorsPlugin } from './http/source-errors-plugin.js';
import { buildSchema } from './schema.js';
import { SourceConnections } from './sources.js';
import { createJobRunner } from './jobs/create-job-runner.js';
import { jobOptionsFrom } from './jobs/job-runner.js';
import { invalidate } from './cache/cached-reads.js';
import { LiveUpdates } from './live/live-updates.js';
import { attachSubscriptionServer } from './http/subscription-server.js';
import { webhookEndpoint } from './http/webhook-endpoint.js';
import { registerWebhooks } from './live/webhook-registration.js';
import { ErrorCode, GatewayError } from './errors.js';
import type { RequestScope } from './request-scope.js';
import { VENDOR_MODULES } from './vendors/registry.js';

export interface GatewayOptions {
  readonly config: GatewayConfig;
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly host?: string;
  /** Redis for the shared read cache (default: REDIS_URL). */
  readonly redisUrl?: string;
  /** DataLoader batching; off only for the benchmark's comparison. */
  readonly batching?: boolean;
  /** Overrides of the admission gate's settings (tests). */
  readonly admission?: Partial<AdmissionOptions>;
  /** Run job workers in this instance (with Redis; default on unless GATEWAY_JOB_WORKERS=off). */
  readonly jobWorkers?: boolean;
  /** Lock duration of job workers (tests make a dead worker's items move sooner). */
  readonly jobLockMs?: number;
}

export interface RunningGateway {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** Reads the credential headers each source declares (credentialHeaders) from a request. */
function credentialsFromHeaders(config: GatewayConfig) {
  const declared = config.sources.flatMap((source) =>
    Object.entries(source.credentialHeaders).map(([field, header]) => ({ source: source.name, field, header })),
  );
  return (headers: IncomingHttpHeaders): ReadonlyMap<string, Record<string, string>> => {
    const found = new Map<string, Record<string, string>>();
    for (const { source, field, header } of declared) {
      const value = headers[header];
      if (typeof value !== 'string' || value === '') continue;
      found.set(source, { ...found.get(source), [field]: value });
    }
    return found;
  };
}

/**
 * Which sources a client's credentials can read: those whose every required credential is
 * configured or sent by the client; `own` are those it sent credentials for.
 */
function credentialCoverage(config: GatewayConfig) {
  return (credentials: RequestScope['credentials']) => {
    const readable = new Set<string>();
    const own = new Set<string>();
    for (const source of config.sources) {
      const sent = credentials.get(source.name);
      if (sent) own.add(source.name);
      const merged = { ...(source.credentials as Record<string, string | undefined>), ...sent };
      if (VENDOR_MODULES[source.vendor].credentials.required.every((field) => merged[field])) readable.add(source.name);
    }
    return { readable, own };
  };
}

/** The sources (of `names`) whose vendor rejects these credentials: one cheap read each. */
function credentialCheck(sources: SourceConnections) {
  return async (credentials: RequestScope['credentials'], names: ReadonlySet<string>): Promise<string[]> => {
    const registry = sources.forRequest({ requestId: 'connection-init', upstream: new Map(), deadline: Date.now() + 5_000, credentials });
    const refused = await Promise.all(
      registry.all
        .filter((source) => names.has(source.name))
        .map(async (source) => {
          try {
            await source.adapter.listCollections({ offset: 0, limit: 1 }, { topLevelOnly: true });
            return null;
          } catch (error) {
            const rejected = error instanceof GatewayError && (error.code === ErrorCode.UNAUTHENTICATED || error.code === ErrorCode.FORBIDDEN);
            return rejected ? source.name : null;
          }
        }),
    );
    return refused.filter((name): name is string => name !== null);
  };
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const sources = SourceConnections.fromConfig(options.config.sources);
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL;
  // The shared read cache: off unless configured; Redis when REDIS_URL is set.
  const redis = redisUrl ? await RedisReadCache.create(redisUrl) : undefined;
  // A bounded wait for the first connection; an outage is logged by the cache itself.
  if (redis) await redis.ready(2_000);
  const store = redis ?? (options.config.cache ? new MemoryReadCache() : undefined);
  const ttlBySource = new Map(options.config.sources.map((source) => [source.name, source.cacheTtlMs ?? options.config.cache?.ttlMs ?? 5_000]));
  const cache: CacheBinding | undefined = store ? { cache: store, ttlMs: (source) => ttlBySource.get(source) ?? 5_000 } : undefined;
  // Live updates: changes over Redis pub/sub when REDIS_URL is set, in process otherwise.
  const live = await LiveUpdates.create(sources, {
    redisUrl,
    polling: options.config.polling,
    limits: options.config.subscriptions,
    onPolledChange: (refs) => invalidate(cache, 'Asset', refs),
  });
  // Background jobs: in process, or on Redis with BullMQ when REDIS_URL is set.
  const jobs = await createJobRunner(sources, redisUrl, {
    ...(options.jobWorkers !== undefined ? { workers: options.jobWorkers } : {}),
    ...(options.jobLockMs !== undefined ? { lockDurationMs: options.jobLockMs } : {}),
    onJobChange: live.jobListener(),
  }, jobOptionsFrom(options.config.jobs));
  const production = process.env.NODE_ENV === 'production';
  const introspectionOn = !production || process.env.GATEWAY_INTROSPECTION === 'on';
  const introspectionRules = introspectionOn ? [] : [introspectionOffRule];
  const serverFor = (schema: GraphQLSchema, extraPlugins: Array<ApolloServerPlugin<GatewayContext>> = []) => {
    const armor = queryLimits({ production });
    return new ApolloServer<GatewayContext>({
      schema,
      formatError,
      includeStacktraceInErrorResponses: false,
      // Off in production unless switched on: introspection (introspectionOffRule, whose
      // message names GATEWAY_INTROSPECTION) and the Sandbox landing page.
      introspection: true,
      // One operation per HTTP request: batching would multiply every limit below.
      allowBatchedHttpRequests: false,
      validationRules: [...armor.validationRules, unsupportedOperationRule, ...introspectionRules],
      // graphql-js stops parsing after this many tokens (Armor's token plugin does not hook
      // into Apollo Server 5's parser, so the limit is set where parsing happens).
      parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
      // Compact JSON: Apollo pretty-prints by default, which the CPU profile showed.
      stringifyResult: (result) => JSON.stringify(result),
      plugins: [
        // The schema sets no cache hints, so the per-field cache-control bookkeeping is waste.
        ApolloServerPluginCacheControlDisabled(),
        ...armor.plugins,
        vendorCallBudgetPlugin,
        ...extraPlugins,
        sourceErrorsPlugin,
        requestLogPlugin,
        // Browsers get the gateway's own explorer (src/http/explorer.ts), not Apollo's page.
        ApolloServerPluginLandingPageDisabled(),
      ],
    });
  };
  // /graphql for apps, /subgraph for a federated supergraph: one schema, two front doors.
  // The subgraph answers `_service { sdl }` (the whole schema) whatever the introspection
  // setting, so in production it is served only when the configuration turns it on.
  const schema = buildSchema();
  // Apollo Server installs its inline-trace plugin in every server unless told otherwise; on
  // a schema that is not a subgraph it does nothing but load its protobuf encoder.
  const apollo = serverFor(schema, [ApolloServerPluginInlineTraceDisabled()]);
  // Inline traces (ftv1) for the router and Studio, computed only when the router asks.
  // Loaded only when served: @apollo/subgraph, its schema and the inline-trace plugin (with
  // its protobuf encoder) cost memory an instance without /subgraph never uses.
  const federatedServer = async () => {
    const [{ buildFederatedSchema }, { ApolloServerPluginInlineTrace }] = await Promise.all([import('./federation/subgraph.js'), import('@apollo/server/plugin/inlineTrace')]);
    return serverFor(buildFederatedSchema(), [ApolloServerPluginInlineTrace()]);
  };
  const subgraphOn = options.config.subgraph?.enabled ?? !production;
  const subgraph = subgraphOn ? await federatedServer() : undefined;
  await Promise.all([apollo.start(), subgraph?.start()]);

  const batch = options.batching ?? true;
  const makeContext = (scope: RequestScope) => createContext(sources, scope, jobs, live, { batch, ...(cache ? { cache } : {}) });
  const crossOrigin = {
    allowedOrigins: options.config.cors.allowedOrigins,
    allowedHeaders: [...new Set(options.config.sources.flatMap((source) => Object.values(source.credentialHeaders)))],
  };
  const readCredentials = credentialsFromHeaders(options.config);
  const httpServer = createHttpServer({ [GRAPHQL_PATH]: apollo, ...(subgraph ? { [SUBGRAPH_PATH]: subgraph } : {}) }, async (scope) => makeContext(scope), {
    requestDeadlineMs: options.config.requestDeadlineMs,
    queueWaitMs: options.config.queueWaitMs,
    ...(options.admission ? { admission: options.admission } : {}),
    readiness: withSharedCache(cachedReadiness(sources, options.config.readinessCacheMs), redis),
    credentialsFromHeaders: readCredentials,
    explorer: !production || process.env.GATEWAY_LANDING_PAGE === 'on',
    crossOrigin,
    ...(options.config.webhooks ? { webhooks: webhookEndpoint({ secret: options.config.webhooks.secret, sources, live, cache }) } : {}),
  });
  const subscriptions = attachSubscriptionServer(httpServer, {
    schema,
    limits: options.config.subscriptions,
    crossOrigin,
    credentialsFromHeaders: readCredentials,
    readableSources: credentialCoverage(options.config),
    refusedSources: credentialCheck(sources),
    makeContext,
    shared: { jobs, live },
    validationRules: [...queryLimits({ production }).validationRules, ...introspectionRules],
    requestDeadlineMs: options.config.requestDeadlineMs,
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  if (options.config.webhooks) {
    // Without a public URL, vendors are told this process's own address (demo, local runs).
    const listening = `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${port}`;
    await registerWebhooks(sources, options.config.webhooks.publicUrl ?? listening, options.config.webhooks.secret);
  }

  return {
    url: `http://localhost:${port}${GRAPHQL_PATH}`,
    port,
    async stop() {
      await subscriptions.close();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      await Promise.all([apollo.stop(), subgraph?.stop()]);
      await jobs.close();
      await live.close();
      await sources.close();
      await store?.close();
    },
  };
}
