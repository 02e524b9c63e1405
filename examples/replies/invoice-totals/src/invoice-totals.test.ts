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
  it('[invoice-totals#S-two-categories-no-discount] [invoice-totals#R-subtotal-is-the-sum-of] [invoice-totals#R-total-equals-subtotal-discount-tax] scenario: two categories, no discount', () => {
    const t = computeTotals(lines, [], catalogue, rates);
    expect([t.subtotal.minor, t.tax.minor, t.total.minor]).toEqual([1_500, 225, 1_725]);
    expect(t.taxByCategory.standard.minor).toBe(200);
    expect(t.taxByCategory.reduced.minor).toBe(25);
  });

  it('[invoice-totals#S-discount-spread-before-tax] [invoice-totals#R-the-discount-from-applydiscounts-is] [invoice-totals#R-tax-is-computed-per-line] scenario: discount spread before tax', () => {
    const t = computeTotals(lines, ['SAVE10'], catalogue, rates);
    expect([t.discount.minor, t.tax.minor, t.total.minor]).toEqual([150, 202, 1_552]);
  });

  it('[invoice-totals#S-missing-rate] scenario: missing rate', () => {
    const zero = parseLineItems([{ description: 'Bread', quantity: 1, unitPrice: 100, category: 'zero' }]);
    expect(() => computeTotals(zero, [], catalogue, { standard: 2_000 })).toThrow(expect.objectContaining({ code: 'INVALID_RATE' }));
  });

  it('[invoice-totals#R-the-result-is-subtotal-discount] returns subtotal, discount, tax per category, tax and total as Money', () => {
    const t = computeTotals(lines, [], catalogue, rates);
    expect(Object.keys(t).sort()).toEqual(['discount', 'subtotal', 'tax', 'taxByCategory', 'total']);
    expect(t.discount).toEqual(money(0));
  });

  it('[invoice-totals#E-a-category-with-no-lines] an unused category has tax 0', () => {
    expect(computeTotals(lines, [], catalogue, rates).taxByCategory.zero.minor).toBe(0);
  });

  it('[invoice-totals#E-when-the-discount-equals-the] a full discount leaves no tax', () => {
    const t = computeTotals(lines, ['ALL'], catalogue, rates);
    expect([t.discount.minor, t.tax.minor, t.total.minor]).toEqual([1_500, 0, 0]);
  });
});
