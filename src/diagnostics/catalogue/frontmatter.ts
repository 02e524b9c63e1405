import type { CatalogueEntry } from './types.js';
import { spec } from './example.js';
import type { MadeFile } from './types.js';

/** The default spec with the line that closes its frontmatter left out. */
function unclosed(): MadeFile {
  const made = spec('', { id: 'cart', title: 'Cart' });
  const content = () => (made.content() as string).replace(/\n---\n/, '\n');
  return { shown: (content() as string).split('\n\n## ')[0]! + '\n', about: 'the default feature spec without the `---` that closes its frontmatter', content };
}

/** Problems in a spec's YAML frontmatter. */
export const FRONTMATTER: CatalogueEntry[] = [
  {
    code: 'frontmatter-missing',
    severity: 'error',
    summary: 'A spec has no YAML frontmatter',
    doc: 'The frontmatter gives a spec its id, kind and status; without it nothing can reference the spec and speccc cannot tell whether to build it.',
    hint: 'Start the file with a `---` block holding at least id, kind and status.',
    ok: { files: { 'specs/cart.md': spec('', { id: 'cart', title: 'Cart' }) } },
    notOk: { files: { 'specs/cart.md': spec('', { frontmatter: null }) } },
  },
  {
    code: 'frontmatter-unclosed',
    severity: 'error',
    summary: 'The frontmatter is opened by `---` and never closed',
    doc: 'Frontmatter runs from the `---` on the first line to the next `---` line. Without that closing line the block is not frontmatter at all (markdown reads a horizontal rule and a paragraph), so this is reported at the opening `---`; the fields up to the first line that is not YAML are read as the frontmatter, so the rest of the spec is still checked.',
    hint: 'Add a `---` line after the last field, before the title.',
    ok: { files: { 'specs/cart.md': spec('', { id: 'cart', title: 'Cart' }) } },
    notOk: { files: { 'specs/cart.md': unclosed() } },
  },
  {
    code: 'yaml-invalid',
    severity: 'error',
    summary: 'The frontmatter is not valid YAML',
    doc: 'The frontmatter is parsed as YAML 1.2. Syntax errors, duplicate keys and excessive aliases (a "billion laughs" bomb) are reported at their position.',
    hint: 'Fix the YAML syntax at the position shown.',
    ok: { files: { 'specs/cart.md': spec('', { kind: 'feature' }) } },
    notOk: { files: { 'specs/cart.md': spec('', { frontmatter: 'id: cart\nkind: [feature\nstatus: ready\noutputs: [src/cart.ts, src/cart.test.ts]\n' }) } },
  },
  {
    code: 'frontmatter-not-mapping',
    severity: 'error',
    summary: 'The frontmatter is not a key/value mapping',
    doc: 'The frontmatter must be a YAML mapping (`key: value` lines), not a list or a scalar.',
    hint: 'Write the frontmatter as `key: value` lines.',
    ok: { files: { 'specs/cart.md': spec('', { id: 'cart' }) } },
    notOk: { files: { 'specs/cart.md': spec('', { frontmatter: '- id: cart\n- kind: feature\n- status: ready\n' }) } },
  },
  {
    code: 'frontmatter-unknown-field',
    severity: 'error',
    summary: 'The frontmatter has a field speccc does not know',
    doc: 'Unknown fields are errors rather than ignored, so a typo such as `depends-on` cannot silently drop a dependency.',
    hint: 'Remove the field or correct its name (known fields: id, kind, status, priority, depends_on, outputs, uses_twins, model, effort, budget_usd, owner, version).',
    ok: { files: { 'specs/invoice.md': spec('', { id: 'invoice', depends_on: ['cart'] }), 'specs/cart.md': spec() } },
    notOk: { files: { 'specs/invoice.md': spec('', { id: 'invoice', more: 'depends-on: [cart]' }), 'specs/cart.md': spec() } },
  },
  {
    code: 'frontmatter-missing-field',
    severity: 'error',
    summary: 'A required frontmatter field is missing',
    doc: 'Every spec needs `id`, `kind` and `status`.',
    hint: 'Add the field to the frontmatter.',
    ok: { files: { 'specs/cart.md': spec('', { status: 'ready' }) } },
    notOk: { files: { 'specs/cart.md': spec('', { status: null }) } },
  },
  {
    code: 'frontmatter-invalid-value',
    severity: 'error',
    summary: 'A frontmatter field has the wrong type or value',
    doc: 'Each field has a type and, for kind and status, a fixed set of values; ids are kebab-case; outputs and depends_on are lists of strings; budget_usd is a positive number; priority is high, normal, low or a whole number.',
    hint: 'Use a value of the documented type (see docs/spec-format.md).',
    ok: { files: { 'specs/cart.md': spec('', { kind: 'feature' }) } },
    notOk: { files: { 'specs/cart.md': spec('', { kind: 'feture' }) } },
  },
];
