import { expect, it } from 'vitest';
import { invoice, InvoiceError } from './invoice.js';

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (e) {
    return e instanceof InvoiceError ? e.code : undefined;
  }
  return undefined;
};

it('[billing:invoice#S-tax-is-added-to-the-subtotal, billing:invoice#R-invoice-returns-subtotal-tax-total] adds tax to the subtotal', () => {
  expect(invoice([1000, 250], 2000)).toEqual({ subtotal: 1250, tax: 250, total: 1500 });
});

it('[billing:invoice#S-a-half-cent-of-tax-rounds-up] rounds a half cent of tax up', () => {
  expect(invoice([5], 1000)).toEqual({ subtotal: 5, tax: 1, total: 6 });
});

it('[billing:invoice#S-a-negative-amount, billing:invoice#R-invoice-must-throw-invoiceerror-with] rejects bad amounts and tax rates', () => {
  expect(codeOf(() => invoice([100, -1], 2000))).toBe('INVALID_AMOUNT');
  expect(codeOf(() => invoice([1.5], 2000))).toBe('INVALID_AMOUNT');
  expect(codeOf(() => invoice([1], 10001))).toBe('INVALID_TAX');
});

it('[billing:invoice#E-an-empty-list-of-amounts] makes an empty invoice of no amounts', () => {
  expect(invoice([], 2000)).toEqual({ subtotal: 0, tax: 0, total: 0 });
});
