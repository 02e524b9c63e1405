import fc from 'fast-check';
import { expect, it } from 'vitest';
import { grossPay } from '../../src/gross-pay.js';

const minutes = fc.integer({ min: 0, max: 10_000 });
const rate = fc.integer({ min: 1, max: 100_000 });
const premium = fc.integer({ min: 10_000, max: 30_000 });
const codeOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return 'no error';
};
// rounded × den − exact, doubled: within the denominator, and exactly it on a tie (rounded up).
const roundsHalfUp = (rounded: number, exactNumerator: number, den: number) => {
  const twice = 2 * (rounded * den - exactNumerator);
  expect(twice).toBeGreaterThan(-den);
  expect(twice).toBeLessThanOrEqual(den);
};

it('pay is the rounded price of the minutes', () => {
  fc.assert(fc.property(minutes, minutes, rate, premium, (regularMinutes, overtimeMinutes, hourlyCents, overtimeBp) => {
    const pay = grossPay({ regularMinutes, overtimeMinutes }, { hourlyCents, overtimeBp });
    roundsHalfUp(pay.regular.cents, regularMinutes * hourlyCents, 60);
    roundsHalfUp(pay.overtime.cents, overtimeMinutes * hourlyCents * overtimeBp, 600_000);
    expect(pay.gross.cents).toBe(pay.regular.cents + pay.overtime.cents);
  }));
  const badRate = fc.oneof(
    fc.tuple(fc.integer({ min: -100_000, max: 0 }), premium),
    fc.tuple(rate, fc.oneof(fc.integer({ min: 0, max: 9_999 }), fc.integer({ min: 30_001, max: 100_000 }))),
  );
  fc.assert(fc.property(badRate, ([hourlyCents, overtimeBp]) => {
    expect(codeOf(() => grossPay({ regularMinutes: 60, overtimeMinutes: 60 }, { hourlyCents, overtimeBp }))).toBe('INVALID_RATE');
  }));
});
