import { describe, expect, it } from 'vitest';
import { money } from './money.js';
import { applyDiscounts, type DiscountCatalogue } from './discount-codes.js';

const catalogue: DiscountCatalogue = {
  SAVE10: { kind: 'percent', basisPoints: 1_000 },
  HALF: { kind: 'percent', basisPoints: 5_000 },
  FIVER: { kind: 'fixed', amount: money(500) },
  TENNER: { kind: 'fixed', amount: money(1_000) },
};

describe('discount codes', () => {
  it('[discount-codes#S-percent-then-fixed] [discount-codes#R-the-percent-code-applies-first] scenario: percent then fixed', () => {
    const result = applyDiscounts(money(10_000), ['SAVE10', 'FIVER'], catalogue);
    expect(result.discount.minor).toBe(1_500);
    expect(result.applied).toEqual(['SAVE10', 'FIVER']);
  });

  it('[discount-codes#S-capped-at-the-subtotal] [discount-codes#R-the-discount-must-never-exceed] scenario: capped at the subtotal', () => {
    expect(applyDiscounts(money(300), ['FIVER'], catalogue).discount.minor).toBe(300);
  });

  it('[discount-codes#S-two-percent-codes] scenario: two percent codes', () => {
    expect(() => applyDiscounts(money(1_000), ['SAVE10', 'HALF'], catalogue)).toThrow(expect.objectContaining({ code: 'PERCENT_CODES_DO_NOT_STACK' }));
  });

  it('[discount-codes#R-at-most-one-percent-code] allows one percent code with any number of fixed codes', () => {
    expect(applyDiscounts(money(10_000), ['SAVE10', 'FIVER', 'TENNER'], catalogue).discount.minor).toBe(2_500);
  });

  it('[discount-codes#R-applydiscounts-returns-discount-money-applied] returns the discount and the codes applied, in the order given', () => {
    expect(applyDiscounts(money(10_000), ['FIVER', 'SAVE10'], catalogue)).toEqual({ discount: money(1_500), applied: ['FIVER', 'SAVE10'] });
  });

  it('rejects unknown and repeated codes', () => {
    expect(() => applyDiscounts(money(1_000), ['NOPE'], catalogue)).toThrow(expect.objectContaining({ code: 'UNKNOWN_CODE' }));
    expect(() => applyDiscounts(money(1_000), ['FIVER', 'fiver'], catalogue)).toThrow(expect.objectContaining({ code: 'DUPLICATE_CODE' }));
  });

  it('[discount-codes#E-save10-matches-the-catalogue-entry] matches codes case-insensitively after trimming', () => {
    expect(applyDiscounts(money(10_000), [' save10 '], catalogue).applied).toEqual(['SAVE10']);
  });

  it('[discount-codes#E-an-empty-list-of-codes] no codes give no discount', () => {
    expect(applyDiscounts(money(1_000), [], catalogue)).toEqual({ discount: money(0), applied: [] });
  });

  it('[discount-codes#E-a-subtotal-of-0-gives] a zero subtotal gets no discount', () => {
    expect(applyDiscounts(money(0), ['SAVE10', 'FIVER'], catalogue).discount.minor).toBe(0);
  });
});
