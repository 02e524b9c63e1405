import { expect, it } from 'vitest';
import { cents } from '../../src/money.js';
import { annualTax, marginalRate } from '../../src/tax-brackets.js';

const brackets = [{ upTo: 2_000_000, rateBp: 1_000 }, { upTo: 5_000_000, rateBp: 2_500 }, { upTo: null, rateBp: 4_500 }];

it('one cent past a bound, and a high income', () => {
  expect(annualTax(cents(2_000_001), brackets).cents).toBe(200_000);
  expect(marginalRate(cents(2_000_001), brackets)).toBe(2_500);
  expect(annualTax(cents(7_654_321), brackets).cents).toBe(2_144_444);
  expect(marginalRate(cents(7_654_321), brackets)).toBe(4_500);
});
