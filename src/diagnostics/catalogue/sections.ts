import type { CatalogueEntry } from './types.js';
import { spec } from './example.js';

/** The shape of a spec's body: title and sections. */
export const SECTIONS: CatalogueEntry[] = [
  {
    code: 'title-missing',
    severity: 'error',
    summary: 'A spec has no H1 title',
    doc: 'The title names the spec for people and agents; it is the first thing in the job prompt.',
    hint: 'Add a `# Title` line after the frontmatter.',
    ok: { files: { 'specs/cart.md': spec('', { id: 'cart', title: 'Cart' }) } },
    notOk: { files: { 'specs/cart.md': spec('', { title: null }) } },
  },
  {
    code: 'title-multiple',
    severity: 'warning',
    summary: 'A spec has more than one H1 title',
    doc: 'One spec describes one thing. A second H1 usually means two specs were pasted into one file, or a section was given the wrong level.',
    hint: 'Make it an H2 section, or split the file into two specs.',
    ok: { files: { 'specs/cart.md': spec('## Discounts\n\nA discount code takes 10% off the total.\n') } },
    notOk: { files: { 'specs/cart.md': spec('# Discounts\n\nA discount code takes 10% off the total.\n') } },
  },
  {
    code: 'section-missing',
    severity: 'error',
    summary: 'A section required for the spec\'s kind is missing',
    doc: 'Each kind requires the sections an agent needs to build it without guessing (see the table in docs/spec-format.md). A feature needs What, Who, Inputs, Outputs, Rules, Edge cases and Evaluation.',
    hint: 'Add the section as an H2 heading with content.',
    ok: { files: { 'specs/cart.md': spec() } },
    notOk: { files: { 'specs/cart.md': spec('', { omit: ['Who', 'Edge cases'] }) } },
  },
  {
    code: 'section-misspelled',
    severity: 'error',
    summary: 'A heading misspells a section the spec\'s kind requires',
    doc: 'A heading that is a typo of a required section (`## Evalution`) is not that section: speccc reads it as an extra section of the author\'s own, and the spec lacks the one it meant. It is reported at the heading, with the section it most likely means (the same did-you-mean as every other suggestion speccc makes), instead of as a missing section at the title; the language server offers the rename as a quick fix. Headings close to no required section (`## Notes`) are the author\'s own and pass.',
    hint: 'Rename the heading to the section it means.',
    ok: { files: { 'specs/cart.md': spec('## Evaluation\n\n### Scenario: two items\n- **Given** prices 250 and 175\n- **When** the total is computed\n- **Then** it is 425\n') } },
    notOk: { files: { 'specs/cart.md': spec('## Evalution\n\n### Scenario: two items\n- **Given** prices 250 and 175\n- **When** the total is computed\n- **Then** it is 425\n', { omit: ['Evaluation'] }) } },
  },
  {
    code: 'section-empty',
    severity: 'error',
    summary: 'A section has a heading but no content',
    doc: 'An empty section looks answered but tells the agent nothing.',
    hint: 'Write the section\'s content, or remove the heading if the kind does not require it.',
    ok: { files: { 'specs/cart.md': spec('## Who\n\nThe checkout page.\n') } },
    notOk: { files: { 'specs/cart.md': spec('## Who\n') } },
  },
  {
    code: 'section-duplicate',
    severity: 'error',
    summary: 'A section appears twice',
    doc: 'Two sections answering the same question (for example `Rules` and `Requirements`) split what the agent must read and invite contradictions.',
    hint: 'Merge the two sections into one.',
    ok: { files: { 'specs/cart.md': spec('## Rules\n\n- The total must be the sum of the prices.\n- The total must not be negative.\n') } },
    notOk: { files: { 'specs/cart.md': spec('## Rules\n\n- The total must be the sum of the prices.\n\n## Requirements\n\n- The total must not be negative.\n') } },
  },
];
