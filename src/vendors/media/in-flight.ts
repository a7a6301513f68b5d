// Shares one pending vendor read between callers that ask for the same thing at the same
// time (Asset.media, renditions and metadata of one asset dispatch in the same tick and may
// need the same vendor document). Nothing is kept once the read settles: not a cache.
export class InFlight<V> {
  private readonly pending = new Map<string, Promise<V>>();

  run(key: string, read: () => Promise<V>): Promise<V> {
    const running = this.pending.get(key);
    if (running) return running;
    const started = read().finally(() => this.pending.delete(key));
    this.pending.set(key, started);
    return started;
  }
}
