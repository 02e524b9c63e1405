import { expect, it } from 'vitest';
import { slugify } from '../../src/slugify.js';

it('accents are dropped, not turned into hyphens', () => {
  expect(slugify('Crème brûlée à la carte')).toBe('creme-brulee-a-la-carte');
  expect(slugify('Über uns')).toBe('uber-uns');
});
