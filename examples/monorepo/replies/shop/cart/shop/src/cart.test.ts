import { expect, it } from 'vitest';
import { addLine, checkout, CartError, type Cart } from './cart.js';

it('merges lines with the same sku', () => {
  const cart = addLine(addLine([], { sku: 'pen', unitPrice: 150, quantity: 2 }), { sku: 'pen', unitPrice: 150, quantity: 1 });
  expect(cart).toEqual([{ sku: 'pen', unitPrice: 150, quantity: 3 }]);
});

it('checks out into billing\'s invoice', () => {
  const cart: Cart = [
    { sku: 'pen', unitPrice: 150, quantity: 2 },
    { sku: 'pad', unitPrice: 400, quantity: 1 },
  ];
  expect(checkout(cart, 2000)).toEqual({ subtotal: 700, tax: 140, total: 840 });
});

it('rejects a zero quantity', () => {
  expect(() => addLine([], { sku: 'pen', unitPrice: 150, quantity: 0 })).toThrow(CartError);
});

it('checks out an empty cart to a total of 0', () => {
  expect(checkout([], 2000).total).toBe(0);
});
