// The Redis the Redis-backed tests use: REDIS_TEST_URL (.ci/run starts redis-server and
// sets it), or a redis-server started here on a random port. Each test file takes a
// database number of its own, so queues and keys of parallel test files never meet.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

export const redisAvailable = Boolean(process.env.REDIS_TEST_URL) || spawnSync('redis-server', ['--version']).status === 0;

/**
 * A port for a redis-server a test starts itself, below Linux's ephemeral range (32768 and
 * up): there, the suite's own outgoing connections can hold the port as their local port
 * when the server is (re)started, and redis-server then fails to bind it.
 */
export function redisTestPort(): number {
  return 20_000 + Math.floor(Math.random() * 12_000);
}

export interface TestRedis {
  /** redis://host:port/<database> */
  readonly url: string;
  stop(): void;
}

export async function startTestRedis(database: number): Promise<TestRedis> {
  let base = process.env.REDIS_TEST_URL;
  let server: ChildProcess | undefined;
  if (!base) {
    const port = redisTestPort();
    server = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    base = `redis://127.0.0.1:${port}`;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const url = `${base.replace(/\/\d+$/, '')}/${database}`;
  spawnSync('redis-cli', ['-u', url, 'flushdb']);
  return { url, stop: () => server?.kill() };
}
