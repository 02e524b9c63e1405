/**
 * What the language server answers, as pure functions of the workspace model and one document:
 * diagnostics in LSP form, hover, go-to-definition, completion and quick fixes. No I/O: the
 * server (server.ts) owns the connection and the session, and hands these the current state.
 */
import { CodeActionKind, CompletionItemKind, DiagnosticSeverity, InsertTextFormat, MarkupKind } from 'vscode-languageserver';
import type { CodeAction, CompletionItem, Diagnostic as LspDiagnostic, Hover, Location, Range, TextEdit } from 'vscode-languageserver';
import type { Diagnostic, GlossaryTerm, SectionName, Span, Spec, Workspace } from '../types/index.js';
import { SECTION_NAMES } from '../types/index.js';
import { sectionNameOf } from '../phases/2-model/sections.js';
import { REQUIRED_SECTIONS, SECTION_TITLES } from '../phases/3-check/rules/required-sections.js';
import { RULE_CODES } from '../phases/3-check/rules/index.js';
import { CATALOGUE } from '../diagnostics/catalogue/index.js';
import type { ModelText } from './positions.js';

/** Where a workspace file lives for the editor, and how a span in it maps to an LSP range. */
export interface Locator {
  uri(file: string): string;
  range(file: string, span: Span): Range;
}

/** The document a request is about: its path, its model (null when it is not a parsed spec) and its text. */
export interface Doc {
  file: string;
  uri: string;
  spec: Spec | null;
  text: ModelText;
}

/** What the quick fixes need to know about a finding, carried in the LSP diagnostic's `data`. */
interface FindingData {
  hint: string;
  replacement?: string;
}

export function toLspDiagnostic(d: Diagnostic, locate: Locator): LspDiagnostic {
  const data: FindingData = { hint: d.hint, ...(d.replacement !== undefined ? { replacement: d.replacement } : {}) };
  return {
    range: locate.range(d.file, d.span),
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.code,
    source: 'speccc',
    message: d.hint ? `${d.message}\nhint: ${d.hint}` : d.message,
    ...(d.related && d.related.length > 0
      ? { relatedInformation: d.related.map((r) => ({ location: { uri: locate.uri(r.file), range: locate.range(r.file, r.span) }, message: r.message })) }
      : {}),
    data,
  };
}

// ---------------------------------------------------------------------------------------------
// What is under the cursor

const within = (span: Span, offset: number) => span.start.offset <= offset && offset <= span.end.offset;

/** The glossary entry a marked term names: case-insensitive, and a plural names its singular (as the checker matches). */
export function findTerm(workspace: Workspace, term: string): GlossaryTerm | undefined {
  const key = term.trim().toLowerCase();
  return workspace.glossary.find((g) => g.keys.includes(key)) ?? (key.endsWith('s') ? workspace.glossary.find((g) => g.keys.includes(key.slice(0, -1))) : undefined);
}

/** The frontmatter block's [start, end) in the text, or null. Read from the text, so it works while the YAML is broken. */
function frontmatterRange(text: string): [number, number] | null {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return null;
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  close.lastIndex = 0;
  const rest = text.slice(open[0].length);
  const m = close.exec(rest);
  return [0, m ? open[0].length + m.index + m[0].length : text.length];
}

/** The top-level frontmatter key whose value the offset is in (`depends_on` for `  - mo|`), or null. */
export function frontmatterKeyAt(text: string, offset: number): string | null {
  const range = frontmatterRange(text);
  if (!range || offset < text.indexOf('\n') + 1 || offset > range[1]) return null;
  let lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const sameLine = text.slice(lineStart, offset);
  const here = /^([A-Za-z_][\w-]*)\s*:/.exec(sameLine);
  if (here) return here[1]!;
  if (/^[A-Za-z_][\w-]*$/.test(sameLine)) return null; // typing a key
  // Continuation lines (`  - money`) belong to the nearest key above.
  while (lineStart > 0) {
    const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    const line = text.slice(prevStart, lineStart - 1);
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(line);
    if (key) return key[1]!;
    if (/^---/.test(line)) return null;
    lineStart = prevStart;
  }
  return null;
}

const ID_CHAR = /[A-Za-z0-9_.-]/;

/** The id-like word around an offset: [start, end). */
function wordAt(text: string, offset: number): [number, number] {
  let start = offset;
  let end = offset;
  while (start > 0 && ID_CHAR.test(text[start - 1]!)) start--;
  while (end < text.length && ID_CHAR.test(text[end]!)) end++;
  return [start, end];
}

