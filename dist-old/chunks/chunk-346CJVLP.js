import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  codeRequirements,
  idsIn
} from "./chunk-2YZVRG7S.js";
import {
  JUDGE_RUNTIME,
  RESET_HOOK,
  SERVICE_TWIN_DIR
} from "./chunk-GA32XAUT.js";

// src/phases/7-validate/feedback.ts
var ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
function trimOutput(output, limit = 6e3) {
  let clean = output.replace(ANSI, "").split(`
`).filter((l) => !/^\s*$/.test(l) || !1).filter((l) => !/^\s*(RUN|Start at|Duration|Test Files)\b/.test(l.trim()) || /fail/i.test(l)).join(`
`);
  if (clean.length <= limit) return clean;
  let half = Math.floor(limit / 2);
  return `${clean.slice(0, half)}
\u2026 ${clean.length - limit} characters omitted \u2026
${clean.slice(-half)}`;
}

// src/phases/7-validate/twin-hook.ts
function twinResetHook(twins) {
  return [
    "// Written by speccc: every test starts with fresh service twins (docs/twins.md).",
    "import { beforeEach } from 'vitest';",
    `const names = ${JSON.stringify(twins.map((t) => t.env))};`,
    "beforeEach(async () => {",
    "  for (const name of names) {",
    "    const url = process.env[name];",
    "    if (!url) continue;",
    "    const answer = await fetch(`${url}/__twin/reset`, { method: 'POST' });",
    "    if (!answer.ok) throw new Error(`speccc: resetting the twin at ${name} failed: ${answer.status} ${await answer.text()}`);",
    "  }",
    "});",
    ""
  ].join(`
`);
}

// src/phases/7-validate/mutation.ts
import path from "node:path";

