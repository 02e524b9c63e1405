import fc from 'fast-check';
import { expect, it } from 'vitest';
import { add, formatMoney, money, subtract } from '../../src/money.js';

const amount = fc.integer({ min: -(2 ** 50), max: 2 ** 50 });
const codeOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return 'no error';
};

it('amounts round-trip through arithmetic and formatting', () => {
  fc.assert(
    fc.property(amount, amount, (a, b) => {
      expect(subtract(add(money(a), money(b)), money(b)).minor).toBe(a);
    }),
  );
  fc.assert(
    fc.property(amount, (minor) => {
      const text = formatMoney(money(minor));
      expect(text).toMatch(/^-?\d+\.\d{2}$/);
      expect(Number(text.replace('.', ''))).toBe(minor);
    }),
  );
  const big = fc.integer({ min: 2 ** 52, max: Number.MAX_SAFE_INTEGER });
  fc.assert(fc.property(big, big, (a, b) => {
    expect(codeOf(() => add(money(a), money(b)))).toBe('OVERFLOW');
    expect(codeOf(() => subtract(money(-a), money(b)))).toBe('OVERFLOW');
  }));
  fc.assert(
    fc.property(fc.double({ noInteger: true }), (x) => {
      expect(codeOf(() => money(x))).toBe('NOT_AN_INTEGER');
    }),
  );
});
