/** Discount codes: at most one percent code plus any fixed codes, capped at the subtotal. */
import { money, multiplyBasisPoints, TallyError, type Money } from './money.js';

export type DiscountRule = { kind: 'percent'; basisPoints: number } | { kind: 'fixed'; amount: Money };
export type DiscountCatalogue = Readonly<Record<string, DiscountRule>>;

/**
 * One percent code first, then fixed codes, capped at the subtotal.
 * [discount-codes#R-at-most-one-percent-code, discount-codes#R-the-percent-code-applies-first, discount-codes#R-the-discount-must-never-exceed, discount-codes#R-applydiscounts-returns-discount-money-applied, discount-codes#E-an-empty-list-of-codes, discount-codes#E-a-subtotal-of-0-gives, discount-codes#E-save10-matches-the-catalogue-entry, discount-codes#S-percent-then-fixed, discount-codes#S-capped-at-the-subtotal, discount-codes#S-two-percent-codes]
 */
export function applyDiscounts(subtotal: Money, codes: string[], catalogue: DiscountCatalogue): { discount: Money; applied: string[] } {
  const applied: string[] = [];
  let percent: DiscountRule | undefined;
  const fixed: Money[] = [];
  for (const raw of codes) {
    const code = raw.trim().toUpperCase();
    const rule = catalogue[code];
    if (!rule) throw new TallyError('UNKNOWN_CODE', `unknown discount code ${JSON.stringify(raw)}`);
    if (applied.includes(code)) throw new TallyError('DUPLICATE_CODE', `discount code ${code} was given twice`);
    if (rule.kind === 'percent') {
      if (percent) throw new TallyError('PERCENT_CODES_DO_NOT_STACK', `only one percent code is allowed; got ${code} as a second`);
      percent = rule;
    } else fixed.push(rule.amount);
    applied.push(code);
  }
  let discount = percent && percent.kind === 'percent' ? multiplyBasisPoints(subtotal, percent.basisPoints).minor : 0;
  for (const amount of fixed) discount += amount.minor;
  return { discount: money(Math.min(discount, Math.max(subtotal.minor, 0))), applied };
}
