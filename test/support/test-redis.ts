// The Redis the Redis-backed tests use: REDIS_TEST_URL (.ci/run starts redis-server and
// sets it), or a redis-server started here on a random port. Each test file takes a
// database number of its own, so queues and keys of parallel test files never meet.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

export const redisAvailable = Boolean(process.env.REDIS_TEST_URL) || spawnSync('redis-server', ['--version']).status === 0;

export interface TestRedis {
  /** redis://host:port/<database> */
  readonly url: string;
  stop(): void;
}

export async function startTestRedis(database: number): Promise<TestRedis> {
  let base = process.env.REDIS_TEST_URL;
  let server: ChildProcess | undefined;
  if (!base) {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    server = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    base = `redis://127.0.0.1:${port}`;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const url = `${base.replace(/\/\d+$/, '')}/${database}`;
  spawnSync('redis-cli', ['-u', url, 'flushdb']);
  return { url, stop: () => server?.kill() };
}
