import { describe, expect, it } from 'vitest';
import { grossPay } from './gross-pay.js';
import { PayrollError } from './money.js';

const codeOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return error instanceof PayrollError ? error.code : error;
  }
  return 'no error';
};
const amounts = (pay: ReturnType<typeof grossPay>) => [pay.regular.cents, pay.overtime.cents, pay.gross.cents];

describe('gross pay', () => {
  it('[gross-pay#S-regular-and-overtime-minutes] [gross-pay#R-regular-pay-is-regularminutes-hourlycents] [gross-pay#R-overtime-pay-is-overtimeminutes-hourlycents] [gross-pay#R-gross-pay-is-regular-pay] [gross-pay#R-grosspay-returns-regular-overtime-gross] regular and overtime minutes', () => {
    expect(amounts(grossPay({ regularMinutes: 2_400, overtimeMinutes: 90 }, { hourlyCents: 1_850, overtimeBp: 15_000 }))).toEqual([74_000, 4_163, 78_163]);
  });

  it('[gross-pay#S-a-part-hour] a part hour', () => {
    expect(grossPay({ regularMinutes: 50, overtimeMinutes: 0 }, { hourlyCents: 1_001, overtimeBp: 15_000 }).regular.cents).toBe(834);
  });

  it('[gross-pay#S-a-zero-rate] a zero rate', () => {
    expect(codeOf(() => grossPay({ regularMinutes: 60, overtimeMinutes: 0 }, { hourlyCents: 0, overtimeBp: 15_000 }))).toBe('INVALID_RATE');
    expect(codeOf(() => grossPay({ regularMinutes: 60, overtimeMinutes: 0 }, { hourlyCents: 100, overtimeBp: 9_999 }))).toBe('INVALID_RATE');
    expect(codeOf(() => grossPay({ regularMinutes: -1, overtimeMinutes: 0 }, { hourlyCents: 100, overtimeBp: 15_000 }))).toBe('INVALID_MINUTES');
  });

  it('[gross-pay#E-a-week-of-0-minutes] [gross-pay#E-an-overtimebp-of-10-000] edges', () => {
    expect(amounts(grossPay({ regularMinutes: 0, overtimeMinutes: 0 }, { hourlyCents: 1_850, overtimeBp: 15_000 }))).toEqual([0, 0, 0]);
    expect(amounts(grossPay({ regularMinutes: 60, overtimeMinutes: 60 }, { hourlyCents: 1_200, overtimeBp: 10_000 }))).toEqual([1_200, 1_200, 2_400]);
  });
});
