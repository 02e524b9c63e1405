import { expect, it } from 'vitest';
import { parseLineItems } from '../../src/line-items.js';
import { computeTotals } from '../../src/invoice-totals.js';
import { money } from '../../src/money.js';

it('free lines with a discount code cost nothing', () => {
  const free = { description: 'Sample', quantity: 2, unitPrice: 0, category: 'standard' };
  const totals = computeTotals(parseLineItems([free, free]), ['FIVER'], { FIVER: { kind: 'fixed', amount: money(500) } }, { standard: 2_000, reduced: 500, zero: 0 });
  expect([totals.subtotal.minor, totals.discount.minor, totals.tax.minor, totals.total.minor]).toEqual([0, 0, 0, 0]);
});