type Target =
  | { kind: 'term'; span: Span; term: string; entry: GlossaryTerm | undefined }
  | { kind: 'spec'; span: Span; spec: Spec | undefined; name: string };

function targetAt(workspace: Workspace, doc: Doc, offset: number): Target | null {
  const spec = doc.spec;
  if (spec) {
    const use = spec.terms.find((t) => within(t.span, offset));
    if (use) return { kind: 'term', span: use.span, term: use.term, entry: findTerm(workspace, use.term) };
    const link = spec.links.find((l) => within(l.span, offset));
    if (link) return { kind: 'spec', span: link.span, name: link.target, spec: workspace.files.find((m) => m.file === link.target)?.spec ?? undefined };
  }
  if (frontmatterKeyAt(doc.text.text, offset) === 'depends_on') {
    const [start, end] = wordAt(doc.text.text, offset);
    const id = doc.text.text.slice(start, end);
    if (/[A-Za-z0-9]/.test(id) && id !== 'depends_on') {
      const at = (o: number) => ({ line: 0, column: 0, offset: o });
      return { kind: 'spec', span: { start: at(start), end: at(end) }, name: id, spec: workspace.byId.get(id) };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Hover and go-to-definition

/** A glossary entry's definition: the lines under its heading, without the Aliases line. */
export function glossaryDefinition(workspace: Workspace, entry: GlossaryTerm): { aliases: string[]; text: string } {
  const doc = workspace.context.find((c) => c.file === entry.file);
  if (!doc) return { aliases: entry.keys.slice(1), text: '' };
  const lines = doc.text.split('\n').map((l) => l.replace(/\r$/, ''));
  const body: string[] = [];
  let aliases = entry.keys.slice(1);
  for (let i = entry.span.start.line; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^#{1,2}\s/.test(line)) break;
    const alias = /^\s*aliases\s*:\s*(.+)$/i.exec(line);
    if (alias && body.every((l) => l.trim() === '')) {
      aliases = alias[1]!.split(',').map((a) => a.trim()).filter(Boolean);
      continue;
    }
    body.push(line);
  }
  return { aliases, text: body.join('\n').trim() };
}

export function describeSpec(spec: Spec): string {
  const fm = spec.frontmatter;
  const title = spec.title?.value ?? fm?.id ?? spec.file;
  const lines = [`**${title}**${fm ? ` · \`${fm.id}\`` : ''}`, '', fm ? `${fm.kind} · ${fm.status} · ${spec.file}` : spec.file];
  if (fm && fm.depends_on.length > 0) lines.push('', `Depends on: ${fm.depends_on.map((d) => `\`${d}\``).join(', ')}`);
  if (fm) lines.push('', fm.outputs.length > 0 ? `Owns: ${fm.outputs.map((o) => `\`${o}\``).join(', ')}` : 'Owns no outputs');
  return lines.join('\n');
}

export function hover(workspace: Workspace, doc: Doc, offset: number): Hover | null {
  const target = targetAt(workspace, doc, offset);
  if (!target) return null;
  const range = { start: doc.text.positionAt(target.span.start.offset), end: doc.text.positionAt(target.span.end.offset) };
  if (target.kind === 'term') {
    if (!target.entry) return { range, contents: { kind: MarkupKind.Markdown, value: `\`${target.term}\` is not defined in the glossary.` } };
    const { aliases, text } = glossaryDefinition(workspace, target.entry);
    const head = `**${target.entry.term}**${aliases.length > 0 ? ` (also: ${aliases.join(', ')})` : ''}`;
    return { range, contents: { kind: MarkupKind.Markdown, value: text ? `${head}\n\n${text}` : head } };
  }
  if (!target.spec) return { range, contents: { kind: MarkupKind.Markdown, value: `No spec \`${target.name}\` in this workspace.` } };
  return { range, contents: { kind: MarkupKind.Markdown, value: describeSpec(target.spec) } };
}

export function definition(workspace: Workspace, doc: Doc, offset: number, locate: Locator): Location | null {
  const target = targetAt(workspace, doc, offset);
  if (!target) return null;
  if (target.kind === 'term') return target.entry ? { uri: locate.uri(target.entry.file), range: locate.range(target.entry.file, target.entry.span) } : null;
  if (!target.spec) return null;
  const origin = { line: 1, column: 1, offset: 0 };
  return { uri: locate.uri(target.spec.file), range: locate.range(target.spec.file, target.spec.title?.span ?? { start: origin, end: origin }) };
}

