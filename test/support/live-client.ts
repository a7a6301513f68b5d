// A subscriber for tests: graphql-ws's own client over a real WebSocket (ws), collecting
// what arrives so tests can wait for the change they expect.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Received {
  data?: Record<string, unknown> | null;
  errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
  at: number;
}

export interface LiveSubscriber {
  readonly received: Received[];
  /** Waits for a message the predicate accepts (already received or coming), or fails after `timeoutMs`. */
  waitFor(predicate: (message: Received) => boolean, timeoutMs?: number): Promise<Received>;
  /** Resolves when the server completed or errored the subscription. */
  readonly ended: Promise<{ error?: unknown }>;
  close(): Promise<void>;
}

export function wsUrl(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws');
}

export function liveClient(httpUrl: string, connectionParams: Record<string, string> = {}): Client {
  return createClient({ url: wsUrl(httpUrl), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
}

export function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}): LiveSubscriber {
  const received: Received[] = [];
  const waiters: Array<() => void> = [];
  let endedResolve: (value: { error?: unknown }) => void = () => {};
  const ended = new Promise<{ error?: unknown }>((resolve) => (endedResolve = resolve));
  const unsubscribe = client.subscribe(
    { query, variables },
    {
      next: (message) => {
        received.push({ ...(message as Omit<Received, 'at'>), at: Date.now() });
        waiters.splice(0).forEach((wake) => wake());
      },
      error: (error) => {
        endedResolve({ error });
        waiters.splice(0).forEach((wake) => wake());
      },
      complete: () => {
        endedResolve({});
        waiters.splice(0).forEach((wake) => wake());
      },
    },
  );
  return {
    received,
    ended,
    async waitFor(predicate, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(predicate);
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching message within ${timeoutMs} ms; received: ${JSON.stringify(received)}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    async close() {
      unsubscribe();
    },
  };
}

/** Waits until the server acknowledged the connection (subscriptions are registered after it). */
export function connected(client: Client): Promise<void> {
  return new Promise((resolve, reject) => {
    const offConnected = client.on('connected', () => {
      offConnected();
      resolve();
    });
    client.on('closed', (event) => reject(new Error(`closed: ${JSON.stringify(event)}`)));
  });
}
