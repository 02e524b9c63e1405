import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic } from '../../../types/index.js';
import type { Rule } from '../rule.js';
import { findInBody, sentenceAround } from '../prose.js';

/**
 * Words with no pass/fail meaning, each with its inflections ("robust", "robustly",
 * "robustness"). Deliberately short: each entry must be vague in almost every use, so that a
 * clean spec stays clean; test/corpus measures how often that holds (bench/smells.bench.ts).
 * Comparatives ("faster"), escape clauses ("as needed") and open lists ("etc.") have codes of
 * their own. Left out though vague in the corpus: words that are exact terms in software specs
 * ("basic auth", "normal form", "strong consistency", "simple interest").
 */
export const VAGUE_WORDS = [
  'fast', 'quick(?:ly)?', 'slow(?:ly)?', 'efficient(?:ly)?', 'performant', 'scalable',
  'user[- ]friendly', 'intuitive(?:ly)?', 'easy', 'easily', 'easy to (?:use|learn|understand)', 'simple to use', 'seamless(?:ly)?',
  'robust(?:ly|ness)?', 'flexib(?:le|ly|ility)', 'reasonabl[ey]', 'appropriate(?:ly)?', 'suitabl[ey]', 'adequate(?:ly)?', 'sufficient(?:ly)?',
  'various', 'several', 'a few', 'a lot', 'lots of', 'a (?:large|small|high|low) number of', 'nice', 'properly', 'state[- ]of[- ]the[- ]art',
  'optimal(?:ly)?', 'approximately', 'roughly', 'professional', 'acceptable', 'timely', 'typical(?:ly)?', 'regularly', 'on a regular basis',
  'attractive', 'responsive', 'satisfied', 'significant(?:ly)?', 'minimi[sz]e', 'maximi[sz]e', 'high availability', 'without (?:any )?degradation',
  'well[- ]defined', 'meaningful', 'commonly used', 'modern', 'sparingly', 'gracefully', 'smoothly',
  'detailed', 'limited(?! to\\b)', 'familiar', '(?:high|low) volume', 'too (?:big|small)',
] as const;

/** "As appropriate" and "as/if needed" are escape clauses (loophole), not vague words. */
const PATTERN = new RegExp(`(?<![\\w-])(?<!\\b(?:as|where|if|when) )(?:${VAGUE_WORDS.join('|')})(?![\\w-])`, 'gi');

export const vagueWordingRule: Rule = {
  id: 'vague-wording',
  codes: ['vague-wording'],
  check({ workspace, lines }) {
    const out: Diagnostic[] = [];
    for (const { spec } of workspace.files) {
      if (!spec) continue;
      for (const m of findInBody(spec, lines(spec), PATTERN)) {
        // A capital inside a sentence is a name ("Windows XP Professional"), not a quality.
        const before = spec.source.slice(Math.max(0, m.span.start.offset - 3), m.span.start.offset);
        if (/^[A-Z][a-z]/.test(m.text) && /\w\s+$/.test(before)) continue;
        // A parenthesis explains; the requirement is outside it ("(typically done using a PIN)").
        if (insideParentheses(spec.source, m.span.start.offset, sentenceAround(spec, m).start)) continue;
        // "Acceptable in …" means allowed, not good enough.
        if (/^acceptable$/i.test(m.text) && /^\s+(?:in|as)\b/.test(spec.source.slice(m.span.end.offset, m.span.end.offset + 4))) continue;
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

/** Whether an unclosed "(" lies between the sentence start and the offset. */
function insideParentheses(source: string, offset: number, from: number): boolean {
  let depth = 0;
  for (const c of source.slice(from, offset)) {
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}
