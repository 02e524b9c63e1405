import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic } from '../../../types/index.js';
import type { Rule } from '../rule.js';

export const duplicateIdRule: Rule = {
  id: 'duplicate-id',
  codes: ['duplicate-id'],
  scope: { kind: 'workspace', own: 'frontmatter', reads: ['same-id'] },
  check({ workspace }) {
    const out: Diagnostic[] = [];
    // workspace.byId holds the first spec of each id in file order (workspace.ts indexIds): every
    // other spec that declares the id is a duplicate of that one.
    for (const { spec } of workspace.files) {
      const id = spec?.frontmatter?.id;
      if (!spec || !id || !workspace.sharedIds.has(id)) continue;
      const owner = workspace.byId.get(id);
      if (!owner || owner === spec) continue;
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
