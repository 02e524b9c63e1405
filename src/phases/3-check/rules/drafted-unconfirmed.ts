import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic } from '../../../types/index.js';
import type { Rule } from '../rule.js';

/**
 * What `speccc adopt` puts after every sentence it drafted (from code, JSDoc, tests, or a model)
 * and a person has not confirmed yet. Deleting it is the confirmation. An HTML comment: it is not
 * part of the requirement's text (nor its id), and markdown viewers do not show it.
 */
export const DRAFTED_MARKER = '<!-- drafted -->';
const MARKER = /<!--\s*drafted\s*-->/g;

/** Where the marker is an HTML comment of its own, not text inside code (`` `<!-- drafted -->` ``, a fenced block). */
function isComment(codeRanges: readonly [number, number][], start: number): boolean {
  // An HTML node starts at the comment itself; code that quotes it starts before it.
  return codeRanges.some(([s]) => s === start) || !codeRanges.some(([s, e]) => s <= start && start < e);
}

export const draftedUnconfirmedRule: Rule = {
  id: 'drafted-unconfirmed',
  codes: ['drafted-unconfirmed'],
  scope: { kind: 'spec-local' },
  check({ workspace, lines }) {
    const out: Diagnostic[] = [];
    for (const { spec } of workspace.files) {
      if (!spec) continue;
      for (const m of spec.source.matchAll(MARKER)) {
        if (!isComment(spec.codeRanges, m.index)) continue;
        const index = lines(spec);
        // The drafted text as a reader sees it: no list bullet, no emphasis.
        const line = spec.source.slice(spec.source.lastIndexOf('\n', m.index) + 1, m.index).replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').replace(/\*\*/g, '').trim();
        out.push(
          d.draftedUnconfirmed({
            file: spec.file,
            span: index.span(m.index, m.index + m[0].length),
            message: `Drafted, not confirmed: ${line ? `"${line.length > 60 ? `${line.slice(0, 59).trimEnd()}…` : line}"` : 'the text before this marker'} was drafted by \`speccc adopt\` and no person has confirmed it; expected a requirement a person stands behind`,
          }),
        );
      }
    }
    return out;
  },
};
