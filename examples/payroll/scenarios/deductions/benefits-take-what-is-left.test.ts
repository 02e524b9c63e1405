import { expect, it } from 'vitest';
import { deductions } from '../../src/deductions.js';
import { cents } from '../../src/money.js';

it('benefits take what the pension leaves', () => {
  const d = deductions({ regular: cents(123_457), overtime: cents(0), gross: cents(123_457) }, { pensionBp: 333, pensionCapCents: 5_000, benefitCents: 120_000 });
  expect([d.gross.cents, d.pension.cents, d.benefit.cents, d.shortfall.cents, d.taxable.cents]).toEqual([123_457, 4_111, 119_346, 654, 0]);
});
