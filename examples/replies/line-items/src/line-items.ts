/** Line items as the billing service sends them: validated, with each line's net amount. */
import { money, TallyError, type Money } from './money.js';

export type TaxCategory = 'standard' | 'reduced' | 'zero';

export interface LineItem {
  readonly description: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  readonly category: TaxCategory;
}

const CATEGORIES: readonly TaxCategory[] = ['standard', 'reduced', 'zero'];

function invalid(index: number, field: string, expected: string): never {
  throw new TallyError('INVALID_LINE', `line ${index}: ${field} must be ${expected}`);
}

/** Validates raw line items and returns them in input order. [line-items#R-parselineitems-returns-the-lines-in, line-items#R-parselineitems-must-ignore-unknown-extra, line-items#E-a-description-of-exactly-200, line-items#E-a-quantity-of-0-a, line-items#E-a-unit-price-of-0, line-items#S-an-invalid-quantity-names-the-line] */
export function parseLineItems(raw: unknown): LineItem[] {
  if (!Array.isArray(raw)) throw new TallyError('NOT_A_LIST', 'line items must be an array');
  if (raw.length === 0) throw new TallyError('EMPTY_INVOICE', 'an invoice needs at least one line item');
  return raw.map((value: unknown, index) => {
    if (typeof value !== 'object' || value === null) invalid(index, 'line', 'an object');
    const line = value as Record<string, unknown>;
    const { description, quantity, unitPrice, category } = line;
    if (typeof description !== 'string' || description.length === 0 || description.length > 200) {
      invalid(index, 'description', 'a non-empty string of at most 200 characters');
    }
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > 10_000) {
      invalid(index, 'quantity', 'an integer from 1 to 10,000');
    }
    if (typeof unitPrice !== 'number' || !Number.isSafeInteger(unitPrice) || unitPrice < 0) {
      invalid(index, 'unitPrice', 'a safe integer of minor units, zero or more');
    }
    if (typeof category !== 'string' || !CATEGORIES.includes(category as TaxCategory)) {
      invalid(index, 'category', 'one of standard, reduced, zero');
    }
    return { description, quantity, unitPrice: money(unitPrice), category: category as TaxCategory };
  });
}

/** quantity × unitPrice, refusing a result past a safe integer. [line-items#R-linenet-line-returns-quantity-unitprice, line-items#S-one-valid-line] */
export function lineNet(line: LineItem): Money {
  const net = line.quantity * line.unitPrice.minor;
  if (!Number.isSafeInteger(net)) throw new TallyError('OVERFLOW', `line net ${line.quantity} × ${line.unitPrice.minor} overflows`);
  return money(net);
}
