import { expect, it } from 'vitest';
import { lineNet, parseLineItems } from '../../src/line-items.js';

it('a free line is valid, and unknown fields never reach the result', () => {
  const [line] = parseLineItems([{ description: 'Sample', quantity: 3, unitPrice: 0, category: 'zero', discountHint: 'vip' }]);
  expect(lineNet(line!).minor).toBe(0);
  expect(Object.keys(line!).sort()).toEqual(['category', 'description', 'quantity', 'unitPrice']);
});
