import type { CatalogueEntry } from './types.js';
import { bytes, latin1, spec } from './example.js';

const PNG = bytes('89 50 4e 47 0d 0a 1a 0a 00 00 00 0d 49 48 44 52', 'the first bytes of a PNG image');

/** A list with each item nested in the one above, `depth` levels deep. */
const nestedList = (depth: number) =>
  Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- ${i === 0 ? 'The total must be the sum of the prices.' : `Detail ${i}.`}`).join('\n') + '\n';

/** Problems with the files themselves, before any markdown is read. */
export const INPUT: CatalogueEntry[] = [
  {
    code: 'file-binary',
    severity: 'error',
    summary: 'A file under specs/ is binary',
    doc: 'Every `.md` file under the specs folder is read as a spec. A file with NUL bytes is not text; it was probably saved by the wrong tool or misnamed.',
    hint: 'Move the file out of the specs folder or save it as UTF-8 markdown.',
    ok: { files: { 'assets/logo.png': PNG, 'specs/cart.md': spec() } },
    notOk: { files: { 'specs/logo.md': PNG } },
  },
  {
    code: 'file-not-utf8',
    severity: 'error',
    summary: 'A spec is not valid UTF-8',
    doc: 'Specs are UTF-8. Another encoding (Latin-1, UTF-16) would reach the agent as garbage, so speccc refuses it and points at the first bad byte.',
    hint: 'Re-save the file as UTF-8.',
    ok: { files: { 'specs/cart.md': spec('', { title: 'Café' }) } },
    notOk: { files: { 'specs/cart.md': latin1(spec('', { title: 'Café' })) } },
  },
  {
    code: 'file-too-large',
    severity: 'error',
    summary: 'A spec is larger than 1 MiB',
    doc: 'A spec is a description for an agent, not a data file. Huge files blow the prompt budget and usually mean data was pasted in.',
    hint: 'Split the spec, or move data into the generated code\'s fixtures and describe it instead.',
    ok: { files: { 'specs/cart.md': spec('## Inputs\n\nA price list in CSV with the columns sku, description and unit_price (in cents). A row with a negative price is rejected with `INVALID_PRICE`.\n') } },
    notOk: { files: { 'specs/cart.md': spec('## Price list\n\nsku,description,unit_price\n', { repeat: { text: 'TEA-0001,Breakfast tea 250 g,450\n', times: 40_000 } }) } },
  },
  {
    code: 'file-empty',
    severity: 'error',
    summary: 'A spec file is empty',
    doc: 'An empty `.md` file under specs/ is almost always an unfinished spec; it has no id, so nothing can depend on it.',
    hint: 'Write the spec (frontmatter, title, sections) or delete the file.',
    ok: { files: { 'specs/discounts.md': spec('', { id: 'discounts', status: 'draft' }) } },
    notOk: { files: { 'specs/discounts.md': '', 'specs/cart.md': spec() } },
  },
  {
    code: 'markdown-unparsable',
    severity: 'error',
    summary: 'The markdown parser could not read the file',
    doc: 'Pathological input, such as thousands of nested block quotes or lists, exceeds what the parser can handle.',
    hint: 'Flatten the nesting; specs need at most a few levels of lists.',
    ok: { files: { 'specs/cart.md': spec(`## Rules\n\n${nestedList(3)}`) } },
    notOk: { files: { 'specs/cart.md': spec(`## Rules\n\n${nestedList(17)}`) }, note: 'Each item is nested in the one above, 17 levels deep; 16 is the most speccc reads.' },
  },
  {
    code: 'specs-folder-missing',
    severity: 'error',
    summary: 'The specs folder does not exist',
    doc: 'speccc looks for specs in the configured specs folder (`specs/` by default) under the workspace root.',
    hint: 'Run speccc in the workspace root, pass --root DIR, or create the specs folder; in a folder that is not a speccc workspace yet, `npx speccc init` sets one up.',
    ok: { files: { 'specs/cart.md': spec() } },
    notOk: { files: { 'spec/cart.md': spec() }, note: 'The folder is `spec/`, not `specs/`.' },
  },
  {
    code: 'path-not-found',
    severity: 'error',
    summary: 'A path given on the command line does not exist',
    doc: '`speccc check PATH...` checks only the named files or folders; a path that does not exist is reported instead of silently checking nothing.',
    hint: 'Check the spelling; paths are relative to the current directory.',
    ok: { files: { 'specs/cart.md': spec() }, command: ['check', 'specs/cart.md'] },
    notOk: { files: { 'specs/cart.md': spec() }, command: ['check', 'specs/crat.md'] },
  },
];
