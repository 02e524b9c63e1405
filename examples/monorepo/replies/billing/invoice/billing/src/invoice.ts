export interface Invoice {
  subtotal: number;
  tax: number;
  total: number;
}

export type InvoiceErrorCode = 'INVALID_AMOUNT' | 'INVALID_TAX';

export class InvoiceError extends Error {
  constructor(
    readonly code: InvoiceErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'InvoiceError';
  }
}

export function invoice(amounts: readonly number[], taxBasisPoints: number): Invoice {
  for (const amount of amounts) {
    if (!Number.isSafeInteger(amount) || amount < 0) throw new InvoiceError('INVALID_AMOUNT', `amount ${amount} is not a non-negative integer`);
  }
  if (!Number.isSafeInteger(taxBasisPoints) || taxBasisPoints < 0 || taxBasisPoints > 10000) {
    throw new InvoiceError('INVALID_TAX', `tax rate ${taxBasisPoints} is not an integer from 0 to 10000`);
  }
  const subtotal = amounts.reduce((sum, a) => sum + a, 0);
  // Half up: add half the divisor before the integer division.
  const tax = Math.floor((subtotal * taxBasisPoints + 5000) / 10000);
  return { subtotal, tax, total: subtotal + tax };
}
