import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic } from '../../../types/index.js';
import type { Rule } from '../rule.js';
import { findInBody, sentenceAround } from '../prose.js';

/** Comparatives, superlatives and verbs of change that need a baseline to be tested. */
const COMPARATIVE = String.raw`faster|quicker|slower|better|worse|cheaper|easier|simpler|safer|more (?:secure|reliable|robust|efficient|usable|readable|stable|accurate|responsive|flexible|reasonable)|less (?:error-prone|expensive|complex)`;
const SUPERLATIVE = String.raw`(?:the )?best(?: practices?)?|the (?:fastest|quickest|simplest|easiest|cheapest|safest)|the most (?!recent(?:ly)?\b)[a-z]+(?:able|ible|ive|ful|ant|ent|ous|ic|al|ure)\b`;
const CHANGE = String.raw`(?:improve|increase|reduce|decrease|enhance|lessen)[sd]?|improving|increasing|reducing|decreasing|enhancing|outperform(?:s|ed)?`;
/**
 * Comparatives that also describe ("text with fewer restrictions", "a higher AAL"): reported only
 * in what a requirement asks for, after its modal ("must use less memory", "must be shorter").
 */
const PREDICATIVE = String.raw`(?:more|less|fewer)(?= [a-z])|(?:shorter|longer|smaller|larger|lower|higher|greater|lighter|stronger|smoother|clearer)(?![- ](?:case|bound|level|order)\b)`;
const PATTERN = new RegExp(String.raw`\b(?:${COMPARATIVE}|${SUPERLATIVE}|${CHANGE}|${PREDICATIVE})\b`, 'gi');
const ONLY_PREDICATIVE = /^(?:more|less|fewer|shorter|longer|smaller|larger|lower|higher|greater|lighter|stronger|smoother|clearer)$/i;
const MODAL = /\b(?:must|shall|should|will|may|can|could|might|needs? to|has to|have to)\b/i;
/** "Than before", "than the old one": a reference that is no baseline a test can measure against. */
const NO_BASELINE = /^\W*(?:\w+\W+){0,6}?than\s+(?:before|now|today|previously|currently|usual|ever|the (?:old|current|previous|existing|last) (?:one|version|release))\b/i;

/** After the word: the reference or the amount ("faster than 200 ms", "reduced by 10%", "increase to 64"). */
const REFERENCE_AFTER = /^\W*(?:\w+\W+){0,6}?(?:than|compared (?:to|with)|relative to)\b|^\s+(?:[\w-]+\s+){0,4}?(?:by|to|from)\s+(?:at (?:least|most) |under |below |over |above |less than |more than )?-?\d/i;
/** Before it: "or faster" after a value ("112k connection or faster"), "as described in …". */
const REFERENCE_BEFORE = /(?:\d[\w%]*\s*(?:[\w-]+\s+){0,2}(?:or|and)|or higher|or (?:a|an)|as|no|any)\s*$/i;

export const comparativeNoReferenceRule: Rule = {
  id: 'comparative-no-reference',
  codes: ['comparative-no-reference'],
  scope: { kind: 'spec-local' },
  check({ workspace, lines }) {
    const out: Diagnostic[] = [];
    for (const { spec } of workspace.files) {
      if (!spec) continue;
      for (const m of findInBody(spec, lines(spec), PATTERN)) {
        const sentence = sentenceAround(spec, m);
        const after = spec.source.slice(m.span.end.offset, sentence.end);
        const before = spec.source.slice(sentence.start, m.span.start.offset);
        if ((REFERENCE_AFTER.test(after) && !NO_BASELINE.test(after)) || REFERENCE_BEFORE.test(before)) continue;
        if (ONLY_PREDICATIVE.test(m.text) && !MODAL.test(before.split(/[,;:()]/).at(-1)!)) continue;
        // "Best … described in [BCP56]": a superlative pinned to a named source.
        if (/best/i.test(m.text) && /\b(?:described|defined|specified) in\b/i.test(after)) continue;
        // "With 8 being the best": the scale is the reference. "Enhanced to support X": a change with its target.
        if (/best/i.test(m.text) && /\d+\s+being\s+$/i.test(before)) continue;
        if (/^enhanced?$/i.test(m.text) && /^\s+to\s/i.test(after)) continue;
        // "The reduced 500 bp rate", "(reduced)": a name for a value, not a change without a baseline.
        if (/ed$/i.test(m.text) && (/^\s+-?\d/.test(after) || /^\s*\)/.test(after) || /\(\s*$/.test(before))) continue;
        out.push(
          d.comparativeNoReference({
            file: spec.file,
            span: m.span,
            message: `\`${m.text}\` compares with nothing the spec names; expected the baseline and the margin, or an absolute target`,
          }),
        );
      }
    }
    return out;
  },
};
