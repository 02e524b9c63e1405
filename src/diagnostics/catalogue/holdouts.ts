import type { CatalogueEntry } from './types.js';
import { spec } from './example.js';

const SCENARIO = '# An empty cart totals zero\n\nGiven an empty cart, when it is totalled, then the total is 0 cents.\n';
const CHECK = "import { expect, it } from 'vitest';\nimport { total } from '../../src/cart.js';\n\nit('an empty cart totals zero', () => expect(total([])).toBe(0));\n";

/** Holdout scenarios: the checks that decide promotion. */
export const HOLDOUTS: CatalogueEntry[] = [
  {
    code: 'scenario-no-check',
    severity: 'warning',
    summary: 'A plain-language holdout scenario has no automated check',
    doc: 'A scenario is only a gate once it runs. Without a `<name>.test.ts` beside it, nothing checks it: verify and build count it as unverified, never as passing.',
    hint: 'Run `speccc scenarios generate` to write its check, or write `<name>.test.ts` beside it.',
    ok: { files: { 'scenarios/cart/empty-cart.md': SCENARIO, 'scenarios/cart/empty-cart.test.ts': CHECK, 'specs/cart.md': spec() } },
    notOk: { files: { 'scenarios/cart/empty-cart.md': SCENARIO, 'specs/cart.md': spec() } },
  },
];
