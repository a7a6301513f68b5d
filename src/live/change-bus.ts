// Carries change events to every subscriber of every gateway instance. Without Redis, an
// in-process emitter (the embedded default); with REDIS_URL, Redis pub/sub on one channel,
// so a write through instance A, a webhook received by instance C and a poll made by
// instance B all reach subscribers connected to any instance. Delivery is at most once
// (pub/sub keeps nothing for a disconnected instance): a client that reconnects re-reads.
import type { Redis } from 'ioredis';
import { logger } from '../logger.js';
import { parseChangeEvent, type ChangeEvent } from './change-event.js';

export type ChangeListener = (event: ChangeEvent) => void;

export interface ChangeBus {
  publish(event: ChangeEvent): Promise<void>;
  /** Returns the function that stops listening. */
  listen(listener: ChangeListener): () => void;
  close(): Promise<void>;
}

/** Delivers to every listener of this process; each listener decides what it keeps. */
class Listeners {
  private readonly set = new Set<ChangeListener>();

  add(listener: ChangeListener): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }

  deliver(event: ChangeEvent): void {
    for (const listener of this.set) {
      try {
        listener(event);
      } catch (error) {
        logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'a change listener failed');
      }
    }
  }
}

export class MemoryChangeBus implements ChangeBus {
  private readonly listeners = new Listeners();

  async publish(event: ChangeEvent): Promise<void> {
    // Asynchronously, like Redis: a publisher never runs subscribers' code on its own stack.
    queueMicrotask(() => this.listeners.deliver(event));
  }

  listen(listener: ChangeListener): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {}
}

export const CHANGE_CHANNEL = 'mam:changes';

export class RedisChangeBus implements ChangeBus {
  private readonly listeners = new Listeners();

  /** `publisher` sends commands; `subscriber` is a second connection (subscribed connections send nothing else). */
  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
  ) {
    subscriber.on('message', (channel: string, message: string) => {
      if (channel !== CHANGE_CHANNEL) return;
      const event = parseChangeEvent(message);
      if (event) this.listeners.deliver(event);
    });
  }

  static async create(redisUrl: string): Promise<RedisChangeBus> {
    const { Redis } = await import('ioredis');
    const publisher = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
    const subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null });
    let down = false;
    for (const connection of [publisher, subscriber]) {
      connection.on('error', (error: NodeJS.ErrnoException) => {
        if (!down) logger.warn({ code: error.code ?? null }, 'live updates: Redis unreachable; changes reach only this instance\'s subscribers until it is back');
        down = true;
      });
      connection.on('ready', () => (down = false));
    }
    // Not awaited: with Redis down the gateway starts anyway (its own subscribers still get
    // its changes), and ioredis subscribes again on every reconnection.
    subscriber.subscribe(CHANGE_CHANNEL).catch(() => undefined);
    return new RedisChangeBus(publisher, subscriber);
  }

  async publish(event: ChangeEvent): Promise<void> {
    try {
      await this.publisher.publish(CHANGE_CHANNEL, JSON.stringify(event));
    } catch {
      // Redis down: this instance's own subscribers still get the change.
      this.listeners.deliver(event);
    }
  }

  listen(listener: ChangeListener): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.subscriber.quit(), this.publisher.quit()]);
  }
}
