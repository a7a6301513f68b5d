// `npm run bench:peer`: the GraphQL Mesh comparison alone (bench/mesh-peer.ts); `npm run
// bench` runs it too.
import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { meshPeer, peerRows } from './mesh-peer.js';

const rows = await meshPeer(await mkdtemp(join(tmpdir(), 'gateway-peer-')), Number(process.env.BENCH_CPU_RUN_S ?? 8));
writeFileSync('bench/peer-results.json', `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`);
console.table(peerRows(rows));
process.exit(0);
