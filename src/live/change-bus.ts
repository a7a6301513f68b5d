// Carries change events to every subscriber of every gateway instance. Without Redis, an
// in-process emitter (the embedded default); with REDIS_URL, Redis pub/sub on one channel,
// so a write through instance A, a webhook received by instance C and a poll made by
// instance B all reach subscribers connected to any instance. Delivery is at most once
// (pub/sub keeps nothing for a disconnected instance): a client that reconnects re-reads.
import type { Redis } from 'ioredis';
import { logger } from '../logger.js';
import { changeTopic, parseChangeEvent, type ChangeEvent } from './change-event.js';

export type ChangeListener = (event: ChangeEvent) => void;

export interface ChangeBus {
  publish(event: ChangeEvent): Promise<void>;
  /**
   * Listens to every change, or with `topics` (see changeTopic) only to changes of those
   * assets and jobs. Returns the function that stops listening.
   */
  listen(listener: ChangeListener, topics?: readonly string[]): () => void;
  close(): Promise<void>;
}

/**
 * This process's listeners: those of every change, and those of given topics, indexed by
 * topic. A change reaches only the listeners of its own topic (issue 17: with 1,000
 * subscriptions of five assets each, every change used to run all 1,000 filters, a quarter
 * of the gateway's CPU under 100 writes per second).
 */
class Listeners {
  private readonly everything = new Set<ChangeListener>();
  private readonly byTopic = new Map<string, Set<ChangeListener>>();

  add(listener: ChangeListener, topics?: readonly string[]): () => void {
    if (!topics) {
      this.everything.add(listener);
      return () => this.everything.delete(listener);
    }
    for (const topic of topics) {
      const listeners = this.byTopic.get(topic) ?? new Set<ChangeListener>();
      listeners.add(listener);
      this.byTopic.set(topic, listeners);
    }
    return () => {
      for (const topic of topics) {
        const listeners = this.byTopic.get(topic);
        listeners?.delete(listener);
        if (listeners?.size === 0) this.byTopic.delete(topic);
      }
    };
  }

  deliver(event: ChangeEvent): void {
    for (const listener of this.everything) this.call(listener, event);
    const listeners = this.byTopic.get(changeTopic(event));
    if (listeners) for (const listener of listeners) this.call(listener, event);
  }

  private call(listener: ChangeListener, event: ChangeEvent): void {
    try {
      listener(event);
    } catch (error) {
      logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'a change listener failed');
    }
  }
}

export class MemoryChangeBus implements ChangeBus {
  private readonly listeners = new Listeners();

  async publish(event: ChangeEvent): Promise<void> {
    // Asynchronously, like Redis: a publisher never runs subscribers' code on its own stack.
    queueMicrotask(() => this.listeners.deliver(event));
  }

  listen(listener: ChangeListener, topics?: readonly string[]): () => void {
    return this.listeners.add(listener, topics);
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

  listen(listener: ChangeListener, topics?: readonly string[]): () => void {
    return this.listeners.add(listener, topics);
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.subscriber.quit(), this.publisher.quit()]);
  }
}
