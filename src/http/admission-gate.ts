// Admission control for GraphQL requests. While the event loop has spare time requests
// start without waiting (a burst after a quiet spell within a few samples, see below);
// when it is saturated (CPU-bound load), starting more requests only adds memory and
// garbage collection, and every request gets slower. The gate keeps a limit on requests
// running at once, set from samples of event loop utilization: a loop saturated while
// requests ran cuts it by a quarter (down to a minimum); while requests wait for it, a
// loop with plenty of spare time doubles it and a loop with some spare time (waiting on
// vendors) raises it by one (by a quarter while more wait than run); a loop that is busy
// but not saturated holds it. So a latency-bound load is soon unlimited, and a CPU-bound
// one settles near what the CPU can serve and stays there instead of letting in a burst
// each time the loop idles for a moment (issue 17).
// A heap filled past a fraction of V8's limit counts as saturated too, so a capped heap
// slows admission down instead of running out of memory.
// A burst starts slowly, as TCP does after an idle spell: in each sample at most twice as
// many requests start as started in the one before or were running at its end, and at
// least `burst`. The limit above only learns what a load costs once a sample has seen it,
// so without this a burst of heavy requests after a light load (whose limit had grown to
// fit 50 cheap ones) all started at once (issue 17: the bench's peak RSS, 182 and 210 MB
// in two runs, was the first half second of the 50-asset read at 50 clients, just after
// the one-call list).
// Requests over the limit wait in arrival order, before their body is read.
// The wait counts against the request's deadline: a request still waiting when it passes
// is answered 503 with Retry-After.
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';

export interface AdmissionOptions {
  /** Requests that may always run at once, however busy the loop is. */
  readonly minConcurrent: number;
  /** Event loop utilization (0..1) over the last sample above which the loop counts as saturated. */
  readonly busyUtilization: number;
  /** Utilization below which the loop has time for many more requests (the limit doubles while any wait). */
  readonly spareUtilization: number;
  /** Utilization below which the loop has time for one more request (the limit grows by one per sample while any wait). */
  readonly growUtilization: number;
  /** Heap in use, as a fraction of V8's heap limit, above which admission slows down too. */
  readonly busyHeapFraction: number;
  /** Requests that may start in one sample after a quiet one; each busier sample may start twice as many as the last. */
  readonly burst: number;
  /** How often utilization is sampled. */
  readonly sampleMs: number;
  /** Utilization source (tests); defaults to the process's event loop. */
  readonly utilization?: () => number;
  /** Heap use source (tests); defaults to V8's heap statistics. */
  readonly heapFraction?: () => number;
}

/**
 * Two requests at once are enough to keep a saturated loop busy: one benchmark read alone
 * sends 41 to 76 vendor calls. Each request admitted beyond that only keeps more objects
 * alive through young-generation collections (issue 17: with 50 clients on a CPU-bound
 * load, a floor of 2 instead of 8 cost 21% less CPU per request for `nodes` of 100 and 13%
 * less for the 50-asset read, same throughput or better for a one-call list).
 */
export const DEFAULT_ADMISSION: AdmissionOptions = {
  minConcurrent: 2,
  burst: 4,
  busyUtilization: 0.9,
  spareUtilization: 0.5,
  growUtilization: 0.8,
  busyHeapFraction: 0.7,
  sampleMs: 100,
};

/** The limit while the loop has time: in effect none. */
const MAX_LIMIT = 1_000_000;

