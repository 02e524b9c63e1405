import { expect, it } from 'vitest';
import { slugify } from './slugify.js';

it('a title becomes a slug [slugify#S-a-title-becomes-a-slug, slugify#R-a-slug-contains-only-the, slugify#R-every-run-of-other-characters, slugify#R-a-slug-never-starts-or, slugify#E-a-title-of-one-word]', () => {
  expect(slugify('Hello, World!')).toBe('hello-world');
  expect(slugify('Hello')).toBe('hello');
  expect(slugify('  Top 10 -- tips!! ')).toBe('top-10-tips');
});

it('long titles are cut between words [slugify#S-long-titles-are-cut-between-words, slugify#R-a-slug-is-at-most]', () => {
  const slug = slugify(Array(12).fill('alpha').join(' '));
  expect(slug).toBe(Array(10).fill('alpha').join('-'));
  expect(slug).toHaveLength(59);
  expect(slugify('a'.repeat(70))).toBe('a'.repeat(60));
});

it('a title without letters or digits throws EMPTY_SLUG [slugify#S-given-the-title-when-it-is-slugified-then]', () => {
  expect(() => slugify(' -- ')).toThrow(expect.objectContaining({ code: 'EMPTY_SLUG' }));
  expect(() => slugify(42)).toThrow(expect.objectContaining({ code: 'NOT_A_STRING' }));
});

it('accents are removed; letters without a plain form separate words [slugify#R-accents-are-removed-from-letters, slugify#E-letters-that-have-no-plain]', () => {
  expect(slugify('Éclair Über')).toBe('eclair-uber');
  expect(slugify('Straße')).toBe('stra-e');
});
