import { expect, it } from 'vitest';
import { cents } from '../../src/money.js';
import { renderPayslip } from '../../src/payslip.js';

it('thousands, no deductions, and a trimmed name', () => {
  const pay = { gross: cents(1_234_567), pension: cents(0), benefit: cents(0), shortfall: cents(0), tax: cents(234_567), net: cents(1_000_000) };
  expect(renderPayslip({ employeeId: 'Z999', name: '  Grace Hopper ' }, '2026-12', pay)).toBe(
    'Payslip 2026-12 for Z999 Grace Hopper\nGross pay              12,345.67\nIncome tax             -2,345.67\nNet pay                10,000.00',
  );
});
