import { invoice, type Invoice } from '../../billing/src/invoice.js';

export interface Line {
  sku: string;
  unitPrice: number;
  quantity: number;
}

export type Cart = readonly Line[];

export class CartError extends Error {
  constructor(
    readonly code: 'INVALID_QUANTITY',
    message: string,
  ) {
    super(message);
    this.name = 'CartError';
  }
}

export function addLine(cart: Cart, line: Line): Cart {
  if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) throw new CartError('INVALID_QUANTITY', `quantity ${line.quantity} is not a positive integer`);
  const at = cart.findIndex((l) => l.sku === line.sku);
  if (at < 0) return [...cart, { ...line }];
  return cart.map((l, i) => (i === at ? { ...l, quantity: l.quantity + line.quantity } : l));
}

export function checkout(cart: Cart, taxBasisPoints: number): Invoice {
  return invoice(
    cart.map((l) => l.unitPrice * l.quantity),
    taxBasisPoints,
  );
}
