import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  readTests
} from "./chunk-2YZVRG7S.js";
import {
  createLineIndex,
  diagnostics
} from "./chunk-Y72MW4XH.js";

// src/adopt/read-modules.ts
import { createRequire } from "node:module";
import path from "node:path";
var require2 = createRequire(import.meta.url), loaded, ts = () => loaded ??= require2("typescript"), CODE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/, TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/, DECLARATION = /\.d\.[cm]?ts$/, TEST_FOLDER = /(?:^|\/)(?:__tests__|__mocks__|__fixtures__|tests?|fixtures|spec)\//, isCode = (p) => CODE_FILE.test(p) && !DECLARATION.test(p), scriptKind = (file) => /x$/.test(file) ? ts().ScriptKind.TSX : /\.[cm]?js$/.test(file) ? ts().ScriptKind.JS : ts().ScriptKind.TS;
function oneLine(text, max = 200) {
  let flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}\u2026` : flat;
}
function readModules(sources) {
  let code = sources.filter((s) => isCode(s.path)), parsed = parseAll(code), problems = [], paths = new Set(sources.map((s) => s.path)), infos = [];
  for (let source of sources) {
    let sf = parsed.files.get(source.path);
    if (!sf) {
      infos.push({ path: source.path, role: "other", exports: [], imports: [], tests: [] });
      continue;
    }
    let syntax = parsed.syntax(sf);
    syntax && problems.push(syntax);
    let isTest = TEST_FILE.test(source.path);
    infos.push({
      path: source.path,
      role: isTest ? "test" : "module",
      ...moduleDocOf(sf),
      exports: isTest ? [] : exportsOf(sf),
      imports: importsOf(sf, paths),
      tests: isTest ? readTests(source.path, source.text).map((t) => t.title) : []
    });
  }
  return { modules: withRoles(infos), problems };
}
function parseAll(code) {
  let t = ts(), files = new Map(code.map((s) => [s.path, t.createSourceFile(s.path, s.text, t.ScriptTarget.Latest, !0, scriptKind(s.path))])), options = { noResolve: !0, noLib: !0, allowJs: !0, noEmit: !0, types: [] }, host = {
    getSourceFile: (name) => files.get(name),
    getDefaultLibFileName: () => "lib.d.ts",
    writeFile: () => {
    },
    getCurrentDirectory: () => "/",
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => !0,
    getNewLine: () => `
