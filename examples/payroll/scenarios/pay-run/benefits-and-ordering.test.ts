import { expect, it } from 'vitest';
import { cents } from '../../src/money.js';
import { payRun } from '../../src/pay-run.js';

const entry = (employeeId: string, department: string, [gross, pension, benefit, tax, net]: number[]) => ({
  employeeId,
  name: `Staff ${employeeId}`,
  department,
  pay: { gross: cents(gross!), pension: cents(pension!), benefit: cents(benefit!), shortfall: cents(0), tax: cents(tax!), net: cents(net!) },
});

it('benefits in the totals, and ids ordered as text', () => {
  const run = payRun('2026-12', [
    entry('E010', 'Sales', [60_000, 0, 2_000, 6_000, 52_000]),
    entry('E004', 'Admin', [40_000, 2_000, 0, 0, 38_000]),
    entry('E007', 'Sales', [55_000, 1_000, 1_500, 5_000, 47_500]),
  ]);
  expect(run.slips.map((s) => s.split('\n')[0])).toEqual(['Payslip 2026-12 for E004 Staff E004', 'Payslip 2026-12 for E007 Staff E007', 'Payslip 2026-12 for E010 Staff E010']);
  const { gross, pension, benefit, tax, net } = run.totals;
  expect([gross, pension, benefit, tax, net].map((m) => m.cents)).toEqual([155_000, 3_000, 3_500, 11_000, 137_500]);
  expect(run.byDepartment.map((d) => [d.department, d.employees, d.gross.cents, d.net.cents])).toEqual([['Admin', 1, 40_000, 38_000], ['Sales', 2, 115_000, 99_500]]);
  expect([run.period, run.employees]).toEqual(['2026-12', 3]);
});
