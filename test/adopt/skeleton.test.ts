/**
 * `speccc adopt --no-model` on small projects: the draft specs it writes (frontmatter from the
 * files and imports, Inputs and Outputs from signatures and JSDoc, a link to each test, every
 * drafted sentence marked), that they check without errors, that an existing workspace is merged
 * into and never overwritten, and that every bad input is a located message, exit 2, with
 * nothing written. The vendored real package's skeleton is compared in fixture.test.ts.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { useTempWorkspace } from '../helpers/fixtures.js';

const temp = useTempWorkspace();

function project(files: Record<string, string>): string {
  const root = temp.empty();
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

/** Every file of a folder, relative, sorted: what a user would see with `find`. */
function tree(root: string): string[] {
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((f) => !f.startsWith('.speccc/'))
    .sort();
}

const SHOP = {
  'package.json': '{ "name": "@acme/shop" }\n',
  'src/money.ts': [
    '/** Amounts of money in integer cents. */',
    "import type { Currency } from './currency.js';",
    '',
    '/**',
    ' * Adds two amounts.',
    ' * @param a - the first amount, in cents',
    ' * @returns the sum in cents',
    ' * @throws RangeError when the sum is not a safe integer',
    ' */',
    'export function add(a: number, b: number): number {',
    '  const sum = a + b;',
    "  if (!Number.isSafeInteger(sum)) throw new RangeError('overflow');",
    '  return sum;',
    '}',
    '',
    'export const zero = 0;',
    'export type Priced = { cents: number; currency: Currency };',
    '',
  ].join('\n'),
  'src/currency.ts': "export type Currency = 'EUR' | 'USD';\n",
  'src/cart/total.ts': "import { add, zero } from '../money.js';\n\nexport const total = (prices: number[]): number => prices.reduce(add, zero);\n",
  'src/cart/total.test.ts': "import { expect, it } from 'vitest';\nimport { total } from './total.js';\n\nit('adds', () => expect(total([1, 2])).toBe(3));\nit('is zero for none', () => expect(total([])).toBe(0));\n",
  'src/cart/prices.json': '[250, 175]\n',
  'src/index.ts': "export { total } from './cart/total.js';\nexport * from './money.js';\n",
};

