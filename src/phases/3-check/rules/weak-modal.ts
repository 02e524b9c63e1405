import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic } from '../../../types/index.js';
import type { Rule } from '../rule.js';
import { findInBody, sentenceAround } from '../prose.js';

/** In every section that states behaviour (What and Who describe; Evaluation gives examples). */
const WEAK = /\b(?:should(?: not)?|shouldn't|may|might|could|ideally|preferably)\b/gi;
/** A requirement in the same sentence: "may" there grants an option beside it ("Users may …; when they do, the total must …"). */
const STRONG = /\b(?:must|shall|is required to|are required to)\b/i;
/**
 * A subject that forbids or caps: "No function may read the clock", "Nothing may …", "None of
 * the handlers may …", "Under no circumstances may …", "Neither … nor … may …", and a cap, "No
 * more than 3 requests may …", "At most 2 retries may …". Then "may" states a prohibition or a
 * limit, as "may not" does, not an option. ("Only admins may …" stays: the corpus labels that.)
 */
const FORBIDS = /^[\s*_>-]*(?:\d+[.)]\s+)?(?:no\b|none\b|nothing\b|nobody\b|no[- ]one\b|neither\b|nor\b|under no circumstances?\b|at no (?:time|point)\b|in no (?:case|event)\b|not (?:a|an|one|more than|even one)\b|at most\b|fewer than \S*\d|not more than\b)/i;

/** A next sentence that takes up the option: "When they do, …", "If so, …", "In that case, …". */
const TAKES_UP = /^\s*(?:when|if|once) (?:they|it|he|she|you|we|one|the \w+) (?:do|does|did)\b|^\s*(?:if so|in that case|then)\b/i;

/** Whether a "may" grants an option that a requirement in its sentence, or the next one taking it up, then governs. */
function grantsOption(source: string, sentence: { end: number; text: string }): boolean {
  if (STRONG.test(sentence.text)) return true;
  const next = source.slice(sentence.end).replace(/^[\s.!?]+/, '');
  const nextEnd = /[.!?](?=\s|$)|\n\s*\n/.exec(next);
  const following = next.slice(0, nextEnd ? nextEnd.index : undefined);
  return TAKES_UP.test(following) && STRONG.test(following);
}

export const weakModalRule: Rule = {
  id: 'weak-modal',
  codes: ['weak-modal'],
  scope: { kind: 'spec-local' },
  check({ workspace, lines }) {
    const out: Diagnostic[] = [];
    for (const { spec } of workspace.files) {
      if (!spec) continue;
      for (const m of findInBody(spec, lines(spec), WEAK, ['rules', 'constraints', 'inputs', 'outputs', 'edge-cases'])) {
        const after = spec.source.slice(m.span.end.offset, m.span.end.offset + 5);
        // "May not" forbids: it is a requirement, not an option.
        if (/^may$/i.test(m.text) && /^ not\b/i.test(after)) continue;
        const sentence = sentenceAround(spec, m);
        if (/^may$/i.test(m.text) && grantsOption(spec.source, sentence)) continue;
        const subject = spec.source.slice(sentence.start, m.span.start.offset).split(/[;:(]/).at(-1)!;
        if (/^may$/i.test(m.text) && FORBIDS.test(subject)) continue;
        // "Each client may send at most 60 requests per minute": a cap, not an option.
        if (/^may$/i.test(m.text) && /^\s+(?:\w+\s+){0,2}?(?:at most|no more than|not more than|a maximum of|fewer than|less than)\s+[\d,.]+/i.test(spec.source.slice(m.span.end.offset, sentence.end))) continue;
        // A modal in a condition, purpose or relative clause is not the requirement ("if it may …",
        // "so that only admins can …", "one that could break"): only the clause's own words count.
        // (Two spaces count as a comma: text exported from some tools lost its commas, not its spaces.)
        const clause = spec.source.slice(sentence.start, m.span.start.offset).split(/[,;:()]| {2,}/).at(-1)!;
        if (/\b(?:if|when|whenever|where|unless|whether|so that|in case)\b|\bthat\s+(?:\w+\s+)?$/i.test(clause)) continue;
        out.push(
          d.weakModal({
            file: spec.file,
            span: m.span,
            message: `Requirement says \`${m.text}\`, which leaves it optional; expected "must" or "must not"`,
          }),
        );
      }
    }
    return out;
  },
};
