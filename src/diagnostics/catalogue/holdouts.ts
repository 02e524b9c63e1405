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
  {
    code: 'scenarios-folder-missing',
    severity: 'error',
    summary: 'The scenarios folder the config names is missing or empty',
    doc: 'With `paths.scenarios` set, the holdouts are meant to be there: a folder that was not checked out (a CI job without the scenarios repository) must not pass for "no holdouts", which would let every spec be promoted unverified.',
    hint: 'Check out the scenarios repository at that path (or pass the right one to paths.scenarios); remove paths.scenarios if the product has no holdouts yet.',
    locked: 'a build would otherwise promote every spec unverified',
    ok: { files: { 'speccc.config.json': JSON.stringify({ paths: { scenarios: 'holdouts' } }, null, 2), 'specs/cart.md': spec(), 'holdouts/cart/empty-cart.md': SCENARIO, 'holdouts/cart/empty-cart.test.ts': CHECK } },
    notOk: { files: { 'speccc.config.json': JSON.stringify({ paths: { scenarios: 'holdouts' } }, null, 2), 'specs/cart.md': spec() }, note: 'The config names `holdouts/`, which does not exist.' },
  },
];
