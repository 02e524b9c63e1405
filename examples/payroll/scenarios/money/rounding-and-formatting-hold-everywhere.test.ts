import fc from 'fast-check';
import { expect, it } from 'vitest';
import { add, cents, formatMoney, roundHalfUp, subtract, sum } from '../../src/money.js';

const int = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });
const amount = fc.integer({ min: -(2 ** 50), max: 2 ** 50 });
const codeOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return 'no error';
};

it('rounding is to the nearest integer, and formatting and sums are exact', () => {
  fc.assert(fc.property(int, int.filter((d) => d !== 0), (n, d) => {
    const r = roundHalfUp(n, d);
    const twiceError = Math.abs(2 * (r * d - n));
    expect(twiceError).toBeLessThanOrEqual(Math.abs(d));
    if (twiceError === Math.abs(d)) expect(Math.abs(r)).toBeGreaterThan(Math.abs(n / d));
  }));
  fc.assert(fc.property(amount, (minor) => {
    const text = formatMoney(cents(minor));
    expect(text).toMatch(/^-?\d{1,3}(,\d{3})*\.\d{2}$/);
    expect(Number(text.replace(/[,.]/g, ''))).toBe(minor);
  }));
  // Against the arithmetic itself, never against add: a property that compares the code with itself pins nothing.
  fc.assert(fc.property(amount, amount, (a, b) => {
    expect(add(cents(a), cents(b)).cents).toBe(a + b);
    expect(subtract(cents(a), cents(b)).cents).toBe(a - b);
  }));
  fc.assert(fc.property(fc.array(amount, { maxLength: 20 }), (list) => {
    expect(sum(list.map((m) => cents(m))).cents).toBe(list.reduce((total, m) => total + m, 0));
  }));
  const big = fc.integer({ min: 2 ** 52, max: Number.MAX_SAFE_INTEGER });
  fc.assert(fc.property(big, big, (a, b) => {
    expect(codeOf(() => add(cents(a), cents(b)))).toBe('OVERFLOW');
    expect(codeOf(() => subtract(cents(-a), cents(b)))).toBe('OVERFLOW');
  }));
  fc.assert(fc.property(fc.double({ noInteger: true }), (x) => {
    expect(codeOf(() => cents(x))).toBe('NOT_AN_INTEGER');
  }));
});
