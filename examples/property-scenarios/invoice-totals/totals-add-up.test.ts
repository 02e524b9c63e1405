import fc from 'fast-check';
import { expect, it } from 'vitest';
import { money } from '../../src/money.js';
import { parseLineItems } from '../../src/line-items.js';
import { computeTotals } from '../../src/invoice-totals.js';

const line = fc.record({
  description: fc.constant('item'),
  quantity: fc.integer({ min: 1, max: 100 }),
  unitPrice: fc.integer({ min: 0, max: 1_000_000 }),
  category: fc.constantFrom('standard', 'reduced', 'zero'),
});
const rate = fc.integer({ min: 0, max: 10_000 });

it('totals add up', () => {
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 10 }), fc.integer({ min: 0, max: 10_000_000 }), rate, rate, (raw, off, standard, reduced) => {
      const totals = computeTotals(parseLineItems(raw), ['OFF'], { OFF: { kind: 'fixed', amount: money(off) } }, { standard, reduced, zero: 0 });
      const subtotal = raw.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);
      expect(totals.subtotal.minor).toBe(subtotal);
      expect(totals.discount.minor).toBe(Math.min(off, subtotal));
      const byCategory = totals.taxByCategory;
      expect(Object.keys(byCategory).sort()).toEqual(['reduced', 'standard', 'zero']);
      expect(totals.tax.minor).toBe(byCategory.standard.minor + byCategory.reduced.minor + byCategory.zero.minor);
      expect(totals.total.minor).toBe(totals.subtotal.minor - totals.discount.minor + totals.tax.minor);
      for (const category of ['standard', 'reduced', 'zero'] as const) if (!raw.some((l) => l.category === category)) expect(byCategory[category].minor).toBe(0);
    }),
  );
});
