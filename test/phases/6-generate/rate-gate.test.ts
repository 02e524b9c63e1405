import { describe, expect, it } from 'vitest';
import { createRateGate } from '../../../src/phases/6-generate/rate-gate.js';

const never = new AbortController().signal;

describe('rate gate', () => {
  it('halves the limit on a throttle and grows back one slot per round of successes', async () => {
    const gate = createRateGate(8);
    await gate.acquire(never);
    gate.release('throttled');
    expect(gate.limit()).toBe(4);
    for (let i = 0; i < 4; i++) {
      await gate.acquire(never);
      gate.release('ok');
    }
    expect(Math.floor(gate.limit())).toBe(4);
    expect(gate.limit()).toBeGreaterThan(4);
    for (let i = 0; i < 100; i++) {
      await gate.acquire(never);
      gate.release('ok');
    }
    expect(gate.limit()).toBe(8);
  });

  it('never lets more requests in flight than the limit, and never below one', async () => {
    const gate = createRateGate(2);
    gate.release('throttled');
    gate.release('throttled');
    expect(gate.limit()).toBe(1);
    await gate.acquire(never);
    let second = false;
    const pending = gate.acquire(never).then(() => (second = true));
    await Promise.resolve();
    expect(second).toBe(false);
    gate.release('ok');
    await pending;
    expect(second).toBe(true);
  });

  it('an aborted waiter leaves without taking a slot', async () => {
    const gate = createRateGate(1);
    await gate.acquire(never);
    const controller = new AbortController();
    const waiting = gate.acquire(controller.signal);
    controller.abort();
    await waiting;
    gate.release('ok');
    let got = false;
    await gate.acquire(never).then(() => (got = true));
    expect(got).toBe(true);
  });
});
