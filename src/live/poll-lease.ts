// Which instance polls an asset. Without Redis there is one instance, so it always does;
// with Redis, the first instance to take a short lease (SET NX PX) polls and renews it each
// time it polls, and the others only keep the asset in mind: if the holder dies, its lease
// runs out and the next instance that tries takes over.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface PollLease {
  /** True when this instance holds (or now took, or renewed) the lease on `key` for `ms`. */
  acquire(key: string, ms: number): Promise<boolean>;
  close(): Promise<void>;
}

export class LocalPollLease implements PollLease {
  async acquire(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}

// Takes the lease when it is free, or renews it when this instance holds it; atomic.
const ACQUIRE = `
local holder = redis.call('GET', KEYS[1])
if holder == false then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0`;

export class RedisPollLease implements PollLease {
  private readonly instance = randomUUID();

  private constructor(private readonly redis: Redis) {}

  static async create(redisUrl: string): Promise<RedisPollLease> {
    const { Redis } = await import('ioredis');
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    // Errors surface as failed acquisitions (the asset is tried again at its next turn).
    redis.on('error', () => {});
    return new RedisPollLease(redis);
  }

  async acquire(key: string, ms: number): Promise<boolean> {
    try {
      return (await this.redis.eval(ACQUIRE, 1, `mam:poll:${key}`, this.instance, String(Math.ceil(ms)))) === 1;
    } catch {
      // Redis down: poll anyway; a duplicate poll costs one vendor read, a missed one a stale status.
      return true;
    }
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
