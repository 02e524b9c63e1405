import { expect, it } from 'vitest';
import { addLine, checkout, CartError, type Cart } from './cart.js';

it('[shop:cart#S-lines-with-the-same-sku-merge, shop:cart#R-addline-returns-a-new-cart] merges lines with the same sku', () => {
  const empty: Cart = [];
  const cart = addLine(addLine(empty, { sku: 'pen', unitPrice: 150, quantity: 2 }), { sku: 'pen', unitPrice: 150, quantity: 1 });
  expect(cart).toEqual([{ sku: 'pen', unitPrice: 150, quantity: 3 }]);
  expect(empty).toEqual([]);
});

it("[shop:cart#S-checkout-makes-the-invoice, shop:cart#R-checkout-returns-the-invoice-of] checks out into billing's invoice", () => {
  const cart: Cart = [
    { sku: 'pen', unitPrice: 150, quantity: 2 },
    { sku: 'pad', unitPrice: 400, quantity: 1 },
  ];
  expect(checkout(cart, 2000)).toEqual({ subtotal: 700, tax: 140, total: 840 });
});

it('[shop:cart#S-a-zero-quantity, shop:cart#R-addline-must-throw-carterror-with] rejects a zero quantity', () => {
  expect(() => addLine([], { sku: 'pen', unitPrice: 150, quantity: 0 })).toThrow(CartError);
});

it('[shop:cart#E-checking-out-an-empty-cart] checks out an empty cart to a total of 0', () => {
  expect(checkout([], 2000).total).toBe(0);
});
