/**
 * The incremental check must find exactly what `check()` finds on the same contents. Random
 * sequences of edits (prose, frontmatter, links, ids, kinds, twins, outputs, cycles, broken files,
 * files added and removed, the glossary) are applied to a session, and after each one its findings are
 * compared with a whole check of the session's current contents.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/compile.js';
import { openIncrementalCheck, type FileChange, type IncrementalCheck } from '../../src/incremental/index.js';
import type { ModelledFile } from '../../src/types/index.js';
import { useTempWorkspace } from '../helpers/fixtures.js';

const workspaces = useTempWorkspace({ scope: 'all' });
const repo = path.resolve(import.meta.dirname, '../..');

const SPECS = ['specs/core/money.md', 'specs/features/line-items.md', 'specs/features/discount-codes.md', 'specs/features/invoice-totals.md', 'specs/constraints/typescript-library.md'];
const EXTRA = 'specs/features/extra.md';
const IDS = ['money', 'line-items', 'discount-codes', 'invoice-totals', 'typescript-library', 'extra', 'nowhere', 'mon'];
const OUTPUTS = ['src/money.ts', 'src/line-items.ts', 'src/extra.ts', 'src/extra.test.ts', '../escape.ts'];

const extraSpec = (id: string) => `---
id: ${id}
kind: feature
status: draft
depends_on: [money]
outputs:
  - src/extra.ts
  - src/money.ts
---

# Extra

## What

A fast extra that uses [[Money]] and [money](../core/money.md) etc.

## Rules

- It should be robust.
`;

/** One edit: a function from the current text (null: absent) to the next text (null: delete). */
type Edit = { file: string; apply: (text: string | null) => string | null; label: string };

const onFrontmatterLine = (key: string, replace: (line: string) => string) => (text: string | null) => {
  if (text === null) return null;
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(`${key}:`));
  if (i < 0) return text.replace(/^---\n/, `---\n${replace(`${key}:`)}\n`);
  lines[i] = replace(lines[i]!);
  return lines.join('\n');
};

