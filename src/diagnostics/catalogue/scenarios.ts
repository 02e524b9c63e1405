import type { CatalogueEntry } from './types.js';
import { spec } from './example.js';

/** The default Evaluation section, before the scenario an example adds. */
const EVALUATION = '## Evaluation\n\n### Scenario: two items\n- **Given** prices 250 and 175\n- **When** the total is computed\n- **Then** it is 425\n\n';

/** The Evaluation section's Given/When/Then scenarios. */
export const SCENARIOS: CatalogueEntry[] = [
  {
    code: 'scenario-none',
    severity: 'error',
    summary: 'Evaluation has no complete Given/When/Then scenario',
    doc: 'Scenarios are how a spec says what "done" means; without one the agent\'s tests are guesses and nothing can judge the output.',
    hint: 'Add a scenario: `### Scenario: name` followed by Given, When and Then steps.',
    ok: { files: { 'specs/cart.md': spec('## Evaluation\n\n### Scenario: empty cart\n- **Given** an empty cart\n- **When** the total is computed\n- **Then** it is 0 cents\n') } },
    notOk: { files: { 'specs/cart.md': spec('## Evaluation\n\nThe total is the sum of the prices.\n') } },
  },
  {
    code: 'scenario-stray-text',
    severity: 'warning',
    summary: 'Text under Evaluation, after a scenario, is no step of one',
    doc: 'A scenario is its Given, When and Then steps. A paragraph or list item without a step keyword after a scenario belongs to none: the scenario is built and tested from its steps alone, so an expectation written as plain prose is silently left out. (Text before the first scenario introduces them and is fine.)',
    hint: 'Write it as a step (`- **Then** the total is 425 cents`), start a scenario for it (`### Scenario: name` with Given, When and Then), or move a requirement to Rules or Edge cases.',
    ok: { files: { 'specs/cart.md': spec('## Evaluation\n\nPrices are in cents.\n\n### Scenario: two items\n- **Given** prices 250 and 175\n- **When** the total is computed\n- **Then** it is 425\n- **And** the total is an integer\n') } },
    notOk: { files: { 'specs/cart.md': spec('## Evaluation\n\n### Scenario: two items\n- **Given** prices 250 and 175\n- **When** the total is computed\n- **Then** it is 425\n\nThe total is an integer.\n') } },
  },
  {
    code: 'scenario-incomplete',
    severity: 'error',
    summary: 'A scenario lacks a Given, a When or a Then',
    doc: 'A scenario needs a starting state (Given), an action (When) and an observable outcome (Then); with one missing it cannot be turned into a test.',
    hint: 'Add the missing step.',
    ok: { files: { 'specs/cart.md': spec(EVALUATION + '### Scenario: empty cart\n- **Given** an empty cart\n- **When** the total is computed\n- **Then** it is 0\n') } },
    notOk: { files: { 'specs/cart.md': spec(EVALUATION + '### Scenario: empty cart\n- **Given** an empty cart\n- **When** the total is computed\n') } },
  },
  {
    code: 'scenario-order',
    severity: 'warning',
    summary: 'A scenario\'s steps are out of Given, When, Then order',
    doc: 'A Then before its When, or a Given after the When, usually means two scenarios were merged or a step was mislabelled.',
    hint: 'Order the steps Given, When, Then; split the scenario if it checks two things.',
    ok: { files: { 'specs/cart.md': spec(EVALUATION + '### Scenario: empty cart\n- **Given** an empty cart\n- **When** the total is computed\n- **Then** it is 0\n') } },
    notOk: { files: { 'specs/cart.md': spec(EVALUATION + '### Scenario: empty cart\n- **Given** an empty cart\n- **Then** it is 0\n- **When** the total is computed\n') } },
  },
  {
    code: 'scenario-duplicate-name',
    severity: 'warning',
    summary: 'Two scenarios in one spec have the same name',
    doc: 'Scenario names identify failures in reports and traces; two with one name make a failure ambiguous.',
    hint: 'Give each scenario a distinct name.',
    ok: { files: { 'specs/cart.md': spec(EVALUATION + '### Scenario: empty cart\n- **Given** an empty cart\n- **When** the total is computed\n- **Then** it is 0\n') } },
    notOk: { files: { 'specs/cart.md': spec(EVALUATION + '### Scenario: two items\n- **Given** an empty cart\n- **When** the total is computed\n- **Then** it is 0\n') } },
  },
  {
    code: 'then-untestable',
    severity: 'warning',
    summary: 'A Then step states no observable outcome',
    doc: 'Then steps such as "it works" or "everything is fine" cannot fail, so a test built from them proves nothing.',
    hint: 'State a value, message or state that can be checked.',
    ok: { files: { 'specs/cart.md': spec('## Evaluation\n\n### Scenario: two items\n- **Given** prices 250 and 175\n- **When** the total is computed\n- **Then** the total is 425 cents\n') } },
    notOk: { files: { 'specs/cart.md': spec('## Evaluation\n\n### Scenario: two items\n- **Given** prices 250 and 175\n- **When** the total is computed\n- **Then** it works\n') } },
  },
  {
    code: 'property-no-generator',
    severity: 'error',
    summary: 'A property has no For any step',
    doc: 'A property states what holds for every input of a kind; its For any steps say which inputs (the generators its check draws from). Without one, nothing says what to generate, and the property cannot be checked.',
    hint: 'Add a For any step naming the inputs: `- **For any** title of 1 to 200 characters`.',
    ok: { files: { 'specs/cart.md': spec(EVALUATION + '### Property: totals are never negative\n- **For any** list of up to 50 prices of at least 0 cents\n- **When** the total is computed\n- **Then** the total is at least 0 cents\n') } },
    notOk: { files: { 'specs/cart.md': spec(EVALUATION + '### Property: totals are never negative\n- **When** the total is computed\n- **Then** the total is at least 0 cents\n') } },
  },
  {
    code: 'property-no-assertion',
    severity: 'error',
    summary: 'A property has no Then step',
    doc: 'A property\'s Then steps say what must hold for every generated input; without one it asserts nothing, and a check of it could never fail.',
    hint: 'Add a Then step stating what holds for every input: `- **Then** the total is at least 0 cents`.',
    ok: { files: { 'specs/cart.md': spec(EVALUATION + '### Property: totals are never negative\n- **For any** list of up to 50 prices of at least 0 cents\n- **When** the total is computed\n- **Then** the total is at least 0 cents\n') } },
    notOk: { files: { 'specs/cart.md': spec(EVALUATION + '### Property: totals are never negative\n- **For any** list of up to 50 prices of at least 0 cents\n- **When** the total is computed\n') } },
  },
];
