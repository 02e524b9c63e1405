import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  checkGeneratedTree,
  inputProblems,
  openTestCache
} from "./chunk-RXRBJQYY.js";
import {
  loadWorkspace
} from "./chunk-GYCCWPGP.js";
import {
  readAdoptionRecordQuietly
} from "./chunk-S5MSW45D.js";
import {
  readAndHash
} from "./chunk-YSUJQ6UY.js";
import {
  SPECCC_VERSION
} from "./chunk-H4KJMLKH.js";
import {
  CONFIG_FILE
} from "./chunk-PXJADTX7.js";
import {
  indexGeneratedTree,
  readIndexedFiles,
  readManifest
} from "./chunk-UUOMZIVY.js";
import {
  checkWorkspace,
  sortDiagnostics
} from "./chunk-4DSQAG4B.js";
import {
  TEST_FILE,
  checkRequirementCoverage,
  readTests
} from "./chunk-2YZVRG7S.js";
import {
  diagnostics
} from "./chunk-Y72MW4XH.js";

// src/pipeline/check.ts
import path3 from "node:path";

// src/io/select-paths.ts
import { promises as fsp } from "node:fs";
import path from "node:path";
async function selectPaths(root, paths, cwd) {
  let wanted = [], missing = [];
  for (let p of paths) {
    let abs = path.resolve(cwd, p);
    try {
      let st = await fsp.stat(abs);
      wanted.push({ rel: path.relative(root, abs).split(path.sep).join("/"), dir: st.isDirectory() });
    } catch {
      missing.push(p);
    }
  }
  let matches = (file) => wanted.some((w) => w.dir ? w.rel === "" || file === w.rel || file.startsWith(`${w.rel}/`) : file === w.rel), origin2 = { line: 1, column: 1, offset: 0 };
  return {
    /** Keeps findings in the selected files (and the config's), and adds one for each path that does not exist. */
    filter(diagnostics2, configFile) {
      return [
        ...diagnostics2.filter((x) => matches(x.file) || x.file === configFile),
        ...missing.map((m) => diagnostics.pathNotFound({ file: m, span: { start: origin2, end: origin2 }, message: `Path \`${m}\` does not exist; expected a spec file or folder` }))
      ];
    }
  };
}

// src/config/members.ts
var origin = { line: 1, column: 1, offset: 0 };
function memberDiagnostics(problems, spans) {
  return problems.map((p) => {
    let span = spans.get(p.at) ?? spans.get("key:members") ?? { start: origin, end: origin };
    return (p.kind === "member-duplicate" ? diagnostics.memberDuplicate : diagnostics.memberMissing)({ file: CONFIG_FILE, span, message: p.message });
  });
}

// src/phases/3-check/affected.ts
import path2 from "node:path";
var norm = (p) => path2.posix.normalize(p).replace(/^\.\/?/, "").replace(/\/$/, ""), inside = (file, dir) => {
  let d = norm(dir);
  return d === "" || d === "." ? !0 : file === d || file.startsWith(`${d}/`);
};
function affectedSpecs(input) {
  let { workspace } = input, specs = workspace.files.flatMap((f) => f.spec ? [f.spec] : []), out = { ids: /* @__PURE__ */ new Set(), files: /* @__PURE__ */ new Set(), why: /* @__PURE__ */ new Map() }, reach = (spec, why) => {
    if (out.files.has(spec.file)) return;
    out.files.add(spec.file);
    let id = spec.frontmatter?.id;
    id && out.ids.add(id), out.why.set(spec.file, why);
  }, members = workspace.members ?? [];
  for (let file of input.changed.map(norm)) {
    for (let spec of reachedBy(file, input, specs, members)) reach(spec, file);
    for (let f of workspace.files) f.file === file && !f.spec && out.files.add(f.file);
  }
  return closeOverDependants(specs, out, reach), out;
}
function reachedBy(file, input, specs, members) {
  let { paths, workspace } = input, everything = () => specs, memberConfig = members.some((m) => file === `${m.dir}/${input.configFile}`);
  if (file === input.configFile || memberConfig || inside(file, paths.context) || inside(file, paths.templates) || members.some((m) => inside(file, m.context))) return everything();
  if (inside(file, paths.generated)) {
    let rel = file.slice(norm(paths.generated).length + 1);
    return rel === ".speccc/manifest.json" ? everything() : specs.filter((s) => s.frontmatter?.outputs.includes(rel));
  }
  let holdoutOf = scenarioSpec(file, paths.scenarios, members);
  if (holdoutOf !== null) return specs.filter((s) => s.frontmatter?.id === holdoutOf);
  let own = specs.filter((s) => s.file === file);
  return own.length > 0 ? own : file.endsWith(".md") && (inside(file, paths.specs) || members.some((m) => inside(file, m.specs))) ? specs.filter((s) => [...s.frontmatter?.depends_on ?? [], ...s.frontmatter?.uses_twins ?? []].some((d) => !workspace.byId.has(d))) : [];
}
function scenarioSpec(file, rootScenarios, members) {
  let member = members.find((m) => inside(file, m.scenarios)), dir = member ? member.scenarios : inside(file, rootScenarios) ? rootScenarios : null;
  if (dir === null) return null;
  let rel = file.slice(norm(dir).length + 1), id = rel.split("/")[0];
  return !id || rel === id ? null : member ? `${member.name}:${id}` : id;
}
function closeOverDependants(specs, out, reach) {
  let dependants = /* @__PURE__ */ new Map();
  for (let s of specs)
    for (let d of [...s.frontmatter?.depends_on ?? [], ...s.frontmatter?.uses_twins ?? []]) dependants.set(d, [...dependants.get(d) ?? [], s]);
  let queue = [...out.ids];
  for (; queue.length > 0; ) {
    let id = queue.shift();
    for (let s of dependants.get(id) ?? []) {
      let before = out.files.size;
      reach(s, `depends on ${id}`), out.files.size > before && s.frontmatter?.id && queue.push(s.frontmatter.id);
    }
  }
}
function withinAffected(diagnostics2, workspace, affected) {
  let specFiles = new Set(workspace.files.map((f) => f.file));
  return diagnostics2.filter((d) => !specFiles.has(d.file) || affected.files.has(d.file));
}
function memberAndDependencies(workspace, member) {
  let files = /* @__PURE__ */ new Set(), queue = workspace.files.flatMap((f) => f.spec?.member === member ? [f.spec] : []);
  for (let f of workspace.files) f.file.startsWith(`${(workspace.members ?? []).find((m) => m.name === member)?.specs ?? "\0"}/`) && files.add(f.file);
  let seen = /* @__PURE__ */ new Set();
  for (; queue.length > 0; ) {
    let spec = queue.shift();
    files.add(spec.file);
    for (let d of [...spec.frontmatter?.depends_on ?? [], ...spec.frontmatter?.uses_twins ?? []]) {
      let target = workspace.byId.get(d);
      target && !seen.has(d) && (seen.add(d), queue.push(target));
    }
  }
  return files;
}

