import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic, Spec } from '../../../types/index.js';
import type { Rule } from '../rule.js';

export const duplicateIdRule: Rule = {
  id: 'duplicate-id',
  codes: ['duplicate-id'],
  scope: { kind: 'workspace', own: 'frontmatter', reads: ['same-id'] },
  check({ workspace }) {
    const out: Diagnostic[] = [];
    const first = new Map<string, Spec>();
    for (const { spec } of workspace.files) {
      const id = spec?.frontmatter?.id;
      if (!spec || !id) continue;
      const owner = first.get(id);
      if (!owner) {
        first.set(id, spec);
        continue;
      }
      out.push(
        d.duplicateId({
          file: spec.file,
          span: spec.frontmatterSpans?.fields.id ?? spec.frontmatterSpans!.block,
          message: `Spec id \`${id}\` is already used by ${owner.file}; expected unique ids`,
          related: [{ file: owner.file, span: owner.frontmatterSpans?.fields.id ?? owner.frontmatterSpans!.block, message: 'first spec with this id' }],
        }),
      );
    }
    return out;
  },
};
