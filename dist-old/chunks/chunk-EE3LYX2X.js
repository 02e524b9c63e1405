import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  loadConfig
} from "./chunk-VMNTWMXG.js";
import {
  checkGeneratedTree,
  inputProblems,
  openTestCache
} from "./chunk-RXRBJQYY.js";
import {
  assembleWorkspace,
  decodeContext,
  indexIds,
  modelFiles
} from "./chunk-GYCCWPGP.js";
import {
  readAdoptionRecordQuietly
} from "./chunk-S5MSW45D.js";
import {
  isFolder,
  readScenariosFolder
} from "./chunk-YSUJQ6UY.js";
import {
  isReadme,
  readWorkspaceFiles
} from "./chunk-CMLTEYZG.js";
import {
  SPECCC_VERSION
} from "./chunk-H4KJMLKH.js";
import {
  readGeneratedTree
} from "./chunk-UUOMZIVY.js";
import {
  applySuppressions,
  dedupe,
  sortDiagnostics
} from "./chunk-4DSQAG4B.js";
import {
  modelSpec,
  parseSpecFile
} from "./chunk-52CFOBE7.js";
import {
  RULES,
  RULE_CODES
} from "./chunk-CXSIFPJL.js";
import {
  sha256
} from "./chunk-U5XVFR3J.js";
import {
  generatedTestsOf,
  holdoutCoverage,
  judgedSpecs,
  namingFiles,
  readTests,
  recordedProof,
  unknownRequirementIds,
  untestedRequirements
} from "./chunk-2YZVRG7S.js";
import {
  linesOf
} from "./chunk-Y72MW4XH.js";

// src/incremental/open.ts
import path from "node:path";

// src/incremental/by-file.ts
function groupByFile(list) {
  let out = /* @__PURE__ */ new Map();
  for (let d of list) {
    let at = out.get(d.file);
    at ? at.push(d) : out.set(d.file, [d]);
  }
  return out;
}

// src/incremental/changed-spec.ts
var idOf = (m) => m?.spec?.frontmatter?.id, isTwin = (m) => m?.spec?.frontmatter?.kind === "twin", outputsOf = (m) => m?.spec?.frontmatter?.outputs ?? [], frontmatterKey = (m) => m?.spec ? JSON.stringify([m.spec.frontmatter, m.spec.frontmatterSpans]) : "null", ownedKey = (m) => JSON.stringify([idOf(m), m.spec?.frontmatter?.outputs, m.spec?.frontmatter?.owner]), requirementIdsKey = (m) => (m.spec?.requirements ?? []).map((r) => r.id).join(`
`), edgesOf = (spec) => [...spec.frontmatter?.depends_on ?? [], ...spec.frontmatter?.uses_twins ?? []], edgesKey = (m) => JSON.stringify(m.spec ? edgesOf(m.spec) : null);
function changedSpec(file, before, after) {
  return { file, before, after, frontmatter: frontmatterKey(before) !== frontmatterKey(after) };
}
var renamed = (c) => idOf(c.before) !== idOf(c.after);
function union(...sets) {
  let out = /* @__PURE__ */ new Set();
  for (let s of sets) if (s) for (let x of s) out.add(x);
  return out;
}

