// The peer (issue 17): GraphQL Mesh composed from iconik's OpenAPI (bench/mesh/
// mesh.config.mjs) and served by Hive Gateway, against one iconik simulator shared with a
// gateway of ours configured with that simulator alone. The same reads are written the way
// each schema allows (ours: global IDs, `nodes`, connections; Mesh: one field per iconik
// operation, aliased), and for each: upstream calls for one request, then requests per
// second and CPU per request under 50 connections, both servers as their own processes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { startIconikSimulator } from '../simulators/iconik/server.js';
import { encodeGlobalId } from '../src/ids.js';
import { startChild, startGateway, type Child } from './gateway-process.js';
import { bareUpstreamCpu, captureRead } from './same-shape-floor.js';
import { warmUntilSteady } from './warm-up.js';

const APP_ID = 'peer-app';
const TOKEN = 'peer-token-not-a-secret';
const SOURCE = 'iconik-peer';

interface Shape {
  readonly name: string;
  readonly ours: string;
  readonly mesh: string;
}

export interface PeerRow {
  readonly shape: string;
  /**
   * `warmUpCpuMs`: the CPU per request of each 2 s warm-up load before the measured one
   * (./warm-up.ts). `benchProcessCores`: the CPU this process (the iconik simulator and
   * autocannon) used during the measured load, in cores: with two cores, what it takes is
   * not the server's.
   */
  readonly ours: { calls: number; requestsPerSecond: number; cpuMsPerRequest: number; failed: number; warmUpCpuMs: number[]; benchProcessCores: number };
  readonly mesh: { calls: number; requestsPerSecond: number; cpuMsPerRequest: number; failed: number; warmUpCpuMs: number[]; benchProcessCores: number };
  /** Our read's same-shape floor (in-memory stock Apollo + bare upstream calls) and the requests per second it allows on one core. */
  readonly floor: { inMemoryCpuMs: number; bareUpstreamCpuMs: number; cpuMsPerRequest: number; maxRequestsPerSecond: number };
}

/** CPU ticks of one process, or of every process in a process group (Hive Gateway runs as npx, node and a forked worker). */
function ticks(pid: number, group = false): number {
  const of = (stat: string) => {
    const fields = stat.split(') ')[1]?.split(' ') ?? [];
    return { pgrp: Number(fields[2]), ticks: Number(fields[11]) + Number(fields[12]) };
  };
  if (!group) return of(readFileSync(`/proc/${pid}/stat`, 'utf8')).ticks;
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .reduce((sum, entry) => {
      try {
        const stat = of(readFileSync(`/proc/${entry}/stat`, 'utf8'));
        return stat.pgrp === pid ? sum + stat.ticks : sum;
      } catch {
        return sum;
      }
    }, 0);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 1_000));

