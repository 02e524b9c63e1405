import { InputError } from './errors.js';

const MAX_LENGTH = 60;

/**
 * A title -> its slug: lowercase a-z, 0-9 and single hyphens, at most 60 characters.
 * [slugify#R-a-slug-contains-only-the, slugify#R-accents-are-removed-from-letters, slugify#R-every-run-of-other-characters, slugify#R-a-slug-never-starts-or, slugify#R-a-slug-is-at-most, slugify#E-a-title-of-one-word, slugify#E-letters-that-have-no-plain, slugify#S-a-title-becomes-a-slug, slugify#S-long-titles-are-cut-between-words, slugify#S-given-the-title-when-it-is-slugified-then]
 */
export function slugify(title: unknown): string {
  if (typeof title !== 'string') throw new InputError('NOT_A_STRING', `expected the title to be a string, got ${title === null ? 'null' : typeof title}`);
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  if (words.length === 0) throw new InputError('EMPTY_SLUG', 'the title contains no letter or digit');
  const slug = words.join('-');
  if (slug.length <= MAX_LENGTH) return slug;
  const cut = slug.lastIndexOf('-', MAX_LENGTH);
  return cut > 0 ? slug.slice(0, cut) : slug.slice(0, MAX_LENGTH);
}
