/**
 * A project's sources -> what each file declares, read with the TypeScript compiler API (loaded
 * on first use, as the checker's coverage reader does): exports with their signatures as written
 * and their JSDoc, relative imports resolved to project files, test titles, and the syntax errors
 * of files that do not parse. Pure: io reads the files; nothing here runs or type-checks them.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type TS from 'typescript';
import type { Diagnostic } from '../types/index.js';
import { diagnostics as d } from '../diagnostics/messages.js';
import { createLineIndex } from '../phases/1-parse/line-index.js';
import { readTests } from '../phases/3-check/coverage.js';
import type { ExportInfo, FileRole, ImportInfo, ModuleInfo, SourceText } from './types.js';

const require = createRequire(import.meta.url);
let loaded: typeof TS | undefined;
const ts = (): typeof TS => (loaded ??= require('typescript') as typeof TS);

/** Code the compiler reads: TypeScript and JavaScript, not declaration files. */
export const CODE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
export const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/;
const DECLARATION = /\.d\.[cm]?ts$/;
/** Folders whose modules, when only tests import them, are test support (fixtures, data). */
const TEST_FOLDER = /(?:^|\/)(?:__tests__|__mocks__|__fixtures__|tests?|fixtures|spec)\//;

export const isCode = (p: string): boolean => CODE_FILE.test(p) && !DECLARATION.test(p);

const scriptKind = (file: string) => (/x$/.test(file) ? ts().ScriptKind.TSX : /\.[cm]?js$/.test(file) ? ts().ScriptKind.JS : ts().ScriptKind.TS);

