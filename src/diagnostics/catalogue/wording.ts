import type { CatalogueEntry } from './types.js';
import { spec } from './example.js';

const GLOSSARY = '# Glossary\n\n## Line item\n\nOne row of a cart: a product and its price in cents.\n';

/** Wording an agent cannot build or test from. */
export const WORDING: CatalogueEntry[] = [
  {
    code: 'placeholder-text',
    severity: 'error',
    summary: 'The spec contains placeholder text',
    doc: 'TBD, TODO, FIXME, XXX, ??? and lorem ipsum mark unfinished thinking; an agent would fill the gap with a guess.',
    hint: 'Replace the placeholder with the decision, or mark the spec `status: draft` until it is made.',
    ok: { files: { 'specs/cart.md': spec('## Rules\n\n- The total must be rounded half-even to the cent.\n') } },
    notOk: { files: { 'specs/cart.md': spec('## Rules\n\n- Rounding: TBD\n') } },
  },
  {
    code: 'vague-wording',
    severity: 'warning',
    summary: 'Vague wording that cannot be tested',
    doc: 'Words such as "fast", "user-friendly", "robust", "etc." or "as appropriate" have no pass/fail meaning; each reader, and each agent run, fills them in differently.',
    hint: 'Say what is meant in measurable terms (a number, a limit, an exact list).',
    ok: { files: { 'specs/cart.md': spec('## Constraints\n\n- `total` must return within 200 ms for a cart of 1,000 items.\n') } },
    notOk: { files: { 'specs/cart.md': spec('## Constraints\n\n- `total` must be fast for large carts, with discounts etc.\n') } },
  },
  {
    code: 'weak-modal',
    severity: 'warning',
    summary: 'A rule uses "should", "may" or "might" instead of "must"',
    doc: 'Rules are requirements: "should" and "may" leave the agent free to skip them. Use "must" (or "must not") for requirements, and state options explicitly.',
    hint: 'Use "must" / "must not", or describe the option and who chooses it.',
    ok: { files: { 'specs/cart.md': spec('## Rules\n\n- The total must be rounded half-even to the cent.\n') } },
    notOk: { files: { 'specs/cart.md': spec('## Rules\n\n- The total should be rounded half-even to the cent.\n') } },
  },
  {
    code: 'inputs-no-invalid-case',
    severity: 'error',
    summary: 'Inputs never says what happens on invalid input',
    doc: 'The most common gap in specs handed to agents: the happy path is described, invalid input is not, and each run invents its own behaviour.',
    hint: 'Say what happens when input is missing, malformed or out of range (rejected with which error?).',
    ok: { files: { 'specs/cart.md': spec('## Inputs\n\nA list of item prices in cents. A negative price is rejected with `INVALID_PRICE`.\n') } },
    notOk: { files: { 'specs/cart.md': spec('## Inputs\n\nA list of item prices in cents.\n') } },
  },
  {
    code: 'unknown-term',
    severity: 'error',
    summary: 'A marked [[term]] is not in the glossary',
    doc: 'Terms marked `[[Term]]` must be defined in context/glossary.md so every agent reads them the same way.',
    hint: 'Define the term as an H2 in context/glossary.md (or add it as an alias), or fix its spelling.',
    ok: { files: { 'specs/cart.md': spec('## What\n\nComputes the total of the [[line items]] of a cart in cents.\n'), 'context/glossary.md': GLOSSARY } },
    notOk: { files: { 'specs/cart.md': spec('## What\n\nComputes the total of the [[lineitems]] of a cart in cents.\n'), 'context/glossary.md': GLOSSARY } },
  },
];
