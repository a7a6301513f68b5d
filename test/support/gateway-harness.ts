// Starts real servers for a test: the iconik simulator(s) on free ports and the gateway
// pointed at them, and sends GraphQL over HTTP like any client would.
import { parseConfig } from '../../src/config.js';
import { startGateway, type RunningGateway } from '../../src/server.js';
import { startIconikSimulator, type IconikSimulator } from '../../simulators/iconik/server.js';
import { startDemoSimulators, type DemoSimulators } from '../../simulators/index.js';

export const TEST_APP_ID = 'test-app-id';
export const TEST_AUTH_TOKEN = 'test-auth-token-not-a-secret';

export interface GraphQLResponse {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  };
  text: string;
}

export interface Harness {
  readonly gateway: RunningGateway;
  readonly iconik: IconikSimulator;
  gql(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /** Extra iconik sources (name -> simulator options); the main one is "iconik-test". */
  readonly extraIconik?: ReadonlyArray<{ name: string; authToken?: string }>;
  /** Token the gateway sends to the main source (to simulate bad credentials). */
  readonly gatewayToken?: string;
  readonly batching?: boolean;
  /** Top-level configuration fields besides `sources` (for example readinessCacheMs). */
  readonly config?: Record<string, unknown>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const iconik = await startIconikSimulator({ appId: TEST_APP_ID, authToken: TEST_AUTH_TOKEN });
  const extras = await Promise.all(
    (options.extraIconik ?? []).map(async (extra) => ({
      extra,
      sim: await startIconikSimulator({ appId: TEST_APP_ID, authToken: TEST_AUTH_TOKEN }),
    })),
  );
  const config = parseConfig({
    ...options.config,
    sources: [
      {
        name: 'iconik-test',
        vendor: 'ICONIK',
        baseUrl: iconik.baseUrl,
        credentials: { appId: TEST_APP_ID, authToken: options.gatewayToken ?? TEST_AUTH_TOKEN },
      },
      ...extras.map(({ extra, sim }) => ({
        name: extra.name,
        vendor: 'ICONIK',
        baseUrl: sim.baseUrl,
        credentials: { appId: TEST_APP_ID, authToken: extra.authToken ?? TEST_AUTH_TOKEN },
      })),
    ],
  });
  const gateway = await startGateway({ config, port: 0, batching: options.batching ?? true });
  return {
    gateway,
    iconik,
    gql: (query, variables) => postJson(gateway.url, { query, variables }),
    async stop() {
      await gateway.stop();
      await Promise.all([iconik.close(), ...extras.map(({ sim }) => sim.close())]);
    },
  };
}

export async function postJson(url: string, payload: unknown, headers: Record<string, string> = {}): Promise<GraphQLResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as GraphQLResponse['body'], text };
}

/** Paths (with query) of the upstream requests a simulator received. */
export function upstreamCalls(sim: { requests: ReadonlyArray<{ method: string; url: string }> }): string[] {
  return sim.requests.map((request) => `${request.method} ${request.url}`);
}

/** Nomad uploads in 64 KiB parts, so test files of a few hundred KiB are multipart uploads. */
export function smallNomadParts(sources: Array<Record<string, unknown>>): void {
  const nomad = sources.find((source) => source['vendor'] === 'NOMAD');
  if (nomad) nomad['uploadPartBytes'] = 64 * 1024;
}

export interface DemoHarness {
  readonly gateway: RunningGateway;
  readonly demo: DemoSimulators;
  gql(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse>;
  clearRequests(): void;
  stop(): Promise<void>;
}

/**
 * All four vendor simulators (as `npm start` runs them) and the gateway over them.
 * `adjust` may change the generated configuration (for example to break one credential).
 */
export async function startDemoHarness(
  adjust: (sources: Array<Record<string, unknown>>) => void = () => {},
  options: { webhooks?: boolean; config?: Record<string, unknown> } = {},
): Promise<DemoHarness> {
  const demo = await startDemoSimulators();
  const sources = structuredClone(demo.config.sources);
  adjust(sources);
  // Webhooks (as `npm start` has them) only when a test asks: their deliveries add reads
  // that tests counting upstream calls must not see.
  const config = parseConfig({ ...options.config, sources, ...(options.webhooks ? { webhooks: demo.config.webhooks } : {}) });
  const gateway = await startGateway({ config, port: 0 });
  return {
    gateway,
    demo,
    gql: (query, variables) => postJson(gateway.url, { query, variables }),
    clearRequests: () => [demo.iconik, demo.icareus, demo.ncp, demo.nomad].forEach((sim) => sim.clearRequests()),
    async stop() {
      await gateway.stop();
      await demo.close();
    },
  };
}
