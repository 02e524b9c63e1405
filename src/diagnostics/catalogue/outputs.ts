import type { CatalogueEntry } from './types.js';
import { spec } from './example.js';

/** The generated files each spec owns. */
export const OUTPUTS: CatalogueEntry[] = [
  {
    code: 'output-conflict',
    severity: 'error',
    summary: 'Two specs own the same output file',
    doc: 'Each generated file has exactly one owner, so a build of one spec can never overwrite another\'s work.',
    hint: 'Give the file to one spec; the other can depend on it.',
    ok: { files: { 'specs/invoice.md': spec('', { id: 'invoice', outputs: ['src/invoice.ts', 'src/invoice.test.ts'] }), 'specs/money.md': spec('', { id: 'money', kind: 'architecture', outputs: ['src/money.ts', 'src/money.test.ts'] }) } },
    notOk: { files: { 'specs/invoice.md': spec('', { id: 'invoice', outputs: ['src/money.ts', 'src/invoice.test.ts'] }), 'specs/money.md': spec('', { id: 'money', kind: 'architecture', outputs: ['src/money.ts', 'src/money.test.ts'] }) } },
  },
  {
    code: 'output-path-invalid',
    severity: 'error',
    summary: 'An output path is absolute, escapes the generated root, or is malformed',
    doc: 'Outputs are POSIX paths relative to the generated root. Absolute paths, `..`, backslashes, empty segments and paths into `.speccc/` would let an agent write outside its sandbox.',
    hint: 'Use a relative path inside the generated root, such as `src/money.ts`.',
    ok: { files: { 'specs/cart.md': spec('## Outputs\n\n- `src/cart.ts` exports `total`.\n', { outputs: ['src/cart.ts', 'src/cart.test.ts'] }) } },
    notOk: { files: { 'specs/cart.md': spec('## Outputs\n\n- `src/cart.ts` exports `total`.\n', { outputs: ['../src/cart.ts', 'src/cart.test.ts'] }) } },
  },
  {
    code: 'output-duplicate',
    severity: 'warning',
    summary: 'A spec lists the same output twice',
    doc: 'Listing a file twice is harmless but usually a copy-paste slip that hides a missing file.',
    hint: 'Remove the repeated entry.',
    ok: { files: { 'specs/cart.md': spec('', { outputs: ['src/cart.ts', 'src/cart.test.ts'] }) } },
    notOk: { files: { 'specs/cart.md': spec('', { outputs: ['src/cart.ts', 'src/cart.ts', 'src/cart.test.ts'] }) } },
  },
  {
    code: 'outputs-missing',
    severity: 'error',
    summary: 'A feature or architecture spec owns no outputs',
    doc: 'A buildable spec must say which files it produces; otherwise the agent cannot be confined and nothing can be checked.',
    hint: 'List the files this spec owns under `outputs:`.',
    ok: { files: { 'specs/cart.md': spec('', { kind: 'feature', outputs: ['src/cart.ts', 'src/cart.test.ts'] }) } },
    notOk: { files: { 'specs/cart.md': spec('', { kind: 'feature', outputs: null }) } },
  },
  {
    code: 'constraint-has-outputs',
    severity: 'error',
    summary: 'A constraint spec owns outputs',
    doc: 'Constraint specs apply to every job through the system prompt; they are not built themselves, so they cannot own files.',
    hint: 'Remove `outputs`, or make the spec a feature or architecture spec.',
    ok: { files: { 'specs/conventions.md': spec('', { id: 'conventions', kind: 'constraint' }) } },
    notOk: { files: { 'specs/conventions.md': spec('', { id: 'conventions', kind: 'constraint', outputs: ['src/style.ts'] }) } },
  },
  {
    code: 'outputs-no-test',
    severity: 'warning',
    summary: 'A feature spec owns no test file',
    doc: 'Generated code is validated by the spec\'s own tests before promotion; a feature with no `*.test.*` or `*.spec.*` output can only be judged by holdout scenarios.',
    hint: 'Add a test file to `outputs`, e.g. `src/invoice.test.ts`.',
    ok: { files: { 'specs/cart.md': spec('', { outputs: ['src/cart.ts', 'src/cart.test.ts'] }) } },
    notOk: { files: { 'specs/cart.md': spec('', { outputs: ['src/cart.ts'] }) } },
  },
  {
    code: 'output-undeclared',
    severity: 'warning',
    summary: 'The Outputs section names a file the frontmatter does not declare',
    doc: 'The agent may write only declared outputs; a file named in the prose but not in `outputs:` will be refused at build time.',
    hint: 'Add the file to `outputs:` or correct the prose.',
    ok: { files: { 'specs/cart.md': spec('## Outputs\n\n- `src/cart.ts` exports `total`.\n', { outputs: ['src/cart.ts', 'src/cart.test.ts'] }) } },
    notOk: { files: { 'specs/cart.md': spec('## Outputs\n\n- `src/cart.ts` exports `total`.\n- `src/currency.ts` exports `formatCents`.\n', { outputs: ['src/cart.ts', 'src/cart.test.ts'] }) } },
  },
];
