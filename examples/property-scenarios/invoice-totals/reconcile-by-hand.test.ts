import { expect, it } from 'vitest';
import { parseLineItems } from '../../src/line-items.js';
import { computeTotals } from '../../src/invoice-totals.js';

it('an accountant can reconcile the printed figures', () => {
  const line = { description: 'Widget', quantity: 1, unitPrice: 333, category: 'standard' };
  const totals = computeTotals(parseLineItems([line, line, line]), ['SAVE10'], { SAVE10: { kind: 'percent', basisPoints: 1_000 } }, { standard: 2_000, reduced: 500, zero: 0 });
  expect(totals.subtotal.minor - totals.discount.minor + totals.tax.minor).toBe(totals.total.minor);
  const byCategory = Object.values(totals.taxByCategory).reduce((sum, m) => sum + m.minor, 0);
  expect(byCategory).toBe(totals.tax.minor);
});
