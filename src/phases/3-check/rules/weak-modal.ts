import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic } from '../../../types/index.js';
import type { Rule } from '../rule.js';
import { findInProse } from '../prose.js';

const WEAK = /\b(?:should(?: not)?|shouldn't|may(?: not)?|might|could|ideally|preferably)\b/gi;

export const weakModalRule: Rule = {
  id: 'weak-modal',
  codes: ['weak-modal'],
  check({ workspace, lines }) {
    const out: Diagnostic[] = [];
    for (const { spec } of workspace.files) {
      if (!spec) continue;
      for (const m of findInProse(spec, lines(spec), WEAK, (section) => section?.name === 'rules' || section?.name === 'constraints')) {
        if (m.section && m.span.start.offset < m.section.headingSpan.end.offset) continue;
        out.push(
          d.weakModal({
            file: spec.file,
            span: m.span,
            message: `Rule says \`${m.text}\`, which leaves it optional; expected "must" or "must not"`,
          }),
        );
      }
    }
    return out;
  },
};
