import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic } from '../../../types/index.js';
import type { Rule } from '../rule.js';
import { findInBody, sentenceAround } from '../prose.js';

/** Markers that always leave a list open. "Including all …" is exhaustive and not one. */
const ALWAYS = String.raw`\bincluding\b(?! all\b)(?:,? but not limited to\b)?|\bsuch as\b|\betc\b\.?|\band so (?:on|forth)\b|\bamong others\b|\(?\bbut not (?:be )?limited to\b\)?|\band other things\b|\band the like\b`;
/** Markers that open a list only when more than one example follows ("e.g. JSON" names one format). */
const EXAMPLES = String.raw`\be\.g\.|\bfor (?:example|instance)\b`;
const PATTERN = new RegExp(`${ALWAYS}|${EXAMPLES}`, 'gi');

export const openEndedListRule: Rule = {
  id: 'open-ended-list',
  codes: ['open-ended-list'],
  scope: { kind: 'spec-local' },
  check({ workspace, lines }) {
    const out: Diagnostic[] = [];
    for (const { spec } of workspace.files) {
      if (!spec) continue;
      for (const m of findInBody(spec, lines(spec), PATTERN)) {
        if (/^(?:e\.g\.|for )/i.test(m.text)) {
          // The examples run to the closing parenthesis or the end of the sentence.
          const sentence = sentenceAround(spec, m);
          const after = spec.source.slice(m.span.end.offset, sentence.end).split(/[)]/)[0]!.replace(/^[\s,:]+/, '');
          // "For example, when …", "(e.g., by malware)": one example of a situation, not a list.
          if (/^(?:when|whenever|if|where|by|in|at|on|because|since|as|to)\b/i.test(after)) continue;
          if (!/,|\bor\b|\band\b|\//.test(after)) continue;
        } else if (/^including$/i.test(m.text)) {
          // "Including a description of …", "including archived ones": one part or kind named, not a list begun.
          const sentence = sentenceAround(spec, m);
          const after = spec.source.slice(m.span.end.offset, sentence.end).split(/[;)]/)[0]!;
          if (/^\s+(?:a|an)\s/i.test(after) && !/,|\bor\b|\band\b/.test(after)) continue;
          if (/^\s+\w+\s+ones\b/i.test(after) && !/,|\bor\b|\band\b/.test(after)) continue;
        }
        out.push(
          d.openEndedList({
            file: spec.file,
            span: m.span,
            message: `\`${m.text}\` leaves the list open; expected every item, or what decides membership`,
          }),
        );
      }
    }
    return out;
  },
};
