/** A week of shifts as regular and overtime minutes. */
import { PayrollError } from './money.js';

/** One shift: day 1 (Monday) to 7 (Sunday), start and end as HH:MM, an unpaid break in minutes. */
export interface Shift {
  readonly day: number;
  readonly start: string;
  readonly end: string;
  readonly breakMinutes: number;
}

/** [hours#R-weekhours-shifts-returns-regularminutes] */
export interface WeekHours {
  readonly regularMinutes: number;
  readonly overtimeMinutes: number;
}

const DAILY_LIMIT = 600;
const WEEKLY_LIMIT = 2_400;
const MINUTES_PER_DAY = 1_440;

/** Minutes since midnight of an HH:MM time. [hours#R-parseclock-text-returns-minutes-since, hours#S-a-malformed-time] */
export function parseClock(text: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (match === null) throw new PayrollError('INVALID_TIME', `"${text}" is not a time of day as HH:MM`);
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) throw new PayrollError('INVALID_TIME', `"${text}" is not a time of day`);
  return hours * 60 + minutes;
}

/** Worked minutes of a shift: end less start (past midnight if earlier) less the break. [hours#R-shiftminutes-shift-returns-the-minutes, hours#E-a-night-shift-from-22] */
export function shiftMinutes(shift: Shift): number {
  if (!Number.isInteger(shift.day) || shift.day < 1 || shift.day > 7) {
    throw new PayrollError('INVALID_DAY', `day ${String(shift.day)} is not from 1 to 7`);
  }
  const start = parseClock(shift.start);
  const end = parseClock(shift.end);
  if (start === end) throw new PayrollError('EMPTY_SHIFT', `the shift starts and ends at ${shift.start}`);
  const length = end > start ? end - start : end + MINUTES_PER_DAY - start;
  if (!Number.isInteger(shift.breakMinutes) || shift.breakMinutes < 0 || shift.breakMinutes >= length) {
    throw new PayrollError('INVALID_BREAK', `a break of ${String(shift.breakMinutes)} minutes in a shift of ${length}`);
  }
  return length - shift.breakMinutes;
}

/** Daily overtime beyond 600 minutes a shift, then weekly overtime beyond 2,400 regular minutes, in shift order. [hours#R-a-shift-s-worked-minutes, hours#R-over-the-week-the-minutes, hours#R-weekhours-shifts-returns-regularminutes, hours#E-an-empty-week-gives-0, hours#S-a-long-day, hours#S-a-long-week] */
export function weekHours(shifts: readonly Shift[]): WeekHours {
  let regularMinutes = 0;
  let overtimeMinutes = 0;
  for (const shift of shifts) {
    const worked = shiftMinutes(shift);
    const daily = Math.min(worked, DAILY_LIMIT);
    overtimeMinutes += worked - daily;
    const regular = Math.min(daily, WEEKLY_LIMIT - regularMinutes);
    regularMinutes += regular;
    overtimeMinutes += daily - regular;
  }
  return { regularMinutes, overtimeMinutes };
}
