import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  TEST_FILE,
  isCode,
  resolveImport
} from "./chunk-CT32TP7B.js";

// src/adopt/round-trip.ts
import path from "node:path";
var ROUND_TRIP_SCENARIOS = "scenarios", TEST_SUPPORT = /(?:^|\/)(?:__tests__|__mocks__|__fixtures__|tests?|fixtures|spec)\//;
function testsOfSpec(spec, generatedRoot) {
  let owned = spec.outputs.filter((o) => TEST_FILE.test(o)).map((o) => `${generatedRoot}/${o}`), linked = [...spec.source.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(spec.file), m[1]))).filter((p) => TEST_FILE.test(p) && !p.startsWith(".."));
  return [.../* @__PURE__ */ new Set([...owned, ...linked])];
}
function roundTripWorkspace(input) {
  let { spec, generatedRoot } = input, edits = /* @__PURE__ */ new Map(), code = spec.outputs.filter((o) => isCode(o) && !TEST_FILE.test(o) && !TEST_SUPPORT.test(o)), tests = spec.outputs.filter((o) => TEST_FILE.test(o));
  edits.set(spec.file, editFrontmatter(spec.source, { status: "ready", owner: null, outputs: [...code, ...tests] }));
  for (let other of input.specs) {
    if (other.id === spec.id || other.kind === "constraint" || other.owner === "hand") {
      other.id !== spec.id && other.owner === "hand" && other.status !== "ready" && edits.set(other.file, editFrontmatter(other.source, { status: "ready" }));
      continue;
    }
    edits.set(other.file, editFrontmatter(other.source, { owner: "hand", status: "ready" }));
  }
  let placed = /* @__PURE__ */ new Map(), unplaced = [], names = /* @__PURE__ */ new Set();
  for (let test of input.tests) {
    let check = holdoutOf(test, input);
    if ("why" in check) {
      unplaced.push({ test: test.path, why: check.why });
      continue;
    }
    let name = path.posix.basename(test.path);
    names.has(name) && (name = `${path.posix.dirname(test.path).replace(/[^A-Za-z0-9]+/g, "-")}-${name}`), names.add(name), placed.set(test.path, name), edits.set(`${ROUND_TRIP_SCENARIOS}/${spec.id}/${name}`, check.content);
  }
  return edits.set("speccc.config.json", configWithScenarios(input.rawConfig, generatedRoot)), { edits, remove: spec.outputs.map((o) => `${generatedRoot}/${o}`), placed, unplaced };
}
function configWithScenarios(raw, generatedRoot) {
  let json = {};
  try {
    json = raw ? JSON.parse(raw) : {};
  } catch {
    json = {};
  }
  let paths = { ...json.paths ?? {}, generated: generatedRoot, scenarios: ROUND_TRIP_SCENARIOS };
  return `${JSON.stringify({ ...json, paths }, null, 2)}
`;
}
var SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+|\b(?:vi|jest)\.(?:mock|doMock|unmock|importActual)\s*\(\s*)(['"])(\.{1,2}\/[^'"\n]*)\2/g, GLOBALS = ["describe", "it", "test", "expect", "beforeEach", "afterEach", "beforeAll", "afterAll", "vi"];
function holdoutOf(test, input) {
  let root = input.generatedRoot, why, content = test.text.replace(SPECIFIER, (whole, head, quote, specifier) => {
    let target = resolveImport(test.path, specifier, input.files);
    return !target || !target.startsWith(`${root}/`) || !isCode(target) || TEST_FILE.test(target) || TEST_SUPPORT.test(target.slice(root.length + 1)) ? (why ??= `it imports \`${specifier}\`, ${target ? `\`${target}\`, which is not code of the generated root` : "which is no file of the project"}: a holdout check reaches only the code`, whole) : `${head}${quote}${holdoutSpecifier(specifier, target.slice(root.length + 1))}${quote}`;
  });
  if (why) return { why };
  if (content = content.replace(/(['"])@jest\/globals\1/g, "'vitest'").replace(/\bjest\.(fn|spyOn|mocked|useFakeTimers|useRealTimers|advanceTimersByTime|clearAllMocks|restoreAllMocks)\b/g, "vi.$1"), !/from\s*['"]vitest['"]/.test(content)) {
    let used = GLOBALS.filter((g) => new RegExp(`(?<![\\w.])${g}\\s*[.(]`).test(content));
    used.length > 0 && (content = `import { ${used.join(", ")} } from 'vitest';
${content}`);
  }
  return { content };
}
function holdoutSpecifier(original, target) {
  let last = original.split("/").pop();
  if (/\.[cm]?[jt]sx?$/.test(last)) {
    let ext = last.slice(last.lastIndexOf("."));
    return `../../${target.replace(/\.[cm]?[jt]sx?$/, ext)}`;
  }
  return /(?:^|\/)index\.[cm]?[jt]sx?$/.test(target) && last !== "index" ? `../../${path.posix.dirname(target)}` : `../../${target.replace(/\.[cm]?[jt]sx?$/, "")}`;
}
function editFrontmatter(source, edit) {
  let m = /^(---\r?\n)([\s\S]*?\r?\n)(---(?:\r?\n|$))/.exec(source);
  if (!m) return source;
  let lines = m[2].replace(/\r?\n$/, "").split(/\r?\n/), keyAt = (key) => lines.findIndex((l) => new RegExp(`^${key}\\s*:`).test(l)), drop = (key) => {
    let at = keyAt(key);
    if (at < 0) return -1;
    let end = at + 1;
    for (; end < lines.length && /^(?:\s+\S|-\s)/.test(lines[end]); ) end++;
    return lines = [...lines.slice(0, at), ...lines.slice(end)], at;
  }, set = (key, value) => {
    let at = drop(key);
    lines.splice(at < 0 ? lines.length : at, 0, ...value);
  };
  return edit.status !== void 0 && set("status", [`status: ${edit.status}`]), edit.owner === null ? drop("owner") : edit.owner !== void 0 && set("owner", [`owner: ${edit.owner}`]), edit.outputs && set("outputs", edit.outputs.length === 0 ? ["outputs: []"] : ["outputs:", ...edit.outputs.map((o) => `  - ${/^[A-Za-z0-9_.][\w./-]*$/.test(o) ? o : JSON.stringify(o)}`)]), `${m[1]}${lines.join(`
`)}
${m[3]}${source.slice(m[0].length)}`;
}
function typeErrorsElsewhere(error, outputs) {
  let named = [...new Set([...error.matchAll(/(?:^|[\s:])([^\s():]+\.[cm]?tsx?)\(\d+,\d+\): error TS\d+/gm)].map((m) => m[1]))];
  return named.length === 0 || named.some((f) => outputs.includes(f)) ? [] : named.sort();
}

export {
  TEST_SUPPORT,
  testsOfSpec,
  roundTripWorkspace,
  holdoutOf,
  editFrontmatter,
  typeErrorsElsewhere
};
