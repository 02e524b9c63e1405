import { expect, it } from 'vitest';
import { invoice, InvoiceError } from './invoice.js';

it('adds tax to the subtotal', () => {
  expect(invoice([1000, 250], 2000)).toEqual({ subtotal: 1250, tax: 250, total: 1500 });
});

it('rounds a half cent of tax up', () => {
  expect(invoice([5], 1000)).toEqual({ subtotal: 5, tax: 1, total: 6 });
});

it('rejects a negative amount', () => {
  expect(() => invoice([100, -1], 2000)).toThrow(InvoiceError);
  try {
    invoice([100, -1], 2000);
  } catch (e) {
    expect((e as InvoiceError).code).toBe('INVALID_AMOUNT');
  }
});

it('rejects a tax rate out of range', () => {
  expect(() => invoice([1], 10001)).toThrow(expect.objectContaining({ code: 'INVALID_TAX' }));
});

it('makes an empty invoice of no amounts', () => {
  expect(invoice([], 2000)).toEqual({ subtotal: 0, tax: 0, total: 0 });
});
