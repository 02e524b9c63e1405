import { describe, expect, it } from 'vitest';
import { money } from './money.js';
import { applyDiscounts, type DiscountCatalogue } from './discount-codes.js';

const catalogue: DiscountCatalogue = {
  SAVE10: { kind: 'percent', basisPoints: 1_000 },
  HALF: { kind: 'percent', basisPoints: 5_000 },
  FIVER: { kind: 'fixed', amount: money(500) },
};

describe('discount codes', () => {
  it('scenario: percent then fixed', () => {
    const result = applyDiscounts(money(10_000), ['SAVE10', 'FIVER'], catalogue);
    expect(result.discount.minor).toBe(1_500);
    expect(result.applied).toEqual(['SAVE10', 'FIVER']);
  });

  it('scenario: capped at the subtotal', () => {
    expect(applyDiscounts(money(300), ['FIVER'], catalogue).discount.minor).toBe(300);
  });

  it('scenario: two percent codes', () => {
    expect(() => applyDiscounts(money(1_000), ['SAVE10', 'HALF'], catalogue)).toThrow(expect.objectContaining({ code: 'PERCENT_CODES_DO_NOT_STACK' }));
  });

  it('rejects unknown and repeated codes; matches codes case-insensitively after trimming', () => {
    expect(() => applyDiscounts(money(1_000), ['NOPE'], catalogue)).toThrow(expect.objectContaining({ code: 'UNKNOWN_CODE' }));
    expect(() => applyDiscounts(money(1_000), ['FIVER', 'fiver'], catalogue)).toThrow(expect.objectContaining({ code: 'DUPLICATE_CODE' }));
    expect(applyDiscounts(money(10_000), [' save10 '], catalogue).applied).toEqual(['SAVE10']);
  });

  it('edge cases: no codes, zero subtotal', () => {
    expect(applyDiscounts(money(1_000), [], catalogue)).toEqual({ discount: money(0), applied: [] });
    expect(applyDiscounts(money(0), ['SAVE10', 'FIVER'], catalogue).discount.minor).toBe(0);
  });
});
