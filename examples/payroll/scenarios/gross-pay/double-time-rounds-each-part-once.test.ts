import { expect, it } from 'vitest';
import { grossPay } from '../../src/gross-pay.js';

it('double time rounds each part once', () => {
  const pay = grossPay({ regularMinutes: 125, overtimeMinutes: 45 }, { hourlyCents: 2_399, overtimeBp: 20_000 });
  expect([pay.regular.cents, pay.overtime.cents, pay.gross.cents]).toEqual([4_998, 3_599, 8_597]);
});
