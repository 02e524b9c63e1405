/**
 * The fast parser's inline scan (inlineAtoms) on its own: how a paragraph's content is cut into
 * text, code spans, links and `*` delimiters, and what it declines. That the trees agree with
 * micromark is fast-markdown.test.ts's job; this pins the cuts and the refusals one by one.
 */
import { describe, expect, it } from 'vitest';
import { inlineAtoms } from '../../../src/phases/1-parse/fast-markdown.js';

/** Each atom as the content it covers: `text:…`, `code:value`, `link:text->url`, `open:*`/`close:*`. */
function cuts(content: string): string[] | null {
  const atoms = inlineAtoms(content);
  if (!atoms) return null;
  return atoms.map((a) => {
    switch (a.kind) {
      case 'text':
        return `text:${content.slice(a.start, a.end)}`;
      case 'code':
        return `code:${a.value}`;
      case 'link':
        return `link:${content.slice(a.textStart, a.textEnd)}->${a.url}`;
      default:
        return `${a.opens ? 'open' : 'close'}:${content.slice(a.start, a.end)}`;
    }
  });
}

describe('inlineAtoms', () => {
  it('cuts text, code spans, links and emphasis in order', () => {
    expect(cuts('Uses `cart_id` from [the cart](cart.md), *always* and **once**.')).toEqual([
      'text:Uses ',
      'code:cart_id',
      'text: from ',
      'link:the cart->cart.md',
      'text:, ',
      'open:*',
      'text:always',
      'close:*',
      'text: and ',
      'open:**',
      'text:once',
      'close:**',
      'text:.',
    ]);
  });

  it('closes a code span only with a backtick run of its own length, and drops one space of padding', () => {
    expect(cuts('``a ` b`` `` ` `` ` x `')).toEqual(['code:a ` b', 'text: ', 'code:`', 'text: ', 'code:x']);
    expect(cuts('`  `')).toEqual(['code:  ']);
  });

  it('keeps an underscore inside a word, a lone bracket and a bracket not followed by a destination as text', () => {
    expect(cuts('snake_case and [draft] or a]b')).toEqual(['text:snake_case and [draft] or a]b']);
  });

  it.each([
    ['an escape', 'a \\* b'],
    ['an entity', 'a &amp; b'],
    ['HTML or an autolink', 'see <https://x.dev>'],
    ['an image', '![logo](logo.png)'],
    ['a link text across a line break', '[the\ncart](cart.md)'],
    ['a possible definition', '[cart]: cart.md'],
    ['an empty link text', '[](cart.md)'],
    ['a destination with a space', '[cart](a b)'],
    ['underscore emphasis', '_maybe_'],
    ['a run of three stars', '***all***'],
    ['a star with spaces on both sides', 'a * b'],
    ['an unclosed emphasis', '*open'],
    ['nested emphasis', '*a **b** c*'],
    ['mismatched lengths', '*a**'],
    ['an unclosed code span', '`open'],
    ['a multi-line code span padded at an end', '` a\nb`'],
  ])('declines %s', (_, content) => {
    expect(cuts(content)).toBeNull();
  });
});
