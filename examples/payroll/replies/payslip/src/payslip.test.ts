import { describe, expect, it } from 'vitest';
import { cents, PayrollError } from './money.js';
import type { NetPay } from './net-pay.js';
import { renderPayslip } from './payslip.js';

const codeOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return error instanceof PayrollError ? error.code : error;
  }
  return 'no error';
};
const netPay = (gross: number, pension: number, benefit: number, shortfall: number, tax: number, net: number): NetPay => ({
  gross: cents(gross), pension: cents(pension), benefit: cents(benefit), shortfall: cents(shortfall), tax: cents(tax), net: cents(net),
});
const ada = { employeeId: 'E042', name: 'Ada Lovelace' };

describe('payslip', () => {
  it('[payslip#S-a-weekly-payslip] [payslip#R-the-first-line-is-payslip] [payslip#R-each-figure-is-one-line] [payslip#R-the-figure-lines-are-in] [payslip#R-lines-are-joined-with-n] a weekly payslip', () => {
    expect(renderPayslip(ada, '2026-W49', netPay(78_163, 3_908, 2_500, 0, 10_505, 61_250))).toBe([
      'Payslip 2026-W49 for E042 Ada Lovelace',
      'Gross pay                 781.63',
      'Pension                   -39.08',
      'Benefits                  -25.00',
      'Income tax               -105.05',
      'Net pay                   612.50',
    ].join('\n'));
  });

  it('[payslip#S-no-pension-and-a-shortfall] [payslip#R-the-pension-and-benefits-lines] [payslip#R-when-the-shortfall-is-above] [payslip#E-a-tax-of-0-is] no pension and a shortfall', () => {
    const lines = renderPayslip(ada, '2026-W49', netPay(2_000, 0, 1_900, 600, 0, 100)).split('\n');
    expect(lines.some((l) => l.startsWith('Pension'))).toBe(false);
    expect(lines[3]).toBe('Income tax                  0.00');
    expect(lines.at(-1)).toBe('Unpaid benefits             6.00');
  });

  it('[payslip#S-a-bad-employee-id] [payslip#E-a-name-with-surrounding-spaces] a bad employee id, a trimmed name', () => {
    expect(codeOf(() => renderPayslip({ employeeId: '42', name: 'Ada' }, '2026-W49', netPay(0, 0, 0, 0, 0, 0)))).toBe('INVALID_EMPLOYEE');
    expect(codeOf(() => renderPayslip({ employeeId: 'E042', name: '   ' }, '2026-W49', netPay(0, 0, 0, 0, 0, 0)))).toBe('INVALID_EMPLOYEE');
    expect(codeOf(() => renderPayslip(ada, '', netPay(0, 0, 0, 0, 0, 0)))).toBe('INVALID_PERIOD');
    expect(renderPayslip({ employeeId: 'E042', name: '  Ada  ' }, 'May', netPay(0, 0, 0, 0, 0, 0)).split('\n')[0]).toBe('Payslip May for E042 Ada');
  });
});
