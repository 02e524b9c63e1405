import { closest } from '../../../diagnostics/closest.js';
import { diagnostics as d } from '../../../diagnostics/messages.js';
import type { Diagnostic } from '../../../types/index.js';
import type { Rule } from '../rule.js';

export const glossaryTermsRule: Rule = {
  id: 'glossary-terms',
  codes: ['unknown-term'],
  scope: { kind: 'file', reads: ['glossary'] },
  check({ workspace }) {
    const known = new Set(workspace.glossary.flatMap((t) => t.keys));
    // A typo is suggested as the term or alias it most likely means, a term as its glossary heading spells it.
    const shown = new Map(workspace.glossary.flatMap((t) => t.keys.map((k) => [k, k === t.term.toLowerCase() ? t.term : k] as const)));
    const out: Diagnostic[] = [];
    for (const { spec } of workspace.files) {
      if (!spec) continue;
      for (const use of spec.terms) {
        const key = use.term.toLowerCase();
        // A plural use of a defined singular ("[[line items]]") is the same term.
        if (known.has(key) || (key.endsWith('s') && known.has(key.slice(0, -1)))) continue;
        const near = closest(key, known);
        out.push(
          d.unknownTerm({
            file: spec.file,
            span: use.span,
            message:
              workspace.glossary.length === 0
                ? `Term \`${use.term}\` is marked but there is no glossary; expected context/glossary.md to define it`
                : `Term \`${use.term}\` is not defined in the glossary; expected an H2 \`## ${use.term}\` in context/glossary.md`,
            ...(near ? { hint: `Did you mean \`[[${shown.get(near)}]]\`?` } : {}),
          }),
        );
      }
    }
    return out;
  },
};
