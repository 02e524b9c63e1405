import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic } from '../../../types/index.js';
import type { Rule } from '../rule.js';
import { findInProse } from '../prose.js';

/**
 * Phrases with no pass/fail meaning. Deliberately short: each entry must be vague in almost
 * every use, so that a clean spec stays clean. Matched case-insensitively on word boundaries.
 */
export const VAGUE_PHRASES = [
  'fast', 'faster', 'quickly', 'slow', 'efficient', 'efficiently', 'performant', 'scalable',
  'user-friendly', 'user friendly', 'intuitive', 'intuitively', 'easy to use', 'simple to use', 'seamless', 'seamlessly',
  'robust', 'flexible', 'reasonable', 'reasonably', 'as appropriate', 'appropriately', 'as needed', 'if needed',
  'if possible', 'where possible', 'etc', 'etc.', 'and so on', 'and so forth', 'various', 'several', 'a few', 'a lot', 'lots of',
  'nice', 'properly', 'state-of-the-art', 'optimal', 'optimally', 'sufficient', 'adequate', 'approximately', 'roughly',
] as const;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest first so "as appropriate" wins over "appropriate"; `etc` may carry its full stop.
const PATTERN = new RegExp(
  `(?<![\\w-])(?:${[...VAGUE_PHRASES].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\w-])`,
  'gi',
);

export const vagueWordingRule: Rule = {
  id: 'vague-wording',
  codes: ['vague-wording'],
  check({ workspace, lines }) {
    const out: Diagnostic[] = [];
    for (const { spec } of workspace.files) {
      if (!spec) continue;
      for (const m of findInProse(spec, lines(spec), PATTERN, (section) => section !== null)) {
        // The title and section headings name things; only prose inside sections is judged.
        if (m.section && m.span.start.offset < m.section.headingSpan.end.offset) continue;
        out.push(
          d.vagueWording({
            file: spec.file,
            span: m.span,
            message: `Vague wording \`${m.text}\` cannot be tested; expected a measurable statement`,
          }),
        );
      }
    }
    return out;
  },
};
