import fc from 'fast-check';
import { expect, it } from 'vitest';
import { cents } from '../../src/money.js';
import { renderPayslip } from '../../src/payslip.js';

const amount = fc.integer({ min: 0, max: 1_000_000_000 });
const read = (text: string) => Number(text.trim().replace(/[,.]/g, ''));
const codeOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return 'no error';
};
const zero = { gross: cents(0), pension: cents(0), benefit: cents(0), shortfall: cents(0), tax: cents(0), net: cents(0) };

it('an employee can add the slip up', () => {
  fc.assert(fc.property(amount, amount, amount, amount, amount, (pension, benefit, shortfall, tax, net) => {
    const pay = { gross: cents(pension + benefit + tax + net), pension: cents(pension), benefit: cents(benefit), shortfall: cents(shortfall), tax: cents(tax), net: cents(net) };
    const [title, ...lines] = renderPayslip({ employeeId: 'E001', name: 'Ada' }, 'P1', pay).split('\n');
    expect(title).toBe('Payslip P1 for E001 Ada');
    for (const line of lines) expect(line).toMatch(/^[A-Za-z ]{16} {0,15}-?[\d,]+\.\d{2}$/);
    for (const line of lines) expect(line).toHaveLength(32);
    const figures = new Map(lines.map((line) => [line.slice(0, 16).trim(), read(line.slice(16))]));
    const labels = ['Gross pay', ...(pension > 0 ? ['Pension'] : []), ...(benefit > 0 ? ['Benefits'] : []), 'Income tax', 'Net pay', ...(shortfall > 0 ? ['Unpaid benefits'] : [])];
    expect([...figures.keys()]).toEqual(labels);
    expect(figures.get('Gross pay')! + (figures.get('Pension') ?? 0) + (figures.get('Benefits') ?? 0) + figures.get('Income tax')!).toBe(figures.get('Net pay'));
    if (shortfall > 0) expect(figures.get('Unpaid benefits')).toBe(shortfall);
  }));
  const badId = fc.string({ maxLength: 6 }).filter((id) => !/^[A-Z]\d{3}$/.test(id));
  fc.assert(fc.property(badId, (employeeId) => {
    expect(codeOf(() => renderPayslip({ employeeId, name: 'Ada' }, 'P1', zero))).toBe('INVALID_EMPLOYEE');
  }));
});
