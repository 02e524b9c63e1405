/** One firm's pay run for one period: every payslip and the totals the accountant books. */
import { add, cents, PayrollError, sum, type Money } from './money.js';
import type { NetPay } from './net-pay.js';
import { renderPayslip } from './payslip.js';

/** One employee's pay in the run. */
export interface PayRunEntry {
  readonly employeeId: string;
  readonly name: string;
  readonly department: string;
  readonly pay: NetPay;
}

/** [pay-run#R-bydepartment-holds-for-each-department] */
export interface DepartmentTotal {
  readonly department: string;
  readonly employees: number;
  readonly gross: Money;
  readonly net: Money;
}

/** [pay-run#R-payrun-returns-period-employees-slips] */
export interface PayRun {
  readonly period: string;
  readonly employees: number;
  readonly slips: string[];
  readonly totals: { readonly gross: Money; readonly pension: Money; readonly benefit: Money; readonly tax: Money; readonly net: Money };
  readonly byDepartment: DepartmentTotal[];
}

/** Unique ids, named departments, and each entry's gross equal to its parts. [pay-run#S-a-duplicate-employee, pay-run#E-the-totals-satisfy-gross-pension] */
function checkEntries(entries: readonly PayRunEntry[]): void {
  const seen = new Set<string>();
  for (const { employeeId, department, pay } of entries) {
    if (seen.has(employeeId)) throw new PayrollError('DUPLICATE_EMPLOYEE', `${employeeId} appears twice`);
    seen.add(employeeId);
    if (department.trim().length === 0) throw new PayrollError('INVALID_DEPARTMENT', `${employeeId} has no department`);
    const parts = sum([pay.pension, pay.benefit, pay.tax, pay.net]);
    if (parts.cents !== pay.gross.cents) throw new PayrollError('UNBALANCED_PAY', `${employeeId}: gross ${pay.gross.cents} but parts ${parts.cents}`);
  }
}

/** [pay-run#R-bydepartment-holds-for-each-department] */
function departments(entries: readonly PayRunEntry[]): DepartmentTotal[] {
  const totals = new Map<string, DepartmentTotal>();
  for (const { department, pay } of entries) {
    const before = totals.get(department) ?? { department, employees: 0, gross: cents(0), net: cents(0) };
    totals.set(department, { department, employees: before.employees + 1, gross: add(before.gross, pay.gross), net: add(before.net, pay.net) });
  }
  return [...totals.values()].sort((a, b) => (a.department < b.department ? -1 : a.department > b.department ? 1 : 0));
}

/** Slips ordered by employee id, totals over every entry, and per department. [pay-run#R-slips-holds-each-entry-s, pay-run#R-totals-holds-the-sums-of, pay-run#R-bydepartment-holds-for-each-department, pay-run#R-payrun-returns-period-employees-slips, pay-run#E-a-run-with-no-entries, pay-run#S-two-departments] */
export function payRun(period: string, entries: readonly PayRunEntry[]): PayRun {
  checkEntries(entries);
  const ordered = [...entries].sort((a, b) => (a.employeeId < b.employeeId ? -1 : a.employeeId > b.employeeId ? 1 : 0));
  const total = (figure: 'gross' | 'pension' | 'benefit' | 'tax' | 'net') => sum(entries.map((e) => e.pay[figure]));
  return {
    period,
    employees: entries.length,
    slips: ordered.map((e) => renderPayslip({ employeeId: e.employeeId, name: e.name }, period, e.pay)),
    totals: { gross: total('gross'), pension: total('pension'), benefit: total('benefit'), tax: total('tax'), net: total('net') },
    byDepartment: departments(entries),
  };
}
