/** What a person sees on a terminal: a code frame with a caret under the span (off without colour, as in CI logs). */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/reporters/text.js';
import type { Diagnostic } from '../../src/types/index.js';

const source = '# Cart\n\n## Rules\n\n- The total should be the sum.\n';
const d: Diagnostic = {
  code: 'weak-modal',
  severity: 'warning',
  file: 'specs/cart.md',
  span: { start: { line: 5, column: 13, offset: 30 }, end: { line: 5, column: 19, offset: 36 } },
  message: 'Rule says `should`',
  hint: 'Use "must".',
};
// eslint-style: strip colours to compare what the characters are.
const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('text reporter', () => {
  it('prints a code frame with a caret under the span when frames are on', () => {
    const text = plain(formatDiagnostic(d, { color: true, sourceOf: () => source }));
    expect(text).toBe(
      ['specs/cart.md:5:13: warning weak-modal Rule says `should`', '  5 | - The total should be the sum.', '    |             ^^^^^^', '  hint: Use "must".'].join('\n'),
    );
  });

  it('prints no frame without colour (CI logs, NO_COLOR) or without the source', () => {
    expect(formatDiagnostic(d, { color: false })).toBe('specs/cart.md:5:13: warning weak-modal Rule says `should`\n  hint: Use "must".');
    expect(plain(formatDiagnostic(d, { color: true, sourceOf: () => undefined }))).not.toContain('|');
  });
});
