import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic } from '../../../types/index.js';
import type { Rule } from '../rule.js';
import { findInProse } from '../prose.js';

// Upper-case only for TODO/TBD/FIXME/XXX: "todo list" in prose is a feature, "TODO" is a gap.
const PLACEHOLDER = /\b(?:TBD|TBC|TBS|TODO|FIXME|XXX)\b|\?{3,}|\blorem ipsum\b|\bto be (?:determined|decided)\b(?! by\b)|\[NEEDS CLARIFICATION\b/gi;
const UPPER_ONLY = /^(?:tbd|tbc|tbs|todo|fixme|xxx|\[needs clarification)$/i;

export const placeholderTextRule: Rule = {
  id: 'placeholder-text',
  codes: ['placeholder-text'],
  scope: { kind: 'spec-local' },
  check({ workspace, lines }) {
    const out: Diagnostic[] = [];
    for (const { spec } of workspace.files) {
      if (!spec) continue;
      for (const m of findInProse(spec, lines(spec), PLACEHOLDER)) {
        if (UPPER_ONLY.test(m.text) && m.text !== m.text.toUpperCase()) continue;
        out.push(
          d.placeholderText({
            file: spec.file,
            span: m.span,
            message: `Placeholder \`${m.text}\` found; expected the decided behaviour`,
          }),
        );
      }
    }
    return out;
  },
};