// src/incremental/coverage.ts
function createCoverage(inputs) {
  let readTests2 = memo(inputs.readTests ?? readTests);
  return {
    tree: inputs.tree,
    holdouts: inputs.holdouts,
    readTests: readTests2,
    holdoutCases: holdoutCoverage(inputs.holdouts, readTests2),
    built: /* @__PURE__ */ new Set(),
    generatedTests: [],
    untested: /* @__PURE__ */ new Map(),
    unknownIds: /* @__PURE__ */ new Map()
  };
}
function memo(read) {
  let seen = /* @__PURE__ */ new Map();
  return (file, text) => {
    let key = `${file}\0${text}`, hit = seen.get(key);
    return hit || seen.set(key, hit = read(file, text)), hit;
  };
}
function judgeCoverage(cov, view, files, idsMoved = !1) {
  let touched = /* @__PURE__ */ new Set();
  if (files === "all") {
    let now = judgedSpecs(view.workspace, cov.tree.manifest, cov.tree.hashes);
    cov.built = new Set(now), cov.generatedTests = now.length === 0 ? [] : generatedTestsOf(now, cov.tree.files, cov.readTests);
    for (let f of cov.untested.keys()) touched.add(f);
    cov.untested.clear(), files = view.byFile.keys(), idsMoved = !0;
  }
  if (idsMoved) for (let f of judgeUnknownIds(cov, view.workspace)) touched.add(f);
  for (let f of files) {
    let list = untestedIn(cov, view.byFile.get(f)?.spec);
    (list.length > 0 || cov.untested.has(f)) && touched.add(f), list.length > 0 ? cov.untested.set(f, list) : cov.untested.delete(f);
  }
  return touched;
}
function untestedIn(cov, spec) {
  return !spec || !cov.built.has(spec) ? [] : untestedRequirements(spec, cov.generatedTests, cov.holdoutCases, recordedProof(cov.tree.manifest.specs.get(spec.frontmatter.id)));
}
function judgeUnknownIds(cov, workspace) {
  let before = cov.unknownIds, naming = cov.built.size === 0 ? [] : namingFiles(workspace, cov.generatedTests, cov.tree.files, cov.holdoutCases, cov.holdouts);
  return cov.unknownIds = groupByFile(unknownRequirementIds(workspace, naming)), union(before.keys(), cov.unknownIds.keys());
}
function carryCoverage(cov, view, changed) {
  let carried = new Set(cov.built), outputsMoved = changed.some((c) => c.before.spec !== null && cov.built.has(c.before.spec) && JSON.stringify(outputsOf(c.before)) !== JSON.stringify(outputsOf(c.after)));
  for (let c of changed) c.before.spec && carried.delete(c.before.spec) && c.after.spec && carried.add(c.after.spec);
  let sameBuilt = !changed.some((c) => c.frontmatter) || !outputsMoved && sameSet(carried, judgedSpecs(view.workspace, cov.tree.manifest, cov.tree.hashes));
  sameBuilt && (cov.built = carried);
  let idsMoved = changed.some((c) => requirementIdsKey(c.before) !== requirementIdsKey(c.after));
  return judgeCoverage(cov, view, sameBuilt ? changed.map((c) => c.file) : "all", idsMoved);
}
var sameSet = (a, b) => a.size === b.length && b.every((x) => a.has(x)), coverageOn = (cov, file) => [...cov.untested.get(file) ?? [], ...cov.unknownIds.get(file) ?? []];

// src/incremental/findings.ts
function runRule(state, rule, ws, keep) {
  let { config, loaded, inputs, lines } = state, found = groupByFile(dedupe(rule.check({ workspace: ws, generatedRoot: config.paths.generated, config, configSpans: loaded.spans, scenarios: inputs.scenarios, lines }))), mine = state.findings.get(rule.id);
  if (keep === "all") mine.clear();
  else for (let f of keep) mine.delete(f);
  for (let [file, list] of found) (keep === "all" || keep.has(file)) && mine.set(file, list);
}
function outsideFindings(state) {
  let { loaded, config, inputs, workspace } = state, { tree } = inputs, files = { specsDirExists: state.specsDirExists, specs: [], context: [] }, scenarios = inputs.scenariosFolder ?? { configured: loaded.spans.get("value:paths.scenarios") ?? null, state: inputs.holdouts.length > 0 ? "present" : "missing" };
  return groupByFile([
    ...loaded.diagnostics,
    ...inputProblems(files, config, scenarios),
    ...checkGeneratedTree({ workspace, generatedRoot: config.paths.generated, manifest: tree.manifest, manifestProblem: tree.manifestProblem, hashes: tree.hashes, adopted: inputs.adopted ?? null })
  ]);
}
function compose(state, file) {
  let model = state.idx.byFile.get(file), ruled = RULES.flatMap((r) => state.findings.get(r.id).get(file) ?? []), list = sortDiagnostics([
    ...state.outside.get(file) ?? [],
    ...coverageOn(state.coverage, file),
    ...model?.diagnostics ?? [],
    ...applySuppressions(ruled, model?.spec ? [model.spec] : [], state.lines, state.config, RULE_CODES)
  ]), key = JSON.stringify(list);
  return (state.composed.get(file)?.key ?? "[]") === key ? !1 : (list.length === 0 ? state.composed.delete(file) : state.composed.set(file, { list, key }), !0);
}
function filesWithAnyFinding(state) {
  let { idx, outside, coverage, findings, composed } = state;
  return union(idx.byFile.keys(), outside.keys(), coverage.unknownIds.keys(), ...[...findings.values()].map((m) => m.keys()), composed.keys());
}

