import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic } from '../../../types/index.js';
import type { Rule } from '../rule.js';
import { findInBody, sentenceAround } from '../prose.js';

/**
 * References that do not say to what (ISO/IEC/IEEE 29148's incomplete references): "as described
 * above", "listed elsewhere", "see below", "the security guidelines", "company policy", "the
 * relevant regulations", "the standard". The agent cannot open what is not named. A reference
 * that names its document is complete: a link, a code span, a quoted or capitalised title, a
 * number ("as described in [RFC7807]", "Section 7.2", "the Merchant Operating Regulations").
 */
const DOCUMENT = String.raw`documentation|docs|document|guidelines?|guide|policy|policies|standards?|spec|specification|design|manual|wiki|handbook|regulations?|rules|conventions|laws|requirements|best practices`;
/** Qualifiers that say a document exists without naming it ("the relevant", "company"); not "its", "their": a decision left to a named party ("its local server policy"). */
const GENERIC = String.raw`relevant|applicable|appropriate|usual|current|existing|internal|corporate|company|industry|well[- ]adopted`;
// Every alternative starts with \b; the \b repeated in front of the group lets V8 reject most
// positions before trying each alternative in turn (about twice as fast; the same matches).
const PATTERN = new RegExp(
  String.raw`\b(?:` +
  [
    String.raw`\b(?:described|defined|specified|documented|outlined|explained|detailed|listed|set out|laid out|noted|given)(?: \w+)? (?:above|below|elsewhere|later|earlier|previously)\b`,
    String.raw`\bsee (?:below|above|elsewhere|the (?:docs|documentation|wiki|design|spec|specification|manual))\b`,
    String.raw`\b(?:the )?(?:above|previous) (?:requirements?|sections?|rules?|tables?|lists?|items?|paragraphs?)\b|\b(?:an? |the )?(?:exceptions?|sections?|table|list|notes?) (?:below|above)\b`,
    // "described in the security guidelines": a document named by its kind only.
    String.raw`\b(?:described|defined|specified|documented|outlined|set out|laid down|explained|listed) (?:in|by) (?:the|our|its|their) (?:[a-z][\w-]* ){0,2}(?:${DOCUMENT})\b`,
    String.raw`\b(?:according to|as per|per|in accordance with|in line with|conform(?:s|ing)? to|comply with|complies with|follows?|meet(?:s|ing)?|match(?:es|ing)?|obey(?:s)?|respect(?:s)?) (?:the |all |any )?(?:(?:${GENERIC}) )*(?:[a-z][\w-]* )?(?:${DOCUMENT})\b`,
    String.raw`\b(?:${GENERIC})(?: [a-z][\w-]*)? (?:standards?|regulations|laws|policies|guidelines|best practices)\b`,
  ].join('|') +
    ')',
  'gi',
);
/** Words that only a generic reference has after "the" ("the standard", "the design document"); a name would be capitalised. */
const NAMED_AFTER = /^\s*(?::|\[|`|"|“|\(?\d|[A-Z]{2,}|(?:of|from|in) +(?:\[|`|"|[A-Z]))/;

export const incompleteReferenceRule: Rule = {
  id: 'incomplete-reference',
  codes: ['incomplete-reference'],
  scope: { kind: 'spec-local' },
  check({ workspace, lines }) {
    const out: Diagnostic[] = [];
    for (const { spec } of workspace.files) {
      if (!spec) continue;
      for (const m of findInBody(spec, lines(spec), PATTERN)) {
        // "The style guide in `docs/style.md`", "the standard (RFC 3339)": named right after.
        if (NAMED_AFTER.test(spec.source.slice(m.span.end.offset, m.span.end.offset + 40))) continue;
        // "The corporate Architecture guidelines", "W3C standards": a capitalised title names it ("the API documentation" does not).
        if (/\s(?!(?:API|UI|UX|SDK|CLI|REST|HTTP|JSON|XML|CSV|SQL|DB|OS)\b)[A-Z][\w-]*/.test(m.text.slice(m.text.indexOf(' ')))) continue;
        // "The legal requirements as specified by the Merchant Operating Regulations": named later in the sentence.
        const rest = spec.source.slice(m.span.end.offset, sentenceAround(spec, m).end);
        if (/^[^.;]*?\bas (?:specified|defined|described|set out|given|published) (?:by|in) (?:the )?(?:\[|`|"|[A-Z])/.test(rest)) continue;
        out.push(
          d.incompleteReference({
            file: spec.file,
            span: m.span,
            message: `\`${m.text}\` refers to something it does not name; expected the document, section or list itself`,
          }),
        );
      }
    }
    return out;
  },
};
