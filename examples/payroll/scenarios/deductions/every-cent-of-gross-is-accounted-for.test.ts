import fc from 'fast-check';
import { expect, it } from 'vitest';
import { deductions } from '../../src/deductions.js';
import { cents } from '../../src/money.js';

const gross = fc.integer({ min: 0, max: 1_000_000_000 });
const amount = fc.integer({ min: 0, max: 10_000_000 });
const plan = fc.record({ pensionBp: fc.integer({ min: 0, max: 2_000 }), pensionCapCents: amount, benefitCents: amount });
const pay = (g: number) => ({ regular: cents(g), overtime: cents(0), gross: cents(g) });
const codeOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return 'no error';
};

it('every cent of gross pay is accounted for', () => {
  fc.assert(fc.property(gross, plan, (g, p) => {
    const d = deductions(pay(g), p);
    const twice = 2 * (d.pension.cents * 10_000 - g * p.pensionBp);
    if (d.pension.cents < p.pensionCapCents) {
      expect(twice).toBeGreaterThan(-10_000);
      expect(twice).toBeLessThanOrEqual(10_000);
    } else {
      // Capped: the rounded contribution would have reached the cap.
      expect(d.pension.cents).toBe(p.pensionCapCents);
      expect(twice).toBeLessThanOrEqual(10_000);
    }
    expect(d.gross.cents).toBe(g);
    expect(d.pension.cents + d.benefit.cents + d.taxable.cents).toBe(g);
    expect(Math.min(d.pension.cents, d.benefit.cents, d.taxable.cents, d.shortfall.cents)).toBeGreaterThanOrEqual(0);
    expect(d.benefit.cents + d.shortfall.cents).toBe(p.benefitCents);
    if (d.shortfall.cents > 0) expect(d.taxable.cents).toBe(0);
  }));
  const badPlan = fc.oneof(
    plan.chain((p) => fc.integer({ min: 2_001, max: 100_000 }).map((pensionBp) => ({ ...p, pensionBp }))),
    plan.chain((p) => fc.integer({ min: -10_000, max: -1 }).map((pensionCapCents) => ({ ...p, pensionCapCents }))),
    plan.chain((p) => fc.integer({ min: -10_000, max: -1 }).map((benefitCents) => ({ ...p, benefitCents }))),
  );
  fc.assert(fc.property(gross, badPlan, (g, p) => {
    expect(codeOf(() => deductions(pay(g), p))).toBe('INVALID_PLAN');
  }));
});
