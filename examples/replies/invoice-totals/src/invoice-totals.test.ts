import { describe, expect, it } from 'vitest';
import { money } from './money.js';
import { parseLineItems } from './line-items.js';
import type { DiscountCatalogue } from './discount-codes.js';
import { computeTotals } from './invoice-totals.js';

const lines = parseLineItems([
  { description: 'Desk', quantity: 1, unitPrice: 1_000, category: 'standard' },
  { description: 'Book', quantity: 1, unitPrice: 500, category: 'reduced' },
]);
const rates = { standard: 2_000, reduced: 500, zero: 0 };
const catalogue: DiscountCatalogue = { SAVE10: { kind: 'percent', basisPoints: 1_000 }, ALL: { kind: 'fixed', amount: money(1_000_000) } };

describe('invoice totals', () => {
  it('scenario: two categories, no discount', () => {
    const t = computeTotals(lines, [], catalogue, rates);
    expect([t.subtotal.minor, t.tax.minor, t.total.minor]).toEqual([1_500, 225, 1_725]);
    expect(t.taxByCategory.standard.minor).toBe(200);
    expect(t.taxByCategory.reduced.minor).toBe(25);
  });

  it('scenario: discount spread before tax', () => {
    const t = computeTotals(lines, ['SAVE10'], catalogue, rates);
    expect([t.discount.minor, t.tax.minor, t.total.minor]).toEqual([150, 202, 1_552]);
  });

  it('scenario: missing rate', () => {
    const zero = parseLineItems([{ description: 'Bread', quantity: 1, unitPrice: 100, category: 'zero' }]);
    expect(() => computeTotals(zero, [], catalogue, { standard: 2_000 })).toThrow(expect.objectContaining({ code: 'INVALID_RATE' }));
  });

  it('edge cases: an unused category has tax 0; a full discount leaves no tax', () => {
    expect(computeTotals(lines, [], catalogue, rates).taxByCategory.zero.minor).toBe(0);
    const t = computeTotals(lines, ['ALL'], catalogue, rates);
    expect([t.discount.minor, t.tax.minor, t.total.minor]).toEqual([1_500, 0, 0]);
  });
});
