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

it('an invoice with no lines is refused', () => {
  expect(codeOf(() => parseLineItems([]))).toBe('EMPTY_INVOICE');
});
