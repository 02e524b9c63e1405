/**
 * Property: whatever sequence of reservations, settlements (at any actual cost, even a wrong
 * one above the reservation), releases, retries and fix attempts happens across specs, settled
 * plus outstanding spend never exceeds the run cap or a spec's cap.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBudget, type Reservation } from '../../../src/phases/6-generate/budget.js';

const op = fc.oneof(
  fc.record({ kind: fc.constant('reserve' as const), spec: fc.constantFrom('a', 'b', 'c'), usd: fc.double({ min: 0, max: 3, noNaN: true }) }),
  // A request never costs more than its reservation: the provider reserves a true upper bound
  // (test/phases/6-generate/budget-cap.property.test.ts checks that bound against the twin).
  fc.record({ kind: fc.constant('settle' as const), pick: fc.nat(), factor: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }),
);

describe('budget (property)', () => {
  it('never lets committed spend pass the run cap or a spec cap', async () => {
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0.5, max: 10, noNaN: true }), fc.double({ min: 0.1, max: 5, noNaN: true }), fc.array(op, { maxLength: 80 }), async (runCap, specCap, ops) => {
        const budget = createBudget(runCap);
        const open: { spec: string; r: Reservation }[] = [];
        for (const o of ops) {
          if (o.kind === 'reserve') {
            // A reservation that must wait for requests in flight is abandoned here (the test settles nothing while it waits).
            const waiting = new AbortController();
            const pending = budget.reserve(o.spec, o.usd, o.spec === 'a' ? specCap : undefined, waiting.signal);
            const res = await Promise.race([pending, new Promise<null>((resolve) => setImmediate(() => resolve(null)))]);
            if (res === null) {
              waiting.abort();
              expect((await pending).ok).toBe(false);
            } else if (res.ok) open.push({ spec: o.spec, r: res.reservation });
          } else if (open.length > 0) {
            const [entry] = open.splice(o.pick % open.length, 1);
            if (o.kind === 'settle') entry!.r.settle(entry!.r.usd * o.factor);
            else entry!.r.release();
          }
          expect(budget.committed()).toBeLessThanOrEqual(runCap + 1e-9);
          expect(budget.spentBy('a')).toBeLessThanOrEqual(specCap + 1e-9);
          expect(budget.spent()).toBeLessThanOrEqual(budget.committed() + 1e-9);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a reservation that can never fit is refused with the amounts', async () => {
    const budget = createBudget(1);
    const first = await budget.reserve('a', 0.75);
    if (!first.ok) throw new Error('the first reservation fits');
    first.reservation.settle(0.75);
    const second = await budget.reserve('a', 0.5);
    expect(second).toMatchObject({ ok: false });
    expect((second as { reason: string }).reason).toContain('$0.2500 of its $1.00 budget left');
  });

  it('a reservation held up only by requests in flight waits for them to settle, then proceeds', async () => {
    const budget = createBudget(1);
    const first = await budget.reserve('a', 0.9);
    if (!first.ok) throw new Error('the first reservation fits');
    let second: Awaited<ReturnType<typeof budget.reserve>> | undefined;
    const waiting = budget.reserve('b', 0.5).then((r) => (second = r));
    await new Promise((resolve) => setImmediate(resolve));
    expect(second).toBeUndefined(); // held: 0.9 is reserved
    first.reservation.settle(0.02); // the request cost far less than its worst case
    await waiting;
    expect(second?.ok).toBe(true);
    expect(budget.committed()).toBeCloseTo(0.52, 6);
  });

  it('records what a request really cost, never clamped to its reservation', async () => {
    const budget = createBudget(null);
    const r = await budget.reserve('a', 0.5);
    if (!r.ok) throw new Error('no cap: always fits');
    r.reservation.settle(0.7);
    expect(budget.spent()).toBeCloseTo(0.7, 12);
  });
});
