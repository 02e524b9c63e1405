import { expect, it } from 'vitest';
import { weekHours } from '../../src/hours.js';

it('a night shift past the daily limit, then a week past the weekly limit', () => {
  const days = [2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '19:00', breakMinutes: 0 }));
  expect(weekHours([{ day: 1, start: '22:00', end: '08:30', breakMinutes: 0 }, ...days])).toEqual({ regularMinutes: 2_400, overtimeMinutes: 630 });
});
