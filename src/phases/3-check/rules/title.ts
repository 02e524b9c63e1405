import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic } from '../../../types/index.js';
import type { Rule } from '../rule.js';
import { startOf } from '../prose.js';

export const titleRule: Rule = {
  id: 'title',
  codes: ['title-missing', 'title-multiple'],
  scope: { kind: 'spec-local' },
  check({ workspace }) {
    const out: Diagnostic[] = [];
    for (const { spec } of workspace.files) {
      if (!spec) continue;
      if (!spec.title) {
        const at = spec.frontmatterSpans ? startOf({ start: spec.frontmatterSpans.block.end, end: spec.frontmatterSpans.block.end }) : { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
        out.push(d.titleMissing({ file: spec.file, span: at, message: 'Spec has no `# Title`; expected one H1 heading after the frontmatter' }));
      }
      for (const extra of spec.extraTitles) {
        out.push(
          d.titleMultiple({
            file: spec.file,
            span: extra,
            message: 'Spec has a second H1 heading; expected one title per spec',
            ...(spec.title ? { related: [{ file: spec.file, span: spec.title.span, message: 'first title' }] } : {}),
          }),
        );
      }
    }
    return out;
  },
};
