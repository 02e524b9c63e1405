import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic } from '../../../types/index.js';
import type { Rule } from '../rule.js';
import { findInBody, sentenceAround } from '../prose.js';

/**
 * A quantity in a constraint with nothing after it that says what it measures: "a timeout of
 * 30", "at most 5000.", "56k streams", "800x600", "8 million". A number followed by a word
 * ("30 seconds", "3 retries", "10 users") names its unit or what it counts, and passes.
 */
const NUMBER = String.raw`(?<![\w.,:/-])\d+(?:[.,]\d+)*`;
const PATTERN = new RegExp(
  // "60 per client": per a thing, with nothing counted; "500 per second" is a rate, and passes.
  String.raw`${NUMBER}(?:\s?[kKmM](?![\w-])|x\d+\b)|${NUMBER}(?:\s(?:thousand|million|billion))?(?=\s*(?:$|[.;:!?](?!\d)|,\s|\)|\s(?:and|or|is|are|was|will|for|to|in|on|at|when|if|which|that|but|before|after|with)\b|\sper\s(?!(?:[\w-]+\s){0,2}(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|ms|s|min|h)\b)))`,
  'gm',
);
/** Before the number: it is a year, a version, a section or an identifier, or its unit comes first ($5, € 10). */
const NOT_A_QUANTITY_BEFORE = /(?:\b(?:version|v|release|section|step|level|rfc|pep|iso|sp|aal|fips|phase|part|chapter|figure|table|appendix|item|no|number|page|line|column|year|in|since|by|of the)|[$€£#§])\s*$/i;

export const numberWithoutUnitRule: Rule = {
  id: 'number-without-unit',
  codes: ['number-without-unit'],
  scope: { kind: 'spec-local' },
  check({ workspace, lines }) {
    const out: Diagnostic[] = [];
    for (const { spec } of workspace.files) {
      if (!spec) continue;
      for (const m of findInBody(spec, lines(spec), PATTERN, ['constraints'])) {
        const value = m.text.replace(/[^\d]/g, '');
        if (/^0+$/.test(value)) continue; // zero needs no unit
        if (/^(?:19|20)\d\d$/.test(m.text)) continue; // a year
        const before = spec.source.slice(Math.max(0, m.span.start.offset - 20), m.span.start.offset);
        if (NOT_A_QUANTITY_BEFORE.test(before)) continue;
        const after = spec.source.slice(m.span.end.offset, m.span.end.offset + 30);
        // "Between 5 and 10 members", "128, 192, or 256 bits": the last value carries the unit.
        if (/^\s*(?:,\s*(?:or\s+|and\s+)?|\s(?:and|or|to)\s+(?:at (?:least|most)\s+|no (?:more|less|fewer) than\s+)?|-)\d/.test(after)) continue;
        // "1 in 1000": a ratio. "Version 5.5", "Internet Explorer 5.5": a name's number.
        if (/^\s+in\s+\d/.test(after) || /\d\s+in\s+$/.test(before)) continue;
        if (/(?:^|\s)[A-Z][\w.-]*\s+$/.test(before) && !/(?:^|[.!?]\s+)[A-Z][\w.-]*\s+$/.test(before)) continue;
        if (/^\s+(?:or|and) (?:later|newer|above|earlier|older)\b/i.test(after)) continue; // "Node.js 20 or later": a version
        // "Limit the attempts to (no more than) 100": the thing limited is what is counted.
        const sentence = sentenceAround(spec, m);
        if (/\blimit(?:s|ed)?\b[^.;]*\bto\s+(?:no more than\s+|at most\s+)?$/i.test(spec.source.slice(Math.max(sentence.start, m.span.start.offset - 300), m.span.start.offset))) continue;
        out.push(
          d.numberWithoutUnit({
            file: spec.file,
            span: m.span,
            message: `Number \`${m.text}\` has no unit; expected what it measures (ms, s, MB, %) or what it counts`,
          }),
        );
      }
    }
    return out;
  },
};
