// Assembles the gateway: sources (adapters and pools) from configuration, the schema,
// Apollo Server with our error normaliser and plugins, the per-request context, and the
// HTTP server. `startGateway` is what `npm start`, the tests and the benchmarks run.
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import type { GatewayConfig } from './config.js';
import { createContext, type GatewayContext } from './context.js';
import { formatError } from './http/format-error.js';
import { GRAPHQL_PATH, createHttpServer } from './http/http-server.js';
import { sourceErrorsPlugin } from './http/source-errors-plugin.js';
import { buildSchema } from './schema.js';
import { SourceRegistry } from './sources.js';

export interface GatewayOptions {
  readonly config: GatewayConfig;
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly host?: string;
  /** DataLoader batching; off only for the benchmark's comparison. */
  readonly batching?: boolean;
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

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const sources = SourceRegistry.fromConfig(options.config.sources);
  const apollo = new ApolloServer<GatewayContext>({
    schema: buildSchema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins: [sourceErrorsPlugin],
  });
  await apollo.start();

  const batch = options.batching ?? true;
  const httpServer = createHttpServer(apollo, async () => createContext(sources, { batch }), {
    requestDeadlineMs: options.config.requestDeadlineMs,
    credentialsFromHeaders: credentialsFromHeaders(options.config),
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;

  return {
    url: `http://localhost:${port}${GRAPHQL_PATH}`,
    port,
    async stop() {
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      await apollo.stop();
      await sources.close();
    },
  };
}
