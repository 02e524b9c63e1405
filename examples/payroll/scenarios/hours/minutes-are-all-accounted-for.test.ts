import fc from 'fast-check';
import { expect, it } from 'vitest';
import { parseClock, shiftMinutes, weekHours } from '../../src/hours.js';

const codeOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return 'no error';
};
const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const shift = fc
  .record({ day: fc.integer({ min: 1, max: 7 }), start: fc.integer({ min: 0, max: 1_439 }), length: fc.integer({ min: 1, max: 1_439 }), breakShare: fc.double({ min: 0, max: 0.99, noNaN: true }) })
  .map(({ day, start, length, breakShare }) => ({ day, start: clock(start), end: clock((start + length) % 1_440), breakMinutes: Math.floor(length * breakShare) }));

it('every worked minute is paid once, and no more than 40 hours as regular', () => {
  fc.assert(fc.property(fc.array(shift, { maxLength: 7 }), (shifts) => {
    const worked = shifts.map((s) => shiftMinutes(s));
    const { regularMinutes, overtimeMinutes } = weekHours(shifts);
    expect(regularMinutes + overtimeMinutes).toBe(worked.reduce((a, b) => a + b, 0));
    expect(regularMinutes).toBe(Math.min(2_400, worked.reduce((a, w) => a + Math.min(w, 600), 0)));
  }));
  fc.assert(fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (hour, minute) => {
    expect(parseClock(clock(hour * 60 + minute))).toBe(hour * 60 + minute);
  }));
  const two = (n: number) => String(n).padStart(2, '0');
  const badTime = fc.oneof(
    fc.tuple(fc.integer({ min: 24, max: 99 }), fc.integer({ min: 0, max: 59 })),
    fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 60, max: 99 })),
  );
  fc.assert(fc.property(badTime, ([hour, minute]) => {
    expect(codeOf(() => parseClock(`${two(hour)}:${two(minute)}`))).toBe('INVALID_TIME');
  }));
});
