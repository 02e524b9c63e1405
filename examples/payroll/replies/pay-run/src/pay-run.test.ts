import { describe, expect, it } from 'vitest';
import { cents, PayrollError } from './money.js';
import { payRun, type PayRunEntry } from './pay-run.js';

const codeOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return error instanceof PayrollError ? error.code : error;
  }
  return 'no error';
};
const entry = (employeeId: string, department: string, gross: number, pension: number, tax: number, net: number): PayRunEntry => ({
  employeeId,
  name: `Employee ${employeeId}`,
  department,
  pay: { gross: cents(gross), pension: cents(pension), benefit: cents(0), shortfall: cents(0), tax: cents(tax), net: cents(net) },
});
const entries = [entry('E002', 'Workshop', 50_000, 0, 5_000, 45_000), entry('E001', 'Office', 80_000, 4_000, 8_000, 68_000), entry('E003', 'Workshop', 30_000, 0, 0, 30_000)];

describe('pay run', () => {
  it('[pay-run#S-two-departments] [pay-run#R-slips-holds-each-entry-s] [pay-run#R-totals-holds-the-sums-of] [pay-run#R-bydepartment-holds-for-each-department] [pay-run#R-payrun-returns-period-employees-slips] two departments', () => {
    const run = payRun('2026-11', entries);
    expect(run.period).toBe('2026-11');
    expect(run.employees).toBe(3);
    expect(run.slips.map((s) => s.split('\n')[0])).toEqual(['Payslip 2026-11 for E001 Employee E001', 'Payslip 2026-11 for E002 Employee E002', 'Payslip 2026-11 for E003 Employee E003']);
    expect(Object.values(run.totals).map((m) => m.cents)).toEqual([160_000, 4_000, 0, 13_000, 143_000]);
    expect(run.byDepartment.map((d) => [d.department, d.employees, d.gross.cents, d.net.cents])).toEqual([['Office', 1, 80_000, 68_000], ['Workshop', 2, 80_000, 75_000]]);
  });

  it('[pay-run#S-a-duplicate-employee] a duplicate employee', () => {
    expect(codeOf(() => payRun('2026-11', [entries[1]!, entries[1]!]))).toBe('DUPLICATE_EMPLOYEE');
    expect(codeOf(() => payRun('2026-11', [entry('E001', ' ', 1, 0, 0, 1)]))).toBe('INVALID_DEPARTMENT');
    expect(codeOf(() => payRun('2026-11', [entry('E001', 'Office', 100, 0, 0, 99)]))).toBe('UNBALANCED_PAY');
  });

  it('[pay-run#E-a-run-with-no-entries] [pay-run#E-the-totals-satisfy-gross-pension] an empty run, and totals that balance', () => {
    const empty = payRun('2026-11', []);
    expect([empty.slips, empty.byDepartment, Object.values(empty.totals).map((m) => m.cents)]).toEqual([[], [], [0, 0, 0, 0, 0]]);
    const { totals } = payRun('2026-11', entries);
    expect(totals.pension.cents + totals.benefit.cents + totals.tax.cents + totals.net.cents).toBe(totals.gross.cents);
  });
});
