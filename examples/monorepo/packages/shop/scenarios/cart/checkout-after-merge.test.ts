import { expect, it } from 'vitest';
import { addLine, checkout } from '../../src/cart.js';

it('checks out a merged line through billing', () => {
  const cart = addLine(addLine([], { sku: 'ink', unitPrice: 99, quantity: 1 }), { sku: 'ink', unitPrice: 99, quantity: 4 });
  expect(checkout(cart, 2000)).toEqual({ subtotal: 495, tax: 99, total: 594 });
});