const edit = fc.oneof(
  fc.record({ file: fc.constantFrom(...SPECS, EXTRA), line: fc.nat(60), words: fc.constantFrom('fast and robust', 'TBD', '<!-- speccc-disable-next-line vague-wording -- defined elsewhere -->', '<!-- speccc-disable weak-modal, placeholder-text -->', '<!-- speccc-enable -->', '<!-- speccc-disable-next-line no-such-code -->', 'It should be quick.', 'see [[Line item]]', 'see [[Gizmo]]', '[money](../core/money.md)', '[gone](../core/gone.md)', '## Who', '# Second title', '- **Given** x, **when** y, **then** it works', 'plain words', '```\ncode TBD\n```') }).map(
    ({ file, line, words }): Edit => ({
      file,
      label: `insert ${JSON.stringify(words)} at line ${line} of ${file}`,
      apply: (text) => {
        if (text === null) return null;
        const lines = text.split('\n');
        lines.splice(Math.min(line, lines.length), 0, words);
        return lines.join('\n');
      },
    }),
  ),
  fc.record({ file: fc.constantFrom(...SPECS, EXTRA), line: fc.nat(60) }).map(
    ({ file, line }): Edit => ({
      file,
      label: `delete line ${line} of ${file}`,
      apply: (text) => (text === null ? null : text.split('\n').filter((_, i) => i !== line).join('\n')),
    }),
  ),
  fc.record({ file: fc.constantFrom(...SPECS, EXTRA), status: fc.constantFrom('draft', 'ready', 'deprecated', 'bogus') }).map(
    ({ file, status }): Edit => ({ file, label: `status ${status} in ${file}`, apply: onFrontmatterLine('status', () => `status: ${status}`) }),
  ),
  fc.record({ file: fc.constantFrom(...SPECS, EXTRA), id: fc.constantFrom(...IDS) }).map(
    ({ file, id }): Edit => ({ file, label: `id ${id} in ${file}`, apply: onFrontmatterLine('id', () => `id: ${id}`) }),
  ),
  fc.record({ file: fc.constantFrom(...SPECS, EXTRA), deps: fc.subarray(IDS, { maxLength: 3 }) }).map(
    ({ file, deps }): Edit => ({ file, label: `depends_on [${deps.join(', ')}] in ${file}`, apply: onFrontmatterLine('depends_on', () => `depends_on: [${deps.join(', ')}]`) }),
  ),
  // Twins: a spec's kind, and the twins it names (the twins rule reads both across specs).
  fc.record({ file: fc.constantFrom(...SPECS, EXTRA), kind: fc.constantFrom('feature', 'twin', 'constraint') }).map(
    ({ file, kind }): Edit => ({ file, label: `kind ${kind} in ${file}`, apply: onFrontmatterLine('kind', () => `kind: ${kind}`) }),
  ),
  fc.record({ file: fc.constantFrom(...SPECS, EXTRA), twins: fc.subarray(IDS, { maxLength: 2 }) }).map(
    ({ file, twins }): Edit => ({ file, label: `uses_twins [${twins.join(', ')}] in ${file}`, apply: onFrontmatterLine('uses_twins', () => `uses_twins: [${twins.join(', ')}]`) }),
  ),
  fc.record({ file: fc.constantFrom(...SPECS, EXTRA), outputs: fc.subarray(OUTPUTS, { maxLength: 3 }) }).map(
    ({ file, outputs }): Edit => ({
      file,
      label: `outputs [${outputs.join(', ')}] in ${file}`,
      apply: (text) => (text === null ? null : text.replace(/^outputs:\n(?:\s+- .*\n)*/m, outputs.length ? `outputs:\n${outputs.map((o) => `  - ${o}\n`).join('')}` : 'outputs: []\n')),
    }),
  ),
  fc.record({ file: fc.constantFrom(...SPECS, EXTRA), padding: fc.constantFrom(' ', '   ', '\n') }).map(
    ({ file, padding }): Edit => ({ file, label: `pad the frontmatter of ${file}`, apply: (text) => (text === null ? null : text.replace(/^---\n/, `---\n#${padding}\n`)) }),
  ),
  fc.constantFrom(...SPECS, EXTRA).map((file): Edit => ({ file, label: `break the frontmatter of ${file}`, apply: (text) => (text === null ? null : text.replace(/\n---\n/, '\n--\n')) })),
  fc.constantFrom(...SPECS, EXTRA).map((file): Edit => ({ file, label: `delete ${file}`, apply: () => null })),
  fc.constantFrom(...IDS).map((id): Edit => ({ file: EXTRA, label: `create ${EXTRA} as ${id}`, apply: () => extraSpec(id) })),
  fc.constantFrom('## Gizmo\nA thing.\n', '## Line item\nAliases: line, row\n').map((entry): Edit => ({ file: 'context/glossary.md', label: `glossary += ${entry}`, apply: (text) => `${text ?? '# Glossary\n'}\n${entry}` })),
);

function current(session: IncrementalCheck, file: string): string | null {
  const all = session.files();
  const found = [...all.specs, ...all.context].find((f) => f.file === file);
  return found ? new TextDecoder().decode(found.bytes) : null;
}

/** check()'s own models from its previous run (never the session's), so it parses only what changed. */
let previous = new Map<string, ModelledFile>();

async function expectSameAsCheck(session: IncrementalCheck, root: string, why: string): Promise<void> {
  const whole = await check({ root, files: session.files(), useCache: false, previous });
  previous = new Map(whole.workspace.files.map((m) => [m.file, m]));
  expect(session.diagnostics(), why).toEqual(whole.diagnostics);
}

