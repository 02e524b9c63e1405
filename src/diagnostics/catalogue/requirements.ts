import type { CatalogueEntry } from './types.js';
import { spec } from './example.js';

const RULES = '## Rules\n\n- The total must be the sum of the prices.\n';
/** The default spec with a rule added after it was built: nothing generated names the new rule yet. */
/** The default spec with a second rule, and the same spec after that rule was removed. */
const TWO_RULES = '## Rules\n\n- The total must be the sum of the prices.\n- `total` must reject a price above 100,000 cents with `PRICE_TOO_HIGH`.\n';
const RULE_REMOVED = spec(RULES).content() as string;
const ADDED_RULE = spec('## Rules\n\n- The total must be the sum of the prices.\n- `total` must reject a price above 100,000 cents with `PRICE_TOO_HIGH`.\n').content() as string;

/** Requirement ids and what covers them: the trace from each rule, edge case and scenario to the checks that test it. */
export const REQUIREMENTS: CatalogueEntry[] = [
  {
    code: 'requirement-id-duplicate',
    severity: 'error',
    summary: 'Two requirements of a spec pin the same id',
    doc: 'A pinned id (`{#id}` at the end of a rule, an edge case or a scenario) names one requirement in tests, holdouts and traces; pinned twice, coverage of one would count for the other.',
    hint: 'Give each pinned id to one requirement only, or remove the pin to let speccc derive the id from the text.',
    ok: { files: { 'specs/cart.md': spec('## Rules\n\n- The total must be the sum of the prices. {#total}\n- Each price must be a whole number of cents. {#whole-cents}\n') } },
    notOk: { files: { 'specs/cart.md': spec('## Rules\n\n- The total must be the sum of the prices. {#total}\n- Each price must be a whole number of cents. {#total}\n') } },
  },
  {
    code: 'requirement-untested',
    severity: 'warning',
    summary: 'A requirement of a built spec is covered by no test and no holdout',
    doc: 'Each rule, edge case and scenario of a built spec should be named by at least one generated test that asserts something (`[cart#R-…]` in its title) or by a holdout scenario (`covers:` in its frontmatter). One that nothing names may be untested: nothing would fail if the code ignored it.',
    hint: 'Rebuild the spec (its job prompt asks every test to name the ids it covers), or write a holdout scenario with `covers: [<id>]`.',
    ok: { files: { 'specs/cart.md': spec(RULES) }, build: {} },
    notOk: {
      files: { 'specs/cart.md': spec(RULES) },
      build: { thenEdit: { 'specs/cart.md': ADDED_RULE } },
      note: 'The rule added after the build is named by no generated test and no holdout; `speccc build` would generate tests for it.',
    },
  },
  {
    code: 'requirement-id-unknown',
    severity: 'warning',
    summary: 'A test or holdout names a requirement id that no spec has',
    doc: 'A generated test or a holdout that names `[cart#R-…]` claims to check that requirement. When no spec has the id (the rule was removed or reworded after the build, or a hand-written check has a typo), the test checks something the specs no longer ask for, and the coverage it seems to give counts for nothing. Reported once per file and id, at its first mention, with the nearest id of the same spec when one is close. Judged once something is built (test files are parsed only then).',
    hint: 'Rebuild the spec (`speccc build`): its tests then name its current ids. In a holdout, correct the id or remove it.',
    ok: { files: { 'specs/cart.md': spec(TWO_RULES) }, build: {} },
    notOk: {
      files: { 'specs/cart.md': spec(TWO_RULES) },
      build: { thenEdit: { 'specs/cart.md': RULE_REMOVED } },
      note: 'The rule removed after the build is still named by a generated test; `speccc build` would regenerate the tests.',
    },
  },
];
