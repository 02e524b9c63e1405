import fc from 'fast-check';
import { expect, it } from 'vitest';
import { cents } from '../../src/money.js';
import { payRun } from '../../src/pay-run.js';

const figure = fc.integer({ min: 0, max: 10_000_000 });
const id = fc.tuple(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), fc.integer({ min: 0, max: 999 })).map(([letter, n]) => `${letter}${String(n).padStart(3, '0')}`);
const entry = fc.record({ department: fc.constantFrom('Admin', 'Sales', 'Works'), parts: fc.tuple(figure, figure, figure, figure) });
const entries = fc.uniqueArray(id, { maxLength: 8 }).chain((ids) => fc.tuple(...ids.map(() => entry)).map((rest) => rest.map(({ department, parts: [pension, benefit, tax, net] }, i) => ({
  employeeId: ids[i]!,
  name: `Staff ${ids[i]!}`,
  department,
  pay: { gross: cents(pension + benefit + tax + net), pension: cents(pension), benefit: cents(benefit), shortfall: cents(0), tax: cents(tax), net: cents(net) },
}))));
const codeOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return 'no error';
};
const total = (list: { pay: Record<string, { cents: number }> }[], key: string) => list.reduce((a, e) => a + e.pay[key]!.cents, 0);

it('the totals reconcile with the entries and the departments', () => {
  fc.assert(fc.property(entries, (list) => {
    const run = payRun('P1', list);
    expect(run.employees).toBe(list.length);
    const ids = list.map((e) => e.employeeId).sort();
    expect(run.slips.map((s) => s.split('\n')[0]!.split(' ')[3])).toEqual(ids);
    for (const key of ['gross', 'pension', 'benefit', 'tax', 'net'] as const) expect(run.totals[key].cents).toBe(total(list, key));
    const names = [...new Set(list.map((e) => e.department))].sort();
    expect(run.byDepartment.map((d) => d.department)).toEqual(names);
    for (const d of run.byDepartment) {
      const mine = list.filter((e) => e.department === d.department);
      expect([d.employees, d.gross.cents, d.net.cents]).toEqual([mine.length, total(mine, 'gross'), total(mine, 'net')]);
    }
  }));
  fc.assert(fc.property(entries.filter((l) => l.length > 0), fc.integer({ min: 1, max: 1_000 }), (list, off) => {
    const [first, ...rest] = list;
    const broken = { ...first!, pay: { ...first!.pay, gross: cents(first!.pay.gross.cents + off) } };
    expect(codeOf(() => payRun('P1', [...rest, broken]))).toBe('UNBALANCED_PAY');
  }));
});
