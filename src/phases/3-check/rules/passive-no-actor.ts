import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic } from '../../../types/index.js';
import type { Rule } from '../rule.js';
import { findInBody, sentenceAround } from '../prose.js';

/** Past participles that do not end in -ed or -en. */
const IRREGULAR = 'built|bound|brought|bought|caught|chosen|cut|dealt|done|drawn|fed|felt|found|held|hidden|hit|hung|kept|known|laid|led|left|lent|let|lit|lost|made|meant|met|paid|put|quit|read|run|said|sent|set|shed|shown|shut|sold|sought|split|spent|spread|struck|stuck|taught|thrown|told|thought|upheld|withheld|won|wound|written|undone|overridden|rebuilt|reset|rerun|resent|sent';
/** -ed / -en words that are adjectives after "be", not passives. */
const ADJECTIVES = new Set(['red', 'bed', 'need', 'seed', 'feed', 'speed', 'exceed', 'succeed', 'proceed', 'indeed', 'shed', 'open', 'often', 'even', 'seven', 'eleven', 'given', 'hidden', 'golden', 'wooden', 'sudden', 'token', 'ten', 'then', 'when', 'kitten', 'been', 'between', 'heaven', 'garden', 'burden', 'children', 'green', 'screen', 'seen', 'alien', 'citizen', 'linen', 'oxygen', 'hyphen', 'frozen', 'dozen', 'listen', 'written', 'used', 'based', 'advanced', 'detailed', 'experienced', 'interested', 'concerned', 'dedicated', 'sophisticated', 'complicated', 'qualified', 'limited', 'unlimited', 'supported', 'unsupported', 'required', 'allowed', 'permitted', 'expected', 'able', 'unrelated', 'related', 'naked', 'wicked', 'crooked', 'rugged', 'ragged', 'sacred', 'hundred', 'kindred', 'aged', 'beloved', 'learned', 'blessed', 'biased', 'unbiased', 'prepared', 'compatible', 'distributed', 'enabled', 'disabled', 'connected', 'disconnected', 'satisfied', 'pleased', 'tired', 'bored', 'excited', 'worried', 'scared', 'surprised', 'amazed']);
/** Among those, the ones that are passives after all when a requirement says them ("must be limited to"). */
const PASSIVE_ANYWAY = new Set(['used', 'limited', 'required', 'allowed', 'permitted', 'expected', 'enabled', 'disabled', 'supported', 'written', 'given', 'hidden', 'seen', 'distributed', 'prepared', 'based', 'connected', 'detailed']);

const MODAL = String.raw`(?:shall|must|should|will|may|might|can|could|need(?:s)? to|ha(?:s|ve) to|is to|are to|is expected to|are expected to)`;
const ADVERB = String.raw`(?:\w+ly|also|only|always|never|then|either|both|fully|first|automatically|still|not)`;
const PATTERN = new RegExp(
  // Both alternatives start with \b; repeated in front of the group, it lets V8 reject most positions at once (the same matches).
  String.raw`\b(?:\b(?:${MODAL}(?: ${ADVERB}){0,2}|and(?: not)?) be(?: ${ADVERB})? (?:[a-z]+-)?([a-z]+(?:ed|en)|${IRREGULAR})\b|\b(?:is|are) expected to\b)`,
  'gi',
);
/** After "by", what is not an agent: an amount ("decreased by 50%"), a means ("separated by at least two spaces"). */
const NOT_AN_AGENT = /^\s*(?:at (?:least|most)\b|-?\d|a factor\b|means of\b|default\b|hand\b|name\b|value\b|reference\b)/i;
/** Verbs whose "by" gives a key or a measure, never the one who acts ("sorted by date", "grouped by tenant"). */
const BY_MEANS = /^(?:sorted|ordered|grouped|ranked|keyed|indexed|filtered|separated|delimited|divided|multiplied|rounded|weighted|identified|followed|preceded|replaced|partitioned|sharded|measured)$/i;

export const passiveNoActorRule: Rule = {
  id: 'passive-no-actor',
  codes: ['passive-no-actor'],
  scope: { kind: 'spec-local' },
  check({ workspace, lines }) {
    const out: Diagnostic[] = [];
    for (const { spec } of workspace.files) {
      if (!spec) continue;
      for (const m of findInBody(spec, lines(spec), PATTERN)) {
        const verb = /(\w+)$/.exec(m.text)![1]!.toLowerCase();
        if (ADJECTIVES.has(verb) && !PASSIVE_ANYWAY.has(verb)) continue;
        const sentence = sentenceAround(spec, m);
        const before = spec.source.slice(sentence.start, m.span.start.offset);
        // "And be …" continues a requirement: only when the sentence has one.
        if (/^and/i.test(m.text) && !new RegExp(String.raw`\b${MODAL}\b`, 'i').test(before)) continue;
        // A relative clause describes a noun ("classes that must be completed", "the AAL at which it will be used").
        const clause = before.split(/[,;:()]/).at(-1)!;
        // ("That must …" opening a sentence is its subject, not a relative pronoun.)
        if (/\b(?:which|who|whom|whose)\b/i.test(clause) || (/\bthat\s+$/i.test(clause) && /\S\s+that\s+$/i.test(before))) continue;
        // "Is to be determined" is a placeholder, reported as one.
        if (/to be determined$/i.test(m.text)) continue;
        if (!BY_MEANS.test(verb) && hasAgent(spec.source.slice(m.span.end.offset, sentence.end))) continue;
        out.push(
          d.passiveNoActor({
            file: spec.file,
            span: m.span,
            message: `Requirement \`${m.text}\` is passive and names no actor; expected who does it`,
          }),
        );
      }
    }
    return out;
  },
};

/** Whether the words after a passive name its actor: "must be saved by the caller", not "… offered by the department" (another verb's agent) or "decreased by 50%". */
function hasAgent(after: string): boolean {
  const by = /\bby\b/i.exec(after);
  if (!by) return false;
  const words = after.slice(0, by.index).trim().split(/\s+/).filter((w) => w !== '' && !/ly$/i.test(w));
  const last = words.at(-1);
  if (last && /(?:ed|en)$/i.test(last)) return false;
  return !NOT_AN_AGENT.test(after.slice(by.index + 2));
}