// src/phases/7-validate/properties.ts
var PROPERTY_SETTINGS = "property.json", IMPORTS_FAST_CHECK = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(['"])fast-check(?:\/[^'"]*)?\1/;
function isPropertyCheck(content) {
  return IMPORTS_FAST_CHECK.test(content);
}
function chooseSeed(random = Math.random) {
  return Math.floor(random() * 2147483647);
}
var JUDGE_TEST_TIMEOUT_MS = 1e4, INTERRUPT_MARGIN_MS = 2e3;
function propertySettings(seed, runs) {
  return `${JSON.stringify({
    seed,
    numRuns: runs,
    // A property that runs out of time fails with the seed; it never passes on the inputs it reached.
    interruptAfterTimeLimit: JUDGE_TEST_TIMEOUT_MS - INTERRUPT_MARGIN_MS,
    markInterruptAsFailure: !0,
    // The failing input's own error goes into the message vitest reports, next to the counterexample.
    includeErrorInReport: !0
  })}
`;
}
var ANSI2 = /\u001b\[[0-9;]*m/g;
function readPropertyFailure(message, run) {
  let text = message.replace(ANSI2, ""), seedNote = `seed ${run.seed}, ${run.runs} runs`;
  if (/too many pre-condition failures/i.test(text)) {
    let skipped = /Skipped (\d+) time/.exec(text)?.[1];
    return { failed: "cannot-generate", text: `the property cannot generate its inputs: too many pre-condition failures${skipped ? ` (${skipped} values skipped, none used)` : ""} (${seedNote})` };
  }
  let interrupted = /Property interrupted after (\d+) tests?/.exec(text);
  if (interrupted)
    return { failed: "timed-out", text: `the property timed out after ${interrupted[1]} of ${run.runs} runs (${seedNote})` };
  let failed = /Property failed after (\d+) tests?/.exec(text);
  if (!failed)
    return /Test timed out in \d+ ?ms/.test(text) ? { failed: "timed-out", text: `the property timed out: one run took longer than the judge's ${JUDGE_TEST_TIMEOUT_MS} ms per check (${seedNote})` } : void 0;
  let counterexample = /^Counterexample: (.*)$/m.exec(text)?.[1]?.trim(), shrunk = /^Shrunk (\d+) time/m.exec(text)?.[1], error = errorLines(text), shown = counterexample === void 0 ? "" : ` on ${counterexample.length > 400 ? `${counterexample.slice(0, 399)}\u2026` : counterexample}`;
  return {
    failed: "counterexample",
    ...counterexample !== void 0 ? { counterexample } : {},
    text: `the property fails${shown}${shrunk ? ` (shrunk ${shrunk} times)` : ""} after ${failed[1]} runs (${seedNote})${error ? `: ${error}` : ""}`
  };
}
function errorLines(text) {
  let lines = text.split(`
`), at = lines.findIndex((l) => l.startsWith("Got "));
  if (at < 0) return "";
  let out = [lines[at].replace(/^Got (?:error: )?/, "")];
  for (let line of lines.slice(at + 1)) {
    if (/^\s+at /.test(line) || line.trim() === "" || /^Hint\b/.test(line)) break;
    out.push(line.trim());
  }
  return out.join(" ").slice(0, 400);
}
function propertyStopped(run, limitMs) {
  return { failure: `the property timed out: the judge's run was stopped at its limit of ${limitMs} ms (seed ${run.seed}, ${run.runs} runs)`, property: { ...run, failed: "timed-out" } };
}

// src/phases/7-validate/mutation.ts
var MUTATION_DIR = ".stryker", toPosix = (p) => p.replace(/\\/g, "/").replace(/^\.\//, "");
function segment(specId) {
  let s = specId.replace(/[^A-Za-z0-9._-]/g, "_");
  return s === "" || s === "." || s === ".." ? `_${s}` : s;
}
function planMutationRun(input) {
  if (input.mutate.length === 0) throw new RangeError(`mutation testing of ${input.specId}: no files to mutate`);
  if (input.holdoutFiles.length === 0)
    throw new RangeError(`mutation testing of ${input.specId}: the spec has no holdout scenarios`);
  let { toolchain } = input, key = segment(input.specId), dir = path.posix.join(MUTATION_DIR, key), reportPath = path.posix.join(dir, "mutation.json"), strykerConfigPath = path.posix.join(dir, "stryker.config.json"), vitestConfigPath = `vitest.mutation-${key}.config.mjs`, vitestIndex = path.join(toolchain.vitestDir, "dist/index.js"), twins = input.twins ?? [], resetHook = `${SERVICE_TWIN_DIR}/reset.mjs`, aliases2 = [`{ find: /^vitest$/, replacement: ${JSON.stringify(vitestIndex)} }`];
  toolchain.fastCheckDir && aliases2.push(`{ find: /^fast-check$/, replacement: ${JSON.stringify(path.join(toolchain.fastCheckDir, "lib/fast-check.js"))} }`);
  let propertySetup = `vitest.mutation-${key}.property.mjs`, property = input.property && toolchain.fastCheckDir ? input.property : void 0, setupFiles = [...twins.length > 0 ? [`./${resetHook}`] : [], ...property ? [`./${propertySetup}`] : []], vitestConfig = [
    "// Written by speccc for mutation testing: only the holdout scenarios judge the mutants.",
    "export default {",
    `  resolve: { alias: [${aliases2.join(", ")}] },`,
    `  test: { include: ${JSON.stringify(input.holdoutFiles.map(toPosix))}, watch: false, testTimeout: 10000${twins.length > 0 ? ", fileParallelism: false" : ""}${setupFiles.length > 0 ? `, setupFiles: ${JSON.stringify(setupFiles)}` : ""} },`,
    "};",
    ""
  ].join(`
`), strykerConfig = {
    testRunner: "vitest",
    // Resolved from @stryker-mutator/core's own node_modules, not the tree's.
    plugins: ["@stryker-mutator/vitest-runner"],
    // related: false — run the holdouts named in the vitest config, not those vite's module graph links to the mutated file.
    vitest: { configFile: vitestConfigPath, related: !1 },
    mutate: input.mutate.map(toPosix),
    coverageAnalysis: "perTest",
    // Twins are shared by every test runner: one runner, so no scenario resets another's twin.
    concurrency: twins.length > 0 ? 1 : Math.max(1, Math.floor(input.concurrency)),
    reporters: ["json"],
    jsonReporter: { fileName: reportPath },
    tempDirName: path.posix.join(dir, "tmp"),
    cleanTempDir: "always",
    ignorePatterns: [`/${MUTATION_DIR}`],
    symlinkNodeModules: !1,
    dryRunTimeoutMinutes: Math.max(1, Math.ceil(input.timeoutMs / 6e4)),
    thresholds: { high: 80, low: 60, break: null },
    logLevel: "info",
    fileLogLevel: "off",
    allowConsoleColors: !1,
    ...input.incrementalFile !== void 0 ? { incremental: !0, incrementalFile: toPosix(input.incrementalFile) } : {}
  };
  return {
    files: new Map([
      [strykerConfigPath, `${JSON.stringify(strykerConfig, null, 2)}
`],
      [vitestConfigPath, vitestConfig],
      ...property ? [[propertySetup, `import fc from 'fast-check';
fc.configureGlobal(${propertySettings(property.seed, property.runs).trim()});
`]] : [],
      ...twins.length > 0 ? [[resetHook, twinResetHook(twins)]] : []
    ]),
    links: /* @__PURE__ */ new Map([["node_modules/vitest", toolchain.vitestDir]]),
    argv: [toolchain.node, toolchain.strykerBin, "run", strykerConfigPath],
    reportPath
  };
}
function excerpt(lines, start, end) {
  if (start.line === end.line) return (lines[start.line - 1] ?? "").slice(start.column - 1, end.column - 1);
  let parts = [(lines[start.line - 1] ?? "").slice(start.column - 1)];
  for (let l = start.line + 1; l < end.line; l++) parts.push(lines[l - 1] ?? "");
  return parts.push((lines[end.line - 1] ?? "").slice(0, end.column - 1)), parts.join(`
`);
}
function readMutationReport(json, mutate) {
  let report = JSON.parse(json);
  if (typeof report != "object" || report === null || typeof report.files != "object" || report.files === null)
    throw new Error("not a mutation testing report: it has no files");
  let wanted = new Set(mutate.map(toPosix)), result = { score: null, killed: 0, survived: 0, timedOut: 0, noCoverage: 0, total: 0, survivors: [] };
  for (let [name, file] of Object.entries(report.files)) {
    let fileName = toPosix(name);
    if (wanted.size > 0 && !wanted.has(fileName)) continue;
    let lines = (file.source ?? "").split(`
`);
    for (let m of file.mutants ?? [])
      result.total++, m.status === "Killed" ? result.killed++ : m.status === "Timeout" ? result.timedOut++ : (m.status === "Survived" || m.status === "NoCoverage") && (m.status === "Survived" ? result.survived++ : result.noCoverage++, result.survivors.push({
        file: fileName,
        line: m.location.start.line,
        column: m.location.start.column,
        end: { line: m.location.end.line, column: m.location.end.column },
        mutator: m.mutatorName,
        replacement: m.replacement ?? m.mutatorName,
        original: excerpt(lines, m.location.start, m.location.end),
        status: m.status
      }));
  }
  let detected = result.killed + result.timedOut, valid = detected + result.survived + result.noCoverage;
  return result.score = valid === 0 ? null : 100 * detected / valid, result.survivors.sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column), result;
}

// src/phases/7-validate/judge-modules.ts
import { createRequire } from "node:module";
import path2 from "node:path";
var require2 = createRequire(import.meta.url), loaded, tsc = () => loaded ??= require2("typescript"), MODULE = /\.(?:[cm]?[jt]s|tsx)$/, TEST = /\.(?:test|spec)\.[cm]?[jt]sx?$/, OURS = /^\.speccc[-/]|^\.holdout\//;
function codeModules(tree) {
  return [...tree.keys()].filter((p) => MODULE.test(p) && !TEST.test(p) && !p.endsWith(".d.ts") && !OURS.test(p)).sort();
}
function resolveInTree(tree, from, specifier) {
  if (!specifier.startsWith("./") && !specifier.startsWith("../")) return;
  let target = path2.posix.normalize(path2.posix.join(path2.posix.dirname(from), specifier));
  return [target, target.replace(/\.js$/, ".ts"), target.replace(/\.js$/, ".tsx"), target.replace(/\.mjs$/, ".mts"), `${target}.ts`, `${target}/index.ts`].find((c) => tree.has(c));
}
function exportNames(tree, file, seen = /* @__PURE__ */ new Set()) {
  if (seen.has(file)) return [];
  seen.add(file);
  let ts = tsc(), source = ts.createSourceFile(file, tree.get(file) ?? "", ts.ScriptTarget.Latest, !1, /\.[cm]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS), names = /* @__PURE__ */ new Set(), exported = (node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword), isDefault = (node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword), bindingNames = (name) => ts.isIdentifier(name) ? [name.text] : name.elements.flatMap((e) => ts.isOmittedExpression(e) ? [] : bindingNames(e.name));
  for (let statement of source.statements)
    if (ts.isExportAssignment(statement))
      statement.isExportEquals || names.add("default");
    else if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly) continue;
      let clause = statement.exportClause;
      if (clause)
        if (ts.isNamespaceExport(clause)) names.add(clause.name.text);
        else for (let e of clause.elements) e.isTypeOnly || names.add(e.name.text);
      else {
        let target = ts.isStringLiteral(statement.moduleSpecifier) ? resolveInTree(tree, file, statement.moduleSpecifier.text) : void 0;
        if (target) for (let n of exportNames(tree, target, seen)) n !== "default" && names.add(n);
      }
    } else if (exported(statement)) {
      if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ConstKeyword) || ts.isModuleDeclaration(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) continue;
      if (isDefault(statement)) names.add("default");
      else if (ts.isVariableStatement(statement)) for (let d of statement.declarationList.declarations) for (let n of bindingNames(d.name)) names.add(n);
      else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement)) && statement.name && ts.isIdentifier(statement.name)) {
        if (ts.isFunctionDeclaration(statement) && !statement.body) continue;
        names.add(statement.name.text);
      }
    }
  return [...names].sort();
}
function proxyModule(file, names) {
  let runtime = path2.posix.relative(path2.posix.dirname(file), `${JUDGE_RUNTIME}/client.mjs`);
  return [
    "// Written by speccc: the code under test runs in another process; these exports ask it (docs/security.md).",
    `import { load } from ${JSON.stringify(runtime.startsWith(".") ? runtime : `./${runtime}`)};`,
    `const m = load(${JSON.stringify(file)});`,
    ...names.map((name, i) => `const e${i} = m[${JSON.stringify(name)}];
export { e${i} as ${JSON.stringify(name)} };`),
    ""
  ].join(`
`);
}

