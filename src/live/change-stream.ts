// One subscription's view of the change bus: an async iterator (what graphql-ws consumes)
// over the events its filter keeps, with a bounded queue. graphql-ws pulls the next event
// only once the previous message was written to the socket, so a client that reads too
// slowly makes the queue grow; past `maxQueued` the stream calls `onOverflow` (the server
// closes that connection) instead of buffering without bound.
import type { ChangeBus } from './change-bus.js';
import type { ChangeEvent } from './change-event.js';

export interface ChangeStreamOptions<T> {
  /** Keeps an event (and turns it into what the subscription yields), or drops it (null). */
  readonly select: (event: ChangeEvent) => T | null;
  /** Only changes of these topics reach `select` (ChangeBus.listen); all changes when absent. */
  readonly topics?: readonly string[];
  readonly maxQueued: number;
  readonly onOverflow: () => void;
}

export class ChangeStream<T> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private done = false;
  private readonly stopListening: () => void;

  constructor(bus: ChangeBus, private readonly options: ChangeStreamOptions<T>) {
    this.stopListening = bus.listen((event) => {
      if (this.done) return;
      const value = options.select(event);
      if (value !== null) this.push(value);
    }, options.topics);
  }

  /** Adds a value (also used for a subscription's first answer). */
  push(value: T): void {
    if (this.done) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value, done: false });
      return;
    }
    if (this.queue.length >= this.options.maxQueued) {
      void this.return();
      this.options.onOverflow();
      return;
    }
    this.queue.push(value);
  }

  next(): Promise<IteratorResult<T>> {
    const value = this.queue.shift();
    if (value !== undefined) return Promise.resolve({ value, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.done) {
      this.done = true;
      this.stopListening();
      this.queue.length = 0;
      this.waiting?.({ value: undefined, done: true });
      this.waiting = null;
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
