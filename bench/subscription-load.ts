// Live updates under load: many WebSocket subscribers while writes stream through the
// gateway. SUBSCRIBERS connections (graphql-ws clients), each watching WATCHED assets of a
// pool of POOL iconik assets with `assetChanged`; RATE `updateAsset` writes per second over
// HTTP for DURATION_S seconds. Delivery latency is measured from the change's `at` (set by
// the gateway when the write's answer came back) to its arrival at a subscriber: both
// processes share this machine's clock. The gateway runs as its own process so its RSS is
// its own. Used by `npm run bench` (bench/run.ts) and alone by `npm run bench:live`.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { DemoSimulators } from '../simulators/index.js';
import { encodeGlobalId } from '../src/ids.js';
import { rssMb } from './process-memory.js';

export interface SubscriptionLoadSettings {
  readonly subscribers: number;
  readonly watched: number;
  readonly pool: number;
  readonly ratePerSecond: number;
  readonly durationS: number;
}

export const DEFAULT_SUBSCRIPTION_LOAD: SubscriptionLoadSettings = {
  subscribers: Number(process.env.BENCH_LIVE_SUBSCRIBERS ?? 1_000),
  watched: 5,
  pool: 500,
  ratePerSecond: Number(process.env.BENCH_LIVE_RATE ?? 100),
  durationS: Number(process.env.BENCH_LIVE_S ?? 30),
};

export interface SubscriptionLoadResult {
  readonly settings: SubscriptionLoadSettings;
  readonly writesSent: number;
  readonly writesFailed: number;
  /** Why writes failed: HTTP status or error code, with counts. */
  readonly failures: Record<string, number>;
  readonly expectedDeliveries: number;
  readonly deliveries: number;
  readonly latencyMs: { p50: number; p99: number; max: number };
  readonly rssMb: { idle: number; subscribed: number; peak: number; end: number };
  readonly gatewayCpuPercent: number;
}

const cpuTicks = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
};
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const SUBSCRIPTION = 'subscription ($ids: [ID!]!) { assetChanged(ids: $ids) { id assetId kind status cause at } }';
const UPDATE = 'mutation ($input: UpdateAssetInput!) { updateAsset(input: $input) { userErrors { message } } }';

