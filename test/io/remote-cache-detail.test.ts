/** How every remote cache detail is made (scrubbed): one line, bounded, and never naming a credential. */
import { describe, expect, it } from 'vitest';
import { scrubbed } from '../../src/io/remote-cache.js';

describe('scrubbed', () => {
  it('replaces every occurrence of every secret', () => {
    expect(scrubbed(['tok123', 'key456'], 'GET failed: Bearer tok123 (key key456, again tok123)')).toBe('GET failed: Bearer [redacted] (key [redacted], again [redacted])');
  });

  it('folds control characters, line separators and runs of white space into one space', () => {
    expect(scrubbed([], '  HTTP 500:\n\tboom\u2028 again\u0007  ')).toBe('HTTP 500: boom again');
  });

  it('cuts a long detail to 240 characters, the last an ellipsis', () => {
    const out = scrubbed([], 'x'.repeat(1_000));
    expect(out).toHaveLength(240);
    expect(out.endsWith('x…')).toBe(true);
  });

  it('withholds a detail whose folding recreates a secret', () => {
    // A signing key may hold white space; the server's text split it over two lines.
    expect(scrubbed(['open sesame'], 'the key open\nsesame is wrong')).toBe('remote cache failure (detail withheld: it named a credential)');
  });
});
