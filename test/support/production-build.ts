// Tests that run the gateway as separate processes use the production build, as `npm run
// build` makes it: src/ compiled, then bundled into dist/gateway/. Test files run in
// parallel, so the build is taken under a lock directory: two builds at once would write
// the same files.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';

const LOCK = 'dist/.build-lock';

export async function buildForProcesses(): Promise<void> {
  mkdirSync('dist', { recursive: true });
  const deadline = Date.now() + 170_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left by a killed run is stale after two minutes.
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('timed out waiting for another test to finish building');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('build failed');
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Starts a built entry (dist/gateway/main.js) as its own process and resolves with its URL once it prints "ready at". */
export function startBuiltGateway(env: NodeJS.ProcessEnv): { child: ChildProcess; ready: Promise<string> } {
  const child = spawn(process.execPath, ['dist/gateway/main.js'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ready at (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`gateway process exited with ${code}`)));
  });
  return { child, ready };
}