/** `gatewayUrl` is a gateway process (pid) configured with the demo's sources. */
export async function subscriptionLoad(demo: DemoSimulators, gatewayUrl: string, pid: number, settings = DEFAULT_SUBSCRIPTION_LOAD): Promise<SubscriptionLoadResult> {
  // A pool of iconik assets, copies of a seeded one.
  const template = [...demo.iconik.state.assets.values()].find((asset) => asset.status === 'ACTIVE');
  if (!template) throw new Error('no iconik asset to copy');
  const poolIds = Array.from({ length: settings.pool }, (_unused, i) => {
    const id = randomUUID();
    demo.iconik.state.assets.set(id, { ...structuredClone(template), id, title: `Live load ${i}` });
    return id;
  });
  const pool = poolIds.map((id) => encodeGlobalId('Asset', 'iconik-demo', id));
  const watchers = new Map<string, number>();
  const idle = rssMb(pid);

  const latencies: number[] = [];
  const clients: Client[] = [];
  let acknowledged = 0;
  for (let s = 0; s < settings.subscribers; s++) {
    const ids = Array.from({ length: settings.watched }, (_unused, k) => pool[(s * settings.watched + k) % pool.length] as string);
    ids.forEach((id) => watchers.set(id, (watchers.get(id) ?? 0) + 1));
    const client = createClient({ url: gatewayUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, on: { connected: () => (acknowledged += 1) } });
    clients.push(client);
    client.subscribe(
      { query: SUBSCRIPTION, variables: { ids } },
      {
        next: (message) => {
          const at = (message.data as { assetChanged?: { at?: string } } | null | undefined)?.assetChanged?.at;
          if (at) latencies.push(Date.now() - Date.parse(at));
        },
        error: () => {},
        complete: () => {},
      },
    );
  }
  const connectDeadline = Date.now() + 60_000;
  while (acknowledged < settings.subscribers && Date.now() < connectDeadline) await sleep(100);
  // Each subscription reads its assets once when it starts.
  await sleep(2_000);
  const subscribed = rssMb(pid);

  let writesSent = 0;
  let writesFailed = 0;
  const failures: Record<string, number> = {};
  const failed = (why: string) => {
    writesFailed += 1;
    failures[why] = (failures[why] ?? 0) + 1;
  };
  let expectedDeliveries = 0;
  let peak = subscribed;
  const cpuStart = cpuTicks(pid);
  const startedAt = Date.now();
  const pending: Array<Promise<void>> = [];
  const total = settings.ratePerSecond * settings.durationS;
  for (let n = 0; n < total; n++) {
    // Open loop: writes leave on schedule whatever the answers do.
    const due = startedAt + (n * 1000) / settings.ratePerSecond;
    if (due > Date.now()) await sleep(due - Date.now());
    if (n % settings.ratePerSecond === 0) peak = Math.max(peak, rssMb(pid));
    const id = pool[n % pool.length] as string;
    writesSent += 1;
    pending.push(
      fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: UPDATE, variables: { input: { id, title: `Live load write ${n}` } } }) })
        .then(async (response) => {
          const body = (await response.json()) as { data?: { updateAsset?: { userErrors: Array<{ code?: string }> } }; errors?: Array<{ extensions?: { code?: string } }> };
          if (body.data?.updateAsset?.userErrors.length === 0) expectedDeliveries += watchers.get(id) ?? 0;
          else failed(`HTTP ${response.status} ${body.errors?.[0]?.extensions?.code ?? body.data?.updateAsset?.userErrors[0]?.code ?? ''}`);
        })
        .catch((error: unknown) => failed(error instanceof Error ? error.message : 'transport error')),
    );
  }
  await Promise.all(pending);
  const elapsedS = (Date.now() - startedAt) / 1000;
  const cpu = cpuTicks(pid) - cpuStart;
  // Stragglers.
  const settleDeadline = Date.now() + 5_000;
  while (latencies.length < expectedDeliveries && Date.now() < settleDeadline) await sleep(100);
  const end = rssMb(pid);
  await Promise.all(clients.map(async (client) => client.dispose()));
  // The pool goes, so measurements after this one see the demo data as it was.
  for (const id of poolIds) demo.iconik.state.assets.delete(id);
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    settings,
    writesSent,
    writesFailed,
    failures,
    expectedDeliveries,
    deliveries: latencies.length,
    latencyMs: { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0 },
    rssMb: { idle: Math.round(idle), subscribed: Math.round(subscribed), peak: Math.round(Math.max(peak, end)), end: Math.round(end) },
    gatewayCpuPercent: Math.round(cpu / elapsedS),
  };
}

/** Table rows: what was measured, the target, whether it holds. */
export function liveRows(result: SubscriptionLoadResult): Array<{ measure: string; value: string; baseline: string; target: string; holds: string }> {
  const { settings: s, latencyMs, rssMb } = result;
  const load = `${s.subscribers} subscribers x ${s.watched} assets, ${s.ratePerSecond} writes/s, ${s.durationS} s`;
  const yes = (holds: boolean) => (holds ? 'yes' : 'NO');
  return [
    { measure: `live: delivery latency p50 / p99 / max (${load})`, value: `${latencyMs.p50} / ${latencyMs.p99} / ${latencyMs.max} ms`, baseline: '', target: 'p99 <= 1000 ms', holds: yes(latencyMs.p99 <= 1000) },
    {
      measure: 'live: changes delivered',
      value: `${result.deliveries} of ${result.expectedDeliveries} (${result.writesSent} writes, ${result.writesFailed} failed${result.writesFailed ? ` ${JSON.stringify(result.failures)}` : ''})`,
      baseline: '',
      target: 'none lost',
      holds: yes(result.deliveries >= result.expectedDeliveries && result.writesFailed === 0),
    },
    {
      measure: 'live: gateway RSS idle / subscribed / peak / end',
      value: `${rssMb.idle} / ${rssMb.subscribed} / ${rssMb.peak} / ${rssMb.end} MB`,
      baseline: `${result.gatewayCpuPercent}% of a core during the writes`,
      // Retained, not transient: the peak includes garbage V8 has not collected yet.
      target: 'end - subscribed <= 50 MB',
      holds: yes(rssMb.end - rssMb.subscribed <= 50),
    },
  ];
}
