import fc from 'fast-check';
import { expect, it } from 'vitest';
import { lineNet, parseLineItems } from '../../src/line-items.js';

const line = fc.record({
  description: fc.string({ minLength: 1, maxLength: 200 }),
  quantity: fc.integer({ min: 1, max: 10_000 }),
  unitPrice: fc.integer({ min: 0, max: 1_000_000_000 }),
  category: fc.constantFrom('standard', 'reduced', 'zero'),
});
const codeOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return 'no error';
};

it('every valid line parses, in order, and its net is quantity × unit price', () => {
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), (raw) => {
      const parsed = parseLineItems(raw);
      expect(parsed.map((l) => ({ description: l.description, quantity: l.quantity, unitPrice: l.unitPrice.minor, category: l.category }))).toEqual(raw);
      for (const l of parsed) expect(lineNet(l).minor).toBe(l.quantity * l.unitPrice.minor);
    }),
  );
  const badQuantity = fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 10_001 }), fc.double({ min: 1, max: 10_000, noInteger: true }));
  fc.assert(
    fc.property(line, badQuantity, (ok, quantity) => {
      expect(codeOf(() => parseLineItems([{ ...ok, quantity }]))).toBe('INVALID_LINE');
    }),
  );
});