// src/pipeline/check.ts
async function checkSnapshot(snapshot, options = {}) {
  let { root, loaded, scenarios } = snapshot, config = loaded.config, members = snapshot.members.members, configDiagnostics = [...loaded.diagnostics, ...memberDiagnostics(snapshot.members.problems, loaded.spans)], whole = !options.paths || options.paths.length === 0, { workspace, files, cacheWritten } = await loadWorkspace(root, { ...config.paths, members }, { ...options, files: snapshot.files, prune: whole }), generatedDir = path3.join(root, config.paths.generated), [index, { manifest, problem }, tests, adopted] = await Promise.all([
    snapshot.files.generated ?? indexGeneratedTree(generatedDir, readAndHash),
    readManifest(generatedDir, SPECCC_VERSION),
    options.useCache === !1 ? void 0 : openTestCache(root, SPECCC_VERSION, readTests),
    readAdoptionRecordQuietly(root, `${config.paths.specs}/adopted.json`)
  ]), holdouts = [...scenarios.texts], scenariosFolder = { configured: loaded.spans.get("value:paths.scenarios") ?? null, state: scenarios.exists ? holdouts.length === 0 ? "empty" : "present" : "missing" }, hashes = index.hashes, diagnostics2 = sortDiagnostics([
    ...configDiagnostics,
    ...inputProblems(files, config, scenariosFolder),
    ...workspace.files.flatMap((m) => m.diagnostics),
    ...checkWorkspace({ workspace, generatedRoot: config.paths.generated, config, configSpans: loaded.spans, scenarios: [...scenarios.entries] }),
    ...checkGeneratedTree({ workspace, generatedRoot: config.paths.generated, manifest, manifestProblem: problem, hashes, adopted }),
    // Coverage reads only the generated test files (a warm check stats the rest).
    ...checkRequirementCoverage({ workspace, manifest, hashes, files: readIndexedFiles(index, (rel) => TEST_FILE.test(rel)), holdouts, ...tests ? { read: tests.read } : {} })
  ]);
  await Promise.all([tests?.save(), cacheWritten]), whole || (diagnostics2 = (await selectPaths(root, options.paths, options.cwd ?? root)).filter(diagnostics2, loaded.file));
  let scoped = narrow(diagnostics2, workspace, config.paths, options), errors = scoped.diagnostics.filter((d) => d.severity === "error").length;
  return { config, configBroken: configDiagnostics.length > 0, workspace, files, holdouts, ...scoped, errors, warnings: scoped.diagnostics.length - errors };
}
function narrow(all, workspace, paths, options) {
  let diagnostics2 = all, affected = options.changed ? affectedSpecs({ workspace, changed: options.changed, paths, configFile: CONFIG_FILE }) : void 0;
  affected && (diagnostics2 = withinAffected(diagnostics2, workspace, affected));
  let scope = options.member === void 0 ? null : memberAndDependencies(workspace, options.member);
  scope && (diagnostics2 = withinAffected(diagnostics2, workspace, { files: scope }));
  let specs = affected && scope ? [...affected.files].filter((f) => scope.has(f)).length : affected ? affected.files.size : scope ? scope.size : workspace.files.length;
  return { diagnostics: diagnostics2, specs, ...affected ? { affected } : {} };
}

export {
  checkSnapshot
};
