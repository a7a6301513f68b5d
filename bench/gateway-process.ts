// Starts a gateway (or the stock Apollo baseline) as its own process, so its CPU and
// memory are measured alone, and waits for its "ready at" line.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** The production build's entry (`npm run build`: src/main.ts compiled, then bundled by scripts/bundle-gateway.mjs). */
export const GATEWAY_ENTRY = 'dist/gateway/main.js';

/**
 * The node flags the gateway is launched with, as `npm run serve` and `npm start` launch it
 * (package.json; test/bench/gateway-launch.test.ts holds them together): one V8 worker
 * thread instead of Node's default four (README, "Run it"). The floors and the stock
 * baselines run with Node's defaults.
 */
export const GATEWAY_NODE_FLAGS: readonly string[] = ['--v8-pool-size=1'];

export interface Child {
  readonly process: ChildProcess;
  readonly url: string;
  stop(): void;
}

/** Starts the production gateway as `npm run serve` does, with any extra node flags after its own. */
export function startGateway(port: number, env: Record<string, string>, extraFlags: string[] = []): Promise<Child> {
  return startChild(GATEWAY_ENTRY, port, env, [...GATEWAY_NODE_FLAGS, ...extraFlags]);
}

export async function startChild(script: string, port: number, env: Record<string, string>, nodeFlags: string[] = []): Promise<Child> {
  const child = spawn(process.execPath, [...nodeFlags, script], {
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'silent', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  createInterface({ input: child.stderr }).on('line', () => {});
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready at')) resolve();
    });
  });
  return { process: child, url: `http://127.0.0.1:${port}/graphql`, stop: () => child.kill('SIGTERM') };
}


/** Runs a measuring script to its end as its own process and returns the JSON line it prints. */
export async function runMeasurement<T>(script: string, env: Record<string, string>, nodeFlags: string[] = []): Promise<T> {
  const child = spawn(process.execPath, [...nodeFlags, script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${script} exited with ${String(code)}`);
  return JSON.parse(out) as T;
}