// ---------------------------------------------------------------------------------------------
// Completion

export function complete(workspace: Workspace, doc: Doc, offset: number): CompletionItem[] | null {
  const text = doc.text.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const replace = (from: number, to = offset): Range => ({ start: doc.text.positionAt(from), end: doc.text.positionAt(to) });

  const term = /\[\[([^[\]\n]*)$/.exec(before);
  if (term) {
    const from = offset - term[1]!.length;
    const closed = text.startsWith(']]', offset);
    const items: CompletionItem[] = [];
    for (const entry of workspace.glossary) {
      const { aliases, text: definitionText } = glossaryDefinition(workspace, entry);
      const documentation = { kind: MarkupKind.Markdown, value: definitionText };
      items.push({ label: entry.term, kind: CompletionItemKind.Keyword, detail: 'glossary term', documentation, textEdit: { range: replace(from), newText: closed ? entry.term : `${entry.term}]]` } });
      for (const alias of aliases) {
        items.push({ label: alias, kind: CompletionItemKind.Keyword, detail: `alias of ${entry.term}`, documentation, textEdit: { range: replace(from), newText: closed ? alias : `${alias}]]` } });
      }
    }
    return items;
  }

  const heading = /^##[ \t]+([^#\n]*)$/.exec(before);
  if (heading) {
    const from = offset - heading[1]!.length;
    const present = new Set(doc.spec?.sections.map((s) => s.name) ?? []);
    const kind = doc.spec?.frontmatter?.kind;
    const required = new Set<SectionName>(kind ? REQUIRED_SECTIONS[kind] : []);
    // Interface, State and Failure modes describe an external service: only twin specs have them.
    const fits = (name: SectionName) => kind === 'twin' || !['interface', 'state', 'failure-modes'].includes(name);
    return SECTION_NAMES.filter((name) => !present.has(name) && fits(name)).map((name, i) => ({
      label: SECTION_TITLES[name],
      kind: CompletionItemKind.Module,
      detail: required.has(name) ? `required for a ${kind} spec` : 'section',
      sortText: `${required.has(name) ? 0 : 1}${i}`,
      textEdit: { range: replace(from), newText: SECTION_TITLES[name] },
    }));
  }

  if (frontmatterKeyAt(text, offset) === 'depends_on') {
    const [start] = wordAt(text, offset);
    // Right after `depends_on:` with no list begun, an id alone would be a string: start a list.
    const bare = /^depends_on\s*:\s*[A-Za-z0-9_.-]*$/.test(before);
    const own = doc.spec?.frontmatter?.id;
    const listed = new Set(doc.spec?.frontmatter?.depends_on ?? []);
    const typed = text.slice(start, offset);
    const items: CompletionItem[] = [];
    for (const [id, spec] of workspace.byId) {
      if (id === own || (listed.has(id) && id !== typed)) continue;
      items.push({
        label: id,
        kind: CompletionItemKind.Reference,
        detail: spec.title?.value ?? spec.file,
        documentation: { kind: MarkupKind.Markdown, value: describeSpec(spec) },
        textEdit: { range: replace(start), newText: bare ? `[${id}]` : id },
        insertTextFormat: InsertTextFormat.PlainText,
      });
    }
    return items;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Quick fixes

/** What a new section starts with: a placeholder the checker flags until it is replaced, never silent filler. */
export const SECTION_SKELETONS: Record<SectionName, string> = {
  what: 'TBD: what this spec provides, and why.',
  who: 'TBD: who uses it, and in what role.',
  inputs: 'TBD: each input with its type and valid range, and what happens when it is missing, malformed or out of range.',
  outputs: 'TBD: each file under `outputs:` and what it exports.',
  rules: '- TBD: each requirement as a "must" statement.',
  'edge-cases': '- TBD: each boundary or unusual input, and the behaviour expected.',
  evaluation: '### Scenario: TBD\n- **Given** TBD\n- **When** TBD\n- **Then** TBD',
  constraints: '- TBD: limits on time, memory, dependencies or security.',
  interface: 'TBD: each endpoint (method, path, request and response bodies) the service answers.',
  state: 'TBD: what the service remembers between calls, and how each call changes it.',
  'failure-modes': '- TBD: each error, limit or outage the service can show, and when.',
};

export const suppressionComment = (code: string) => `<!-- speccc-disable-next-line ${code} -- reason -->`;

/** Codes a comment can suppress: check rules' findings, except the locked ones builds rely on (src/phases/3-check/suppressions.ts). */
const suppressible = (code: string) => RULE_CODES.has(code) && code !== 'unused-suppression' && !CATALOGUE.get(code)?.locked;

/** Where a missing section goes: before the first known section that follows it in the usual order, else at the end. */
function sectionInsertion(spec: Spec, text: string, names: readonly SectionName[], eol: string): { at: number; newText: string } {
  const order = (n: SectionName) => SECTION_NAMES.indexOf(n);
  const first = Math.min(...names.map(order));
  const next = spec.sections.find((s) => s.name !== null && order(s.name) > first);
  const block = names
    .slice()
    .sort((a, b) => order(a) - order(b))
    .map((n) => `## ${SECTION_TITLES[n]}${eol}${eol}${SECTION_SKELETONS[n].split('\n').join(eol)}${eol}${eol}`)
    .join('');
  if (next) return { at: next.span.start.offset, newText: block };
  const lead = text.length === 0 || text.endsWith(`${eol}${eol}`) ? '' : text.endsWith(eol) ? eol : `${eol}${eol}`;
  return { at: text.length, newText: `${lead}${block}`.replace(new RegExp(`${eol}$`), '') };
}

export function codeActions(doc: Doc, diagnostics: readonly LspDiagnostic[]): CodeAction[] {
  const spec = doc.spec;
  const text = doc.text.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const edit = (range: Range, newText: string) => ({ changes: { [doc.uri]: [{ range, newText } satisfies TextEdit] } });
  const insertAt = (offset: number, newText: string) => edit({ start: doc.text.positionAt(offset), end: doc.text.positionAt(offset) }, newText);
  const actions: CodeAction[] = [];
  const ours = diagnostics.filter((d) => d.source === 'speccc' && typeof d.code === 'string');
  const present = new Set(spec?.sections.map((s) => s.name) ?? []);
  const kind = spec?.frontmatter?.kind;
  const missing = kind ? REQUIRED_SECTIONS[kind].filter((n) => !present.has(n)) : [];

  for (const d of ours) {
    const code = d.code as string;
    const data = (d.data ?? {}) as Partial<FindingData>;
    if (code === 'section-missing' && spec) {
      const named = /`([^`]+)`/.exec(typeof d.message === 'string' ? d.message : d.message.value)?.[1];
      const name = named ? sectionNameOf(named) : null;
      if (name && missing.includes(name)) {
        const { at, newText } = sectionInsertion(spec, text, [name], eol);
        actions.push({ title: `Add the missing \`## ${SECTION_TITLES[name]}\` section`, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: insertAt(at, newText) });
      }
    }
    // A rule that knows the better phrase says so (Diagnostic.replacement): vague wording, for one.
    if (typeof data.replacement === 'string') {
      const phrase = text.slice(doc.text.offsetAt(d.range.start), doc.text.offsetAt(d.range.end));
      actions.push({ title: `Replace \`${phrase}\` with \`${data.replacement}\``, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: edit(d.range, data.replacement) });
    }
    // A comment line can go before any body line; inside the YAML frontmatter it cannot.
    const fmEnd = spec?.frontmatterSpans?.block.end.offset ?? frontmatterRange(text)?.[1] ?? 0;
    const lineStart = doc.text.offsetAt({ line: d.range.start.line, character: 0 });
    if (spec && suppressible(code) && lineStart >= fmEnd && lineStart > 0) {
      const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
      actions.push({ title: `Suppress \`${code}\` on this line`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: insertAt(lineStart, `${indent}${suppressionComment(code)}${eol}`) });
    }
  }
  if (spec && missing.length > 1 && ours.some((d) => d.code === 'section-missing')) {
    // Each missing section goes to its own place, so that the usual order is kept.
    const changes: TextEdit[] = [];
    const groups = new Map<number, SectionName[]>();
    for (const name of missing) {
      const { at } = sectionInsertion(spec, text, [name], eol);
      groups.set(at, [...(groups.get(at) ?? []), name]);
    }
    for (const [, names] of groups) {
      const { at, newText } = sectionInsertion(spec, text, names, eol);
      changes.push({ range: { start: doc.text.positionAt(at), end: doc.text.positionAt(at) }, newText });
    }
    actions.push({ title: `Add all ${missing.length} missing sections`, kind: CodeActionKind.QuickFix, diagnostics: ours.filter((d) => d.code === 'section-missing'), edit: { changes: { [doc.uri]: changes } } });
  }
  return actions;
}
