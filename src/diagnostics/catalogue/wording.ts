import type { CatalogueEntry } from './types.js';

/** Wording an agent cannot build or test from. */
export const WORDING: CatalogueEntry[] = [
  {
    code: 'placeholder-text',
    severity: 'error',
    summary: 'The spec contains placeholder text',
    doc: 'TBD, TODO, FIXME, XXX, ??? and lorem ipsum mark unfinished thinking; an agent would fill the gap with a guess.',
    hint: 'Replace the placeholder with the decision, or mark the spec `status: draft` until it is made.',
    ok: '- Amounts are rounded half-even to the cent.\n',
    notOk: '- Rounding: TBD\n',
  },
  {
    code: 'vague-wording',
    severity: 'warning',
    summary: 'Vague wording that cannot be tested',
    doc: 'Words such as "fast", "user-friendly", "robust", "etc." or "as appropriate" have no pass/fail meaning; each reader, and each agent run, fills them in differently.',
    hint: 'Say what is meant in measurable terms (a number, a limit, an exact list).',
    ok: '- Responds within 200 ms for 1,000 items.\n',
    notOk: '- Responds fast for large carts, handles discounts etc.\n',
  },
  {
    code: 'weak-modal',
    severity: 'warning',
    summary: 'A rule uses "should", "may" or "might" instead of "must"',
    doc: 'Rules are requirements: "should" and "may" leave the agent free to skip them. Use "must" (or "must not") for requirements, and state options explicitly.',
    hint: 'Use "must" / "must not", or describe the option and who chooses it.',
    ok: '## Rules\n- Totals must be rounded half-even.\n',
    notOk: '## Rules\n- Totals should be rounded.\n',
  },
  {
    code: 'inputs-no-invalid-case',
    severity: 'error',
    summary: 'Inputs never says what happens on invalid input',
    doc: 'The most common gap in specs handed to agents: the happy path is described, invalid input is not, and each run invents its own behaviour.',
    hint: 'Say what happens when input is missing, malformed or out of range (rejected with which error?).',
    ok: '## Inputs\n- quantity: integer 1–999; anything else is rejected with `InvalidQuantity`.\n',
    notOk: '## Inputs\n- quantity: an integer.\n',
  },
  {
    code: 'unknown-term',
    severity: 'error',
    summary: 'A marked [[term]] is not in the glossary',
    doc: 'Terms marked `[[Term]]` must be defined in context/glossary.md so every agent reads them the same way.',
    hint: 'Define the term as an H2 in context/glossary.md (or add it as an alias), or fix its spelling.',
    ok: 'context/glossary.md: ## Line item\n\nspec: Each [[line item]] has a quantity.\n',
    notOk: 'spec: Each [[lineitem]] has a quantity.\n',
  },
];