// src/phases/7-validate/honest-checks.ts
import { createRequire as createRequire2 } from "node:module";
import path3 from "node:path";
var require3 = createRequire2(import.meta.url), loaded2, tsc2 = () => loaded2 ??= require3("typescript"), SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/, TEST2 = /\.(?:test|spec)\.[cm]?[jt]sx?$/, SUPPRESSION = /@ts-(nocheck|ignore|expect-error)\b/g, MOCKS = /* @__PURE__ */ new Set(["mock", "doMock"]), TEST_NAME = /\.(?:test|spec)\.[cm]?[jt]sx?\b|\.(?:test|spec)\b|VITEST/;
function resolve(tree, from, specifier) {
  if (!specifier.startsWith(".")) return;
  let target = path3.posix.normalize(path3.posix.join(path3.posix.dirname(from), specifier));
  return [target, target.replace(/\.js$/, ".ts"), target.replace(/\.js$/, ".tsx"), target.replace(/\.mjs$/, ".mts"), `${target}.ts`, `${target}/index.ts`].find((c) => tree.has(c));
}
function suppressions(file, text) {
  let out = [];
  for (let m of text.matchAll(SUPPRESSION)) {
    let line = text.slice(0, m.index).split(`
`).length;
    out.push({ file, line, message: `\`@ts-${m[1]}\` switches the type-check off; the type-check is part of the gate: fix the types instead` });
  }
  return out;
}
function mocksOfOwnCode(ts, source, file, own) {
  let out = [], visit = (node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ts.isIdentifier(node.expression.expression) && node.expression.expression.text === "vi" && MOCKS.has(node.expression.name.text)) {
      let arg = node.arguments[0], target = arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) ? resolve(own, file, arg.text) : void 0;
      if (target) {
        let line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        out.push({ file, line, message: `\`vi.${node.expression.name.text}('${arg.text}')\` replaces ${target}, code this spec owns: a test of a stand-in proves nothing about the code; test the code itself` });
      }
    }
    ts.forEachChild(node, visit);
  };
  return visit(source), out;
}
function watchesTheTestRun(ts, source, file) {
  let out = [], at = (node, what) => out.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, message: `${what}: code must behave under test exactly as in production, so it may not tell a test run apart` }), visit = (node) => {
    (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && /^(?:vitest|@vitest\/)/.test(node.moduleSpecifier.text) ? at(node, `it imports ${node.moduleSpecifier.text}`) : ts.isPropertyAccessExpression(node) && ts.isMetaProperty(node.expression) && node.name.text === "vitest" ? at(node, "it reads import.meta.vitest") : ts.isIdentifier(node) && /^__vitest/.test(node.text) ? at(node, `it reads ${node.text}`) : ts.isPropertyAccessExpression(node) && /^VITEST/.test(node.name.text) || (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && TEST_NAME.test(node.text) ? at(node, `it refers to ${ts.isPropertyAccessExpression(node) ? node.name.text : JSON.stringify(node.text)}`) : ts.isPropertyAccessExpression(node) && node.name.text === "getState" && ts.isIdentifier(node.expression) && node.expression.text === "expect" && at(node, "it reads expect.getState()"), ts.forEachChild(node, visit);
  };
  return visit(source), out;
}
function weakenedChecks(tree, outputs) {
  let ts = tsc2(), own = new Set(outputs.filter((o) => SOURCE.test(o) && !TEST2.test(o))), out = [];
  for (let file of outputs) {
    let text = tree.get(file);
    if (text === void 0 || !SOURCE.test(file) || file.endsWith(".d.ts")) continue;
    out.push(...suppressions(file, text));
    let source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, !0, /\.[cm]?js$/.test(file) ? ts.ScriptKind.JS : /x$/.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    out.push(...TEST2.test(file) ? mocksOfOwnCode(ts, source, file, own) : watchesTheTestRun(ts, source, file));
  }
  return out;
}

// src/phases/7-validate/coverage-proof.ts
import { createRequire as createRequire3 } from "node:module";
var require4 = createRequire3(import.meta.url), loaded3, tsc3 = () => loaded3 ??= require4("typescript"), PROOF_DIR = ".speccc-prove", PROOF_PLAN = `${PROOF_DIR}/plan.json`, PROOF_RESULT = `${PROOF_DIR}/result.json`, MAX_PROOF_MUTANTS = 16, SOURCE2 = /\.(?:[cm]?ts|tsx)$/, TEST3 = /\.(?:test|spec)\.[cm]?[jt]sx?$/, PRELUDE = `import { readFileSync as __spcRead } from 'node:fs';
const __spcActive: number = (() => { try { return Number(__spcRead('${PROOF_DIR}/active', 'utf8')) || 0; } catch { return 0; } })();
function __spcMutate(v: any, depth = 0): any {
  if (typeof v === 'number') return Number.isNaN(v) ? 0 : v + 1;
  if (typeof v === 'bigint') return v + 1n;
  if (typeof v === 'string') return v.length > 0 ? v.slice(1) : 'x';
  if (typeof v === 'boolean') return !v;
  if (v === null || v === undefined) return depth > 0 ? 1 : {};
  if (typeof v === 'function') return (...args: any[]) => __spcMutate(v(...args), depth + 1);
  if (v instanceof Promise) return v.then((x) => __spcMutate(x, depth + 1));
  if (Array.isArray(v)) return v.length > 0 ? v.slice(1) : [undefined];
  if (v instanceof Map) return new Map([...v, [Symbol('mutant'), 1]]);
  if (v instanceof Set) return new Set([...v, Symbol('mutant')]);
  if (v instanceof Date) return new Date(v.getTime() + 1);
  if (typeof v === 'object' && depth < 3) {
    const keys = Object.keys(v);
    if (keys.length === 0) return { mutant: 1 };
    const copy = Object.assign(Object.create(Object.getPrototypeOf(v)), v);
    copy[keys[0]!] = __spcMutate(v[keys[0]!], depth + 1);
    return copy;
  }
  return v;
}
function __spcR<T,>(k: number, v: T): T { return (k === __spcActive ? __spcMutate(v) : v) as T; }
function __spcC(k: number, c: unknown): boolean { return k === __spcActive ? !c : Boolean(c); }
`;
function sitesIn(ts, source, from, to) {
  let sites = { returns: [], conditions: [] }, visit = (node) => {
    node.getEnd() <= from || node.getStart(source) >= to || (ts.isReturnStatement(node) && node.expression ? sites.returns.push(node.expression) : ts.isArrowFunction(node) && !ts.isBlock(node.body) ? sites.returns.push(node.body) : ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && node.left.expression.kind === ts.SyntaxKind.ThisKeyword ? sites.returns.push(node.right) : (ts.isIfStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node)) && node.expression ? sites.conditions.push(node.expression) : ts.isConditionalExpression(node) && sites.conditions.push(node.condition), ts.forEachChild(node, visit));
  };
  return visit(source), sites;
}
function apply(text, edits) {
  let at = /* @__PURE__ */ new Map(), slot = (p) => at.get(p) ?? at.set(p, { closes: [], opens: [] }).get(p);
  for (let e of edits)
    slot(e.start).opens.push(e), slot(e.end).closes.push(e);
  let out = text;
  for (let p of [...at.keys()].sort((a, b) => b - a)) {
    let { closes, opens } = at.get(p), insert = closes.sort((a, b) => b.start - a.start).map(() => ")").join("") + opens.sort((a, b) => b.end - a.end).map((e) => `${e.fn}(${e.k}, `).join("");
    out = out.slice(0, p) + insert + out.slice(p);
  }
  return out;
}
function targetsOf(ts, tree, outputs, requirements) {
  let targets = [];
  for (let file of outputs.filter((o) => SOURCE2.test(o) && !TEST3.test(o) && !o.endsWith(".d.ts") && tree.has(o))) {
    let text = tree.get(file), source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, !0, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS), lines = source.getLineStarts(), spans = codeRequirements(file, text).filter((s) => s.ids.some((id) => requirements.has(id))).sort((a, b) => a.endLine - a.startLine - (b.endLine - b.startLine)), taken = [];
    for (let span of spans) {
      let from = lines[span.startLine - 1], to = span.endLine < lines.length ? lines[span.endLine] : text.length, outside = (n) => !taken.some(([a, b]) => n.getStart(source) >= a && n.getStart(source) < b), all = sitesIn(ts, source, from, to), sites = { returns: all.returns.filter(outside), conditions: all.conditions.filter(outside) };
      taken.push([from, to]), sites.returns.length + sites.conditions.length > 0 && targets.push({ file, source, line: span.startLine, ids: span.ids, sites });
    }
  }
  return targets;
}
function planProof(tree, outputs, requirements) {
  let tests = outputs.filter((o) => TEST3.test(o) && tree.has(o));
  if (!tests.some((t) => idsIn(tree.get(t)).some((id) => requirements.has(id)))) return null;
  let targets = targetsOf(tsc3(), tree, outputs, requirements), mutants = [], edits = /* @__PURE__ */ new Map(), add = (t, operator, nodes, fn) => {
    let k = mutants.length + 1;
    mutants.push({ id: k, file: t.file, line: t.line, operator, ids: t.ids });
    let list = edits.get(t.file) ?? edits.set(t.file, []).get(t.file);
    for (let n of nodes) list.push({ start: n.getStart(t.source), end: n.getEnd(), fn, k });
  };
  for (let t of targets) t.sites.returns.length > 0 && mutants.length < MAX_PROOF_MUTANTS && add(t, "returns", t.sites.returns, "__spcR");
  for (let i = 0; mutants.length < MAX_PROOF_MUTANTS; i++) {
    let round = targets.filter((t) => i < t.sites.conditions.length);
    if (round.length === 0) break;
    for (let t of round) mutants.length < MAX_PROOF_MUTANTS && add(t, "conditions", [t.sites.conditions[i]], "__spcC");
  }
  return mutants.length === 0 ? null : { files: new Map([...edits].map(([file, list]) => [file, PRELUDE + apply(tree.get(file), list)])), mutants, tests };
}
function provenCoverage(plan, result) {
  let baseline = new Map((result[0] ?? []).map((t) => [t.name, t.passed])), proven = /* @__PURE__ */ new Map();
  for (let mutant of plan.mutants)
    for (let test of result[String(mutant.id)] ?? [])
      if (!(test.passed || baseline.get(test.name) !== !0))
        for (let id of idsIn(test.name)) {
          if (!mutant.ids.includes(id)) continue;
          let set = proven.get(id) ?? /* @__PURE__ */ new Set();
          set.add(test.name.split(" > ").join(" \u203A ")), proven.set(id, set);
        }
  return new Map([...proven].map(([id, titles]) => [id, [...titles].sort()]));
}