// src/incremental/spec-index.ts
function createSpecIndex() {
  return { byFile: /* @__PURE__ */ new Map(), position: /* @__PURE__ */ new Map(), withId: /* @__PURE__ */ new Map(), dependents: /* @__PURE__ */ new Map(), linkers: /* @__PURE__ */ new Map(), owners: /* @__PURE__ */ new Map(), twinUsers: /* @__PURE__ */ new Map() };
}
function indexAll(idx, files) {
  for (let map of [idx.byFile, idx.position, idx.withId, idx.dependents, idx.linkers, idx.owners, idx.twinUsers]) map.clear();
  files.forEach((m, i) => {
    idx.byFile.set(m.file, m), idx.position.set(m.file, i), mention(idx, m, !0);
  });
}
function replaceModel(idx, before, after) {
  mention(idx, before, !1), mention(idx, after, !0), idx.byFile.set(after.file, after);
}
function mention(idx, m, add) {
  let put = (map, key) => {
    let set = map.get(key);
    add ? map.set(key, (set ??= /* @__PURE__ */ new Set()).add(m.file)) : set && (set.delete(m.file), set.size === 0 && map.delete(key));
  }, fm = m.spec?.frontmatter;
  if (fm) {
    put(idx.withId, fm.id);
    for (let dep of fm.depends_on) put(idx.dependents, dep);
    for (let o of fm.outputs) put(idx.owners, o);
    for (let twin of fm.uses_twins) put(idx.twinUsers, twin);
  }
  for (let link of m.spec?.links ?? []) put(idx.linkers, link.target);
}

