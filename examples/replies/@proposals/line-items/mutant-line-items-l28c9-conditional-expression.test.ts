import fc from 'fast-check';
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

const line = (description: unknown) => ({ description, quantity: 1, unitPrice: 100, category: 'standard' });

it('a description longer than 200 characters or empty is refused', () => {
  expect(codeOf(() => parseLineItems([line('')]))).toBe('INVALID_LINE');
  expect(codeOf(() => parseLineItems([line(42)]))).toBe('INVALID_LINE');
  fc.assert(
    fc.property(fc.string({ minLength: 201, maxLength: 400 }), (description) => {
      expect(codeOf(() => parseLineItems([line(description)]))).toBe('INVALID_LINE');
    }),
  );
  fc.assert(
    fc.property(fc.string({ minLength: 1, maxLength: 200 }), (description) => {
      expect(parseLineItems([line(description)])[0]!.description).toBe(description);
    }),
  );
});
