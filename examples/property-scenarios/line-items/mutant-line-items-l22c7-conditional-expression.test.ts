import { expect, it } from 'vitest';
import { parseLineItems } from '../../src/line-items.js';

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return 'no error';
}

it('line items that are not a list are refused', () => {
  expect(codeOf(() => parseLineItems({ description: 'Widget', quantity: 1, unitPrice: 100, category: 'standard' }))).toBe('NOT_A_LIST');
  expect(codeOf(() => parseLineItems('Widget'))).toBe('NOT_A_LIST');
});
