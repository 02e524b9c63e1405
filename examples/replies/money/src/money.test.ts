import { describe, expect, it } from 'vitest';
import { add, formatMoney, money, multiplyBasisPoints, roundHalfEven, subtract, TallyError } from './money.js';

describe('money', () => {
  it('[money#S-half-even-rounding-of-a-tie] [money#R-multiplybasispoints-m-bp-returns-m] scenario: half-even rounding of a tie', () => {
    expect(multiplyBasisPoints(money(250), 1_000).minor).toBe(25);
    expect(multiplyBasisPoints(money(125), 2_000).minor).toBe(25);
    expect(multiplyBasisPoints(money(135), 1_000).minor).toBe(14);
    expect(multiplyBasisPoints(money(125), 1_000).minor).toBe(12);
  });

  it('[money#S-formatting] [money#R-formatmoney-m-returns-the-amount] scenario: formatting', () => {
    expect([1234, 5, 0, -5].map((m) => formatMoney(money(m)))).toEqual(['12.34', '0.05', '0.00', '-0.05']);
  });

  it('[money#S-non-integer] [money#R-money-minor-must-throw-tallyerror] [money#R-tallyerror-extends-error-and-has] scenario: money rejects a non-integer', () => {
    expect(() => money(1.5)).toThrow(TallyError);
    try {
      money(1.5);
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      expect((error as TallyError).code).toBe('NOT_AN_INTEGER');
    }
  });

  it('[money#R-money-is-readonly-minor-number] holds a safe integer of minor units', () => {
    expect(money(42)).toEqual({ minor: 42 });
    expect(() => money(Number.MAX_SAFE_INTEGER + 1)).toThrow(expect.objectContaining({ code: 'NOT_AN_INTEGER' }));
  });

  it('[money#R-add-a-b-and-subtract] adds and subtracts, and reports overflow', () => {
    expect(add(money(2), money(3)).minor).toBe(5);
    expect(subtract(money(2), money(3)).minor).toBe(-1);
    expect(() => add(money(Number.MAX_SAFE_INTEGER), money(1))).toThrow(expect.objectContaining({ code: 'OVERFLOW' }));
  });

  it('[money#R-roundhalfeven-numerator-denominator-divides-two] rounds negatives half to even and refuses a zero denominator', () => {
    expect(roundHalfEven(-5, 2)).toBe(-2);
    expect(roundHalfEven(-7, 2)).toBe(-4);
    expect(roundHalfEven(7, 3)).toBe(2);
    expect(() => roundHalfEven(1, 0)).toThrow(expect.objectContaining({ code: 'DIVIDE_BY_ZERO' }));
  });
});