// src/incremental/session.ts
function createSessionState(inputs) {
  return {
    root: inputs.root,
    loaded: inputs.config,
    config: inputs.config.config,
    inputs,
    specBytes: new Map(inputs.files.specs.map((f) => [f.file, f.bytes])),
    contextBytes: new Map(inputs.files.context.map((f) => [f.file, f.bytes])),
    specsDirExists: inputs.files.specsDirExists,
    workspace: void 0,
    // set by rebuild() before anything reads it
    idx: createSpecIndex(),
    findings: new Map(RULES.map((r) => [r.id, /* @__PURE__ */ new Map()])),
    outside: /* @__PURE__ */ new Map(),
    coverage: createCoverage(inputs),
    composed: /* @__PURE__ */ new Map(),
    lines: linesOf
  };
}
function initialModels(inputs) {
  let known = new Map((inputs.models ?? []).map((m) => [m.file, m]));
  return inputs.files.specs.map(({ file, bytes }) => {
    let hit = known.get(file);
    return hit && hit.hash === sha256(bytes) ? hit : modelFile(file, bytes);
  });
}
var modelFile = (file, bytes) => modelSpec(parseSpecFile(file, bytes));
function kindOf(config, file) {
  if (!file.endsWith(".md") || isReadme(file)) return null;
  let specsDir = config.paths.specs.replace(/\/$/, ""), contextDir = config.paths.context.replace(/\/$/, "");
  return file.startsWith(`${specsDir}/`) ? "spec" : file.startsWith(`${contextDir}/`) ? "context" : null;
}
var byPath = (a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
function contentsOf(state) {
  let read = ([file, bytes]) => ({ file, hash: sha256(bytes), bytes });
  return { specsDirExists: state.specsDirExists, specs: [...state.specBytes].map(read).sort(byPath), context: [...state.contextBytes].map(read).sort(byPath) };
}
function contextDocs(state) {
  return [...state.contextBytes].map(([file, bytes]) => decodeContext({ file, hash: sha256(bytes), bytes })).sort(byPath);
}
function subWorkspace(state, files) {
  let { idx } = state;
  return {
    ...state.workspace,
    files: [...new Set(files)].filter((f) => idx.byFile.has(f)).sort((a, b) => idx.position.get(a) - idx.position.get(b)).map((f) => idx.byFile.get(f))
  };
}
function rebuild(state, files) {
  files.sort(byPath), state.workspace = assembleWorkspace(state.root, files, contextDocs(state), state.config.paths), indexAll(state.idx, files);
  for (let rule of RULES) runRule(state, rule, state.workspace, "all");
  state.outside = outsideFindings(state), judgeCoverage(state.coverage, { workspace: state.workspace, byFile: state.idx.byFile }, "all");
}

// src/incremental/reach.ts
var withFrontmatter = (view) => view.changed.filter((c) => c.frontmatter), underIds = (view, map) => union(...withFrontmatter(view).flatMap((c) => [map.get(idOf(c.before) ?? ""), map.get(idOf(c.after) ?? "")])), filesWithFindings = (previous) => new Set(previous.keys()), SHARED = {
  glossary: { recheck: (view) => view.contextChanged ? "all" : "none" },
  // A session keeps its config and scenarios folder (a changed config opens a new session).
  config: { recheck: () => "none" },
  scenarios: { recheck: () => "none" }
}, OF_SPECS = {
  "same-id": {
    recheck: (view) => underIds(view, view.idx.withId),
    context: (m, idx) => idx.withId.get(idOf(m) ?? "") ?? []
  },
  dependencies: { recheck: (view) => underIds(view, view.idx.dependents) },
  "twins-used": { recheck: (view) => underIds(view, view.idx.twinUsers) },
  "linked-specs": {
    recheck: (view) => union(...withFrontmatter(view).map((c) => view.idx.linkers.get(c.file))),
    context: (m) => (m.spec?.links ?? []).map((l) => l.target)
  },
  "output-owners": {
    recheck: (view) => union(...withFrontmatter(view).flatMap((c) => [...outputsOf(c.before), ...outputsOf(c.after)].map((o) => view.idx.owners.get(o)))),
    context: (m, idx) => union(...outputsOf(m).map((o) => idx.owners.get(o)))
  },
  // A changed set of ids can change any hint the rule gave.
  "spec-ids": { recheck: (view, previous) => view.changed.some(renamed) ? filesWithFindings(previous) : "none" },
  "twin-ids": {
    recheck: (view, previous) => withFrontmatter(view).some((c) => (isTwin(c.before) || isTwin(c.after)) && (renamed(c) || isTwin(c.before) !== isTwin(c.after))) ? filesWithFindings(previous) : "none"
  },
  "dependency-graph": { recheck: (view, previous) => cycleMayHaveMoved(view, previous) ? "all" : "none" },
  "all-frontmatter": { recheck: (view) => view.changed.some((c) => c.frontmatter) ? "all" : "none" }
}, FACTS = { ...SHARED, ...OF_SPECS };
function normalised(scope) {
  return scope.kind === "spec-local" ? { own: "spec", reads: [] } : scope.kind === "file" ? { own: "spec", reads: scope.reads } : scope;
}
function planRule(rule, view, previous) {
  let { own, reads } = normalised(rule.scope), reaches = reads.map((fact) => FACTS[fact].recheck(view, previous));
  if (reaches.includes("all")) return { run: "all" };
  let mine = own === "spec" ? view.changed : own === "frontmatter" ? withFrontmatter(view) : [], judged = [...union(mine.map((c) => c.file), ...reaches.map((r) => r === "none" ? void 0 : r))].filter((f) => view.idx.byFile.has(f));
  if (judged.length === 0) return { run: "none" };
  let contexts = reads.flatMap((fact) => {
    let context = FACTS[fact].context;
    return context ? judged.map((f) => context(view.idx.byFile.get(f), view.idx)) : [];
  });
  return { run: "some", judged: new Set(judged), seen: union(judged, ...contexts) };
}
function cycleMayHaveMoved(view, previous) {
  let inCycle = new Set([...previous.values()].flat().flatMap((d) => [d.file, ...(d.related ?? []).map((r) => r.file)]));
  return view.changed.some((c) => {
    if (!c.frontmatter) return !1;
    if (inCycle.has(c.file)) return !0;
    if (!renamed(c) && edgesKey(c.before) === edgesKey(c.after)) return !1;
    let namesakes = [...view.idx.withId.get(idOf(c.before) ?? "") ?? [], ...view.idx.withId.get(idOf(c.after) ?? "") ?? []];
    if (renamed(c) && namesakes.some((f) => inCycle.has(f))) return !0;
    let heir = renamed(c) ? view.byId.get(idOf(c.before) ?? "") : void 0;
    return c.after.spec !== null && reachesItself(c.after.spec, view.byId) || heir !== void 0 && reachesItself(heir, view.byId);
  });
}
function reachesItself(spec, byId) {
  let id = spec.frontmatter?.id;
  if (!id || byId.get(id) !== spec) return !1;
  let seen = /* @__PURE__ */ new Set([id]), stack = edgesOf(spec);
  for (; stack.length > 0; ) {
    let next = stack.pop();
    if (next === id) return !0;
    if (seen.has(next)) continue;
    seen.add(next);
    let target = byId.get(next);
    for (let dep of target ? edgesOf(target) : []) dep !== next && stack.push(dep);
  }
  return !1;
}

// src/incremental/update.ts
function update(state, changes) {
  let started = performance.now(), edit = takeContents(state, changes), done = (rechecked2, touched, whole) => ({
    changed: edit.files,
    rechecked: [...rechecked2].sort(),
    touched: [...touched].filter((f) => compose(state, f)).sort(),
    whole,
    durationMs: performance.now() - started
  });
  if (edit.files.length === 0) return done([], [], !1);
  if (edit.structural) {
    let before = filesWithAnyFinding(state);
    return rebuildWith(state, edit.changed), done(state.idx.byFile.keys(), union(before, filesWithAnyFinding(state)), !0);
  }
  swapModels(state, edit);
  let { rechecked, candidates } = rerunRules(state, edit);
  if (edit.changed.some((c) => ownedKey(c.before) !== ownedKey(c.after))) {
    let before = state.outside;
    state.outside = outsideFindings(state);
    for (let f of union(before.keys(), state.outside.keys())) candidates.add(f);
  }
  for (let f of carryCoverage(state.coverage, { workspace: state.workspace, byFile: state.idx.byFile }, edit.changed)) candidates.add(f);
  return done(rechecked, candidates, !1);
}
function takeContents(state, changes) {
  let edit = { files: [], changed: [], structural: !1, contextChanged: !1 };
  for (let [file, content] of new Map(changes.map((c) => [c.file, c.content]))) {
    let kind = kindOf(state.config, file);
    if (!kind) continue;
    let store = kind === "spec" ? state.specBytes : state.contextBytes, bytes = content === null ? null : toBytes(content), before = store.get(file);
    (bytes === null ? before === void 0 : before !== void 0 && sha256(before) === sha256(bytes)) || (edit.files.push(file), bytes === null ? store.delete(file) : store.set(file, bytes), kind === "context" ? edit.contextChanged = !0 : before === void 0 || bytes === null ? edit.structural = !0 : edit.changed.push(changedSpec(file, state.idx.byFile.get(file), modelFile(file, bytes))));
  }
  return edit.files.sort(), edit;
}
var encoder = new TextEncoder(), toBytes = (content) => typeof content == "string" ? encoder.encode(content) : content;
function rebuildWith(state, changed) {
  let models = new Map(state.workspace.files.map((m) => [m.file, m]));
  for (let c of changed) models.set(c.file, c.after);
  state.specsDirExists ||= state.specBytes.size > 0, rebuild(state, [...state.specBytes].map(([file, bytes]) => models.get(file) ?? modelFile(file, bytes)));
}
function swapModels(state, edit) {
  let nextFiles = [...state.workspace.files];
  for (let c of edit.changed)
    replaceModel(state.idx, c.before, c.after), nextFiles[state.idx.position.get(c.file)] = c.after;
  let ids;
  if (edit.changed.some((c) => idOf(c.before) !== idOf(c.after))) ids = indexIds(nextFiles);
  else {
    ids = state.workspace;
    for (let c of edit.changed) {
      let id = idOf(c.before);
      id && ids.byId.get(id) === c.before.spec && ids.byId.set(id, c.after.spec);
    }
  }
  if (state.workspace = { ...state.workspace, files: nextFiles, byId: ids.byId, sharedIds: ids.sharedIds }, edit.contextChanged) {
    let docs = contextDocs(state);
    state.workspace = { ...state.workspace, context: docs, glossary: assembleWorkspace(state.root, [], docs, state.config.paths).glossary };
  }
}
function rerunRules(state, edit) {
  let rechecked = new Set(edit.changed.map((c) => c.file)), candidates = new Set(rechecked), view = { changed: edit.changed, contextChanged: edit.contextChanged, idx: state.idx, byId: state.workspace.byId };
  for (let rule of RULES) {
    let previous = state.findings.get(rule.id), plan = planRule(rule, view, previous);
    if (plan.run !== "none") {
      if (plan.run === "all") {
        for (let f of previous.keys()) candidates.add(f);
        runRule(state, rule, state.workspace, "all");
        for (let f of previous.keys()) candidates.add(f);
        continue;
      }
      runRule(state, rule, subWorkspace(state, plan.seen), plan.judged);
      for (let f of plan.judged)
        rechecked.add(f), candidates.add(f);
    }
  }
  return { rechecked, candidates };
}

// src/incremental/create.ts
function createIncrementalCheck(inputs) {
  let state = createSessionState(inputs);
  rebuild(state, initialModels(inputs));
  for (let file of filesWithAnyFinding(state)) compose(state, file);
  let sorted = () => [...state.composed.keys()].sort();
  return {
    root: state.root,
    config: state.config,
    get workspace() {
      return state.workspace;
    },
    kindOf: (file) => kindOf(state.config, file),
    modelOf: (file) => state.idx.byFile.get(file),
    files: () => contentsOf(state),
    diagnosticsOf: (file) => state.composed.get(file)?.list ?? [],
    filesWithFindings: sorted,
    diagnostics: () => sorted().flatMap((f) => state.composed.get(f).list),
    update: (changes) => update(state, changes)
  };
}

// src/incremental/open.ts
async function openIncrementalCheck(root, options = {}) {
  root = path.resolve(root);
  let config = await loadConfig(root), paths = config.config.paths, files = await readWorkspaceFiles({ root, specsDir: paths.specs, contextDir: paths.context }), { models, cacheWritten } = await modelFiles(root, files.specs, { useCache: options.useCache ?? !0, prune: !1 });
  await cacheWritten;
  let scenariosDir = path.resolve(root, paths.scenarios), [tree, { entries: scenarios, texts: holdouts }, tests, exists, adopted] = await Promise.all([
    readGeneratedTree(path.join(root, paths.generated), SPECCC_VERSION),
    readScenariosFolder(scenariosDir),
    options.useCache === !1 ? void 0 : openTestCache(root, SPECCC_VERSION, readTests),
    isFolder(scenariosDir),
    readAdoptionRecordQuietly(root, `${paths.specs}/adopted.json`)
  ]), scenariosFolder = { configured: config.spans.get("value:paths.scenarios") ?? null, state: exists ? holdouts.length === 0 ? "empty" : "present" : "missing" }, session = createIncrementalCheck({ root, config, files, models, tree, scenarios, holdouts, scenariosFolder, adopted, ...tests ? { readTests: tests.read } : {} });
  return await tests?.save(), session;
}

export {
  openIncrementalCheck
};