describe('adopt --no-model', () => {
  it('writes one draft spec per module with its tests, the record and the config, and they check without errors', async () => {
    const root = project(SHOP);
    const adopted = await runCli(['adopt', '--no-model'], { cwd: root });
    expect(adopted.stderr).toBe('');
    expect(adopted.code).toBe(0);
    expect(adopted.stdout).toContain('✔ adopted 4 draft specs (generated root: src)');
    // A module without a test is a warning, not an error: drafts may have them.
    expect(adopted.stdout).toMatch(/check: no errors, \d+ warnings \(drafted-unconfirmed \d+, outputs-no-test 1\)/);
    expect(tree(root)).toEqual([
      'package.json',
      'speccc.config.json',
      'specs/adopted.json',
      'specs/cart-total.md',
      'specs/currency.md',
      'specs/money.md',
      'specs/shop.md',
      'src/cart/prices.json',
      'src/cart/total.test.ts',
      'src/cart/total.ts',
      'src/currency.ts',
      'src/index.ts',
      'src/money.ts',
    ]);
    expect(JSON.parse(readFileSync(path.join(root, 'speccc.config.json'), 'utf8'))).toEqual({ paths: { generated: 'src' } });

    const money = readFileSync(path.join(root, 'specs/money.md'), 'utf8');
    // Frontmatter: the files, imports as dependencies, a draft the team still owns.
    expect(money).toMatch(/^---\nid: money\nkind: feature\nstatus: draft\nowner: hand\ndepends_on:\n  - currency\noutputs:\n  - money.ts\n---\n/);
    expect(money).toContain('`money.ts`: Amounts of money in integer cents. <!-- drafted -->');
    expect(money).toContain('- `function add(a: number, b: number): number`\n  - `a`: the first amount, in cents');
    expect(money).toContain('On invalid input: `add` throws RangeError when the sum is not a safe integer. <!-- drafted -->');
    expect(money).toContain('- `add` returns the sum in cents. <!-- drafted -->');
    expect(money).toContain('The code of the specs `cart-total`, `shop`, which imports it. <!-- drafted -->');

    const total = readFileSync(path.join(root, 'specs/cart-total.md'), 'utf8');
    expect(total).toContain('outputs:\n  - cart/total.ts\n  - cart/total.test.ts\n  - cart/prices.json\n');
    expect(total).toContain('- **Given** the existing tests in [`cart/total.test.ts`](../src/cart/total.test.ts), **when** they run against code built from this spec, **then** all 2 of them pass. <!-- drafted -->');
    // Types only: an architecture spec (no Who, Inputs or Edge cases).
    expect(readFileSync(path.join(root, 'specs/currency.md'), 'utf8')).toMatch(/kind: architecture[\s\S]*## What[\s\S]*## Outputs[\s\S]*## Rules[\s\S]*## Evaluation/);
    expect(readFileSync(path.join(root, 'specs/shop.md'), 'utf8')).toContain('- The module exports `total` from `./cart/total.js` unchanged. <!-- drafted -->');

    const record = JSON.parse(readFileSync(path.join(root, 'specs/adopted.json'), 'utf8')) as { specs: Record<string, { files: Record<string, string> }> };
    expect(Object.keys(record.specs)).toEqual(['cart-total', 'currency', 'money', 'shop']);
    expect(Object.keys(record.specs['cart-total']!.files)).toEqual(['cart/total.ts', 'cart/total.test.ts', 'cart/prices.json']);

    // check: no error; every drafted sentence is a warning a CI gate can refuse.
    const checked = await runCli(['check', '--format', 'json', '--no-cache'], { cwd: root });
    expect(checked.code).toBe(0);
    const codes = (JSON.parse(checked.stdout) as { diagnostics: { code: string; severity: string }[] }).diagnostics;
    expect(codes.filter((d) => d.severity === 'error')).toEqual([]);
    expect(new Set(codes.map((d) => d.code))).toEqual(new Set(['drafted-unconfirmed', 'outputs-no-test']));
    expect((await runCli(['check', '--strict'], { cwd: root })).code).toBe(1);

    // Adopting again finds nothing new, and writes nothing.
    const again = await runCli(['adopt', '--no-model'], { cwd: root });
    expect(again.stdout).toBe('nothing to adopt: specs own every file of `src` already\n');
    expect(again.code).toBe(0);
  });

  it('merges into an existing workspace: new specs are added, existing ones and the config are left as they are', async () => {
    const root = project({ ...SHOP, 'speccc.config.json': '{ "paths": { "generated": "src" } }\n' });
    expect((await runCli(['adopt', 'src/currency.ts', 'src/money.ts', '--no-model', '--rename', 'src/money.ts=amounts'], { cwd: root })).code).toBe(2); // the rest of src would be left out
    expect((await runCli(['adopt', '--no-model', '--group', 'dir'], { cwd: root })).code).toBe(0);
    const before = Object.fromEntries(tree(root).filter((f) => f.startsWith('specs/')).map((f) => [f, readFileSync(path.join(root, f), 'utf8')]));
    // By folder: src/ and src/cart/ import each other, so they are one spec, named after the package.
    expect(Object.keys(before)).toEqual(['specs/adopted.json', 'specs/shop.md']);
    // A new module later: only it is adopted; the folder's spec that owns the rest is untouched.
    writeFileSync(path.join(root, 'src/tax.ts'), "import { add } from './money.js';\nexport const withTax = (c: number) => add(c, Math.round(c / 5));\n");
    const later = await runCli(['adopt', '--no-model'], { cwd: root });
    expect(later.stderr).toBe('');
    expect(later.stdout).toContain('specs/tax.md: 1 file, depends on shop');
    for (const [file, text] of Object.entries(before).filter(([f]) => f.endsWith('.md'))) expect(readFileSync(path.join(root, file), 'utf8')).toBe(text);
    expect(Object.keys(JSON.parse(readFileSync(path.join(root, 'specs/adopted.json'), 'utf8')).specs)).toEqual(['shop', 'tax']);
    expect(readFileSync(path.join(root, 'speccc.config.json'), 'utf8')).toBe('{ "paths": { "generated": "src" } }\n');
  });

  it('puts modules that import each other in one spec, and --merge joins specs', async () => {
    const files = {
      'src/a.ts': "import { b } from './b.js';\nexport const a = () => b() + 1;\n",
      'src/b.ts': "import { a } from './a.js';\nexport const b = () => (Math.random() > 2 ? a() : 0);\n",
      'src/c.ts': 'export const c = 1;\n',
      'src/d.ts': 'export const d = 2;\n',
    };
    const root = project(files);
    const run = await runCli(['adopt', '--no-model', '--merge', 'c,d'], { cwd: root });
    expect(run.stdout).toContain('specs/a.md: 2 files\n  specs/c.md: 2 files\n');
    expect(readFileSync(path.join(root, 'specs/a.md'), 'utf8')).toContain('outputs:\n  - a.ts\n  - b.ts\n');
    expect((await runCli(['adopt', '--no-model', '--merge', 'c,e'], { cwd: project(files) })).stderr).toMatch(/--merge names no adopted spec: `e`/);
  });

  it('merging by editing (docs/adopt.md): one spec takes the other\'s outputs, --refresh records them and drops the deleted spec\'s entry', async () => {
    const root = project({ 'src/c.ts': 'export const c = 1;\n', 'src/d.ts': "import { c } from './c.js';\nexport const d = c + 1;\n" });
    expect((await runCli(['adopt', '--no-model'], { cwd: root })).code).toBe(0);
    const d = path.join(root, 'specs/d.md');
    writeFileSync(d, readFileSync(d, 'utf8').replace('depends_on:\n  - c\noutputs:\n  - d.ts\n', 'depends_on: []\noutputs:\n  - d.ts\n  - c.ts\n'));
    rmSync(path.join(root, 'specs/c.md'));
    const checked = await runCli(['check'], { cwd: root });
    expect(checked.stdout).not.toMatch(/error/);
    expect(checked.code).toBe(0);
    const refreshed = await runCli(['adopt', '--refresh', 'd'], { cwd: root });
    expect(refreshed.stdout).toBe('✔ recorded 2 files of d as they are now (and dropped the record of `c`, which no hand-owned spec has any more)\n');
    expect(JSON.parse(readFileSync(path.join(root, 'specs/adopted.json'), 'utf8'))).toEqual({ format: 1, specs: { d: { files: { 'd.ts': expect.any(String), 'c.ts': expect.any(String) } } } });
    expect((await runCli(['adopt', '--no-model'], { cwd: root })).stdout).toBe('nothing to adopt: specs own every file of `src` already\n');
  });

  const BAD: [string, Record<string, string>, string[], RegExp][] = [
    ['no code', { 'package.json': '{}\n', 'notes.md': '# x\n' }, [], /^\.:1:1: error adopt-no-sources No TypeScript or JavaScript file found in `\.`/m],
    ['a file that does not parse', { 'src/a.ts': 'export const a = (;\n', 'src/b.ts': 'export const b = 1;\n' }, [], /^src\/a\.ts:1:19: error adopt-parse-error File does not parse: Expression expected/m],
    ['ids that collide', { 'src/totalPrice.ts': 'export const x = 1;\n', 'src/total-price.ts': 'export const y = 1;\n' }, [], /^src\/totalPrice\.ts:1:1: error adopt-id-collision `src\/totalPrice\.ts` would be adopted as spec `total-price`, the id `src\/total-price\.ts` gets too/m],
    ['an id an existing spec has', { 'src/cart.ts': 'export const x = 1;\n', 'specs/cart.md': '---\nid: cart\nkind: feature\nstatus: draft\n---\n# Cart\n' }, [], /^src\/cart\.ts:1:1: error adopt-id-collision [^\n]*but `specs\/cart\.md` already has that id[^\n]*\n.*\n  related: specs\/cart\.md:1:1/m],
    ['part of a folder', { 'src/a.ts': 'export const a = 1;\n', 'src/b.ts': 'export const b = 1;\n' }, ['src/a.ts'], /^src\/b\.ts:1:1: error adopt-file-left-out `src\/b\.ts` is in the generated root `src` but neither adopted nor owned by a spec/m],
    ['code at the root', { 'index.ts': 'export const a = 1;\n' }, ['.'], /^index\.ts:1:1: error adopt-generated-root The adopted modules share no folder below the workspace root \(`index\.ts` is at the root\)/m],
    ['code outside the configured root', { 'speccc.config.json': '{}\n', 'src/a.ts': 'export const a = 1;\n' }, [], /^src\/a\.ts:1:1: error adopt-generated-root `src\/a\.ts` is outside `generated`/m],
    ['a README in the generated root', { 'src/a.ts': 'export const a = 1;\n', 'src/README.md': '# x\n' }, [], /^src\/README\.md:1:1: error adopt-reserved-file/m],
  ];
  for (const [what, files, args, message] of BAD) {
    it(`refuses ${what}: a located message, exit 2, nothing written`, async () => {
      const root = project(files);
      const before = tree(root);
      const run = await runCli(['adopt', ...args, '--no-model'], { cwd: root });
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toMatch(/speccc: nothing was written\n$/);
      expect(run.code).toBe(2);
      expect(tree(root)).toEqual(before);
      expect(existsSync(path.join(root, 'specs/adopted.json'))).toBe(false);
    });
  }
});