// src/phases/7-validate/scenario-verdicts.ts
function firstLines(message) {
  return message.replace(/\u001b\[[0-9;]*m/g, "").split(`
`).filter((l) => !/^\s+at /.test(l) && l.trim() !== "").slice(0, 4).join(`
`).slice(0, 600);
}
function readVitestReport(text) {
  let perFile = /* @__PURE__ */ new Map();
  if (!text) return perFile;
  try {
    let json = JSON.parse(text);
    for (let r of Array.isArray(json.testResults) ? json.testResults : []) {
      if (typeof r.name != "string") continue;
      let failing = (Array.isArray(r.assertionResults) ? r.assertionResults : []).find((a) => a.status === "failed"), message = failing && Array.isArray(failing.failureMessages) && typeof failing.failureMessages[0] == "string" ? failing.failureMessages[0] : void 0, failed = message !== void 0 ? { title: String(failing.title), message } : typeof r.message == "string" && r.message ? { title: "", message: r.message } : void 0, passed = r.status === "passed", failedTests = (Array.isArray(r.assertionResults) ? r.assertionResults : []).filter((a) => a.status === "failed").map((a) => [...Array.isArray(a.ancestorTitles) ? a.ancestorTitles.filter((t) => typeof t == "string") : [], String(a.title)].join(" \u203A "));
      perFile.set(r.name.split(/[\\/]/).pop(), { passed, ...!passed && failed ? { failed } : {}, ...failedTests.length > 0 ? { failedTests } : {} });
    }
  } catch {
  }
  return perFile;
}
var withTitle = (title, text) => title ? `${title}: ${text}` : text;
function propertyVerdict(base, found, run, stoppedAtMs) {
  if (found?.passed) return { ...base, property: run };
  if (!found && stoppedAtMs !== void 0) return { ...base, ...propertyStopped(run, stoppedAtMs) };
  let read = found?.failed ? readPropertyFailure(found.failed.message, run) : void 0;
  return read ? {
    ...base,
    failure: withTitle(found.failed.title, read.text),
    property: { ...run, failed: read.failed, ...read.counterexample !== void 0 ? { counterexample: read.counterexample } : {} }
  } : { ...base, property: run };
}
function scenarioVerdicts(checks, report, run) {
  let perFile = readVitestReport(report);
  return checks.map((c) => {
    let found = perFile.get(c.file.split("/").pop()), failure = found?.failed ? withTitle(found.failed.title, firstLines(found.failed.message)) : void 0, base = {
      name: c.name,
      file: c.file,
      passed: found?.passed === !0,
      ...failure ? { failure } : found ? {} : { failure: "it did not run (see the run output)" },
      ...found?.failedTests ? { failedTests: found.failedTests } : {}
    };
    return run.property && isPropertyCheck(c.content) ? propertyVerdict(base, found, run.property, run.stoppedAtMs) : base;
  });
}

// src/phases/7-validate/index.ts
var TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/, HOLDOUT_DIR = ".holdout";
function holdoutPlacement(file) {
  let m = /^([a-z0-9-]+):(.+)$/.exec(file);
  return m ? `${m[1]}/${HOLDOUT_DIR}/${m[2]}` : `${HOLDOUT_DIR}/${file}`;
}
var MUTATION_TIMEOUT_FACTOR = 10;
function classify(result) {
  if (result.refused) return "sandbox-refused";
  if (result.timedOut) return "timeout";
  if (result.exitCode === null) return "crash";
}
var JUDGE_CONFIG = ".speccc-judge.config.mjs";
function aliases(toolchain) {
  let alias = { vitest: `${toolchain.vitestDir}/dist/index.js` };
  return toolchain.fastCheckDir && (alias["fast-check"] = `${toolchain.fastCheckDir}/lib/fast-check.js`), JSON.stringify(alias);
}
function judgeTree(tree, placed, toolchain, twins, property) {
  let setup = [`./${JUDGE_RUNTIME}/setup.mjs`, ...twins.length > 0 ? [`./${RESET_HOOK}`] : []], config = `export default { cacheDir: '.vite-cache', resolve: { alias: ${aliases(toolchain)} }, test: { watch: false, pool: 'forks', testTimeout: ${JUDGE_TEST_TIMEOUT_MS}, setupFiles: ${JSON.stringify(setup)}${twins.length > 0 ? ", fileParallelism: false" : ""} } };
`;
  return new Map([
    ...placed,
    ...codeModules(tree).map((m) => [m, proxyModule(m, exportNames(tree, m))]),
    [JUDGE_CONFIG, config],
    ...property && toolchain.fastCheckDir ? [[`${JUDGE_RUNTIME}/${PROPERTY_SETTINGS}`, propertySettings(property.seed, property.runs)]] : [],
    ...twins.length > 0 ? [[RESET_HOOK, twinResetHook(twins)]] : []
  ]);
}
var TSCONFIG = ".speccc-tsconfig.json", VITEST_CONFIG = ".speccc-vitest.config.mjs";
function toolConfigs(toolchain, twins = []) {
  let twinTest = twins.length > 0 ? `, fileParallelism: false, setupFiles: [${JSON.stringify(`./${RESET_HOOK}`)}]` : "";
  return [
    [
      TSCONFIG,
      JSON.stringify({
        compilerOptions: {
          strict: !0,
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          noEmit: !0,
          skipLibCheck: !0,
          // node's own types only (its modules, process.env): nothing else installed is visible.
          types: toolchain.typeRoot ? ["node"] : [],
          ...toolchain.typeRoot ? { typeRoots: [toolchain.typeRoot] } : {},
          // The declarations file itself: a folder mapping resolves only for CommonJS packages, and a
          // generated package may well be `"type": "module"`.
          paths: { vitest: [`${toolchain.vitestDir}/dist/index.d.ts`] }
        },
        include: ["**/*.ts", "**/*.tsx", "**/*.mts"],
        exclude: [HOLDOUT_DIR, `*/${HOLDOUT_DIR}`, "node_modules"]
      })
    ],
    // Alias `vitest` to speccc's copy; keep vite's caches inside the scratch tree.
    [
      VITEST_CONFIG,
      // requireAssertions: a test that asserts nothing fails, rather than passing for free.
      `export default { cacheDir: '.vite-cache', resolve: { alias: ${aliases(toolchain)} }, test: { watch: false, pool: 'forks', testTimeout: 10000, expect: { requireAssertions: true }${twinTest} } };
`
    ],
    ...twins.length > 0 ? [[RESET_HOOK, twinResetHook(twins)]] : []
  ];
}
function withTools(tree, toolchain, extra = [], twins = []) {
  return new Map([...tree, ...toolConfigs(toolchain, twins), ...extra]);
}
var IMPORT_SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"\n]+)\1/g;
function twinImports(tree, outputs) {
  let found = [];
  for (let output of outputs)
    if (!(TEST_FILE.test(output) || output.startsWith("twins/") || !/\.[cm]?[jt]sx?$/.test(output)))
      for (let m of (tree.get(output) ?? "").matchAll(IMPORT_SPECIFIER)) {
        let specifier = m[2];
        if (!specifier.startsWith(".")) continue;
        let parts = [];
        for (let part of [...output.split("/").slice(0, -1), ...specifier.split("/")])
          part === ".." ? parts.pop() : part !== "." && part !== "" && parts.push(part);
        parts[0] === "twins" && found.push(`${output} imports ${specifier} (${parts.join("/")}): a twin exists only in tests; call the service over HTTP at its base URL instead`);
      }
  return found;
}
function testArgv(config, toolchain, files) {
  let [head, ...rest] = config.validation.testCommand, args = rest.flatMap((a) => a === "{files}" ? files : [a]);
  return head === "vitest" ? [toolchain.node, toolchain.vitest, ...args, "--config", VITEST_CONFIG] : [head, ...args];
}
function createValidator(options) {
  return {
    visible: (input) => checkVisible(options, input),
    prepare: () => prepareTests(options),
    holdout: (input) => judgeHoldouts(options, input),
    prove: (input) => proveCoverage(options, input),
    mutate: (input) => mutationRun(options, input)
  };
}
function prepareTests({ config, runner }) {
  config.validation.testCommand[0] !== "vitest" || !runner.prepareTests || runner.prepareTests({ name: VITEST_CONFIG, content: toolConfigs(runner.toolchain).find(([name]) => name === VITEST_CONFIG)[1] });
}
async function checkVisible(options, { tree, outputs, twins = [], signal }) {
  let { config, runner } = options, { toolchain } = runner, timeoutMs = config.validation.timeoutMs, started = Date.now(), imports = twinImports(tree, outputs);
  if (imports.length > 0) return { passed: !1, failureClass: "tests-fail", feedback: imports.join(`
`), durationMs: Date.now() - started };
  let weakened = weakenedChecks(tree, outputs);
  if (weakened.length > 0) return { passed: !1, failureClass: "checks-weakened", feedback: weakened.map((f) => `${f.file}:${f.line}: ${f.message}`).join(`
`), durationMs: Date.now() - started };
  let files = withTools(tree, toolchain, [], twins), tests = outputs.filter((o) => TEST_FILE.test(o)), typecheck = config.validation.typecheck && outputs.some((o) => /\.[cm]?tsx?$/.test(o)), stopTests = new AbortController(), testsSignal = AbortSignal.any([signal, stopTests.signal]), testRun = { files, argv: testArgv(config, toolchain, tests), timeoutMs, signal: testsSignal, ...twins.length > 0 ? { twins } : {} }, runTests = () => runner.test ? runner.test(testRun) : runner.run(testRun), early = runner.test && typecheck && tests.length > 0 ? runTests() : void 0;
  if (typecheck) {
    let tsc4 = runner.typecheck ? await runner.typecheck({ files, config: TSCONFIG, timeoutMs, signal }) : await runner.run({ files, argv: [toolchain.node, toolchain.tsc, "-p", TSCONFIG, "--pretty", "false"], timeoutMs, signal });
    if (tsc4.exitCode !== 0)
      return stopTests.abort(), await early, { passed: !1, failureClass: classify(tsc4) ?? "does-not-compile", feedback: trimOutput(tsc4.refused ?? tsc4.output), durationMs: Date.now() - started };
  }
  if (tests.length === 0) return { passed: !0, feedback: "", durationMs: Date.now() - started };
  let result = await (early ?? runTests()), passed = result.exitCode === 0 && !result.timedOut;
  return { passed, ...passed ? {} : { failureClass: classify(result) ?? "tests-fail" }, feedback: passed ? "" : trimOutput(result.refused ?? result.output), durationMs: Date.now() - started };
}
async function judgeHoldouts(options, { specId, checks, tree, twins = [], signal, seed }) {
  let { config, runner } = options, { toolchain } = runner, timeoutMs = config.validation.timeoutMs, started = Date.now();
  if (checks.length === 0) return { passed: !0, feedback: "", durationMs: 0, scenarios: [] };
  let placed = checks.map((c) => [holdoutPlacement(c.file), c.content]), report = `${HOLDOUT_DIR}/${specId}.report.json`, property = checks.some((c) => isPropertyCheck(c.content)) ? { seed: seed ?? chooseSeed(), runs: config.validation.propertyRuns } : void 0, result = await runner.judge({
    code: tree,
    judge: judgeTree(tree, placed, toolchain, twins, property),
    argv: [toolchain.node, toolchain.vitest, "run", ...placed.map(([p]) => p), "--config", JUDGE_CONFIG, "--reporter=json", `--outputFile=${report}`],
    timeoutMs,
    signal,
    collect: [report],
    ...twins.length > 0 ? { twins } : {}
  }), scenarios = scenarioVerdicts(checks, result.collected.get(report), { property, stoppedAtMs: result.timedOut ? timeoutMs : void 0 }), passed = result.exitCode === 0 && scenarios.every((s) => s.passed);
  return {
    passed,
    ...passed ? {} : { failureClass: classify(result) ?? "holdout-fails" },
    feedback: passed ? "" : trimOutput(result.refused ?? result.output),
    durationMs: Date.now() - started,
    scenarios
  };
}
async function proveCoverage(options, { tree, outputs, requirements, twins = [], signal }) {
  let { config, runner } = options, { toolchain } = runner, timeoutMs = config.validation.timeoutMs, started = Date.now(), plan = planProof(tree, outputs, new Set(requirements));
  if (!plan) return { proven: null, mutants: 0, durationMs: 0 };
  if (!options.proofDriver) return { proven: {}, mutants: plan.mutants.length, error: "this speccc has no proof driver", durationMs: 0 };
  let driver = `${PROOF_DIR}/driver.mjs`, files = withTools(new Map([...tree, ...plan.files]), toolchain, [[PROOF_PLAN, JSON.stringify({ tests: plan.tests, mutants: plan.mutants.map((m) => m.id) })], [driver, options.proofDriver]], twins), limit = timeoutMs * Math.min(MUTATION_TIMEOUT_FACTOR, 1 + plan.mutants.length), result = await runner.run({ files, argv: [toolchain.node, driver, toolchain.vitestDir, VITEST_CONFIG], timeoutMs: limit, signal, collect: [PROOF_RESULT], ...twins.length > 0 ? { twins } : {} }), text = result.collected.get(PROOF_RESULT), parsed = null;
  try {
    parsed = text === void 0 ? null : JSON.parse(text);
  } catch {
    parsed = null;
  }
  if (!parsed || typeof parsed != "object" || !Array.isArray(parsed[0])) {
    let why = result.refused ?? (result.timedOut ? `timed out after ${limit} ms` : `the proof driver exited with ${result.exitCode ?? result.signal} and wrote no result`);
    return { proven: {}, mutants: plan.mutants.length, error: `${why}
${trimOutput(result.output)}`.trim(), durationMs: Date.now() - started };
  }
  return { proven: Object.fromEntries(provenCoverage(plan, parsed)), mutants: plan.mutants.length, durationMs: Date.now() - started };
}
async function mutationRun(options, { specId, checks, tree, mutate, twins = [], signal, seed }) {
  let { config, runner } = options, { toolchain } = runner, timeoutMs = config.validation.timeoutMs, started = Date.now(), none = (error, failureClass) => ({ result: null, error, ...failureClass ? { failureClass } : {}, durationMs: Date.now() - started }), targets = mutate.filter((p) => tree.has(p));
  if (targets.length === 0) return none("no generated file to mutate");
  if (!toolchain.stryker) return none("this sandbox has no Stryker toolchain", "sandbox-refused");
  if (checks.length === 0) return none("no holdout check to judge the mutants");
  let placed = checks.map((c) => [holdoutPlacement(c.file), c.content]), limit = timeoutMs * MUTATION_TIMEOUT_FACTOR, plan = planMutationRun({
    specId,
    mutate: targets,
    holdoutFiles: placed.map(([p]) => p),
    toolchain: { node: toolchain.node, strykerBin: toolchain.stryker, vitestDir: toolchain.vitestDir, ...toolchain.fastCheckDir ? { fastCheckDir: toolchain.fastCheckDir } : {} },
    ...checks.some((c) => isPropertyCheck(c.content)) ? { property: { seed: seed ?? chooseSeed(), runs: config.validation.propertyRuns } } : {},
    timeoutMs: limit,
    concurrency: options.mutationConcurrency ?? 2,
    ...twins.length > 0 ? { twins } : {}
  }), result = await runner.run({
    files: withTools(tree, toolchain, [...placed, ...plan.files], twins),
    argv: plan.argv,
    timeoutMs: limit,
    signal,
    collect: [plan.reportPath],
    links: plan.links,
    ...twins.length > 0 ? { twins } : {}
  }), report = result.collected.get(plan.reportPath);
  if (report === void 0) {
    let why = result.refused ?? (result.timedOut ? `timed out after ${limit} ms` : `Stryker exited with ${result.exitCode ?? result.signal} and wrote no report`);
    return none(`${why}
${trimOutput(result.output)}`.trim(), classify(result) ?? "crash");
  }
  try {
    return { result: readMutationReport(report, targets), durationMs: Date.now() - started };
  } catch (error) {
    return none(`Stryker's report is unusable: ${error instanceof Error ? error.message : String(error)}`, "crash");
  }
}

export {
  TEST_FILE,
  createValidator
};
