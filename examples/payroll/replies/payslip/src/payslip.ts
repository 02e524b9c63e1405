/** The plain-text payslip of one employee for one pay period. */
import { formatMoney, PayrollError, cents, type Money } from './money.js';
import type { NetPay } from './net-pay.js';

/** [payslip#R-the-first-line-is-payslip] */
export interface Employee {
  readonly employeeId: string;
  readonly name: string;
}

const COLUMN = 16;

/** A label padded to 16 characters, then the amount right-aligned in 16. [payslip#R-each-figure-is-one-line, payslip#E-a-tax-of-0-is] */
function line(label: string, amount: Money): string {
  return label.padEnd(COLUMN) + formatMoney(amount).padStart(COLUMN);
}

/** [payslip#S-a-bad-employee-id] */
function checkInputs(employee: Employee, period: string): string {
  if (!/^[A-Z]\d{3}$/.test(employee.employeeId)) throw new PayrollError('INVALID_EMPLOYEE', `"${employee.employeeId}" is not a capital letter and three digits`);
  const name = employee.name.trim();
  if (name.length === 0 || name.length > 40) throw new PayrollError('INVALID_EMPLOYEE', `a name of ${name.length} characters`);
  if (period.length === 0) throw new PayrollError('INVALID_PERIOD', 'the period label is empty');
  return name;
}

/** Title, then one line per figure, deductions negative. [payslip#R-the-first-line-is-payslip, payslip#R-the-figure-lines-are-in, payslip#R-the-pension-and-benefits-lines, payslip#R-when-the-shortfall-is-above, payslip#R-lines-are-joined-with-n, payslip#E-a-name-with-surrounding-spaces, payslip#S-a-weekly-payslip, payslip#S-no-pension-and-a-shortfall] */
export function renderPayslip(employee: Employee, period: string, pay: NetPay): string {
  const name = checkInputs(employee, period);
  const lines = [`Payslip ${period} for ${employee.employeeId} ${name}`, line('Gross pay', pay.gross)];
  if (pay.pension.cents !== 0) lines.push(line('Pension', cents(-pay.pension.cents)));
  if (pay.benefit.cents !== 0) lines.push(line('Benefits', cents(-pay.benefit.cents)));
  lines.push(line('Income tax', cents(-pay.tax.cents)), line('Net pay', pay.net));
  if (pay.shortfall.cents > 0) lines.push(line('Unpaid benefits', pay.shortfall));
  return lines.join('\n');
}
