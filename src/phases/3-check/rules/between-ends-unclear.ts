import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic } from '../../../types/index.js';
import type { Rule } from '../rule.js';
import { findInBody, sentenceAround } from '../prose.js';

/** A number, optionally with a unit or a clock time: 1, 0.5, 10,000, 8am, 6:00 PM, 30 ms. */
const VALUE = String.raw`-?\d[\d,]*(?:\.\d+)?(?:\s?(?:[ap]\.?m\.?|[a-z%]{1,8}))?(?::\d\d(?:\s?[ap]\.?m\.?)?)?(?:\s(?:UTC|GMT|CET|CEST|[CEMP][SD]T))?`;
const PATTERN = new RegExp(
  String.raw`\b(?:between (?:the [\w ]{1,30}? of )?${VALUE}\s*(?:and|to|-|–)\s*${VALUE}|(?:in the range(?: of)?|from(?: a scale of)?) ${VALUE}\s*(?:to|-|–)\s*${VALUE})`,
  'gi',
);
/** The sentence says what happens at the ends. */
const ENDS_SAID = /\binclusive(?:ly)?\b|\bexclusive(?:ly)?\b|\b(?:both )?ends? (?:included|excluded|inclusive|exclusive)\b|\b(?:included|excluded)\b|\binclusive\b|[[(]\s*-?\d[\d.,]*\s*,\s*-?\d[\d.,]*\s*[\])]/i;

export const betweenEndsUnclearRule: Rule = {
  id: 'between-ends-unclear',
  codes: ['between-ends-unclear'],
  scope: { kind: 'spec-local' },
  check({ workspace, lines }) {
    const out: Diagnostic[] = [];
    for (const { spec } of workspace.files) {
      if (!spec) continue;
      for (const m of findInBody(spec, lines(spec), PATTERN)) {
        if (ENDS_SAID.test(sentenceAround(spec, m).text)) continue;
        out.push(
          d.betweenEndsUnclear({
            file: spec.file,
            span: m.span,
            message: `\`${m.text}\` does not say whether the ends are included; expected "inclusive", "exclusive", or at least / at most`,
          }),
        );
      }
    }
    return out;
  },
};
