// An optional cache of vendor reads (objects by id) shared by requests, and with Redis by
// gateway instances. Off unless configured (`cache:` in GATEWAY_CONFIG, or REDIS_URL):
// per-request DataLoaders already dedupe within a request. Entries are keyed by source,
// the credentials in use and the object, so a tenant never reads another tenant's entry,
// and live for the source's TTL; our own mutations delete the entries they touch.
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { logger } from '../logger.js';

export interface ReadCache {
  getMany(keys: readonly string[]): Promise<Array<string | undefined>>;
  setMany(entries: ReadonlyArray<readonly [key: string, value: string]>, ttlMs: number): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** The embedded store: an in-process LRU with a TTL per entry. */
export class MemoryReadCache implements ReadCache {
  private readonly lru = new LRUCache<string, string>({ max: 50_000 });

  async getMany(keys: readonly string[]) {
    return keys.map((key) => this.lru.get(key));
  }

  async setMany(entries: ReadonlyArray<readonly [string, string]>, ttlMs: number) {
    for (const [key, value] of entries) this.lru.set(key, value, { ttl: ttlMs });
  }

  async delete(keys: readonly string[]) {
    for (const key of keys) this.lru.delete(key);
  }

  async close() {
    this.lru.clear();
  }
}

/** Shared by every gateway instance that points at the same Redis. */
export class RedisReadCache implements ReadCache {
  private down = false;

  private constructor(private readonly redis: Redis) {
    // An outage is logged once when it starts and once when it ends, not per reconnect
    // attempt or per request; meanwhile reads bypass the cache and /readyz says "degraded".
    this.redis.on('error', (error: NodeJS.ErrnoException) => {
      if (this.down) return;
      this.down = true;
      logger.warn({ code: error.code ?? null }, 'Redis is unreachable: reads bypass the shared cache until it is back');
    });
    this.redis.on('ready', () => {
      if (!this.down) return;
      this.down = false;
      logger.info({}, 'Redis is reachable again: the shared cache is back in use');
    });
  }

  /** Whether commands can be sent now (for /readyz). */
  health(): 'up' | 'down' {
    return this.redis.status === 'ready' ? 'up' : 'down';
  }

  /** ioredis is loaded only when Redis is configured (it adds about 5 MB to every process). */
  static async create(url: string): Promise<RedisReadCache> {
    const { Redis } = await import('ioredis');
    // Fail fast instead of queueing commands while Redis is away: the cache is optional.
    return new RedisReadCache(new Redis(url, { lazyConnect: false, enableOfflineQueue: false, maxRetriesPerRequest: 1 }));
  }

  /** Waits (bounded) for the first connection, so requests right after start-up use the cache. */
  async ready(timeoutMs: number): Promise<boolean> {
    if (this.redis.status === 'ready') return true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.redis.once('ready', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  async getMany(keys: readonly string[]) {
    if (keys.length === 0) return [];
    try {
      return (await this.redis.mget(...keys)).map((value) => value ?? undefined);
    } catch {
      return keys.map(() => undefined);
    }
  }

  async setMany(entries: ReadonlyArray<readonly [string, string]>, ttlMs: number) {
    if (entries.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const [key, value] of entries) pipeline.set(key, value, 'PX', ttlMs);
    await pipeline.exec().catch(() => undefined);
  }

  async delete(keys: readonly string[]) {
    if (keys.length > 0) await this.redis.del(...keys).catch(() => undefined);
  }

  async close() {
    this.redis.disconnect();
  }
}
