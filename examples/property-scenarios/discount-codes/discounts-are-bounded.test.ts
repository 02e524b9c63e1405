import fc from 'fast-check';
import { expect, it } from 'vitest';
import { money, multiplyBasisPoints } from '../../src/money.js';
import { applyDiscounts } from '../../src/discount-codes.js';

const subtotal = fc.integer({ min: 0, max: 1_000_000_000 });
const fixed = fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { maxLength: 4 });
const percent = fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined });

it('a discount is never negative and never more than the subtotal', () => {
  fc.assert(
    fc.property(subtotal, percent, fixed, (minor, bp, amounts) => {
      const catalogue: Record<string, { kind: 'percent'; basisPoints: number } | { kind: 'fixed'; amount: ReturnType<typeof money> }> = {};
      const codes: string[] = [];
      if (bp !== undefined) {
        catalogue.PCT = { kind: 'percent', basisPoints: bp };
        codes.push('PCT');
      }
      amounts.forEach((amount, i) => {
        catalogue[`FIX${i}`] = { kind: 'fixed', amount: money(amount) };
        codes.push(`FIX${i}`);
      });
      const { discount, applied } = applyDiscounts(money(minor), codes, catalogue);
      const share = bp === undefined ? 0 : multiplyBasisPoints(money(minor), bp).minor;
      const expected = Math.min(minor, share + amounts.reduce((a, b) => a + b, 0));
      expect(discount.minor).toBe(expected);
      expect(applied).toEqual(codes);
    }),
  );
  fc.assert(
    fc.property(subtotal, (minor) => {
      expect(applyDiscounts(money(minor), [], {})).toEqual({ discount: money(0), applied: [] });
    }),
  );
});
