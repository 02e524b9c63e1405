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
 * ("basic auth", "normal form", "strong consistency", "simple interest"), and "common" and
 * "periodically" before a verb, which the real corpus uses as defined terms ("common bulk
 * operations", an F´ component that "shall periodically telemeter" on its rate group).
 */
export const VAGUE_WORDS = [
  // speed and time (a bound in the sentence clears them: SPEED below)
  'fast', 'quick(?:ly)?', 'slow(?:ly)?', 'rapid(?:ly)?', 'promptly', 'instant(?:ly|aneous(?:ly)?)?', 'real[- ]time(?! clocks?\\b)', 'soon', 'snappy', 'responsive',
  'periodically(?=\\s*(?:[.,;:!?)]|$))', 'in a timely (?:manner|fashion)', 'timely',
  // subjective qualities
  'efficient(?:ly)?', 'performant', 'scalable', 'user[- ]friendly', 'intuitive(?:ly)?', 'easy', 'easily', 'easy to (?:use|learn|understand)', 'simple to use', 'seamless(?:ly)?',
  'robust(?:ly|ness)?', 'flexib(?:le|ly|ility)', 'reasonabl[ey]', 'appropriate(?:ly)?', 'suitabl[ey]', 'adequate(?:ly)?', 'sufficient(?:ly)?', 'sensibl[ey]', 'intelligent(?:ly)?',
  'nice', 'properly', 'state[- ]of[- ]the[- ]art', 'optimal(?:ly)?', 'professional', 'acceptable', 'attractive', 'satisfied', 'meaningful', 'modern', 'lightweight',
  'gracefully', 'smoothly', 'detailed', 'familiar', 'suspicious', 'brief(?:ly)?', 'work(?:s|ing)? well', 'perform(?:s|ing)? well',
  // (Not "eventually consistent", "consistent hashing": terms. Checked in the rule, as "relevant" is.)
  'consistent(?:ly)?(?! (?:hashing|snapshots?|reads?)\\b)',
  // "relevant" alone is a judgement; "relevant to X" names what to, and "the relevant X" a set (incomplete-reference's)
  'relevant(?! to\\b)',
  // amounts, sizes and degrees with no number
  'various', 'several', 'a few', 'a lot', 'lots of', 'a (?:large|small|high|low) number of', 'approximately', 'roughly', 'significant(?:ly)?', 'minimal(?:ly)?', 'negligibl[ey]',
  'minimi[sz]e', 'maximi[sz]e', 'high availability', 'without (?:any )?degradation', 'well[- ]defined', 'commonly used', 'sparingly', 'limited(?! to\\b)',
  '(?:high|low) volume', 'very (?:large|small|big|long|short|high|low|fast|slow|quick|many|few|old|new)', 'too (?:big|small|large|long|short|slow|many|few|much|little|high|low)(?! (?:for|to)\\b)',
  '(?:stay|stays|remain|remains|kept|keep|keeps) (?:low|high|small|short)', '(?:high|low|good|poor)(?: \\w+)? quality', 'usual',
  'repeatedly', 'repeated(?= (?:\\w+ )?(?:failures?|attempts?|errors?|requests?|calls?|tries|retries|logins?)\\b)',
  // frequency
  'typical(?:ly)?', 'regularly', 'on a regular basis',
  // frequency and degree adverbs bent onto a requirement ("must usually …"); elsewhere they describe ("labels are generally mutable"): ADVERB_AFTER_MODAL
  'usually', 'often', 'rarely', 'seldom', 'sometimes', 'occasionally', 'frequently', 'generally', 'normally', 'mostly',
] as const;

/** Words judged only by what comes before them (a lookbehind in the pattern would be tried at every position of every spec). */
const ONLY_AFTER: readonly [RegExp, RegExp][] = [
  [/^(?:usually|often|rarely|seldom|sometimes|occasionally|frequently|generally|normally|mostly)$/i, /\b(?:must|shall|should|will|may|might|can|could|would)(?: not)? $/i],
];
const NOT_AFTER: readonly [RegExp, RegExp][] = [
  [/^consistent/i, /\b(?:eventually|strongly|causally|sequentially) $/i],
  [/^relevant$/i, /\b(?:the|each|every|all|any|a|its|their) $/i],
];

/** Speed words that a bound in the same sentence makes exact ("fast: under 100 ms", "in real time, that is within 1 second"). */
const SPEED = /^(?:fast|quick(?:ly)?|slow(?:ly)?|rapid(?:ly)?|promptly|instant\w*|real[- ]time|soon|snappy|responsive)$/i;
const BOUND = /\b(?:within|under|below|in under|in less than|less than|at most|no more than|not more than|faster than|no later than)\s+(?:about\s+)?[\d.,]+\s*(?:ms|milliseconds?|µs|us|ns|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?)\b/i;

/**
 * "As appropriate" and "as/if needed" are escape clauses (loophole), not vague words. The leading
 * \b changes no match (every word starts with an ASCII letter, and without the u flag a letter
 * matches only ASCII letters, so a match starts where (?<![\w-]) holds only at a word boundary)
 * and halves the time: V8 rejects most positions before the lookbehinds and the alternatives.
 */
const PATTERN = new RegExp(`\\b(?<![\\w-])(?<!\\b(?:as|where|if|when) )(?:${VAGUE_WORDS.join('|')})(?![\\w-])`, 'gi');

export const vagueWordingRule: Rule = {
  id: 'vague-wording',
  codes: ['vague-wording'],
  scope: { kind: 'spec-local' },
  check({ workspace, lines }) {
    const out: Diagnostic[] = [];
    for (const { spec } of workspace.files) {
      if (!spec) continue;
      for (const m of findInBody(spec, lines(spec), PATTERN)) {
        // A capital inside a sentence is a name ("Windows XP Professional"), not a quality.
        const before = spec.source.slice(Math.max(0, m.span.start.offset - 3), m.span.start.offset);
        const lead = spec.source.slice(Math.max(0, m.span.start.offset - 24), m.span.start.offset);
        if (ONLY_AFTER.some(([word, context]) => word.test(m.text) && !context.test(lead))) continue;
        if (NOT_AFTER.some(([word, context]) => word.test(m.text) && context.test(lead))) continue;
        if (/^[A-Z][a-z]/.test(m.text) && /\w[ \t]+$/.test(before)) continue;
        // A parenthesis explains; the requirement is outside it ("(typically done using a PIN)").
        const sentence = sentenceAround(spec, m);
        if (insideParentheses(spec.source, m.span.start.offset, sentence.start)) continue;
        // "Acceptable in …" means allowed, not good enough.
        if (/^acceptable$/i.test(m.text) && /^\s+(?:in|as)\b/.test(spec.source.slice(m.span.end.offset, m.span.end.offset + 4))) continue;
        if (SPEED.test(m.text) && BOUND.test(sentence.text)) continue;
        // "Statistically significant at p < 0.05": a test with its level.
        if (/^significant/i.test(m.text) && (/statistically\s+$/i.test(spec.source.slice(sentence.start, m.span.start.offset)) || /^\s+at\s+(?:the\s+)?(?:p|α|alpha)\b/i.test(spec.source.slice(m.span.end.offset, m.span.end.offset + 12)))) continue;
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
