import { expect, it } from 'vitest';
import { parseLineItems } from '../../src/line-items.js';
import { computeTotals } from '../../src/invoice-totals.js';

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return 'no error';
}

it('a tax rate above 100% is refused', () => {
  const lines = parseLineItems([{ description: 'Book', quantity: 1, unitPrice: 1_000, category: 'reduced' }]);
  expect(codeOf(() => computeTotals(lines, [], {}, { standard: 2_000, reduced: 20_000, zero: 0 }))).toBe('INVALID_RATE');
});
