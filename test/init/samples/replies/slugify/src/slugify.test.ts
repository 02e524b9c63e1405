import { expect, it } from 'vitest';
import { slugify } from './slugify.js';

it('a title becomes a slug', () => {
  expect(slugify('Hello, World!')).toBe('hello-world');
  expect(slugify('  Top 10 -- tips!! ')).toBe('top-10-tips');
});

it('long titles are cut between words', () => {
  const slug = slugify(Array(12).fill('alpha').join(' '));
  expect(slug).toBe(Array(10).fill('alpha').join('-'));
  expect(slug).toHaveLength(59);
  expect(slugify('a'.repeat(70))).toBe('a'.repeat(60));
});

it('a title without letters or digits throws EMPTY_SLUG', () => {
  expect(() => slugify(' -- ')).toThrow(expect.objectContaining({ code: 'EMPTY_SLUG' }));
  expect(() => slugify(42)).toThrow(expect.objectContaining({ code: 'NOT_A_STRING' }));
});

it('accents are removed; letters without a plain form separate words', () => {
  expect(slugify('Éclair Über')).toBe('eclair-uber');
  expect(slugify('Straße')).toBe('stra-e');
});
