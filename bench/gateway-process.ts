// Starts a gateway (or the stock Apollo baseline) as its own process, so its CPU and
// memory are measured alone, and waits for its "ready at" line.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface Child {
  readonly process: ChildProcess;
  readonly url: string;
  stop(): void;
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