`,
    fileExists: (name) => files.has(name),
    readFile: () => {
    }
  }, program = t.createProgram({ rootNames: [...files.keys()], options, host });
  return { files, syntax: (sf) => {
    let first = program.getSyntacticDiagnostics(sf)[0];
    if (!first || first.start === void 0) return;
    let lines = createLineIndex(sf.text);
    return diagnostics.adoptParseError({
      file: sf.fileName,
      span: lines.span(first.start, first.start + (first.length ?? 0)),
      message: `File does not parse: ${oneLine(t.flattenDiagnosticMessageText(first.messageText, " "))}; expected TypeScript or JavaScript the compiler reads`
    });
  } };
}
function moduleDocOf(sf) {
  let t = ts(), first = sf.statements[0];
  if (!first) return {};
  let doc = t.getJSDocCommentsAndTags(first).filter((n) => n.kind === t.SyntaxKind.JSDoc)[0];
  if (!doc) return {};
  if (!(doc.tags ?? []).some((tag) => ["module", "file", "fileoverview", "packageDocumentation"].includes(tag.tagName.text)) && !t.isImportDeclaration(first)) return {};
  let text = t.getTextOfJSDocComment(doc.comment);
  return text ? { moduleDoc: oneLine(text, 600) } : {};
}
function hasModifier(node, kind) {
  let t = ts();
  return t.canHaveModifiers(node) && (t.getModifiers(node) ?? []).some((m) => m.kind === kind);
}
function docOf(node) {
  let t = ts(), doc = t.getJSDocCommentsAndTags(node).filter((n) => n.kind === t.SyntaxKind.JSDoc).at(-1), out = { params: [], throws: [] };
  if (!doc) return out;
  let summary = t.getTextOfJSDocComment(doc.comment);
  summary && (out.doc = oneLine(summary, 600));
  for (let tag of doc.tags ?? []) {
    let text = oneLine(t.getTextOfJSDocComment(tag.comment) ?? "", 300).replace(/^-\s*/, "");
    t.isJSDocParameterTag(tag) ? out.params.push({ name: tag.name.getText(), doc: text }) : t.isJSDocReturnTag(tag) && text ? out.returns = text : (tag.tagName.text === "throws" || tag.tagName.text === "exception") && out.throws.push(text);
  }
  return out;
}
var COMMENTS = /\/\*[\s\S]*?\*\/|(^|\s)\/\/[^\n]*/g;
function headOf(sf, node, body) {
  let start = node.getStart(sf), end = body ? body.getStart(sf) : node.getEnd(), text = sf.text.slice(start, end).replace(COMMENTS, "$1");
  return oneLine(text.replace(/^export\s+(?:default\s+)?/, "").replace(/\s*(?:=>)?\s*$/, "").replace(/;$/, ""));
}
function exportsOf(sf) {
  let t = ts(), out = [], add = (name, kind, signature, node, from = "") => out.push({ name, kind, signature, ...docOf(node), ...from ? { from: from.replace(/^ from '|'$/g, "") } : {} });
  for (let s of sf.statements) {
    if (t.isExportDeclaration(s)) {
      let from = s.moduleSpecifier && t.isStringLiteral(s.moduleSpecifier) ? ` from '${s.moduleSpecifier.text}'` : "";
      if (!s.exportClause) add("*", "re-export", "*", s, from);
      else if (t.isNamespaceExport(s.exportClause)) add(s.exportClause.name.text, "re-export", `* as ${s.exportClause.name.text}`, s, from);
      else for (let e of s.exportClause.elements) add(e.name.text, "re-export", e.getText(sf), s, from);
      continue;
    }
    if (t.isExportAssignment(s)) {
      s.isExportEquals || add("default", "variable", `default ${oneLine(s.expression.getText(sf), 120)}`, s);
      continue;
    }
    if (!hasModifier(s, t.SyntaxKind.ExportKeyword)) continue;
    let name = (n) => hasModifier(s, t.SyntaxKind.DefaultKeyword) ? "default" : n.name && t.isIdentifier(n.name) ? n.name.text : "default";
    if (t.isFunctionDeclaration(s)) {
      if (!s.body && out.some((e) => e.name === name(s))) continue;
      add(name(s), "function", headOf(sf, s, s.body), s);
    } else if (t.isClassDeclaration(s)) add(name(s), "class", classSignature(sf, s), s);
    else if (t.isInterfaceDeclaration(s)) add(s.name.text, "interface", headOf(sf, s, void 0), s);
    else if (t.isTypeAliasDeclaration(s)) add(s.name.text, "type", headOf(sf, s, void 0), s);
    else if (t.isEnumDeclaration(s)) add(s.name.text, "enum", headOf(sf, s, void 0), s);
    else if (t.isModuleDeclaration(s)) add(s.name.getText(sf), "namespace", `namespace ${s.name.getText(sf)}`, s);
    else if (t.isVariableStatement(s)) for (let decl of s.declarationList.declarations) out.push(variableExport(sf, s, decl));
  }
  return out;
}
function variableExport(sf, statement, decl) {
  let t = ts(), name = decl.name.getText(sf), init = decl.initializer, doc = docOf(statement);
  if (init && (t.isArrowFunction(init) || t.isFunctionExpression(init))) {
    let params = init.parameters.map((p) => p.getText(sf)).join(", ");
    return { name, kind: "function", signature: oneLine(`${name}(${params})${init.type ? `: ${init.type.getText(sf)}` : ""}`), ...doc };
  }
  let shown = decl.type ? `: ${decl.type.getText(sf)}` : init ? ` = ${init.getText(sf)}` : "", keyword = statement.declarationList.flags & t.NodeFlags.Const ? "const" : "let";
  return { name, kind: "variable", signature: oneLine(`${keyword} ${name}${shown}`, 160), ...doc };
}
function classSignature(sf, c) {
  let t = ts(), members = [];
  for (let m of c.members)
    hasModifier(m, t.SyntaxKind.PrivateKeyword) || hasModifier(m, t.SyntaxKind.ProtectedKeyword) || m.name && t.isPrivateIdentifier(m.name) || (t.isConstructorDeclaration(m) ? members.push(`constructor(${m.parameters.map((p) => p.getText(sf)).join(", ")})`) : t.isMethodDeclaration(m) && members.push(headOf(sf, m, m.body)));
  let open = sf.text.lastIndexOf("{", c.members.pos), head = oneLine(sf.text.slice(c.getStart(sf), open > 0 ? open : c.members.pos).replace(/^export\s+(?:default\s+)?/, ""));
  return oneLine(`${head}${members.length > 0 ? ` { ${members.join("; ")} }` : ""}`, 400);
}
function importsOf(sf, paths) {
  let t = ts(), out = [], add = (node, specifier) => {
    let target = resolveImport(sf.fileName, specifier, paths);
    out.push({ specifier, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, ...target ? { target } : {} });
  }, visit = (node) => {
    if ((t.isImportDeclaration(node) || t.isExportDeclaration(node)) && node.moduleSpecifier && t.isStringLiteral(node.moduleSpecifier)) add(node, node.moduleSpecifier.text);
    else if (t.isCallExpression(node) && node.arguments.length === 1 && t.isStringLiteral(node.arguments[0])) {
      let callee = node.expression;
      (callee.kind === t.SyntaxKind.ImportKeyword || t.isIdentifier(callee) && callee.text === "require") && add(node, node.arguments[0].text);
    }
    t.forEachChild(node, visit);
  };
  return visit(sf), out;
}
function resolveImport(from, specifier, paths) {
  if (!specifier.startsWith("./") && !specifier.startsWith("../")) return;
  let target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier)), stem = target.replace(/\.[cm]?js$/, "");
  return [target, ...[".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"].map((e) => `${stem}${e}`), ...["index.ts", "index.tsx", "index.js"].map((i) => `${target}/${i}`)].find((c) => paths.has(c));
}
function withRoles(infos) {
  let importers = /* @__PURE__ */ new Map();
  for (let m of infos) for (let i of m.imports) i.target && importers.set(i.target, [...importers.get(i.target) ?? [], m.role]);
  return infos.map((m) => {
    if (m.role !== "module") return m;
    let by = importers.get(m.path) ?? [];
    return by.length > 0 && by.every((r) => r === "test") && TEST_FOLDER.test(m.path) ? { ...m, role: "test-support" } : m;
  });
}

export {
  CODE_FILE,
  TEST_FILE,
  isCode,
  oneLine,
  readModules,
  resolveImport
};