describe('incremental check', () => {
  it('finds what check() finds after every edit of a random sequence', async () => {
    const root = workspaces.example(['specs', 'context', 'generated', 'scenarios']);
    // A second spec that shares an output with money and links to it, to exercise the cross-spec rules.
    writeFileSync(path.join(root, EXTRA), extraSpec('extra'));
    // The author's decisions: severities from the config, on top of suppression comments in the edits.
    writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ rules: { 'weak-modal': 'error', 'passive-no-actor': 'off', 'unknown-term': 'warn' } }));
    // A generated file no manifest records: unowned unless a spec declares it.
    writeFileSync(path.join(root, 'generated/src/extra.ts'), 'export {};\n');
    const pristine = Object.fromEntries([...SPECS, EXTRA, 'context/glossary.md'].map((f) => [f, readFileSync(path.join(root, f), 'utf8')]));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(edit, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 6 }), async (rounds) => {
        const session = await openIncrementalCheck(root, { useCache: false });
        await expectSameAsCheck(session, root, 'before any edit');
        const done: string[] = [];
        for (const round of rounds) {
          const changes: FileChange[] = round.map((e) => ({ file: e.file, content: e.apply(current(session, e.file)) }));
          const result = session.update(changes);
          done.push(round.map((e) => e.label).join(' + '));
          await expectSameAsCheck(session, root, done.join('\n'));
          for (const file of result.touched) expect(session.diagnosticsOf(file), file).toEqual(session.diagnostics().filter((d) => d.file === file));
        }
        // The edits were in memory only: the files on disk are as they were.
        for (const [file, text] of Object.entries(pristine)) expect(readFileSync(path.join(root, file), 'utf8')).toBe(text);
      }),
      { numRuns: 40, seed: 20261124 },
    );
  }, 120_000);

  it('re-checks a prose edit in one spec without touching the others', async () => {
    const root = workspaces.example();
    const session = await openIncrementalCheck(root, { useCache: false });
    const file = 'specs/features/line-items.md';
    const text = current(session, file)!;
    const result = session.update([{ file, content: text.replace('## Rules\n', '## Rules\n\n- Parsing must be fast.\n') }]);
    expect(result.whole).toBe(false);
    expect(result.rechecked).toEqual([file]);
    expect(result.touched).toEqual([file]);
    expect(session.diagnosticsOf(file).map((d) => d.code)).toContain('vague-wording');
    const fixed = session.update([{ file, content: text }]);
    expect(fixed.touched).toEqual([file]);
    expect(session.diagnosticsOf(file)).toEqual([]);
    expect(session.update([{ file, content: text }]).changed).toEqual([]);
    // Two changes to one file in a batch: the last is its content.
    session.update([{ file, content: text.replace('## Rules\n', '## Rules\n\n- TBD\n') }, { file, content: text.replace('## Rules\n', '## Rules\n\n- Parsing must be robust.\n') }]);
    await expectSameAsCheck(session, root, 'two changes in a batch');
    expect(session.diagnosticsOf(file).map((d) => d.code)).toEqual(['vague-wording']);
  });

  it('re-checks the dependents of a spec whose status changed', async () => {
    const root = workspaces.example();
    const session = await openIncrementalCheck(root, { useCache: false });
    const file = 'specs/core/money.md';
    const result = session.update([{ file, content: current(session, file)!.replace('status: ready', 'status: draft') }]);
    expect(result.rechecked).toEqual(expect.arrayContaining([file, 'specs/features/line-items.md', 'specs/features/invoice-totals.md']));
    expect(result.touched).toContain('specs/features/line-items.md');
    expect(session.diagnosticsOf('specs/features/line-items.md').map((d) => d.code)).toContain('depends-on-unready');
  });

  it('moves a reported cycle when the frontmatter of a member moves', async () => {
    const root = workspaces.example();
    const session = await openIncrementalCheck(root, { useCache: false });
    const money = 'specs/core/money.md';
    session.update([{ file: money, content: current(session, money)!.replace(/^---\n/, '---\ndepends_on: [invoice-totals]\n') }]);
    await expectSameAsCheck(session, root, 'cycle made');
    expect(session.diagnostics().map((d) => d.code)).toContain('dependency-cycle');
    for (const file of ['specs/features/invoice-totals.md', money]) {
      session.update([{ file, content: current(session, file)!.replace(/^---\n/, '---\n# moved\n') }]);
      await expectSameAsCheck(session, root, `${file} moved`);
    }
  });

  it('breaks a reported cycle when another spec takes the id of a member', async () => {
    const root = workspaces.example();
    const session = await openIncrementalCheck(root, { useCache: false });
    const lineItems = 'specs/features/line-items.md';
    session.update([{ file: lineItems, content: current(session, lineItems)!.replace(/depends_on: \[[^\]]*\]/, 'depends_on: [money, invoice-totals]') }]);
    await expectSameAsCheck(session, root, 'cycle made');
    expect(session.diagnostics().map((d) => d.code)).toContain('dependency-cycle');
    // discount-codes sorts before line-items, so with the same id it becomes the one byId resolves.
    const discounts = 'specs/features/discount-codes.md';
    session.update([{ file: discounts, content: current(session, discounts)!.replace('id: discount-codes', 'id: line-items') }]);
    await expectSameAsCheck(session, root, 'id taken');
  });

  it('reports a copied spec\'s id once, and what follows from it only once the copy is renamed', async () => {
    const root = workspaces.example(['specs', 'context', 'generated', 'scenarios']);
    const session = await openIncrementalCheck(root, { useCache: false });
    const money = 'specs/core/money.md';
    const copy = 'specs/core/cash.md';
    // A copy of money made to start a new spec, its id not yet changed: it lists money (its own id, for now) and a spec that
    // depends on money, so a self-dependency, a cycle through money and four output conflicts would all follow from the id.
    const copied = current(session, money)!.replace('status: ready', 'status: draft\ndepends_on: [money, line-items]');
    session.update([{ file: copy, content: copied }]);
    await expectSameAsCheck(session, root, 'copy added');
    const codes = () => session.diagnostics().map((d) => d.code);
    expect(codes()).toEqual(['duplicate-id']);
    expect(session.diagnostics()[0]!.related?.map((r) => r.file)).toEqual([copy]);
    // Renamed: the id is no longer shared, and the copy's own problem (outputs money owns) is reported.
    session.update([{ file: copy, content: copied.replace('id: money', 'id: cash') }]);
    await expectSameAsCheck(session, root, 'copy renamed');
    expect(codes()).toEqual(['output-conflict', 'output-conflict', 'output-conflict', 'output-conflict']);
    // And back: one finding again.
    session.update([{ file: copy, content: copied }]);
    await expectSameAsCheck(session, root, 'copy named money again');
    expect(codes()).toEqual(['duplicate-id']);
  });

  it('reports a hand-owned file changed since adoption as check() does, and follows the spec\'s owner field', async () => {
    const root = workspaces.example(['specs', 'context', 'generated', 'scenarios']);
    const money = 'specs/core/money.md';
    // Adopted with other content than generated/src/money.ts has now.
    writeFileSync(path.join(root, 'specs/adopted.json'), JSON.stringify({ format: 1, specs: { money: { files: { 'src/money.ts': '0'.repeat(64) } } } }));
    const handOwned = readFileSync(path.join(root, money), 'utf8').replace(/^---\n/, '---\nowner: hand\n');
    writeFileSync(path.join(root, money), handOwned);
    const session = await openIncrementalCheck(root, { useCache: false });
    await expectSameAsCheck(session, root, 'hand-owned, drifted');
    const drift = () => session.diagnostics().filter((d) => d.code === 'adopted-file-changed').map((d) => d.file);
    expect(drift()).toEqual(['generated/src/money.ts']);
    session.update([{ file: money, content: handOwned.replace('owner: hand\n', '') }]);
    await expectSameAsCheck(session, root, 'owner field removed');
    expect(drift()).toEqual([]);
    session.update([{ file: money, content: handOwned }]);
    await expectSameAsCheck(session, root, 'hand-owned again');
    expect(drift()).toEqual(['generated/src/money.ts']);
  });

  it('reports a test naming a requirement id no spec has once the rule is reworded, and not once it is back', async () => {
    const root = workspaces.example(['specs', 'context', 'generated', 'scenarios']);
    const session = await openIncrementalCheck(root, { useCache: false });
    const file = 'specs/features/line-items.md';
    const text = current(session, file)!;
    // A prose edit to a built spec's rule: its derived id changes, the generated test still names the old one.
    session.update([{ file, content: text.replace('- `parseLineItems` returns the lines in input order', '- `parseLineItems` gives back the lines in input order') }]);
    await expectSameAsCheck(session, root, 'rule reworded');
    const unknown = session.diagnostics().filter((d) => d.code === 'requirement-id-unknown');
    expect(unknown.map((d) => [d.file, d.message.split(',')[0]])).toEqual([['generated/src/line-items.test.ts', 'Generated test names requirement `line-items#R-parselineitems-returns-the-lines-in`']]);
    session.update([{ file, content: text }]);
    await expectSameAsCheck(session, root, 'rule back');
    expect(session.diagnostics().filter((d) => d.code === 'requirement-id-unknown')).toEqual([]);
  });

  it('re-judges what a renamed or re-statused spec reaches: hints, links, the heir of its id', async () => {
    const root = workspaces.example();
    const session = await openIncrementalCheck(root, { useCache: false });
    const step = async (file: string, change: (text: string) => string, why: string) => {
      session.update([{ file, content: change(current(session, file) ?? '') }]);
      await expectSameAsCheck(session, root, why);
    };
    const codes = () => session.diagnostics().map((d) => `${d.file} ${d.code} ${d.hint}`);
    const money = 'specs/core/money.md';
    const library = 'specs/constraints/typescript-library.md';
    // An unknown dependency whose hint names another spec's id, then that id goes away.
    await step(library, (t) => t.replace('status: ready', 'status: ready\ndepends_on: [mon]'), 'unknown dependency');
    expect(codes()).toContainEqual(expect.stringContaining('unknown-dependency Did you mean `money`?'));
    await step(money, (t) => t.replace('id: money', 'id: cash'), 'hinted id renamed');
    await step(money, (t) => t.replace('id: cash', 'id: money'), 'renamed back');
    // A link (no depends_on) to a spec that stops being ready.
    await step(library, (t) => t.replace('## Rules\n', '## Rules\n\n- Amounts follow [money](../core/money.md).\n'), 'link added');
    await step(money, (t) => t.replace('status: ready', 'status: draft'), 'linked spec no longer ready');
    expect(codes()).toContainEqual(expect.stringContaining(`${library} depends-on-unready`));
    await step(money, (t) => t.replace('status: draft', 'status: ready'), 'ready again');
    // A second spec with the same id, whose edges make a cycle once it becomes the one byId resolves.
    await step(EXTRA, () => extraSpec('money').replace('depends_on: [money]', 'depends_on: [invoice-totals]'), 'namesake added');
    await step(money, (t) => t.replace('id: money', 'id: cash'), 'namesake inherits the id');
    expect(codes()).toContainEqual(expect.stringContaining('dependency-cycle'));
  });

  it('opens on the property shapes of the holdout scenarios, as check() reads them', async () => {
    const root = workspaces.example(['specs', 'context', 'generated', 'scenarios']);
    writeFileSync(path.join(root, 'scenarios/money/sums.md'), '---\nspec: money\n---\n\n# Property: sums\n\n- **When** an amount is added to zero\n- **Then** the sum is the amount\n');
    const session = await openIncrementalCheck(root, { useCache: false });
    expect(session.diagnosticsOf('scenarios/money/sums.md').map((d) => d.code)).toContain('property-no-generator');
    await expectSameAsCheck(session, root, 'a property holdout with no For any');
  });

  it("in a monorepo, finds what check() finds over every member, after edits to members' specs", async () => {
    const root = workspaces.empty('speccc-incremental-mono-');
    cpSync(path.join(repo, 'examples/monorepo'), root, { recursive: true });
    const session = await openIncrementalCheck(root, { useCache: false });
    // Both members' specs, under their qualified ids, and no complaint about a root specs folder.
    expect(session.workspace.files.map((f) => f.spec?.frontmatter?.id).sort()).toEqual(['billing:invoice', 'shop:cart']);
    expect(session.kindOf('packages/billing/specs/invoice.md')).toBe('spec');
    await expectSameAsCheck(session, root, 'the monorepo as it is');
    const invoice = 'packages/billing/specs/invoice.md';
    const cart = 'packages/shop/specs/cart.md';
    const step = async (file: string, change: (text: string) => string | null, why: string) => {
      session.update([{ file, content: change(current(session, file) ?? '') }]);
      await expectSameAsCheck(session, root, why);
    };
    await step(invoice, (t) => t.replace('## Rules\n', '## Rules\n\n- The tax rate is TBD.\n'), 'a placeholder in a member');
    await step(invoice, (t) => t.replace('id: invoice', 'id: bill'), "the id another member depends on, renamed");
    expect(session.diagnosticsOf(cart).map((d) => d.code)).toContain('unknown-dependency');
    await step(invoice, (t) => t.replace('id: bill', 'id: invoice'), 'renamed back');
    await step(cart, (t) => t.replace('depends_on: [billing:invoice]', 'depends_on: [invoice]'), "an unqualified id names the member's own spec");
    await step('packages/shop/specs/invoice.md', () => extraSpec('invoice').replace('depends_on: [money]', 'depends_on: [cart]'), 'a spec added to a member, in a cycle');
    await step('packages/shop/specs/invoice.md', () => null, 'and removed');
  });
});
