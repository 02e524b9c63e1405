import { describe, expect, it } from 'vitest';
import { add, cents, formatMoney, PayrollError, roundHalfUp, subtract, sum } from './money.js';

const codeOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return error instanceof PayrollError ? error.code : error;
  }
  return 'no error';
};

describe('money', () => {
  it('[money#S-ties-round-away-from-zero] [money#R-roundhalfup-numerator-denominator-divides-two] ties round away from zero', () => {
    expect(roundHalfUp(5, 2)).toBe(3);
    expect(roundHalfUp(-5, 2)).toBe(-3);
    expect(roundHalfUp(7, 3)).toBe(2);
    expect(roundHalfUp(-7, 3)).toBe(-2);
    expect(roundHalfUp(0, 7)).toBe(0);
    expect(codeOf(() => roundHalfUp(1, 0))).toBe('DIVIDE_BY_ZERO');
  });

  it('[money#S-formatting] [money#R-formatmoney-m-returns-the-amount] formatting', () => {
    expect([123456, 5, 0, -5, 100000000].map((n) => formatMoney(cents(n)))).toEqual(['1,234.56', '0.05', '0.00', '-0.05', '1,000,000.00']);
  });

  it('[money#S-non-integer] [money#R-cents-n-must-throw-payrollerror] [money#R-money-is-readonly-cents-number] a non-integer is refused', () => {
    expect(codeOf(() => cents(1.5))).toBe('NOT_AN_INTEGER');
    expect(cents(42)).toEqual({ cents: 42 });
  });

  it('[money#R-add-a-b-subtract-a] adds, subtracts and sums, refusing overflow', () => {
    expect(add(cents(150), cents(-50)).cents).toBe(100);
    expect(subtract(cents(150), cents(200)).cents).toBe(-50);
    expect(sum([cents(1), cents(2), cents(3)]).cents).toBe(6);
    expect(sum([]).cents).toBe(0);
    expect(codeOf(() => add(cents(Number.MAX_SAFE_INTEGER), cents(1)))).toBe('OVERFLOW');
  });

  it('[money#R-payrollerror-extends-error-and-has] PayrollError is an Error with a code', () => {
    const error = new PayrollError('SOME_CODE', 'message');
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('SOME_CODE');
  });
});
