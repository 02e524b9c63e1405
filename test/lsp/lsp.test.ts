/**
 * `speccc lsp` as an editor uses it: `node dist/cli.js lsp` spawned and driven over stdio by a
 * real protocol client. Unsaved edits introduce and fix problems; diagnostics, hover,
 * definition, completion and quick fixes answer for the text the editor holds.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DiagnosticSeverity,
  HoverRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type Hover,
  type Location,
  type MarkupContent,
  type Position,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { exampleCopy, removeAll } from '../helpers/workspaces.js';
import { startClient, type TestClient } from './client.js';

const temps: string[] = [];
let client: TestClient | undefined;
afterEach(async () => {
  if (client && client.child.exitCode === null) client.child.kill();
  client = undefined;
});
afterAll(() => removeAll(temps));

const LINE_ITEMS = 'specs/features/line-items.md';
const MONEY = 'specs/core/money.md';

/** The position just after the first occurrence of `needle` (plus `delta` characters). */
function after(text: string, needle: string, delta = 0): Position {
  const doc = TextDocument.create('file:///x', 'markdown', 1, text);
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not in text`);
  return doc.positionAt(i + needle.length + delta);
}
const at = (text: string, needle: string, delta = 0) => {
  const doc = TextDocument.create('file:///x', 'markdown', 1, text);
  return doc.positionAt(text.indexOf(needle) + delta);
};
const hoverText = (h: Hover | null) => (h?.contents as MarkupContent | undefined)?.value ?? '';
const codes = (list: Diagnostic[]) => list.map((d) => d.code);

describe('speccc lsp over stdio', () => {
  it('checks unsaved edits as they are typed, with exact ranges, hints and related locations', async () => {
    const root = exampleCopy(temps, ['specs', 'context', 'generated', 'scenarios']);
    client = await startClient(root);
    const onDisk = readFileSync(path.join(root, LINE_ITEMS), 'utf8');
    expect((await client.open(LINE_ITEMS, onDisk)).diagnostics).toEqual([]);

    // Type a vague rule (unsaved): a warning on exactly the phrase, with the code and the hint; and,
    // since line-items is built, a new requirement no generated test or holdout covers yet.
    const rules = after(onDisk, '## Rules\n');
    const typed = await client.change(LINE_ITEMS, [{ range: { start: rules, end: rules }, text: '\n- Parsing must be fast.\n' }]);
    expect(codes(typed.diagnostics)).toEqual(['requirement-untested', 'vague-wording']);
    expect(typed.diagnostics[0]!.message).toMatch(/^Requirement `line-items#R-parsing-must-be-fast` \(rule\) is covered by no generated test/);
    const vague = typed.diagnostics[1];
    expect(vague!.severity).toBe(DiagnosticSeverity.Warning);
    expect(vague!.source).toBe('speccc');
    const phrase = { start: at(client.text(LINE_ITEMS), 'fast.'), end: after(client.text(LINE_ITEMS), 'must be fast') };
    expect(phrase.start).toEqual({ line: rules.line + 1, character: 18 });
    expect(vague!.range).toEqual(phrase);
    expect(vague!.message).toMatch(/^Vague wording `fast` cannot be tested.*\nhint: Say what is meant in measurable terms/s);
    // The file on disk is untouched: this was the editor's buffer.
    expect(readFileSync(path.join(root, LINE_ITEMS), 'utf8')).toBe(onDisk);

    // Fix the wording: the vague phrase is gone; the new rule stays untested until a rebuild.
    const fixed = await client.change(LINE_ITEMS, [{ range: vague!.range, text: 'under 5 ms for 500 lines' }]);
    expect(codes(fixed.diagnostics)).toEqual(['requirement-untested']);
    // Take the rule out again: clean.
    const removed = await client.change(LINE_ITEMS, [{ range: { start: rules, end: { line: rules.line + 2, character: 0 } }, text: '' }]);
    expect(removed.diagnostics).toEqual([]);
    expect(client.text(LINE_ITEMS)).toBe(onDisk);

    // A dependency that stops being ready: the dependents are re-checked and told, with a related location.
    const money = readFileSync(path.join(root, MONEY), 'utf8');
    await client.open(MONEY, money);
    const dependent = client.diagnostics((p) => p.uri === client!.uri(LINE_ITEMS) && codes(p.diagnostics).includes('depends-on-unready'), 'line-items told money is a draft');
    const unopened = client.diagnostics((p) => p.uri === client!.uri('specs/features/invoice-totals.md') && codes(p.diagnostics).includes('depends-on-unready'), 'invoice-totals (not open) told too');
    const status = at(money, 'ready');
    await client.change(MONEY, [{ range: { start: status, end: { line: status.line, character: status.character + 5 } }, text: 'draft' }]);
    const told = (await dependent).diagnostics.find((d) => d.code === 'depends-on-unready')!;
    expect(told.range).toEqual({ start: after(client.text(LINE_ITEMS), 'depends_on: ['), end: after(client.text(LINE_ITEMS), 'depends_on: [money') });
    expect(told.relatedInformation).toEqual([{ location: { uri: client.uri(MONEY), range: { start: status, end: { line: status.line, character: status.character + 5 } } }, message: 'status: draft' }]);
    await unopened;
    const back = client.diagnostics((p) => p.uri === client!.uri(LINE_ITEMS) && p.diagnostics.length === 0, 'line-items clean again');
    await client.change(MONEY, [{ range: { start: status, end: { line: status.line, character: status.character + 5 } }, text: 'ready' }]);
    await back;

    expect(await client.stop()).toBe(0);
  });

  it('answers hover, definition and completion for terms, links and depends_on', async () => {
    const root = exampleCopy(temps);
    client = await startClient(root);
    const text = readFileSync(path.join(root, LINE_ITEMS), 'utf8');
    await client.open(LINE_ITEMS, text);
    const doc = { textDocument: { uri: client.uri(LINE_ITEMS) } };

    const term = await client.connection.sendRequest(HoverRequest.type, { ...doc, position: at(text, '[[line items]]', 3) });
    expect(hoverText(term)).toMatch(/^\*\*Line item\*\* \(also: line\)\n\nOne row of an invoice/);
    expect(term!.range).toEqual({ start: at(text, '[[line items]]'), end: after(text, '[[line items]]') });

    const dep = await client.connection.sendRequest(HoverRequest.type, { ...doc, position: at(text, 'money]', 2) });
    expect(hoverText(dep)).toContain('**Money** · `money`');
    expect(hoverText(dep)).toContain('architecture · ready · specs/core/money.md');
    expect(hoverText(dep)).toContain('Owns: `package.json`, `tsconfig.json`, `src/money.ts`, `src/money.test.ts`');

    const link = await client.connection.sendRequest(HoverRequest.type, { ...doc, position: at(text, '[Money](../core/money.md)', 2) });
    expect(hoverText(link)).toContain('**Money** · `money`');

    const glossary = readFileSync(path.join(root, 'context/glossary.md'), 'utf8');
    const toTerm = (await client.connection.sendRequest(DefinitionRequest.type, { ...doc, position: at(text, '[[line items]]', 4) })) as Location;
    expect(toTerm).toEqual({ uri: client.uri('context/glossary.md'), range: { start: at(glossary, '## Line item'), end: after(glossary, '## Line item') } });
    const moneyText = readFileSync(path.join(root, MONEY), 'utf8');
    const toSpec = (await client.connection.sendRequest(DefinitionRequest.type, { ...doc, position: at(text, '../core/money.md', 3) })) as Location;
    expect(toSpec).toEqual({ uri: client.uri(MONEY), range: { start: at(moneyText, '# Money'), end: after(moneyText, '# Money') } });
    const fromDependsOn = (await client.connection.sendRequest(DefinitionRequest.type, { ...doc, position: at(text, 'money]', 1) })) as Location;
    expect(fromDependsOn.uri).toBe(client.uri(MONEY));

    // Completion of glossary terms after [[, of spec ids in depends_on, of missing sections after "## ".
    const what = after(text, '## What\n\n');
    await client.change(LINE_ITEMS, [{ range: { start: what, end: what }, text: 'See [[Tax ' }]);
    const terms = (await client.connection.sendRequest(CompletionRequest.type, { ...doc, position: { line: what.line, character: 10 } })) as CompletionItem[];
    const tax = terms.find((i) => i.label === 'Tax category')!;
    expect((tax.textEdit as TextEdit).newText).toBe('Tax category]]');
    expect((tax.textEdit as TextEdit).range).toEqual({ start: { line: what.line, character: 6 }, end: { line: what.line, character: 10 } });
    expect(terms.map((i) => i.label)).toContain('banker\'s rounding');

    const deps = after(client.text(LINE_ITEMS), 'depends_on: [money');
    await client.change(LINE_ITEMS, [{ range: { start: deps, end: deps }, text: ', dis' }]);
    const ids = (await client.connection.sendRequest(CompletionRequest.type, { ...doc, position: { line: deps.line, character: deps.character + 5 } })) as CompletionItem[];
    expect(ids.map((i) => i.label).sort()).toEqual(['discount-codes', 'invoice-totals', 'typescript-library']);
    expect((ids.find((i) => i.label === 'discount-codes')!.textEdit as TextEdit).range.start).toEqual({ line: deps.line, character: deps.character + 2 });

    const end = client.text(LINE_ITEMS).length;
    const endPos = TextDocument.create('file:///x', 'markdown', 1, client.text(LINE_ITEMS)).positionAt(end);
    await client.change(LINE_ITEMS, [{ range: { start: endPos, end: endPos }, text: '\n## ' }]);
    const sections = (await client.connection.sendRequest(CompletionRequest.type, { ...doc, position: { line: endPos.line + 1, character: 3 } })) as CompletionItem[];
    expect(sections.map((i) => i.label)).toEqual(['Constraints']);

    expect(await client.stop()).toBe(0);
  });

  it('offers quick fixes: a missing section skeleton, a suppression comment, nothing for a phrase with no known replacement', async () => {
    const root = exampleCopy(temps);
    client = await startClient(root);
    const text = readFileSync(path.join(root, LINE_ITEMS), 'utf8');
    await client.open(LINE_ITEMS, text);
    const doc = { textDocument: { uri: client.uri(LINE_ITEMS) } };

    // Delete the Who section (heading and body) without saving.
    const who = at(text, '## Who');
    const inputs = at(text, '## Inputs');
    const missing = await client.change(LINE_ITEMS, [{ range: { start: who, end: inputs }, text: '' }]);
    const finding = missing.diagnostics.find((d) => d.code === 'section-missing')!;
    expect(finding.message).toContain('Section `Who` is missing');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { ...doc, range: finding.range, context: { diagnostics: [finding] } })) as CodeAction[];
    const add = actions.find((a) => a.title === 'Add the missing `## Who` section')!;
    expect(add.isPreferred).toBe(true);
    const edits = add.edit!.changes![client.uri(LINE_ITEMS)]!;
    expect(edits).toEqual([{ range: { start: who, end: who }, newText: '## Who\n\nTBD: who uses it, and in what role.\n\n' }]);
    const added = await client.change(LINE_ITEMS, edits.map((e) => ({ range: e.range, text: e.newText })));
    // The section is back, and its placeholder is flagged until it is written.
    expect(codes(added.diagnostics)).toEqual(['placeholder-text']);
    expect(added.diagnostics[0]!.range.start).toEqual({ line: who.line + 2, character: 0 });

    // A vague phrase: no replacement is known, so the only fix offered is the suppression comment.
    const rules = after(client.text(LINE_ITEMS), '## Rules\n');
    const vague = await client.change(LINE_ITEMS, [{ range: { start: rules, end: rules }, text: '\n  - Parsing must be robust.\n' }]);
    const warning = vague.diagnostics.find((d) => d.code === 'vague-wording')!;
    const fixes = (await client.connection.sendRequest(CodeActionRequest.type, { ...doc, range: warning.range, context: { diagnostics: [warning] } })) as CodeAction[];
    expect(fixes.map((a) => a.title)).toEqual(['Suppress `vague-wording` on this line']);
    expect(fixes[0]!.edit!.changes![client.uri(LINE_ITEMS)]).toEqual([
      { range: { start: { line: warning.range.start.line, character: 0 }, end: { line: warning.range.start.line, character: 0 } }, newText: '  <!-- speccc-disable-next-line vague-wording -- reason -->\n' },
    ]);
    // Taking it: the checker honours the comment, and the warning goes.
    const suppressed = await client.change(LINE_ITEMS, fixes[0]!.edit!.changes![client.uri(LINE_ITEMS)]!.map((e) => ({ range: e.range, text: e.newText })));
    expect(codes(suppressed.diagnostics)).toEqual(['placeholder-text']);
    // Nothing to suppress inside the frontmatter: a comment line cannot go there (and this code is locked anyway).
    const deps = after(client.text(LINE_ITEMS), 'depends_on: [money');
    const unknown = await client.change(LINE_ITEMS, [{ range: { start: deps, end: deps }, text: ', nowhere' }]);
    const dep = unknown.diagnostics.find((d) => d.code === 'unknown-dependency')!;
    expect(await client.connection.sendRequest(CodeActionRequest.type, { ...doc, range: dep.range, context: { diagnostics: [dep] } })).toEqual([]);

    expect(await client.stop()).toBe(0);
  });

  it('reports a misspelled heading where it stands and offers the rename; the section is then found', async () => {
    const root = exampleCopy(temps);
    client = await startClient(root);
    const text = readFileSync(path.join(root, LINE_ITEMS), 'utf8');
    await client.open(LINE_ITEMS, text);
    const heading = after(text, '## Eval');
    const typo = await client.change(LINE_ITEMS, [{ range: { start: heading, end: after(text, '## Evaluation') }, text: 'ution' }]);
    // One finding, on the heading's text; no "Section `Evaluation` is missing" at the title.
    expect(codes(typo.diagnostics)).toEqual(['section-misspelled']);
    const finding = typo.diagnostics[0]!;
    expect(finding.message).toMatch(/^Heading `Evalution` is not a known section; did you mean `Evaluation`\?\nhint: Rename the heading to `## Evaluation`/);
    expect(finding.range).toEqual({ start: { line: heading.line, character: 3 }, end: { line: heading.line, character: 12 } });
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: client.uri(LINE_ITEMS) }, range: finding.range, context: { diagnostics: [finding] } })) as CodeAction[];
    const rename = actions.find((a) => a.title === 'Replace `Evalution` with `Evaluation`')!;
    expect(rename.isPreferred).toBe(true);
    const edits = rename.edit!.changes![client.uri(LINE_ITEMS)]! as TextEdit[];
    const fixed = await client.change(LINE_ITEMS, edits.map((e) => ({ range: e.range, text: e.newText })));
    expect(fixed.diagnostics).toEqual([]);
    expect(client.text(LINE_ITEMS)).toBe(text);
    expect(await client.stop()).toBe(0);
  });

  it("at a monorepo's root: a member's spec is checked under its qualified id, and a dependency across members is told", async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'speccc-test-'));
    temps.push(root);
    cpSync(path.join(import.meta.dirname, '../../examples/monorepo'), root, { recursive: true });
    client = await startClient(root);
    const INVOICE = 'packages/billing/specs/invoice.md';
    const CART = 'packages/shop/specs/cart.md';
    const invoice = readFileSync(path.join(root, INVOICE), 'utf8');
    expect((await client.open(INVOICE, invoice)).diagnostics).toEqual([]);
    await client.open(CART, readFileSync(path.join(root, CART), 'utf8'));
    // shop:cart depends on billing:invoice: renaming the invoice's id breaks that, and cart is told.
    const told = client.diagnostics((p) => p.uri === client!.uri(CART) && codes(p.diagnostics).includes('unknown-dependency'), 'cart told its dependency is gone');
    const id = after(invoice, 'id: ');
    await client.change(INVOICE, [{ range: { start: id, end: { line: id.line, character: id.character + 'invoice'.length } }, text: 'bill' }]);
    expect((await told).diagnostics.find((d) => d.code === 'unknown-dependency')!.message).toContain('billing:invoice');
    expect(await client.stop()).toBe(0);
  });
});
