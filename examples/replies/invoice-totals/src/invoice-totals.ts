/** The figures at the bottom of an invoice: subtotal, discount, tax per category, total. */
import { add, money, roundHalfEven, subtract, TallyError, type Money } from './money.js';
import { lineNet, type LineItem, type TaxCategory } from './line-items.js';
import { applyDiscounts, type DiscountCatalogue } from './discount-codes.js';

export type TaxRates = Partial<Record<TaxCategory, number>>;

export interface InvoiceTotals {
  subtotal: Money;
  discount: Money;
  taxByCategory: Record<TaxCategory, Money>;
  tax: Money;
  total: Money;
}

const CATEGORIES: readonly TaxCategory[] = ['standard', 'reduced', 'zero'];

/**
 * Subtotal, discount spread over the lines, tax per line summed per category, and the total.
 * [invoice-totals#R-subtotal-is-the-sum-of, invoice-totals#R-the-discount-from-applydiscounts-is, invoice-totals#R-tax-is-computed-per-line, invoice-totals#R-total-equals-subtotal-discount-tax, invoice-totals#R-the-result-is-subtotal-discount, invoice-totals#E-a-category-with-no-lines, invoice-totals#E-when-the-discount-equals-the, invoice-totals#S-two-categories-no-discount, invoice-totals#S-discount-spread-before-tax, invoice-totals#S-missing-rate]
 */
export function computeTotals(lines: LineItem[], codes: string[], catalogue: DiscountCatalogue, rates: TaxRates): InvoiceTotals {
  for (const line of lines) {
    const rate = rates[line.category];
    if (rate === undefined || !Number.isInteger(rate) || rate < 0 || rate > 10_000) {
      throw new TallyError('INVALID_RATE', `tax rate for ${line.category} must be an integer from 0 to 10,000 basis points`);
    }
  }
  const nets = lines.map(lineNet);
  const subtotal = nets.reduce(add, money(0));
  const { discount } = applyDiscounts(subtotal, codes, catalogue);

  // Spread the discount in proportion to each line's net; the last line takes the remainder.
  const shares: number[] = [];
  let given = 0;
  nets.forEach((net, i) => {
    const share = i === nets.length - 1 || subtotal.minor === 0 ? discount.minor - given : roundHalfEven(net.minor * discount.minor, subtotal.minor);
    shares.push(share);
    given += share;
  });

  const taxByCategory = Object.fromEntries(CATEGORIES.map((c) => [c, money(0)])) as Record<TaxCategory, Money>;
  lines.forEach((line, i) => {
    const taxable = nets[i]!.minor - shares[i]!;
    const lineTax = roundHalfEven(taxable * rates[line.category]!, 10_000);
    taxByCategory[line.category] = add(taxByCategory[line.category], money(lineTax));
  });
  const tax = CATEGORIES.map((c) => taxByCategory[c]).reduce(add, money(0));
  return { subtotal, discount, taxByCategory, tax, total: add(subtract(subtotal, discount), tax) };
}