/** Whitespace collapsed, cut at `max` characters with an ellipsis. */
export function oneLine(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

export interface ReadModules {
  modules: ModuleInfo[];
  /** Files that do not parse, each located at its first syntax error. */
  problems: Diagnostic[];
}

export function readModules(sources: readonly SourceText[]): ReadModules {
  const code = sources.filter((s) => isCode(s.path));
  const parsed = parseAll(code);
  const problems: Diagnostic[] = [];
  const paths = new Set(sources.map((s) => s.path));
  const infos: ModuleInfo[] = [];
  for (const source of sources) {
    const sf = parsed.files.get(source.path);
    if (!sf) {
      infos.push({ path: source.path, role: 'other', exports: [], imports: [], tests: [] });
      continue;
    }
    const syntax = parsed.syntax(sf);
    if (syntax) problems.push(syntax);
    const isTest = TEST_FILE.test(source.path);
    infos.push({
      path: source.path,
      role: isTest ? 'test' : 'module',
      ...moduleDocOf(sf),
      exports: isTest ? [] : exportsOf(sf),
      imports: importsOf(sf, paths),
      tests: isTest ? readTests(source.path, source.text).map((t) => t.title) : [],
    });
  }
  return { modules: withRoles(infos), problems };
}

/** Every code file parsed once, in one program that resolves nothing (syntax only). */
function parseAll(code: readonly SourceText[]) {
  const t = ts();
  const files = new Map(code.map((s) => [s.path, t.createSourceFile(s.path, s.text, t.ScriptTarget.Latest, true, scriptKind(s.path))]));
  const options: TS.CompilerOptions = { noResolve: true, noLib: true, allowJs: true, noEmit: true, types: [] };
  const host: TS.CompilerHost = {
    getSourceFile: (name) => files.get(name),
    getDefaultLibFileName: () => 'lib.d.ts',
    writeFile: () => undefined,
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (name) => files.has(name),
    readFile: () => undefined,
  };
  const program = t.createProgram({ rootNames: [...files.keys()], options, host });
  const syntax = (sf: TS.SourceFile): Diagnostic | undefined => {
    const first = program.getSyntacticDiagnostics(sf)[0];
    if (!first || first.start === undefined) return undefined;
    const lines = createLineIndex(sf.text);
    return d.adoptParseError({
      file: sf.fileName,
      span: lines.span(first.start, first.start + (first.length ?? 0)),
      message: `File does not parse: ${oneLine(t.flattenDiagnosticMessageText(first.messageText, ' '))}; expected TypeScript or JavaScript the compiler reads`,
    });
  };
  return { files, syntax };
}

/** A leading JSDoc that describes the file: tagged `@module`/`@file`/`@packageDocumentation`, or followed by an import. */
function moduleDocOf(sf: TS.SourceFile): { moduleDoc?: string } {
  const t = ts();
  const first = sf.statements[0];
  if (!first) return {};
  const docs = t.getJSDocCommentsAndTags(first).filter((n): n is TS.JSDoc => n.kind === t.SyntaxKind.JSDoc);
  const doc = docs[0];
  if (!doc) return {};
  const tagged = (doc.tags ?? []).some((tag) => ['module', 'file', 'fileoverview', 'packageDocumentation'].includes(tag.tagName.text));
  if (!tagged && !t.isImportDeclaration(first)) return {};
  const text = t.getTextOfJSDocComment(doc.comment);
  return text ? { moduleDoc: oneLine(text, 600) } : {};
}

function hasModifier(node: TS.Node, kind: TS.SyntaxKind): boolean {
  const t = ts();
  return t.canHaveModifiers(node) && (t.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

/** The JSDoc of a declaration: summary, `@param`, `@returns`, `@throws`. */
function docOf(node: TS.Node): Pick<ExportInfo, 'doc' | 'params' | 'returns' | 'throws'> {
  const t = ts();
  const doc = t.getJSDocCommentsAndTags(node).filter((n): n is TS.JSDoc => n.kind === t.SyntaxKind.JSDoc).at(-1);
  const out: Pick<ExportInfo, 'doc' | 'params' | 'returns' | 'throws'> = { params: [], throws: [] };
  if (!doc) return out;
  const summary = t.getTextOfJSDocComment(doc.comment);
  if (summary) out.doc = oneLine(summary, 600);
  for (const tag of doc.tags ?? []) {
    const text = oneLine(t.getTextOfJSDocComment(tag.comment) ?? '', 300).replace(/^-\s*/, '');
    if (t.isJSDocParameterTag(tag)) out.params.push({ name: tag.name.getText(), doc: text });
    else if (t.isJSDocReturnTag(tag) && text) out.returns = text;
    else if (tag.tagName.text === 'throws' || tag.tagName.text === 'exception') out.throws.push(text);
  }
  return out;
}

/** Comments inside a declaration: a `//` comment would swallow the rest once the text is on one line. */
const COMMENTS = /\/\*[\s\S]*?\*\/|(^|\s)\/\/[^\n]*/g;

/** A declaration's head as written: everything before its body, comments left out. */
function headOf(sf: TS.SourceFile, node: TS.Node, body: TS.Node | undefined): string {
  const start = node.getStart(sf);
  const end = body ? body.getStart(sf) : node.getEnd();
  const text = sf.text.slice(start, end).replace(COMMENTS, '$1');
  return oneLine(text.replace(/^export\s+(?:default\s+)?/, '').replace(/\s*(?:=>)?\s*$/, '').replace(/;$/, ''));
}

function exportsOf(sf: TS.SourceFile): ExportInfo[] {
  const t = ts();
  const out: ExportInfo[] = [];
  const add = (name: string, kind: ExportInfo['kind'], signature: string, node: TS.Node, from = '') => out.push({ name, kind, signature, ...docOf(node), ...(from ? { from: from.replace(/^ from '|'$/g, '') } : {}) });
  for (const s of sf.statements) {
    if (t.isExportDeclaration(s)) {
      const from = s.moduleSpecifier && t.isStringLiteral(s.moduleSpecifier) ? ` from '${s.moduleSpecifier.text}'` : '';
      if (!s.exportClause) add('*', 're-export', '*', s, from);
      else if (t.isNamespaceExport(s.exportClause)) add(s.exportClause.name.text, 're-export', `* as ${s.exportClause.name.text}`, s, from);
      else for (const e of s.exportClause.elements) add(e.name.text, 're-export', e.getText(sf), s, from);
      continue;
    }
    if (t.isExportAssignment(s)) {
      if (!s.isExportEquals) add('default', 'variable', `default ${oneLine(s.expression.getText(sf), 120)}`, s);
      continue;
    }
    if (!hasModifier(s, t.SyntaxKind.ExportKeyword)) continue;
    const name = (n: TS.Node & { name?: TS.Node }) => (hasModifier(s, t.SyntaxKind.DefaultKeyword) ? 'default' : n.name && t.isIdentifier(n.name) ? n.name.text : 'default');
    if (t.isFunctionDeclaration(s)) {
      if (!s.body && out.some((e) => e.name === name(s))) continue; // overloads: the first signature speaks for them
      add(name(s), 'function', headOf(sf, s, s.body), s);
    } else if (t.isClassDeclaration(s)) add(name(s), 'class', classSignature(sf, s), s);
    else if (t.isInterfaceDeclaration(s)) add(s.name.text, 'interface', headOf(sf, s, undefined), s);
    else if (t.isTypeAliasDeclaration(s)) add(s.name.text, 'type', headOf(sf, s, undefined), s);
    else if (t.isEnumDeclaration(s)) add(s.name.text, 'enum', headOf(sf, s, undefined), s);
    else if (t.isModuleDeclaration(s)) add(s.name.getText(sf), 'namespace', `namespace ${s.name.getText(sf)}`, s);
    else if (t.isVariableStatement(s)) for (const decl of s.declarationList.declarations) out.push(variableExport(sf, s, decl));
  }
  return out;
}

/** `const f = (a: T): R => …` is a function; any other variable shows its type or its value, shortened. */
function variableExport(sf: TS.SourceFile, statement: TS.VariableStatement, decl: TS.VariableDeclaration): ExportInfo {
  const t = ts();
  const name = decl.name.getText(sf);
  const init = decl.initializer;
  const doc = docOf(statement);
  if (init && (t.isArrowFunction(init) || t.isFunctionExpression(init))) {
    const params = init.parameters.map((p) => p.getText(sf)).join(', ');
    return { name, kind: 'function', signature: oneLine(`${name}(${params})${init.type ? `: ${init.type.getText(sf)}` : ''}`), ...doc };
  }
  const shown = decl.type ? `: ${decl.type.getText(sf)}` : init ? ` = ${init.getText(sf)}` : '';
  const keyword = statement.declarationList.flags & t.NodeFlags.Const ? 'const' : 'let';
  return { name, kind: 'variable', signature: oneLine(`${keyword} ${name}${shown}`, 160), ...doc };
}

/** `class Name`, its constructor's parameters and its public methods' heads. */
function classSignature(sf: TS.SourceFile, c: TS.ClassDeclaration): string {
  const t = ts();
  const members: string[] = [];
  for (const m of c.members) {
    if (hasModifier(m, t.SyntaxKind.PrivateKeyword) || hasModifier(m, t.SyntaxKind.ProtectedKeyword)) continue;
    if (m.name && t.isPrivateIdentifier(m.name)) continue;
    if (t.isConstructorDeclaration(m)) members.push(`constructor(${m.parameters.map((p) => p.getText(sf)).join(', ')})`);
    else if (t.isMethodDeclaration(m)) members.push(headOf(sf, m, m.body));
  }
  // The head ends where the members begin: after the name, type parameters and heritage clauses.
  const open = sf.text.lastIndexOf('{', c.members.pos);
  const head = oneLine(sf.text.slice(c.getStart(sf), open > 0 ? open : c.members.pos).replace(/^export\s+(?:default\s+)?/, ''));
  return oneLine(`${head}${members.length > 0 ? ` { ${members.join('; ')} }` : ''}`, 400);
}

/** Relative imports, `export … from`, `require()` and `import()`, each resolved to a project file when it names one. */
function importsOf(sf: TS.SourceFile, paths: ReadonlySet<string>): ImportInfo[] {
  const t = ts();
  const out: ImportInfo[] = [];
  const add = (node: TS.Node, specifier: string) => {
    const target = resolveImport(sf.fileName, specifier, paths);
    out.push({ specifier, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, ...(target ? { target } : {}) });
  };
  const visit = (node: TS.Node) => {
    if ((t.isImportDeclaration(node) || t.isExportDeclaration(node)) && node.moduleSpecifier && t.isStringLiteral(node.moduleSpecifier)) add(node, node.moduleSpecifier.text);
    else if (t.isCallExpression(node) && node.arguments.length === 1 && t.isStringLiteral(node.arguments[0]!)) {
      const callee = node.expression;
      if (callee.kind === t.SyntaxKind.ImportKeyword || (t.isIdentifier(callee) && callee.text === 'require')) add(node, (node.arguments[0] as TS.StringLiteral).text);
    }
    t.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The project file a relative specifier names (`./x.js` is `./x.ts` in TypeScript), or undefined. */
export function resolveImport(from: string, specifier: string, paths: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const stem = target.replace(/\.[cm]?js$/, '');
  const candidates = [target, ...['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'].map((e) => `${stem}${e}`), ...['index.ts', 'index.tsx', 'index.js'].map((i) => `${target}/${i}`)];
  return candidates.find((c) => paths.has(c));
}

/** A module only tests import, in a test folder, is test support: it goes with the tests. */
function withRoles(infos: ModuleInfo[]): ModuleInfo[] {
  const importers = new Map<string, FileRole[]>();
  for (const m of infos) for (const i of m.imports) if (i.target) importers.set(i.target, [...(importers.get(i.target) ?? []), m.role]);
  return infos.map((m) => {
    if (m.role !== 'module') return m;
    const by = importers.get(m.path) ?? [];
    const onlyTests = by.length > 0 && by.every((r) => r === 'test');
    return onlyTests && TEST_FOLDER.test(m.path) ? { ...m, role: 'test-support' as const } : m;
  });
}
