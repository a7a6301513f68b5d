// The memory floor of an idle gateway (issue 17): RSS of a process that has loaded the
// gateway's whole module graph (its production build, dist/gateway/main.js, imported, not
// run: nothing is built or started), and RSS of a bare `node` beside it, both left alone
// until V8 has settled (./process-memory.ts), as the idle gateway is. Run with the gateway's
// node flags (GATEWAY_NODE_FLAGS, by bench/run.ts); the bare `node` with none. Prints one JSON line.
import { spawn } from 'node:child_process';
import { GATEWAY_ENTRY } from './gateway-process.js';
import { settledRss } from './process-memory.js';

const windowMs = Number(process.env.SETTLE_WINDOW_MS ?? 30_000);
const bare = spawn(process.execPath, ['-e', `setTimeout(() => {}, ${windowMs + 5_000})`], { stdio: 'ignore' });
await import(new URL(`../../${GATEWAY_ENTRY}`, import.meta.url).href);
const [bareNode, modulesLoaded] = await Promise.all([settledRss(bare.pid ?? 0, windowMs), settledRss(process.pid, windowMs)]);
bare.kill();
process.stdout.write(`${JSON.stringify({ bareNodeMb: bareNode.settledMb, modulesLoadedMb: modulesLoaded.settledMb, modulesLoadedAtStartMb: modulesLoaded.atStartMb })}\n`);
process.exit(0);
