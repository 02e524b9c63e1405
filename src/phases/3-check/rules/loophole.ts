import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic } from '../../../types/index.js';
import type { Rule } from '../rule.js';
import { findInBody } from '../prose.js';

/**
 * Escape clauses: a condition nobody can check ("if possible", "where applicable", "as needed")
 * that lets the requirement be skipped. "As required by RFC 9110" names who requires it: not one.
 */
// Every alternative starts with \b; the \b repeated in front of the group lets V8 reject most
// positions before trying each alternative in turn (about twice as fast; the same matches).
const PATTERN = new RegExp(
  String.raw`\b(?:` +
  [
    // Not "if possible values of …": there the word qualifies a noun.
    String.raw`\b(?:if|where|wherever|when|whenever|as) (?:possible|applicable|necessary|needed|appropriate|feasible|practical|practicable|available|required|desired)\b(?! by\b)(?! (?!(?:and|or|but|to|for|in|on|at|with|without|the|a|an|it|this|that|then|when|if)\b)[a-z]+s\b)`,
    String.raw`\bunless (?:impractical|impracticable|infeasible|unfeasible|not (?:possible|feasible|practical|practicable))\b`,
    String.raw`\bto the (?:extent|degree) (?:possible|practical|practicable|feasible)\b`,
    String.raw`\bas (?:much|far|soon|\w+) as (?:possible|practical|practicable|feasible)\b`,
    String.raw`\bas \w+ as (?:[\w-]+ ){0,4}(?:will allow|allows|permits|will permit)\b`,
    String.raw`\ball applicable\b`,
    String.raw`\bmay be relaxed\b`,
  ].join('|') +
    ')',
  'gi',
);

export const loopholeRule: Rule = {
  id: 'loophole',
  codes: ['loophole'],
  scope: { kind: 'spec-local' },
  check({ workspace, lines }) {
    const out: Diagnostic[] = [];
    for (const { spec } of workspace.files) {
      if (!spec) continue;
      for (const m of findInBody(spec, lines(spec), PATTERN)) {
        out.push(
          d.loophole({
            file: spec.file,
            span: m.span,
            message: `Escape clause \`${m.text}\` lets the requirement be skipped without saying when; expected the condition under which it applies`,
          }),
        );
      }
    }
    return out;
  },
};