async function measure(url: string, pid: number, group: boolean, query: string, durationS: number) {
  const body = JSON.stringify({ query });
  // Each load ends with the 50 requests in flight when autocannon stops: the server still
  // spends CPU on them, but they are not in `requests.total`. So the CPU is read once they
  // have settled and divided by the requests sent. Divided by those completed, a 2 s load
  // of Mesh's 20-asset shape (about 90 completed) counted up to half as much again.
  const run = async (duration: number) => {
    const before = ticks(pid, group);
    const benchCpu = process.cpuUsage();
    const startedAt = performance.now();
    const result = await autocannon({ url, connections: 50, duration, method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const used = process.cpuUsage(benchCpu);
    const benchProcessCores = (used.user + used.system) / 1000 / (performance.now() - startedAt);
    await settle();
    return { result, cpuMsPerRequest: ((ticks(pid, group) - before) * 10) / Math.max(1, result.requests.sent), benchProcessCores };
  };
  const warmUpCpuMs = await warmUntilSteady(async () => (await run(2)).cpuMsPerRequest);
  const { result, cpuMsPerRequest, benchProcessCores } = await run(durationS);
  return { requestsPerSecond: Math.round(result.requests.average), cpuMsPerRequest, failed: result.non2xx + result.errors, warmUpCpuMs, benchProcessCores };
}

export async function meshPeer(dir: string, durationS: number): Promise<PeerRow[]> {
  const sim = await startIconikSimulator({ appId: APP_ID, authToken: TOKEN });
  const assets = [...sim.state.assets.values()].filter((asset) => asset.status === 'ACTIVE').map((asset) => asset.id);
  const collection = [...sim.state.collections.values()].find((c) => c.title === 'Spring Campaign 2026') ?? [...sim.state.collections.values()][0];
  const global = (id: string) => encodeGlobalId('Asset', SOURCE, id);
  const meshAsset = (alias: string, id: string, fields = 'id title status') => `${alias}: assets_v1_assets_by_asset_id(asset_id: "${id}") { ... on AssetSchema { ${fields} } }`;
  const shapes: Shape[] = [
    {
      name: 'three assets and a collection\'s contents',
      ours: `{ nodes(ids: ${JSON.stringify(assets.slice(0, 3).map(global))}) { ... on Asset { id title status } }
        node(id: "${encodeGlobalId('Collection', SOURCE, collection?.id ?? '')}") { ... on Collection { assets(first: 20) { edges { node { id title status } } } } } }`,
      mesh: `{ ${assets.slice(0, 3).map((id, i) => meshAsset(`a${i}`, id)).join(' ')}
        c: assets_v1_collections_by_collection_id_contents(collection_id: "${collection?.id ?? ''}", object_types: "assets", per_page: 20) { ... on AssetsSchema { objects { id title status } } } }`,
    },
    {
      name: 'one asset under two aliases',
      ours: `{ a: node(id: "${global(assets[0] ?? '')}") { ... on Asset { id title } } b: node(id: "${global(assets[0] ?? '')}") { ... on Asset { id status } } }`,
      mesh: `{ ${meshAsset('a', assets[0] ?? '', 'id title')} ${meshAsset('b', assets[0] ?? '', 'id status')} }`,
    },
    {
      name: '20 assets by id',
      ours: `{ nodes(ids: ${JSON.stringify(assets.slice(0, 20).map(global))}) { ... on Asset { id title status } } }`,
      mesh: `{ ${assets.slice(0, 20).map((id, i) => meshAsset(`a${i}`, id)).join(' ')} }`,
    },
  ];

  const configPath = join(dir, 'peer-gateway.json');
  writeFileSync(configPath, JSON.stringify({ sources: [{ name: SOURCE, vendor: 'ICONIK', baseUrl: sim.baseUrl, credentials: { appId: APP_ID, authToken: TOKEN } }] }));
  const ours = await startGateway(Number(process.env.BENCH_PEER_PORT ?? 4088), { GATEWAY_CONFIG: configPath });

  const supergraph = join(dir, 'mesh-supergraph.graphql');
  const composed = spawnSync('npx', ['mesh-compose', '-c', 'bench/mesh/mesh.config.mjs', '-o', supergraph], { stdio: 'ignore' });
  if (composed.status !== 0) throw new Error('mesh-compose failed');
  const meshPort = Number(process.env.BENCH_MESH_PORT ?? 4087);
  const mesh: ChildProcess = spawn('npx', ['hive-gateway', 'supergraph', supergraph, '--port', String(meshPort), '--host', '127.0.0.1', '--fork', '1'], {
    env: { ...process.env, ICONIK_URL: sim.baseUrl.replace(/\/$/, ''), ICONIK_APP_ID: APP_ID, ICONIK_AUTH_TOKEN: TOKEN, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  mesh.stderr?.resume();
  await new Promise<void>((resolve, reject) => {
    let out = '';
    mesh.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Listening on')) resolve();
    });
    mesh.once('exit', (code) => reject(new Error(`hive-gateway exited with ${code}`)));
  });
  const meshUrl = `http://127.0.0.1:${meshPort}/graphql`;
  const meshGroup = mesh.pid ?? 0;

  const rows: PeerRow[] = [];
  const measured: Array<{ shape: Shape; ours: PeerRow['ours']; mesh: PeerRow['mesh'] }> = [];
  let floor: Child | undefined;
  try {
    for (const shape of shapes) {
      const side = async (url: string, pid: number, group: boolean, query: string) => {
        sim.clearRequests();
        const answer = (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json()) as { errors?: unknown[] };
        if (answer.errors) throw new Error(`${shape.name}: ${JSON.stringify(answer.errors).slice(0, 300)}`);
        const calls = sim.requests.length;
        return { calls, ...(await measure(url, pid, group, query, durationS)) };
      };
      const ourSide = await side(ours.url, ours.process.pid ?? 0, false, shape.ours);
      measured.push({ shape, ours: ourSide, mesh: await side(meshUrl, meshGroup, true, shape.mesh) });
    }
    // The floor of our side, the same-shape floor of ./same-shape-floor.ts: the same queries
    // answered from memory by a stock @apollo/server with our SDL (./floor-server.ts) with the
    // data our gateway answered them with, plus the vendor requests our gateway made for
    // them, replayed with bare undici pools. One process serves at most 1000 / (its CPU ms per
    // request) requests per second on one core.
    const captures = [];
    for (const shape of shapes) captures.push(await captureRead(ours.url, { query: shape.ours, variables: {} }, [sim]));
    const fixturesPath = join(dir, 'peer-floor-fixtures.json');
    writeFileSync(fixturesPath, JSON.stringify(captures.map((capture) => capture.fixture)));
    floor = await startChild('dist/bench/floor-server.js', Number(process.env.BENCH_FLOOR_PORT ?? 4092), { FLOOR_FIXTURES: fixturesPath });
    for (const [index, { shape, ours: ourSide, mesh: meshSide }] of measured.entries()) {
      const inMemory = await measure(floor.url, floor.process.pid ?? 0, false, shape.ours, durationS);
      const bare = await bareUpstreamCpu(dir, `peer-${index}`, captures[index]?.upstream ?? [], durationS);
      const floorCpuMs = inMemory.cpuMsPerRequest + bare.cpuMsPerRead;
      rows.push({ shape: shape.name, ours: ourSide, mesh: meshSide, floor: { inMemoryCpuMs: inMemory.cpuMsPerRequest, bareUpstreamCpuMs: bare.cpuMsPerRead, cpuMsPerRequest: floorCpuMs, maxRequestsPerSecond: Math.round(1000 / floorCpuMs) } });
    }
  } finally {
    floor?.stop();
    ours.stop();
    if (mesh.pid) process.kill(-mesh.pid, 'SIGTERM');
    await sim.close();
  }
  return rows;
}

/**
 * This process (the iconik simulator and autocannon, one JavaScript thread) uses about one
 * core at most: from this share on, it is what sets the pace, not the server it loads.
 */
const SATURATED_BENCH_PROCESS_CORES = 0.95;

/**
 * Why a shape reads under 10x Mesh: the load's own process saturated (then what the
 * gateway's CPU per request allows on one core, the gateway having used less), or else the
 * same-shape floor, which no server doing the same work on one core could beat. With
 * `stockTrivialCpuMs` (stock Apollo's trivial in-memory query, measured in the same run by
 * `npm run bench`), also what that query alone allows: no server built on Apollo Server
 * answers a shape for less CPU than a query that makes no vendor call at all.
 */
function whyBelow10x(row: PeerRow, floorReachable: number, stockTrivialCpuMs?: number): string {
  const mesh = Math.max(1, row.mesh.requestsPerSecond);
  const stockOneCore = stockTrivialCpuMs ? Math.round(1000 / stockTrivialCpuMs) : undefined;
  const floor =
    `same-shape floor ${row.floor.cpuMsPerRequest.toFixed(3)} ms allows ${row.floor.maxRequestsPerSecond} req/s on one core = ${floorReachable.toFixed(1)}x Mesh` +
    (stockTrivialCpuMs && stockOneCore ? `; stock Apollo's trivial query alone (${stockTrivialCpuMs.toFixed(3)} ms, no vendor call) allows ${stockOneCore} req/s = ${(stockOneCore / mesh).toFixed(1)}x Mesh` : '');
  if (row.ours.benchProcessCores < SATURATED_BENCH_PROCESS_CORES) return floor;
  const oursCores = (row.ours.requestsPerSecond * row.ours.cpuMsPerRequest) / 1000;
  const oursOneCore = Math.round(1000 / row.ours.cpuMsPerRequest);
  return (
    `the simulator and load generator's process saturated at ${row.ours.benchProcessCores.toFixed(2)} core while ours used ${oursCores.toFixed(2)}; ` +
    `at ${row.ours.cpuMsPerRequest.toFixed(3)} ms per request one core serves ${oursOneCore} req/s = ${(oursOneCore / mesh).toFixed(1)}x Mesh; ${floor}`
  );
}

export function peerRows(rows: readonly PeerRow[], stockTrivialCpuMs?: number) {
  return rows.flatMap((row) => {
    const ratio = row.ours.requestsPerSecond / Math.max(1, row.mesh.requestsPerSecond);
    // The most this shape could reach on one core: its same-shape floor's CPU per request.
    const reachable = row.floor.maxRequestsPerSecond / Math.max(1, row.mesh.requestsPerSecond);
    return [
      {
        measure: `peer: ${row.shape}: upstream calls`,
        value: String(row.ours.calls),
        baseline: `GraphQL Mesh ${row.mesh.calls}`,
        target: '<= Mesh',
        holds: row.ours.calls <= row.mesh.calls ? 'yes' : 'NO',
      },
      {
        measure: `peer: ${row.shape}: req/s and CPU/request`,
        value: `${row.ours.requestsPerSecond} req/s, ${row.ours.cpuMsPerRequest.toFixed(3)} ms (simulator and load generator ${row.ours.benchProcessCores.toFixed(2)} core)`,
        baseline: `GraphQL Mesh ${row.mesh.requestsPerSecond} req/s, ${row.mesh.cpuMsPerRequest.toFixed(3)} ms (${ratio.toFixed(1)}x; simulator and load generator ${row.mesh.benchProcessCores.toFixed(2)} core)`,
        target: '>= 10x Mesh req/s',
        holds: ratio >= 10 ? 'yes' : `NO (${whyBelow10x(row, reachable, stockTrivialCpuMs)})`,
      },
    ];
  });
}
