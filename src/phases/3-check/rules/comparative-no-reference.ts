import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic } from '../../../types/index.js';
import type { Rule } from '../rule.js';
import { findInBody, sentenceAround } from '../prose.js';

/** Comparatives, superlatives and verbs of change that need a baseline to be tested. */
const COMPARATIVE = String.raw`faster|quicker|slower|better|worse|cheaper|easier|simpler|safer|more (?:secure|reliable|robust|efficient|usable|readable|stable|accurate|responsive|flexible|reasonable)|less (?:error-prone|expensive|complex)`;
const SUPERLATIVE = String.raw`(?:the )?best(?: practices?)?|the (?:fastest|quickest|simplest|easiest|cheapest|safest)|the most (?:secure|efficient|reliable|appropriate)`;
const CHANGE = String.raw`(?:improve|increase|reduce|decrease|enhance|lessen)[sd]?|improving|increasing|reducing|decreasing|enhancing`;
const PATTERN = new RegExp(String.raw`\b(?:${COMPARATIVE}|${SUPERLATIVE}|${CHANGE})\b`, 'gi');

/** After the word: the reference or the amount ("faster than 200 ms", "reduced by 10%", "increase to 64"). */
const REFERENCE_AFTER = /^\W*(?:\w+\W+){0,6}?(?:than|compared (?:to|with)|relative to)\b|^\s+(?:by|to|from)\s+(?:at (?:least|most) )?-?\d/i;
/** Before it: "or faster" after a value ("112k connection or faster"), "as described in …". */
const REFERENCE_BEFORE = /(?:\d[\w%]*\s*(?:[\w-]+\s+){0,2}or|or higher|as)\s*$/i;

export const comparativeNoReferenceRule: Rule = {
  id: 'comparative-no-reference',
  codes: ['comparative-no-reference'],
  check({ workspace, lines }) {
    const out: Diagnostic[] = [];
    for (const { spec } of workspace.files) {
      if (!spec) continue;
      for (const m of findInBody(spec, lines(spec), PATTERN)) {
        const sentence = sentenceAround(spec, m);
        const after = spec.source.slice(m.span.end.offset, sentence.end);
        const before = spec.source.slice(sentence.start, m.span.start.offset);
        if (REFERENCE_AFTER.test(after) || REFERENCE_BEFORE.test(before)) continue;
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
