import { expect, it } from 'vitest';
import { InputError } from './errors.js';
import { readingTime } from './reading-time.js';

it('450 words take 3 minutes', () => {
  expect(readingTime(Array(450).fill('word').join(' '))).toBe(3);
});

it('whitespace only takes 0 minutes', () => {
  expect(readingTime('  \n ')).toBe(0);
});

it('a number instead of a text throws NOT_A_STRING', () => {
  expect(() => readingTime(42)).toThrow(InputError);
  expect(() => readingTime(42)).toThrow(expect.objectContaining({ code: 'NOT_A_STRING' }));
});
