// The memory floor of an idle gateway (issue 17): RSS of a process that has loaded the
// gateway's whole module graph (dist/src/main.js, imported, not run: nothing is built or
// started), after a full garbage collection; and RSS of a bare `node` beside it. Run with
// --expose-gc; prints one JSON line.
import { spawnSync } from 'node:child_process';

const rssMb = () => process.memoryUsage().rss / 1048576;
const bare = spawnSync(process.execPath, ['-e', 'setTimeout(() => process.stdout.write(String(process.memoryUsage().rss / 1048576)), 300)'], { encoding: 'utf8' });
await import('../src/main.js');
globalThis.gc?.();
await new Promise((resolve) => setTimeout(resolve, 300));
process.stdout.write(`${JSON.stringify({ bareNodeMb: Number(bare.stdout), modulesLoadedMb: rssMb() })}\n`);
process.exit(0);
