import { createHash } from 'node:crypto';
import type { CatalogueEntry, MadeFile } from './types.js';
import { spec } from './example.js';

/** A small project `speccc adopt` takes over cleanly: one module and its test. */
const PROJECT = {
  'src/total.ts': '/** The sum of a list of prices in cents. */\nexport function total(prices: number[]): number {\n  return prices.reduce((sum, p) => sum + p, 0);\n}\n',
  'src/total.test.ts': "import { expect, it } from 'vitest';\nimport { total } from './total.js';\n\nit('adds prices', () => {\n  expect(total([250, 175])).toBe(425);\n});\n",
};
const ADOPT = ['adopt', '--no-model'];

const HAND_CODE = 'export const total = (prices: number[]) => prices.reduce((s, p) => s + p, 0);\n';
const HAND_TEST = "import { expect, it } from 'vitest';\nimport { total } from './cart.js';\nit('adds', () => expect(total([1, 2])).toBe(3));\n";
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
/** The adoption record of a hand-owned `cart` spec whose files were adopted as HAND_CODE and HAND_TEST. */
const record: MadeFile = {
  shown: '{\n  "format": 1,\n  "specs": {\n    "cart": {\n      "files": {\n… each hand-owned file with its sha256 at adoption\n',
  about: 'the record `speccc adopt` wrote: each hand-owned file with its hash at adoption',
  content: () => JSON.stringify({ format: 1, specs: { cart: { files: { 'cart.ts': sha(HAND_CODE), 'cart.test.ts': sha(HAND_TEST) } } } }, null, 2) + '\n',
};
const handOwned = (code: string) => ({
  'specs/cart.md': spec('', { status: 'draft', outputs: ['cart.ts', 'cart.test.ts'], more: 'owner: hand' }),
  'specs/adopted.json': record,
  'speccc.config.json': '{ "paths": { "generated": "src", "specs": "specs" } }\n',
  'src/cart.ts': code,
  'src/cart.test.ts': HAND_TEST,
});

