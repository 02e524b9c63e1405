/**
 * Property: whatever sequence of reservations, settlements (at any actual cost, even a wrong
 * one above the reservation), releases, retries and fix attempts happens across specs, settled
 * plus outstanding spend never exceeds the run cap or a spec's cap.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBudget, type Reservation } from '../../src/phases/6-generate/budget.js';

const op = fc.oneof(
  fc.record({ kind: fc.constant('reserve' as const), spec: fc.constantFrom('a', 'b', 'c'), usd: fc.double({ min: 0, max: 3, noNaN: true }) }),
  fc.record({ kind: fc.constant('settle' as const), pick: fc.nat(), factor: fc.double({ min: 0, max: 2, noNaN: true }) }),
  fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }),
);

describe('budget (property)', () => {
  it('never lets committed spend pass the run cap or a spec cap', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 10, noNaN: true }), fc.double({ min: 0.1, max: 5, noNaN: true }), fc.array(op, { maxLength: 80 }), (runCap, specCap, ops) => {
        const budget = createBudget(runCap);
        const open: { spec: string; r: Reservation }[] = [];
        for (const o of ops) {
          if (o.kind === 'reserve') {
            const res = budget.reserve(o.spec, o.usd, o.spec === 'a' ? specCap : undefined);
            if (res.ok) open.push({ spec: o.spec, r: res.reservation });
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

  it('a reservation that would cross the cap is refused with the amounts', () => {
    const budget = createBudget(1);
    const first = budget.reserve('a', 0.75);
    expect(first.ok).toBe(true);
    const second = budget.reserve('a', 0.5);
    expect(second).toMatchObject({ ok: false });
    expect((second as { reason: string }).reason).toContain('$0.2500 of its $1.00 budget left');
  });
});
