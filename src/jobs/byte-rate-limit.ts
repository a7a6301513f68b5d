// Bytes per second for one destination source, shared by every item this process sends
// there (a token bucket of one second's worth). Transfers wait for tokens between chunks,
// which with stream backpressure slows the source read too.
import { Transform } from 'node:stream';

export class ByteRateLimit {
  private tokens: number;
  private last = Date.now();

  constructor(private readonly bytesPerSecond: number) {
    this.tokens = bytesPerSecond;
  }

  /** Waits until `bytes` may pass. */
  async take(bytes: number): Promise<void> {
    for (;;) {
      const now = Date.now();
      this.tokens = Math.min(this.bytesPerSecond, this.tokens + ((now - this.last) / 1000) * this.bytesPerSecond);
      this.last = now;
      // A chunk larger than a second's worth passes once the bucket is full.
      const need = Math.min(bytes, this.bytesPerSecond);
      if (this.tokens >= need) {
        this.tokens -= need;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.ceil(((need - this.tokens) / this.bytesPerSecond) * 1000)));
    }
  }

  /** A pass-through stream that keeps to the rate. */
  stream(): Transform {
    return new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        this.take(chunk.length).then(() => done(null, chunk), done);
      },
    });
  }
}
