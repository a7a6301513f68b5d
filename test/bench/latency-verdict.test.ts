import { describe, expect, it } from 'vitest';
import { latencyCpuText, latencyMissReason, type LatencySide } from '../../bench/latency-verdict.js';

// A latency row at 10 clients names, beside a miss, both processes' main-thread CPU: what a
// request waits for there, apart from V8's worker thread that runs beside it.
const side = (p50: number, cpuMs: number, mainThreadCpuMs: number, mainThreadBusy: number): LatencySide => ({ p50, cpuMs, mainThreadCpuMs, mainThreadBusy });
const sameWork = side(150, 13.4, 11.7, 0.75);

describe('latency verdict at 10 clients', () => {
  it('holds at 1.5 x the bare client, with no reason', () => {
    expect(latencyMissReason({ gateway: side(180, 16.6, 13.3, 0.74), sameWork, bare: 120 })).toBeUndefined();
  });

  it("names the gateway's main thread and whole process against the same work in one process", () => {
    expect(latencyMissReason({ gateway: side(190, 16.6, 13.3, 0.74), sameWork, bare: 120 })).toBe(
      "the same work in one process holds at 150 ms (1.25x bare); the gateway's p50 is 1.27x its, its main thread's CPU per request 1.14x (13.3 against 11.7 ms), its whole process's 1.24x",
    );
  });

  it('says so when the same work in one process misses too', () => {
    expect(latencyMissReason({ gateway: side(200, 16.6, 13.3, 0.74), sameWork: side(185, 13.4, 11.7, 0.8), bare: 120 })).toBe(
      'the same work in one process reads 185 ms @10, 1.54x bare',
    );
  });

  it('names the gateway against the same work with each field waiting for its round trip, where the bench measured it', () => {
    expect(latencyMissReason({ gateway: side(190, 16.6, 13.3, 0.74), sameWork, bare: 120, fieldsWaiting: side(170, 15.0, 12.9, 0.76) })).toBe(
      "the same work in one process holds at 150 ms (1.25x bare); the gateway's p50 is 1.27x its, its main thread's CPU per request 1.14x (13.3 against 11.7 ms), its whole process's 1.24x" +
        "; with each field waiting for its round trip, the same work reads 170 ms (1.42x bare): the gateway's p50 1.12x its, its main thread's CPU per request 1.03x (13.3 against 12.9 ms)",
    );
    expect(latencyCpuText({ gateway: side(180, 16.6, 13.3, 0.74), sameWork, bare: 120, fieldsWaiting: side(170, 15.0, 12.9, 0.76) })).toContain(
      'with each field waiting for its round trip main thread 12.9 ms/request (76% busy) + 2.1 ms on other threads',
    );
  });

  it('splits each side into its main thread and its other threads', () => {
    expect(latencyCpuText({ gateway: side(180, 16.6, 13.3, 0.74), sameWork, bare: 120 })).toBe(
      'CPU: gateway main thread 13.3 ms/request (74% busy) + 3.3 ms on other threads, the same work in one process main thread 11.7 ms/request (75% busy) + 1.7 ms on other threads',
    );
  });
});
