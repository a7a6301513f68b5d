import { afterEach, describe, expect, it } from 'vitest';
import { AdmissionGate } from '../../src/http/admission-gate.js';

const gates: AdmissionGate[] = [];
afterEach(() => gates.splice(0).forEach((gate) => gate.close()));

function gateWith(utilization: { value: number }, minConcurrent = 2, heap = { value: 0.1 }, sampleMs = 10): AdmissionGate {
  const gate = new AdmissionGate({
    minConcurrent,
    burst: 4,
    busyUtilization: 0.9,
    spareUtilization: 0.5,
    growUtilization: 0.8,
    busyHeapFraction: 0.7,
    sampleMs,
    utilization: () => utilization.value,
    heapFraction: () => heap.value,
  });
  gates.push(gate);
  return gate;
}
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const far = () => Date.now() + 60_000;

describe('admission gate', () => {
  it('admits everything while the event loop has spare time', async () => {
    const gate = gateWith({ value: 0.2 });
    const admitted = await Promise.all(Array.from({ length: 20 }, () => gate.enter(far())));
    expect(admitted.every(Boolean)).toBe(true);
    expect(gate.load).toEqual({ running: 20, waiting: 0 });
  });

  it('starts a burst after a quiet spell slowly: a few at once, then twice as many each sample', async () => {
    const gate = gateWith({ value: 0.2 }, 2, { value: 0.1 }, 200);
    const burst = Array.from({ length: 20 }, () => gate.enter(far()));
    await Promise.resolve();
    expect(gate.load).toEqual({ running: 4, waiting: 16 }); // before any sample has seen the load
    while (gate.load.running === 4) await tick(5); // the first sample
    expect(gate.load).toEqual({ running: 12, waiting: 8 }); // then 8 more
    expect((await Promise.all(burst)).every(Boolean)).toBe(true); // then 16: the rest
    expect(gate.load).toEqual({ running: 20, waiting: 0 });
  });

  it('on a saturated loop holds requests beyond the minimum, in order, until one finishes', async () => {
    const loop = { value: 1 };
    const gate = gateWith(loop);
    expect(await gate.enter(far())).toBe(true);
    expect(await gate.enter(far())).toBe(true);
    await tick(30); // a sample sees the loop saturated while they run
    const order: number[] = [];
    const third = gate.enter(far()).then(() => order.push(3));
    const fourth = gate.enter(far()).then(() => order.push(4));
    await tick(30);
    expect(gate.load).toEqual({ running: 2, waiting: 2 });
    gate.leave();
    await third;
    expect(order).toEqual([3]);
    loop.value = 0.1; // the loop has time again: the rest start without waiting for a leave
    await fourth;
    expect(order).toEqual([3, 4]);
    expect(gate.load).toEqual({ running: 3, waiting: 0 });
  });

  it('holds the limit while the loop is busy but not saturated: no burst on a brief lull', async () => {
    const loop = { value: 1 };
    const gate = gateWith(loop);
    await Promise.all([gate.enter(far()), gate.enter(far())]);
    await tick(30);
    const waiting = [gate.enter(far()), gate.enter(far())];
    loop.value = 0.8; // waiting on vendors for a fifth of each sample: more requests would not help
    await tick(50);
    expect(gate.load).toEqual({ running: 2, waiting: 2 });
    loop.value = 0.3; // plenty of time: the waiting requests start
    expect(await Promise.all(waiting)).toEqual([true, true]);
    expect(gate.load).toEqual({ running: 4, waiting: 0 });
  });

  it('grows by one request per sample while requests wait on a loop with some spare time', async () => {
    const loop = { value: 1 };
    const gate = gateWith(loop, 2, { value: 0.1 }, 50);
    await Promise.all([gate.enter(far()), gate.enter(far())]);
    await tick(70); // a sample sees the saturated loop: the limit is cut to the minimum
    const waiting = Array.from({ length: 4 }, () => gate.enter(far()));
    loop.value = 0.7; // waiting on vendors for 30% of each sample: room for one more at a time
    await tick(5);
    expect(gate.load).toEqual({ running: 2, waiting: 4 });
    while (gate.load.running === 2) await tick(5);
    expect(gate.load).toEqual({ running: 3, waiting: 3 }); // one more, not twice as many
    while (gate.load.running === 3) await tick(5);
    expect(gate.load).toEqual({ running: 4, waiting: 2 });
    expect(await Promise.all(waiting)).toEqual([true, true, true, true]);
  });

  it('grows by a quarter per sample while more requests wait than run', async () => {
    const next: number[] = []; // utilization of the next samples, then `rest`
    const loop = { rest: 0.2, get value() { return next.shift() ?? this.rest; } };
    const gate = gateWith(loop, 2, { value: 0.1 }, 50);
    expect((await Promise.all(Array.from({ length: 12 }, () => gate.enter(far())))).every(Boolean)).toBe(true);
    next.push(1); // one sample sees the loop saturated while 12 run: the limit is cut to 9
    loop.rest = 0.85; // then busy, not saturated: it holds
    while (next.length > 0) await tick(5);
    for (let i = 0; i < 3; i++) gate.leave();
    const waiting = Array.from({ length: 20 }, () => gate.enter(far()));
    await tick(60);
    expect(gate.load).toEqual({ running: 9, waiting: 20 });
    loop.rest = 0.7; // some spare time, and more wait than run
    while (gate.load.running === 9) await tick(5);
    expect(gate.load).toEqual({ running: 11, waiting: 18 }); // 9 + 2, not 9 + 1
    loop.rest = 0.2;
    expect((await Promise.all(waiting)).every(Boolean)).toBe(true);
  });

  it('after a sample the limit held, starts as many as were running: the slow start is for a quiet spell', async () => {
    const loop = { value: 0.2 };
    const gate = gateWith(loop, 2, { value: 0.1 }, 50);
    expect((await Promise.all(Array.from({ length: 12 }, () => gate.enter(far())))).every(Boolean)).toBe(true);
    await tick(120); // samples in which nothing started while 12 ran
    const more = Array.from({ length: 20 }, () => gate.enter(far()));
    await Promise.resolve();
    expect(gate.load).toEqual({ running: 32, waiting: 0 }); // not 4 of them, as after a quiet spell
    expect((await Promise.all(more)).every(Boolean)).toBe(true);
  });

  it('does not grow while nothing waits, so a burst after a quiet spell meets the limit it left', async () => {
    const loop = { value: 1 };
    const gate = gateWith(loop);
    await Promise.all([gate.enter(far()), gate.enter(far()), gate.enter(far())]);
    await tick(30); // saturated while 3 ran: cut to 2
    gate.leave();
    gate.leave();
    gate.leave();
    loop.value = 0; // idle for many samples, nothing waiting
    await tick(50);
    const burst = Array.from({ length: 6 }, () => gate.enter(far()));
    await Promise.resolve();
    expect(gate.load).toEqual({ running: 2, waiting: 4 });
    expect((await Promise.all(burst)).every(Boolean)).toBe(true); // then it doubles each sample
    expect(gate.load).toEqual({ running: 6, waiting: 0 });
  });

  it('leaves the limit alone when the loop was saturated with no request running (subscriptions, background work)', async () => {
    const loop = { value: 1 };
    const gate = gateWith(loop, 2, { value: 0.1 }, 20);
    await tick(100); // five saturated samples, nothing running
    const burst = Array.from({ length: 12 }, () => gate.enter(far()));
    await Promise.resolve();
    expect(gate.load).toEqual({ running: 4, waiting: 8 }); // the slow start's first step, not the minimum
    loop.value = 0.6; // requests now share the loop with the other work
    expect((await Promise.all(burst)).every(Boolean)).toBe(true);
    expect(gate.load).toEqual({ running: 12, waiting: 0 });
  });

  it('slows admission down while the heap is nearly full, however idle the loop', async () => {
    const heap = { value: 0.95 };
    const gate = gateWith({ value: 0.1 }, 1, heap);
    await tick(30);
    expect(await gate.enter(far())).toBe(true);
    const second = gate.enter(far());
    await tick(30);
    expect(gate.load).toEqual({ running: 1, waiting: 1 });
    heap.value = 0.3;
    expect(await second).toBe(true);
  });

  it('gives up on a waiting request when its deadline passes', async () => {
    const gate = gateWith({ value: 1 }, 1);
    expect(await gate.enter(far())).toBe(true);
    await tick(30);
    expect(await gate.enter(Date.now() + 50)).toBe(false);
    expect(gate.load).toEqual({ running: 1, waiting: 0 });
  });
});
