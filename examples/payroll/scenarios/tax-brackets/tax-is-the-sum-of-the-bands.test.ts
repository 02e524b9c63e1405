import fc from 'fast-check';
import { expect, it } from 'vitest';
import { cents } from '../../src/money.js';
import { annualTax, marginalRate, validateBrackets } from '../../src/tax-brackets.js';

const rate = fc.integer({ min: 0, max: 10_000 });
const brackets = fc
  .tuple(fc.uniqueArray(fc.integer({ min: 1, max: 1_000_000_000 }), { maxLength: 4 }), fc.array(rate, { minLength: 5, maxLength: 5 }))
  .map(([bounds, rates]) => {
    const sorted = [...bounds].sort((a, b) => a - b);
    return [...sorted.map((upTo, i) => ({ upTo, rateBp: rates[i]! })), { upTo: null, rateBp: rates[sorted.length]! }];
  });
const income = fc.integer({ min: -1_000_000, max: 2_000_000_000 });
const codeOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return 'no error';
};

it('the tax is the rounded sum of the bands, and grows with the income', () => {
  fc.assert(fc.property(brackets, income, (list, amount) => {
    let exact = 0;
    let lower = 0;
    for (const { upTo, rateBp } of list) {
      const upper = upTo ?? Infinity;
      exact += Math.max(0, Math.min(amount, upper) - lower) * rateBp;
      lower = upper;
    }
    const tax = annualTax(cents(amount), list).cents;
    expect(2 * (tax * 10_000 - exact)).toBeGreaterThan(-10_000);
    expect(2 * (tax * 10_000 - exact)).toBeLessThanOrEqual(10_000);
    expect(annualTax(cents(amount + 1), list).cents).toBeGreaterThanOrEqual(tax);
    const expected = list.find((b) => b.upTo === null || amount <= b.upTo)!.rateBp;
    expect(marginalRate(cents(amount), list)).toBe(amount <= 0 ? list[0]!.rateBp : expected);
  }));
  fc.assert(fc.property(brackets.filter((l) => l.length >= 3), (list) => {
    const swapped = [list[1]!, list[0]!, ...list.slice(2)];
    expect(codeOf(() => validateBrackets(swapped))).toBe('INVALID_BRACKETS');
    expect(validateBrackets(list)).toBeUndefined();
  }));
});
