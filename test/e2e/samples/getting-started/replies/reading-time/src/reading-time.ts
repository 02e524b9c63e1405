import { InputError } from './errors.js';

const WORDS_PER_MINUTE = 200;

/** Minutes a person needs to read `text`: its words divided by 200, rounded up. [reading-time#R-a-word-is-a-run, reading-time#R-the-reading-time-is-the, reading-time#E-a-text-that-is-empty, reading-time#S-given-a-text-of-450-words-when-its, reading-time#S-given-the-text-n-when-its-reading-time, reading-time#S-given-the-number-42-instead-of-a-text] */
export function readingTime(text: unknown): number {
  if (typeof text !== 'string') throw new InputError('NOT_A_STRING', 'expected the text to be a string');
  const words = text.split(/\s+/).filter((word) => word.length > 0).length;
  return Math.ceil(words / WORDS_PER_MINUTE);
}