export class AdmissionGate {
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];
  private limit = MAX_LIMIT;
  /** Requests that may still start in this sample (the slow start). */
  private starts: number;
  private startedThisSample = 0;
  /** Whether any request ran during the current sample. */
  private ranThisSample = false;
  private readonly timer: NodeJS.Timeout;

  constructor(options: AdmissionOptions = DEFAULT_ADMISSION) {
    const measure = options.utilization ?? loopUtilization();
    const heap = options.heapFraction ?? heapFraction;
    this.starts = options.burst;
    this.timer = setInterval(() => {
      // A sample that started few requests only because the limit held them back (while as
      // many ran) is not a quiet spell: the slow start counts the requests running too.
      // Counting only those started, the sample after a cut let 4 of 80 waiting writes
      // start while the running ones finished and the limit had room (issue 17, traced in
      // the live bench).
      this.starts = Math.max(options.burst, 2 * Math.max(this.startedThisSample, this.inFlight));
      this.startedThisSample = 0;
      const utilization = measure();
      // Only a loop saturated while requests ran is theirs to slow down: saturation with
      // none running (WebSocket subscriptions starting, background jobs) says nothing of
      // what requests cost, and cutting the limit to the minimum on it queued the next
      // load behind a limit it had not earned (issue 17: 1,000 subscriptions starting cut
      // it to 2 before the live bench's writes began; their backlog reached 100 requests,
      // and 5 to 518 of 2,000 writes waited past queueWaitMs and were answered 503).
      const requestsRan = this.ranThisSample;
      this.ranThisSample = this.inFlight > 0;
      if ((requestsRan && utilization >= options.busyUtilization) || heap() >= options.busyHeapFraction) {
        this.limit = Math.max(options.minConcurrent, Math.floor((Math.min(this.limit, this.inFlight) * 3) / 4));
      } else if (utilization < options.spareUtilization && this.waiting.length > 0) {
        this.limit = Math.min(MAX_LIMIT, this.limit * 2);
      } else if (utilization < options.growUtilization && this.waiting.length > 0 && this.inFlight >= this.limit) {
        // By one; by a quarter while more requests wait than run, so a backlog drains before
        // it waits past queueWaitMs (at a limit under 8 the same one).
        this.limit += this.waiting.length > this.limit ? Math.max(1, Math.floor(this.limit / 4)) : 1;
      }
      // Otherwise the limit holds. Measured with 50 clients on CPU-bound reads, with the
      // simulators on the other core: at 2 requests the loop still idles 5-20% of each
      // sample, waiting for vendors, and doubling on that (as this gate did), or on an idle
      // loop between loads, let bursts in. Holding: peak RSS 162-163 MB against 184-192 over
      // three interleaved pairs of three loads each; CPU per request within noise.
      // Holding alone, though, kept a limit cut to 2 by a saturated spell at 2 for good once
      // the load turned latency-bound: 10 clients of the 50-asset read with 20 ms vendors
      // left the loop 20-45% idle and waited at 2 (the bench's latency rows at 10 clients
      // missed by up to 1.4x, while the same work in one process, ungated, held). Growing by
      // one below 0.8 and cutting by a quarter instead of half, measured in two interleaved
      // pairs: 50-asset p50 at 10 clients 288/287 ms against 339/297, media 171/194 against
      // 221/187; at 50 clients on CPU-bound reads, CPU per request and peak RSS within noise.
      this.drain();
    }, options.sampleMs).unref();
  }

  /** Resolves true when the request may run (call leave() when it is done), false when its deadline passed first. */
  enter(deadline: number): Promise<boolean> {
    if (this.waiting.length === 0 && this.canAdmit()) {
      this.start();
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const admit = () => {
        clearTimeout(expiry);
        resolve(true);
      };
      const expiry = setTimeout(() => {
        const at = this.waiting.indexOf(admit);
        if (at >= 0) this.waiting.splice(at, 1);
        resolve(false);
      }, Math.max(0, deadline - Date.now()));
      this.waiting.push(admit);
    });
  }

  leave(): void {
    this.inFlight -= 1;
    this.drain();
  }

  /** Requests running and waiting, for tests and diagnostics. */
  get load(): { running: number; waiting: number } {
    return { running: this.inFlight, waiting: this.waiting.length };
  }

  close(): void {
    clearInterval(this.timer);
  }

  private canAdmit(): boolean {
    return this.inFlight < this.limit && this.starts > 0;
  }

  private start(): void {
    this.ranThisSample = true;
    this.inFlight += 1;
    this.starts -= 1;
    this.startedThisSample += 1;
  }

  private drain(): void {
    while (this.waiting.length > 0 && this.canAdmit()) {
      this.start();
      this.waiting.shift()?.();
    }
  }
}

/** Event loop utilization since the previous call. */
function loopUtilization(): () => number {
  let last: EventLoopUtilization = performance.eventLoopUtilization();
  return () => {
    const now = performance.eventLoopUtilization();
    const window = performance.eventLoopUtilization(now, last);
    last = now;
    return window.utilization;
  };
}

function heapFraction(): number {
  const { used_heap_size: used, heap_size_limit: limit } = getHeapStatistics();
  return used / limit;
}