/** `speccc adopt` (bringing existing code under specs) and what `check` says about adopted specs. */
export const ADOPT_CODES: CatalogueEntry[] = [
  {
    code: 'adopt-no-sources',
    severity: 'error',
    summary: 'There is no TypeScript or JavaScript to adopt',
    doc: '`speccc adopt` reads TypeScript and JavaScript modules (`.ts`, `.tsx`, `.mts`, `.cts`, `.js`, `.jsx`, `.mjs`, `.cjs`; not `.d.ts`), skipping `node_modules`, build output and hidden folders. It writes nothing when it finds none.',
    hint: 'Name the folder that holds the code (`speccc adopt src`).',
    ok: { files: PROJECT, command: ADOPT },
    notOk: { files: { 'package.json': '{ "name": "notes" }\n', 'notes.md': '# Ideas\n' }, command: ADOPT },
  },
  {
    code: 'adopt-parse-error',
    severity: 'error',
    summary: 'A file to adopt does not parse',
    doc: 'Specs are drafted from what the compiler reads in the code; a file it cannot parse would give a spec that says nothing true. Nothing is written until every file parses.',
    hint: 'Fix the syntax error at the position shown (the project\'s own build would fail on it too), or leave the file out.',
    ok: { files: PROJECT, command: ADOPT },
    notOk: { files: { ...PROJECT, 'src/total.ts': 'export function total(prices: number[]): number {\n  return prices.reduce((sum, p) => sum + p, 0;\n}\n' }, command: ADOPT },
  },
  {
    code: 'adopt-id-collision',
    severity: 'error',
    summary: 'Two adopted modules would get the same spec id, or an existing spec has it',
    doc: 'Each module becomes a spec whose id comes from its path (`parseUrl.ts` and `parse-url.ts` both give `parse-url`). Ids are unique in a workspace, and an existing spec is never overwritten: adopt writes nothing until every id is unique.',
    hint: 'Give one module its own id with `--rename <file>=<id>`, or put both in one spec with `--merge`.',
    ok: { files: PROJECT, command: ADOPT },
    notOk: { files: { ...PROJECT, 'src/totalPrice.ts': 'export const totalPrice = 1;\n', 'src/total-price.ts': 'export const totalPrice = 2;\n' }, command: ADOPT },
  },
  {
    code: 'adopt-file-left-out',
    severity: 'error',
    summary: 'A file in the generated root would be neither adopted nor owned by a spec',
    doc: 'Once specs own a folder (`paths.generated`), a build removes every file in it that no spec owns. Adopting part of a folder would put the rest at risk, so adopt refuses it.',
    hint: 'Adopt the whole folder (`speccc adopt src`), or move the file out of it.',
    ok: { files: PROJECT, command: ['adopt', 'src', '--no-model'] },
    notOk: { files: { ...PROJECT, 'src/notes.ts': 'export const notes = [];\n' }, command: ['adopt', 'src/total.ts', 'src/total.test.ts', '--no-model'] },
  },
  {
    code: 'adopt-generated-root',
    severity: 'error',
    summary: 'The adopted code has no folder of its own to be the generated root',
    doc: 'Adopted files are outputs, relative to `paths.generated`: a folder of its own inside the workspace, beside `specs/` (never the workspace root itself, see config-paths-overlap). Code at the root, or outside the `paths.generated` an existing config names, cannot be adopted as it is.',
    hint: 'Move the code into a folder such as `src/`, or set `paths.generated` in speccc.config.json to the folder that holds it.',
    ok: { files: PROJECT, command: ADOPT },
    notOk: { files: { 'total.ts': PROJECT['src/total.ts'] }, command: ADOPT },
  },
  {
    code: 'adopt-reserved-file',
    severity: 'error',
    summary: 'A file in the generated root has a name speccc writes itself',
    doc: 'speccc writes `README.md` at the top of the generated root (a note that the folder is generated) and keeps its manifest in `.speccc/` there; a file of the project at either place would be replaced by the first build.',
    hint: 'Move the file up to the workspace root (where a project\'s README belongs) or rename it.',
    ok: { files: PROJECT, command: ADOPT },
    notOk: { files: { ...PROJECT, 'src/README.md': '# How the code is laid out\n' }, command: ADOPT },
  },
  {
    code: 'drafted-unconfirmed',
    severity: 'warning',
    summary: 'A drafted sentence has not been confirmed by a person',
    doc: '`speccc adopt` marks every sentence it drafts (from signatures, JSDoc, tests, or with a model) with `<!-- drafted -->`. Deleting the marker is how a person confirms it; until then the spec says what someone guessed, not what someone decided. `speccc check --strict` (or `"rules": { "drafted-unconfirmed": "error" }`) makes a CI gate refuse unconfirmed drafts.',
    hint: 'Read the sentence against the code and its tests; correct it if needed, then delete `<!-- drafted -->`.',
    ok: { files: { 'specs/cart.md': spec('## Rules\n\n- The total must be the sum of the prices.\n') } },
    notOk: { files: { 'specs/cart.md': spec('## Rules\n\n- The total must be the sum of the prices. <!-- drafted -->\n') } },
  },
  {
    code: 'adopted-file-changed',
    severity: 'warning',
    summary: 'A hand-owned file changed since it was adopted',
    doc: 'Files of a spec with `owner: hand` are the team\'s own: no build writes, removes or regenerates them. When one changes after adoption (its hash is in `specs/adopted.json`), the spec drafted from it may no longer describe it: the change is reported, never overwritten.',
    hint: 'Bring the spec up to date with the change (and run `speccc adopt --check <id>` again); `speccc adopt --refresh <id>` records the file as it is now.',
    ok: { files: handOwned(HAND_CODE) },
    notOk: { files: handOwned('export const total = (prices: number[]) => prices.reduce((s, p) => s + p, 1);\n') },
  },
];
