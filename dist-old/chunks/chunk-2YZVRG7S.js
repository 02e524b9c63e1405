import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  createLineIndex,
  diagnostics
} from "./chunk-Y72MW4XH.js";
import {
  yaml
} from "./chunk-VTZR3R7R.js";
import {
  closest
} from "./chunk-N6LFTOTB.js";

// src/phases/3-check/coverage.ts
import { createRequire } from "node:module";
var require2 = createRequire(import.meta.url), loaded, ts = () => loaded ??= require2("typescript"), TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/, ID = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*:)?[a-z0-9]+(?:-[a-z0-9]+)*#[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, BRACKETS = /\[([^\][\n]{1,2000})\]/g;
function idsIn(text) {
  let out = /* @__PURE__ */ new Set();
  for (let m of text.matchAll(BRACKETS)) {
    let tokens = m[1].split(/[\s,]+/).filter(Boolean);
    if (!(tokens.length === 0 || !tokens.every((t) => ID.test(t))))
      for (let t of tokens) out.add(t);
  }
  return [...out];
}
var TEST_NAMES = /* @__PURE__ */ new Set(["it", "test"]), SUITE_NAMES = /* @__PURE__ */ new Set(["describe", "suite"]), SKIPPED_ROOTS = /* @__PURE__ */ new Set(["xit", "xtest", "xdescribe"]), NOT_RUN = /* @__PURE__ */ new Set(["skip", "todo", "fails"]);
function calleeChain(expr) {
  let t = ts(), mods = [], args = /* @__PURE__ */ new Map(), e = expr;
  for (; ; ) {
    if (t.isIdentifier(e)) return { root: e.text, mods, args };
    if (t.isPropertyAccessExpression(e))
      mods.unshift(e.name.text), e = e.expression;
    else if (t.isCallExpression(e))
      t.isPropertyAccessExpression(e.expression) && args.set(e.expression.name.text, e.arguments[0]), e = e.expression;
    else return null;
  }
}
function constantTruth(node) {
  let t = ts();
  if (node) {
    for (; t.isParenthesizedExpression(node); ) node = node.expression;
    if (node.kind === t.SyntaxKind.TrueKeyword) return !0;
    if (node.kind === t.SyntaxKind.FalseKeyword || node.kind === t.SyntaxKind.NullKeyword || t.isIdentifier(node) && node.text === "undefined" || t.isVoidExpression(node)) return !1;
    if (t.isNumericLiteral(node)) return Number(node.text) !== 0;
    if (t.isStringLiteral(node) || t.isNoSubstitutionTemplateLiteral(node)) return node.text !== "";
    if (t.isPrefixUnaryExpression(node) && node.operator === t.SyntaxKind.ExclamationToken) {
      let inner = constantTruth(node.operand);
      return inner === void 0 ? void 0 : !inner;
    }
  }
}
function neverRuns(chain) {
  let t = ts();
  if (chain.mods.some((m) => NOT_RUN.has(m)) || chain.args.has("skipIf") && constantTruth(chain.args.get("skipIf")) === !0 || chain.args.has("runIf") && constantTruth(chain.args.get("runIf")) === !1) return !0;
  let table = chain.args.get("each") ?? chain.args.get("for");
  return table !== void 0 && t.isArrayLiteralExpression(table) && table.elements.length === 0;
}
function titleOf(arg, source) {
  let t = ts();
  return arg ? t.isStringLiteral(arg) || t.isNoSubstitutionTemplateLiteral(arg) ? arg.text : t.isTemplateExpression(arg) ? arg.head.text + arg.templateSpans.map((s) => "${\u2026}" + s.literal.text).join("") : arg.getText(source) : "";
}
function isAssertion(call) {
  let t = ts(), callee = call.expression;
  if (t.isIdentifier(callee)) return ["expect", "assert", "expectTypeOf", "assertType"].includes(callee.text);
  if (t.isPropertyAccessExpression(callee)) {
    let chain = calleeChain(callee);
    return chain ? chain.root === "assert" ? !0 : chain.root === "expect" && (chain.mods[0] === "soft" || chain.mods[0] === "poll") : !1;
  }
  return !1;
}
function asserts(body) {
  let t = ts(), found = !1, visit = (node) => {
    if (!found) {
      if (t.isCallExpression(node) && isAssertion(node)) {
        found = !0;
        return;
      }
      t.forEachChild(node, visit);
    }
  };
  return visit(body), found;
}
var scriptKind = (file) => /\.[cm]?[jt]sx$/.test(file) ? ts().ScriptKind.TSX : /\.[cm]?js$/.test(file) ? ts().ScriptKind.JS : ts().ScriptKind.TS;
function readTests(file, text) {
  let t = ts(), source = t.createSourceFile(file, text, t.ScriptTarget.Latest, !0, scriptKind(file)), out = [], visit = (node, suites) => {
    if (t.isCallExpression(node)) {
      let chain = calleeChain(node.expression), fn = node.arguments.find((a) => t.isFunctionExpression(a) || t.isArrowFunction(a));
      if (chain && (TEST_NAMES.has(chain.root) || SUITE_NAMES.has(chain.root) || SKIPPED_ROOTS.has(chain.root))) {
        let skipped = SKIPPED_ROOTS.has(chain.root) || neverRuns(chain), title = titleOf(node.arguments[0], source), ids = idsIn(title);
        if (SUITE_NAMES.has(chain.root) || chain.root === "xdescribe") {
          if (skipped) return;
          fn && t.forEachChild(fn, (child) => visit(child, [...suites, { title, ids }]));
          return;
        }
        if (!skipped && fn) {
          let inherited = suites.flatMap((s) => s.ids);
          out.push({
            title: [...suites.map((s) => s.title), title].join(" \u203A "),
            ids: [.../* @__PURE__ */ new Set([...inherited, ...ids])],
            asserts: asserts(fn.body),
            line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
          });
        }
        return;
      }
    }
    t.forEachChild(node, (child) => visit(child, suites));
  };
  return visit(source, []), out;
}
function codeRequirements(file, text) {
  let t = ts(), source = t.createSourceFile(file, text, t.ScriptTarget.Latest, !0, scriptKind(file)), out = [], visit = (node) => {
    if (t.isFunctionDeclaration(node) || t.isClassDeclaration(node) || t.isMethodDeclaration(node) || t.isConstructorDeclaration(node) || t.isVariableStatement(node) || t.isGetAccessorDeclaration(node) || t.isSetAccessorDeclaration(node) || t.isPropertyDeclaration(node)) {
      let comments = t.getLeadingCommentRanges(text, node.getFullStart()) ?? [], ids = idsIn(comments.map((c) => text.slice(c.pos, c.end)).join(`
`));
      ids.length > 0 && out.push({
        startLine: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
        endLine: source.getLineAndCharacterOfPosition(node.getEnd()).line + 1,
        ids
      });
    }
    t.forEachChild(node, visit);
  };
  return visit(source), out;
}
function requirementsAtLine(spans, line) {
  let best;
  for (let s of spans)
    line < s.startLine || line > s.endLine || (!best || s.endLine - s.startLine < best.endLine - best.startLine) && (best = s);
  return best?.ids ?? [];
}
function scenarioCovers(markdown) {
  let m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?(?:\n|$)/.exec(markdown);
  if (!m) return [];
  let data;
  try {
    data = yaml().parse(m[1], { maxAliasCount: 0 });
  } catch {
    return [];
  }
  let covers = data && typeof data == "object" ? data.covers : void 0, list = typeof covers == "string" ? [covers] : Array.isArray(covers) ? covers : [];
  return [...new Set(list.filter((c) => typeof c == "string").map((c) => c.trim()).filter(Boolean))];
}
function holdoutCoverage(texts, read = readTests) {
  return texts.map((h) => ({
    spec: h.spec,
    name: h.name,
    check: h.check,
    covers: h.markdown === null ? [] : scenarioCovers(h.markdown),
    tests: h.check !== null && h.code !== null ? read(h.check, h.code) : []
  }));
}
function holdoutIds(h) {
  let asserting = h.tests.filter((t) => t.asserts);
  return asserting.length === 0 ? [] : [.../* @__PURE__ */ new Set([...h.covers, ...asserting.flatMap((t) => t.ids)])];
}
function recordedProof(entry) {
  let proof = entry?.verdict?.proof;
  return proof && proof.error === void 0 ? proof.proven : void 0;
}
var provenBy = (proof, id, title) => proof === void 0 ? void 0 : (proof[id] ?? []).includes(title);
function traceRequirements(requirements, generated, holdouts, proof) {
  let byId = new Map(requirements.map((r) => [r.id, { id: r.id, kind: r.kind, tests: [], holdouts: [] }]));
  for (let g of generated)
    for (let test of g.tests)
      if (test.asserts)
        for (let id of test.ids) {
          let proven = provenBy(proof, id, test.title);
          byId.get(id)?.tests.push({ file: g.file, title: test.title, ...proven === void 0 ? {} : { proven } });
        }
  for (let h of holdouts) for (let id of holdoutIds(h)) byId.get(id)?.holdouts.push(`${h.spec}/${h.name}`);
  return [...byId.values()];
}
function builtSpecs(workspace, manifest, hashes) {
  return [...workspace.byId.values()].filter((spec) => {
    let fm = spec.frontmatter;
    if (fm.status !== "ready" || fm.kind === "constraint" || fm.outputs.length === 0) return !1;
    let entry = manifest.specs.get(fm.id);
    return entry !== void 0 && Object.entries(entry.outputs).every(([p, hash]) => hashes.get(p) === hash);
  });
}
function judgedSpecs(workspace, manifest, hashes) {
  return builtSpecs(workspace, manifest, hashes).filter((spec) => !workspace.sharedIds.has(spec.frontmatter.id));
}
function generatedTestsOf(specs, files, read = readTests) {
  return specs.flatMap((s) => s.frontmatter.outputs).filter((p) => TEST_FILE.test(p) && files.has(p)).sort().map((file) => ({ file, tests: read(file, files.get(file)) }));
}
var KIND_WORDS = { rule: "rule", "edge-case": "edge case", scenario: "scenario", property: "property" };
function namingFiles(workspace, generated, files, holdouts, texts) {
  let out = [], { generated: generatedRoot, scenarios } = workspace.folders;
  for (let g of generated) out.push({ file: `${generatedRoot}/${g.file}`, text: files.get(g.file) ?? "", ids: g.tests.flatMap((t) => t.ids), kind: "generated" });
  let raws = new Map(texts.map((h) => [`${h.spec}/${h.name}`, h]));
  for (let h of holdouts) {
    let raw = raws.get(`${h.spec}/${h.name}`);
    h.check !== null && out.push({ file: `${scenarios}/${h.check}`, text: raw?.code ?? "", ids: h.tests.flatMap((t) => t.ids), kind: "holdout" }), h.covers.length > 0 && raw?.markdown && out.push({ file: `${scenarios}/${h.spec}/${h.name}.md`, text: raw.markdown, ids: h.covers, kind: "holdout" });
  }
  return out;
}
function unknownRequirementIds(workspace, naming) {
  let known = /* @__PURE__ */ new Set(), bySpec = /* @__PURE__ */ new Map();
  for (let { spec } of workspace.files)
    for (let r of spec?.requirements ?? []) {
      known.add(r.id);
      let prefix = r.id.slice(0, r.id.indexOf("#")), list = bySpec.get(prefix);
      list || bySpec.set(prefix, list = []), list.push(r.id);
    }
  let out = [];
  for (let n of naming) {
    let unknown = [...new Set(n.ids)].filter((id) => !known.has(id));
    if (unknown.length === 0) continue;
    let lines = createLineIndex(n.text);
    for (let id of unknown) {
      let at = n.text.indexOf(id), siblings = bySpec.get(id.slice(0, id.indexOf("#"))), near = closest(id, siblings ?? known), current = siblings ? ` (its spec has ${siblings.slice(0, 4).map((s) => `\`${s}\``).join(", ")}${siblings.length > 4 ? ", \u2026" : ""})` : "";
      out.push(
        diagnostics.requirementIdUnknown({
          file: n.file,
          span: at < 0 ? lines.span(0, 0) : lines.span(at, at + id.length),
          message: `${n.kind === "generated" ? "Generated test" : "Holdout"} names requirement \`${id}\`, which no spec has; expected the id of a current rule, edge case or scenario`,
          hint: near ? `Did you mean \`${near}\`?` : n.kind === "generated" ? `Rebuild the spec (\`speccc build\`): its tests then name its current ids${current}.` : `Correct the id${current}, or remove it if the requirement is gone.`
        })
      );
    }
  }
  return out;
}
function checkRequirementCoverage(input) {
  let built = judgedSpecs(input.workspace, input.manifest, input.hashes);
  if (built.length === 0) return [];
  let generated = generatedTestsOf(built, input.files, input.read), holdouts = holdoutCoverage(input.holdouts, input.read);
  return [
    ...built.flatMap((spec) => untestedRequirements(spec, generated, holdouts, recordedProof(input.manifest.specs.get(spec.frontmatter.id)))),
    ...unknownRequirementIds(input.workspace, namingFiles(input.workspace, generated, input.files, holdouts, input.holdouts))
  ];
}
var counts = (t) => t.proven !== !1;
function untestedRequirements(spec, generated, holdouts, proof) {
  let out = [], traces = new Map(traceRequirements(spec.requirements, generated, holdouts, proof).map((t) => [t.id, t]));
  for (let r of spec.requirements) {
    let t = traces.get(r.id);
    if (t.tests.some(counts) || t.holdouts.length > 0) continue;
    let named = t.tests.length;
    out.push(
      diagnostics.requirementUntested({
        file: spec.file,
        span: r.span,
        message: named === 0 ? `Requirement \`${r.id}\` (${KIND_WORDS[r.kind]}) is covered by no generated test that asserts and no holdout scenario` : `Requirement \`${r.id}\` (${KIND_WORDS[r.kind]}) is named by ${named} generated test${named === 1 ? "" : "s"}, but none failed when the code that names it was mutated: ${named === 1 ? "it does" : "they do"} not pin it down`,
        hint: named === 0 ? `Rebuild the spec (its tests must name \`[${r.id}]\`), or write a holdout scenario with \`covers: [${r.id}]\`.` : `Rebuild the spec: the function that implements it must name \`[${r.id}]\` in its comment, and a test naming it must assert what it returns; or write a holdout scenario with \`covers: [${r.id}]\`.`
      })
    );
  }
  return out;
}
function traceReport(input) {
  let built = builtSpecs(input.workspace, input.manifest, input.hashes), builtIds = new Set(built.map((s) => s.frontmatter.id)), ownerOf = new Map(built.flatMap((s) => s.frontmatter.outputs.map((o) => [o, s.frontmatter.id]))), generated = generatedTestsOf(built, input.files), holdouts = holdoutCoverage(input.holdouts), builtAt = (id) => input.manifest.specs.get(id)?.builtAt ?? null, holdoutResult = (h) => {
    let verified = input.lastVerified.get(`${h.spec}/${h.name}`), entry = input.manifest.specs.get(h.spec), atBuild = entry?.holdout === "passed" ? { passed: !0, at: entry.builtAt, source: "build" } : null;
    return verified && (!atBuild || verified.at >= atBuild.at) ? { ...verified, source: "verify" } : atBuild;
  };
  return input.specs.map((spec) => {
    let id = spec.frontmatter.id, state = builtIds.has(id) ? "built" : input.manifest.specs.has(id) ? "drifted" : "not-built";
    return {
      spec: id,
      file: spec.file,
      state,
      builtAt: builtAt(id),
      requirements: spec.requirements.map((r) => ({
        id: r.id,
        kind: r.kind,
        text: r.text,
        line: r.span.start.line,
        tests: generated.flatMap(
          (g) => g.tests.filter((t) => t.asserts && t.ids.includes(r.id)).map((t) => {
            let owner = ownerOf.get(g.file), at = owner ? builtAt(owner) : null, proven = provenBy(recordedProof(input.manifest.specs.get(id)), r.id, t.title);
            return { file: g.file, line: t.line, title: t.title, proven: proven ?? null, result: at ? { passed: !0, at, source: "build" } : null };
          })
        ),
        holdouts: holdouts.filter((h) => holdoutIds(h).includes(r.id)).map((h) => ({ name: `${h.spec}/${h.name}`, check: h.check, result: holdoutResult(h) }))
      }))
    };
  });
}

export {
  TEST_FILE,
  idsIn,
  readTests,
  codeRequirements,
  requirementsAtLine,
  scenarioCovers,
  holdoutCoverage,
  holdoutIds,
  recordedProof,
  traceRequirements,
  builtSpecs,
  judgedSpecs,
  generatedTestsOf,
  namingFiles,
  unknownRequirementIds,
  checkRequirementCoverage,
  untestedRequirements,
  traceReport
};
