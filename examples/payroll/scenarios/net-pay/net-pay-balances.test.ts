import fc from 'fast-check';
import { expect, it } from 'vitest';
import { cents } from '../../src/money.js';
import { netPay } from '../../src/net-pay.js';

const small = fc.integer({ min: 0, max: 100_000 });
const plan = fc.record({ pensionBp: fc.integer({ min: 0, max: 2_000 }), pensionCapCents: small, benefitCents: small });
const periods = fc.constantFrom(12, 26, 52);
const pay = (g: number) => ({ regular: cents(g), overtime: cents(0), gross: cents(g) });
const codeOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return 'no error';
};

it('the payslip balances, and the tax is the year\'s tax shared out', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), plan, fc.integer({ min: 0, max: 10_000 }), periods, (g, p, rateBp, n) => {
    const result = netPay(pay(g), p, [{ upTo: null, rateBp }], n);
    const taxable = g - result.pension.cents - result.benefit.cents;
    expect(result.gross.cents).toBe(g);
    expect(result.pension.cents + result.benefit.cents + result.tax.cents + result.net.cents).toBe(g);
    expect(result.tax.cents).toBeGreaterThanOrEqual(0);
    expect(result.tax.cents).toBeLessThanOrEqual(taxable);
    // Exact tax per period is taxable × rate / 10,000; two half-up roundings move it by at most one cent.
    expect(Math.abs(result.tax.cents * 10_000 - taxable * rateBp)).toBeLessThan(10_000);
  }));
  const notPeriods = fc.integer({ min: -5, max: 400 }).filter((n) => n !== 12 && n !== 26 && n !== 52);
  fc.assert(fc.property(notPeriods, (n) => {
    expect(codeOf(() => netPay(pay(100_000), { pensionBp: 0, pensionCapCents: 0, benefitCents: 0 }, [{ upTo: null, rateBp: 1_000 }], n))).toBe('INVALID_PERIODS');
  }));
});
