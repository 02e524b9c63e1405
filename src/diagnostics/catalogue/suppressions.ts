import type { CatalogueEntry } from './types.js';
import { spec } from './example.js';

/** Suppression comments in specs (docs/spec-format.md, "Suppressions"). */
export const SUPPRESSIONS: CatalogueEntry[] = [
  {
    code: 'unused-suppression',
    severity: 'warning',
    summary: 'A suppression comment suppresses nothing',
    doc: 'A `speccc-disable` or `speccc-disable-next-line` comment whose code is not reported where it applies (the wording was fixed, the code is misspelt, or it is a code that cannot be suppressed) would hide the next real finding: it is reported so that it is removed.',
    hint: 'Remove the comment, or correct the code it names.',
    ok: {
      files: {
        'specs/cart.md': spec('## Constraints\n\n<!-- speccc-disable-next-line vague-wording -- "fast" is defined in the SLA document -->\n- `total` must be fast.\n'),
      },
    },
    notOk: {
      files: {
        'specs/cart.md': spec('## Constraints\n\n<!-- speccc-disable-next-line vague-wording -- "fast" is defined in the SLA document -->\n- `total` must return within 200 ms.\n'),
      },
    },
  },
];
