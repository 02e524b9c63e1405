import { expect, it } from 'vitest';
import { invoice } from '../../src/invoice.js';

it('invoices many lines with rounded tax', () => {
  expect(invoice([333, 333, 333], 1500)).toEqual({ subtotal: 999, tax: 150, total: 1149 });
});
