import { describe, expect, it } from 'vitest';
import { parseClock, shiftMinutes, weekHours, type Shift } from './hours.js';
import { PayrollError } from './money.js';

const codeOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return error instanceof PayrollError ? error.code : error;
  }
  return 'no error';
};
const shift = (day: number, start: string, end: string, breakMinutes: number): Shift => ({ day, start, end, breakMinutes });

describe('hours', () => {
  it('[hours#S-a-long-day] [hours#R-a-shift-s-worked-minutes] a long day', () => {
    expect(weekHours([shift(1, '07:00', '19:00', 60)])).toEqual({ regularMinutes: 600, overtimeMinutes: 60 });
  });

  it('[hours#S-a-long-week] [hours#R-over-the-week-the-minutes] [hours#R-weekhours-shifts-returns-regularminutes] a long week', () => {
    const week = [1, 2, 3, 4, 5].map((day) => shift(day, '08:00', '17:30', 30));
    expect(weekHours([...week, shift(6, '09:00', '13:00', 0)])).toEqual({ regularMinutes: 2_400, overtimeMinutes: 540 });
  });

  it('[hours#S-a-malformed-time] [hours#R-parseclock-text-returns-minutes-since] a malformed time', () => {
    expect(codeOf(() => parseClock('24:00'))).toBe('INVALID_TIME');
    expect(codeOf(() => parseClock('7:30'))).toBe('INVALID_TIME');
    expect(parseClock('00:00')).toBe(0);
    expect(parseClock('23:59')).toBe(1_439);
  });

  it('[hours#E-a-night-shift-from-22] [hours#R-shiftminutes-shift-returns-the-minutes] a night shift crosses midnight', () => {
    expect(shiftMinutes(shift(5, '22:00', '06:00', 30))).toBe(450);
    expect(codeOf(() => shiftMinutes(shift(5, '22:00', '22:00', 0)))).toBe('EMPTY_SHIFT');
    expect(codeOf(() => shiftMinutes(shift(8, '08:00', '09:00', 0)))).toBe('INVALID_DAY');
    expect(codeOf(() => shiftMinutes(shift(1, '08:00', '09:00', 60)))).toBe('INVALID_BREAK');
  });

  it('[hours#E-an-empty-week-gives-0] an empty week', () => {
    expect(weekHours([])).toEqual({ regularMinutes: 0, overtimeMinutes: 0 });
  });
});
