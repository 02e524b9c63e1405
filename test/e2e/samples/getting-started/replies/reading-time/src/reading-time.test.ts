import { expect, it } from 'vitest';
import { InputError } from './errors.js';
import { readingTime } from './reading-time.js';

it('450 words take 3 minutes [reading-time#S-given-a-text-of-450-words-when-its, reading-time#R-a-word-is-a-run, reading-time#R-the-reading-time-is-the]', () => {
  expect(readingTime(Array(450).fill('word').join(' '))).toBe(3);
});

it('whitespace only takes 0 minutes [reading-time#S-given-the-text-n-when-its-reading-time, reading-time#E-a-text-that-is-empty]', () => {
  expect(readingTime('  \n ')).toBe(0);
});

it('a number instead of a text throws NOT_A_STRING [reading-time#S-given-the-number-42-instead-of-a-text]', () => {
  expect(() => readingTime(42)).toThrow(InputError);
  expect(() => readingTime(42)).toThrow(expect.objectContaining({ code: 'NOT_A_STRING' }));
});
