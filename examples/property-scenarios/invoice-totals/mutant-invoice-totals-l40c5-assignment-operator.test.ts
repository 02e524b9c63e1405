import { expect, it } from 'vitest';
import { parseLineItems } from '../../src/line-items.js';
import { computeTotals } from '../../src/invoice-totals.js';
import { money } from '../../src/money.js';

it('a discount as large as the subtotal leaves no tax', () => {
  const line = { description: 'Widget', quantity: 1, unitPrice: 1_000, category: 'standard' };
  const totals = computeTotals(parseLineItems([line, line, line]), ['ALL'], { ALL: { kind: 'fixed', amount: money(3_000) } }, { standard: 2_000, reduced: 500, zero: 0 });
  expect(totals.discount.minor).toBe(3_000);
  expect(totals.tax.minor).toBe(0);
  expect(totals.taxByCategory.standard.minor).toBe(0);
  expect(totals.total.minor).toBe(0);
});
