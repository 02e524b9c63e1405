/**
 * The language server's pure parts: speccc spans to LSP ranges (BOM, CRLF, characters outside
 * the BMP), and the answers computed from the model (completion contexts, quick-fix edits).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic as LspDiagnostic, TextEdit } from 'vscode-languageserver';
import { openIncrementalCheck } from '../../src/incremental/index.js';
import { codeActions, complete, frontmatterKeyAt, toLspDiagnostic, type Doc, type Locator } from '../../src/lsp/features.js';
import { modelText, toRange } from '../../src/lsp/positions.js';
import { useTempWorkspace } from '../helpers/fixtures.js';

const workspaces = useTempWorkspace({ scope: 'all' });

const spec = (body: string, eol = '\n') =>
  ['---', 'id: cart', 'kind: feature', 'status: draft', 'outputs:', '  - src/cart.ts', '  - src/cart.test.ts', '---', '', '# Cart 🛒', '', body].join(eol);

async function sessionWith(files: Record<string, string | Uint8Array>) {
  const root = workspaces.example(['context']);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return openIncrementalCheck(root, { useCache: false });
}

const locatorFor = (texts: Record<string, string>): Locator => ({
  uri: (file) => `file:///w/${file}`,
  range: (file, span) => toRange(span, texts[file]?.startsWith('\uFEFF') ?? false),
});

describe('positions', () => {
  it('maps every finding onto exactly the text it flags, with a BOM, CRLF line ends and emoji before it', async () => {
    const body = ['## What', '', '👩‍💻 users get a fast 🚀 and robust cart, etc.', '', '## Rules', '', '- 𝒳 The total should be TBD.', ''].join('\r\n');
    const editorText = `\uFEFF${spec(body, '\r\n')}`;
    const session = await sessionWith({ 'specs/cart.md': new TextEncoder().encode(editorText) });
    const doc = TextDocument.create('file:///w/specs/cart.md', 'markdown', 1, editorText);
    const found = session.diagnosticsOf('specs/cart.md').filter((d) => d.span.start.line > 10); // below the title
    const flagged = found.map((d) => [d.code, doc.getText(toLspDiagnostic(d, locatorFor({ 'specs/cart.md': editorText })).range)]);
    expect(flagged).toEqual([
      ['vague-wording', 'fast'],
      ['vague-wording', 'robust'],
      ['open-ended-list', 'etc.'],
      ['weak-modal', 'should'],
      ['placeholder-text', 'TBD'],
    ]);
    // And back: the model offset of an editor position, and the editor position of a model offset.
    const text = modelText(editorText);
    for (const d of found) {
      const range = toRange(d.span, true);
      expect(text.offsetAt(range.start)).toBe(d.span.start.offset);
      expect(text.positionAt(d.span.end.offset)).toEqual(range.end);
    }
    // The BOM shifts the first line only: a finding there lands after it.
    const firstLine = '\uFEFFTBD: a spec with no frontmatter.\n';
    const bare = await sessionWith({ 'specs/bare.md': new TextEncoder().encode(firstLine) });
    const placeholder = bare.diagnosticsOf('specs/bare.md').find((d) => d.code === 'placeholder-text')!;
    const bareDoc = TextDocument.create('file:///w/specs/bare.md', 'markdown', 1, firstLine);
    expect(bareDoc.getText(toLspDiagnostic(placeholder, locatorFor({ 'specs/bare.md': firstLine })).range)).toBe('TBD');
    expect(toRange({ start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 4, offset: 3 } }, true)).toEqual({ start: { line: 0, character: 1 }, end: { line: 0, character: 4 } });
    expect(text.positionAt(0)).toEqual({ line: 0, character: 1 });
    expect(text.offsetAt({ line: 0, character: 0 })).toBe(0);
    // Past the end of a CRLF line is its end, not the line break.
    expect(text.offsetAt({ line: 1, character: 99 })).toBe('---\r\nid: cart'.length);
  });

  it('carries the code, the hint and related locations', async () => {
    const session = await sessionWith({ 'specs/a.md': spec('## What\n\nA.\n').replace('id: cart', 'id: same'), 'specs/b.md': spec('## What\n\nB.\n').replace('id: cart', 'id: same') });
    const duplicate = session.diagnosticsOf('specs/b.md').find((d) => d.code === 'duplicate-id')!;
    const lsp = toLspDiagnostic(duplicate, locatorFor({}));
    expect(lsp).toMatchObject({
      code: 'duplicate-id',
      source: 'speccc',
      severity: 1,
      range: { start: { line: 1, character: 4 }, end: { line: 1, character: 8 } },
      relatedInformation: [{ location: { uri: 'file:///w/specs/a.md', range: { start: { line: 1, character: 4 }, end: { line: 1, character: 8 } } }, message: 'first spec with this id' }],
      data: { hint: duplicate.hint },
    });
    expect(lsp.message).toBe(`${duplicate.message}\nhint: ${duplicate.hint}`);
  });
});

function docOf(text: string, file = 'specs/cart.md', spec: Doc['spec'] = null): Doc {
  return { file, uri: `file:///w/${file}`, spec, text: modelText(text) };
}

describe('completion contexts', () => {
  it('knows which frontmatter field the cursor is in, even while the YAML is broken', () => {
    const text = '---\nid: cart\ndepends_on:\n  - mon\n  - \noutputs: [\n---\n\n# T\n';
    expect(frontmatterKeyAt(text, text.indexOf('mon') + 3)).toBe('depends_on');
    expect(frontmatterKeyAt(text, text.indexOf('  - \n') + 4)).toBe('depends_on');
    expect(frontmatterKeyAt(text, text.indexOf('cart'))).toBe('id');
    expect(frontmatterKeyAt(text, text.indexOf('depends_on') + 3)).toBeNull(); // typing the key itself
    expect(frontmatterKeyAt(text, text.indexOf('# T'))).toBeNull();
    expect(frontmatterKeyAt('# No frontmatter\n', 3)).toBeNull();
  });

  it('completes ids into a list, starting one after a bare `depends_on:`', async () => {
    const session = await sessionWith({ 'specs/money.md': spec('## What\n\nM.\n').replace('id: cart', 'id: money'), 'specs/cart.md': spec('## What\n\nC.\n') });
    const text = spec('## What\n\nC.\n').replace('status: draft', 'status: draft\ndepends_on: mo');
    const items = complete(session.workspace, docOf(text, 'specs/cart.md', session.modelOf('specs/cart.md')!.spec), text.indexOf('depends_on: mo') + 14)!;
    expect(items.map((i) => [i.label, (i.textEdit as TextEdit).newText])).toEqual([['money', '[money]']]);
  });

  it('offers nothing outside a known context', async () => {
    const session = await sessionWith({ 'specs/cart.md': spec('## What\n\nC.\n') });
    const text = spec('## What\n\nPlain prose.\n');
    expect(complete(session.workspace, docOf(text), text.indexOf('prose'))).toBeNull();
  });
});

describe('quick fixes', () => {
  const diagnostic = (text: string, phrase: string, code: string, data: object): LspDiagnostic => {
    const t = modelText(text);
    const i = text.indexOf(phrase);
    return { range: { start: t.positionAt(i), end: t.positionAt(i + phrase.length) }, code, source: 'speccc', message: `${code} here`, data };
  };

  it("replaces a vague phrase when the rule knows a replacement, and says nothing when it does not", async () => {
    const text = spec('## What\n\nThe cart totals items etc.\n');
    const session = await sessionWith({ 'specs/cart.md': text });
    const doc = docOf(text, 'specs/cart.md', session.modelOf('specs/cart.md')!.spec);
    const known = codeActions(doc, [diagnostic(text, 'etc.', 'vague-wording', { hint: 'h', replacement: 'and nothing else' })]);
    const replace = known.find((a) => a.title.startsWith('Replace'))!;
    expect(replace.title).toBe('Replace `etc.` with `and nothing else`');
    expect(replace.edit!.changes!['file:///w/specs/cart.md']).toEqual([{ range: diagnostic(text, 'etc.', 'x', {}).range, newText: 'and nothing else' }]);
    const unknown = codeActions(doc, [diagnostic(text, 'etc.', 'vague-wording', { hint: 'h' })]);
    expect(unknown.map((a) => a.title)).toEqual(['Suppress `vague-wording` on this line']);
    // Someone else's diagnostics are not ours to fix.
    expect(codeActions(doc, [{ ...diagnostic(text, 'etc.', 'vague-wording', {}), source: 'markdownlint' }])).toEqual([]);
  });

  it('adds every missing section in the usual order, each before the section that follows it, in the file\'s line ending', async () => {
    const text = spec('## Who\r\n\r\nShoppers.\r\n\r\n## Rules\r\n\r\n- `add` must add.\r\n', '\r\n');
    const session = await sessionWith({ 'specs/cart.md': text });
    const doc = docOf(text, 'specs/cart.md', session.modelOf('specs/cart.md')!.spec);
    const missing = session.diagnosticsOf('specs/cart.md').filter((d) => d.code === 'section-missing').map((d) => toLspDiagnostic(d, locatorFor({})));
    expect(missing).toHaveLength(5); // What, Inputs, Outputs, Edge cases, Evaluation
    const all = codeActions(doc, missing).find((a) => a.title === 'Add all 5 missing sections')!;
    const fixed = TextDocument.applyEdits(TextDocument.create('file:///w/specs/cart.md', 'markdown', 1, text), all.edit!.changes!['file:///w/specs/cart.md']!);
    expect(fixed.split('\r\n').filter((l) => l.startsWith('## '))).toEqual(['## What', '## Who', '## Inputs', '## Outputs', '## Rules', '## Edge cases', '## Evaluation']);
    expect(fixed.replace(/\r\n/g, '')).not.toContain('\n');
    const after = await sessionWith({ 'specs/cart.md': fixed });
    // No section is missing any more; what is left are the placeholders to fill in.
    expect([...new Set(after.diagnosticsOf('specs/cart.md').map((d) => d.code))]).toEqual(['placeholder-text']);
  });
});
