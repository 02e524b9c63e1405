import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic } from '../../../types/index.js';
import type { Rule } from '../rule.js';
import { findInBody, sentenceAround } from '../prose.js';

/**
 * A requirement that opens on a pronoun ("It must return the total in cents", "If they are empty,
 * …", "This must happen first") stands for something the item does not name: each rule, edge
 * case and input is its own requirement, with its own id, and is read alone. Only a pronoun that
 * opens the first sentence of its item or paragraph (or the clause after a leading "If", "When",
 * …) is judged: a later sentence may refer back within its item, and a pronoun whose referent
 * the sentence names ("When the token expires, it …") is fine, as is a scenario step's "it".
 */
const PRONOUN = /\b(?:it|they|this|that|these|those)\b/gi;
/** What may follow a pronoun used as a subject (as opposed to a determiner: "this identifier"). */
const VERB = /^(?:must|shall|should|will|would|may|might|can|could|cannot|is|are|was|were|has|have|had|does|do|did|needs|happens|means|applies|fails|requires|includes|depends|ensures|allows|lets|makes|covers|also|only|then|never|always|not)\b/i;
/** "It must be possible to …", "It is recommended that …": an "it" that stands for nothing. */
const EXPLETIVE = /^(?:(?:must|should|shall|will|may|might)\s+(?:not\s+)?be|is|was|will\s+be)\s+(?:\w+\s+)?(?:possible|impossible|necessary|required|recommended|expected|important|allowed|forbidden|acceptable|sufficient|likely|unlikely|assumed|advisable|permitted|desirable|essential|mandatory|optional|preferable|enough|safe|true|false)\b/i;
/** A sentence start: nothing, a list marker or emphasis, then the pronoun, or a leading subordinator and the pronoun. */
const OPENING = /^[\s*_>]*(?:(?:\d+[.)]|[-*+])\s+)?[*_]*(?:(?:if|when|whenever|after|before|once|unless|while|until|because|since)\s+)?$/i;
/** The same, read on the pronoun's own line only (a cheap test first: "that" and "it" are everywhere). */
const LINE_OPENING = /(?:^|[.!?]\s+)[\s*_>]*(?:(?:\d+[.)]|[-*+])\s+)?[*_]*(?:(?:if|when|whenever|after|before|once|unless|while|until|because|since)\s+)?$/i;

export const vaguePronounRule: Rule = {
  id: 'vague-pronoun',
  codes: ['vague-pronoun'],
  scope: { kind: 'spec-local' },
  check({ workspace, lines }) {
    const out: Diagnostic[] = [];
    for (const { spec } of workspace.files) {
      if (!spec) continue;
      for (const m of findInBody(spec, lines(spec), PRONOUN)) {
        if (m.section?.name === 'evaluation') continue;
        const at = m.span.start.offset;
        if (!LINE_OPENING.test(spec.source.slice(spec.source.lastIndexOf('\n', at - 1) + 1, at))) continue;
        const sentence = sentenceAround(spec, m);
        if (!OPENING.test(spec.source.slice(sentence.start, m.span.start.offset))) continue;
        // A later sentence of the same item may refer back to the one before it.
        if (/[.!?:;]["')\]]*\s*$/.test(spec.source.slice(Math.max(0, sentence.start - 4), sentence.start))) continue;
        const next = spec.source.slice(m.span.end.offset, sentence.end).trimStart();
        const it = /^it$/i.test(m.text);
        if (!(VERB.test(next) || ((it || /^they$/i.test(m.text)) && /^[a-z]+s\b/.test(next) && !/^(?:is|was|has)\b/.test(next)))) continue;
        if (it && EXPLETIVE.test(next)) continue;
        out.push(
          d.vaguePronoun({
            file: spec.file,
            span: m.span,
            message: `Requirement opens on \`${m.text}\`, which stands for something it does not name; expected its subject spelt out`,
          }),
        );
      }
    }
    return out;
  },
};
