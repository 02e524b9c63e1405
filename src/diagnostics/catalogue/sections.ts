import type { CatalogueEntry } from './types.js';

const FM = '---\nid: totals\nkind: feature\nstatus: ready\noutputs: [src/totals.ts]\n---\n';

/** The shape of a spec's body: title and sections. */
export const SECTIONS: CatalogueEntry[] = [
  {
    code: 'title-missing',
    severity: 'error',
    summary: 'A spec has no H1 title',
    doc: 'The title names the spec for people and agents; it is the first thing in the job prompt.',
    hint: 'Add a `# Title` line after the frontmatter.',
    ok: FM + '# Invoice totals\n',
    notOk: FM + '## What\n...\n',
  },
  {
    code: 'title-multiple',
    severity: 'warning',
    summary: 'A spec has more than one H1 title',
    doc: 'One spec describes one thing. A second H1 usually means two specs were pasted into one file, or a section was given the wrong level.',
    hint: 'Make it an H2 section, or split the file into two specs.',
    ok: '# Invoice totals\n## What\n',
    notOk: '# Invoice totals\n# Discounts\n',
  },
  {
    code: 'section-missing',
    severity: 'error',
    summary: 'A section required for the spec\'s kind is missing',
    doc: 'Each kind requires the sections an agent needs to build it without guessing (see the table in docs/spec-format.md). A feature needs What, Who, Inputs, Outputs, Rules, Edge cases and Evaluation.',
    hint: 'Add the section as an H2 heading with content.',
    ok: '## What\n...\n## Who\n...\n## Inputs\n...\n## Outputs\n...\n## Rules\n...\n## Edge cases\n...\n## Evaluation\n...\n',
    notOk: '## What\nComputes totals.\n## Rules\n...\n',
  },
  {
    code: 'section-empty',
    severity: 'error',
    summary: 'A section has a heading but no content',
    doc: 'An empty section looks answered but tells the agent nothing.',
    hint: 'Write the section\'s content, or remove the heading if the kind does not require it.',
    ok: '## Who\nAccountants who issue invoices.\n',
    notOk: '## Who\n\n## Inputs\n',
  },
  {
    code: 'section-duplicate',
    severity: 'error',
    summary: 'A section appears twice',
    doc: 'Two sections answering the same question (for example `Rules` and `Requirements`) split what the agent must read and invite contradictions.',
    hint: 'Merge the two sections into one.',
    ok: '## Rules\n- a\n- b\n',
    notOk: '## Rules\n- a\n## Requirements\n- b\n',
  },
];
