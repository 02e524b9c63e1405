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

it('a negative tax rate is refused', () => {
  const lines = parseLineItems([{ description: 'Widget', quantity: 1, unitPrice: 1_000, category: 'standard' }]);
  expect(codeOf(() => computeTotals(lines, [], {}, { standard: -500, reduced: 500, zero: 0 }))).toBe('INVALID_RATE');
});
