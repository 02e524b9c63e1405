import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  TEST_FILE,
  isCode,
  readModules
} from "./chunk-CT32TP7B.js";
import {
  DRAFTED_MARKER
} from "./chunk-MIBJWLH2.js";
import {
  sha256
} from "./chunk-U5XVFR3J.js";
import {
  diagnostics
} from "./chunk-Y72MW4XH.js";
import {
  KEBAB_CASE
} from "./chunk-GA32XAUT.js";

// src/adopt/plan.ts
import path3 from "node:path";

// src/adopt/group.ts
import path from "node:path";
var origin = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
function idFromPath(rel3, rootName) {
  let words = rel3.replace(/\.[^./]+$/, "").replace(/(?:^|\/)index$/, "").split("/").filter(Boolean).flatMap((part) => part.replace(/([a-z0-9])([A-Z])/g, "$1-$2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2").toLowerCase().split(/[^a-z0-9]+/)).filter(Boolean);
  return words.length > 0 ? words.join("-") : rootName;
}
function idFromName(name) {
  let id = (name ?? "").replace(/^@[^/]+\//, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return KEBAB_CASE.test(id) ? id : "package";
}
var inside = (root, p) => p.startsWith(`${root}/`), rel = (root, p) => p.slice(root.length + 1);
function groupModules(modules, options) {
  let root = options.generatedRoot, code2 = modules.filter((m) => m.role === "module" && inside(root, m.path)), { units, problems } = unitsOf(code2, options), unitOf = /* @__PURE__ */ new Map();
  for (let u of units) for (let m of u.modules) unitOf.set(m, u);
  placeTests(modules, code2, unitOf, units, options), placeOthers(modules, unitOf, units, options);
  let usage = [];
  return { groups: joinAll(units, modules, unitOf, options.merge, usage).map((u) => toGroup(u, modules, unitOf)).sort((a, b) => a.id < b.id ? -1 : 1), problems, usage };
}
function unitsOf(code2, options) {
  let byKey = /* @__PURE__ */ new Map();
  for (let m of code2) {
    let key = options.by === "dir" ? path.posix.dirname(m.path) : m.path, unit = byKey.get(key);
    if (!unit) {
      let made = key === options.generatedRoot ? options.rootName : idFromPath(options.by === "dir" ? `${rel(options.generatedRoot, key)}/index` : rel(options.generatedRoot, key), options.rootName);
      unit = { id: options.rename.get(key) ?? made, from: key, modules: /* @__PURE__ */ new Set(), tests: /* @__PURE__ */ new Set(), externalTests: /* @__PURE__ */ new Set(), others: /* @__PURE__ */ new Set() }, byKey.set(key, unit);
    }
    unit.modules.add(m.path);
  }
  let units = [...byKey.values()], problems = [], seen = /* @__PURE__ */ new Map();
  for (let u of units) {
    let first = seen.get(u.id);
    if (!first) {
      seen.set(u.id, u);
      continue;
    }
    problems.push(
      diagnostics.adoptIdCollision({
        file: u.from,
        span: origin,
        message: `\`${u.from}\` would be adopted as spec \`${u.id}\`, the id \`${first.from}\` gets too; expected one id per spec`,
        hint: `Give one of them its own id (\`--rename ${u.from}=<id>\`), or put both in one spec (\`--merge\`).`,
        related: [{ file: first.from, span: origin, message: `also adopted as \`${u.id}\`` }]
      })
    );
  }
  return { units, problems };
}
function placeTests(modules, code2, unitOf, units, options) {
  let root = options.generatedRoot, stem = (p) => path.posix.basename(p).replace(TEST_FILE, "").replace(/\.[^.]+$/, "");
  for (let t of modules.filter((m) => m.role === "test")) {
    let target = code2.filter((m) => stem(m.path) === stem(t.path)).sort((a, b) => distance(t.path, a.path) - distance(t.path, b.path) || (a.path < b.path ? -1 : 1))[0]?.path ?? t.imports.find((i) => i.target && unitOf.has(i.target))?.target, unit = target ? unitOf.get(target) : void 0;
    unit || (unit = { id: options.rename.get(t.path) ?? idFromPath(inside(root, t.path) ? rel(root, t.path).replace(TEST_FILE, "") : stem(t.path), options.rootName), from: t.path, modules: /* @__PURE__ */ new Set(), tests: /* @__PURE__ */ new Set(), externalTests: /* @__PURE__ */ new Set(), others: /* @__PURE__ */ new Set() }, units.push(unit)), (inside(root, t.path) ? unit.tests : unit.externalTests).add(t.path), unitOf.set(t.path, unit);
  }
  for (let s of modules.filter((m) => m.role === "test-support" && inside(root, m.path))) {
    let user = modules.filter((m) => m.role === "test" && m.imports.some((i) => i.target === s.path)).map((m) => m.path).sort()[0], unit = user ? unitOf.get(user) : void 0;
    unit && (unit.tests.add(s.path), unitOf.set(s.path, unit));
  }
}
function distance(a, b) {
  return path.posix.relative(path.posix.dirname(a), path.posix.dirname(b)).split("/").filter(Boolean).length;
}
function placeOthers(modules, unitOf, units, options) {
  let root = options.generatedRoot, placed = modules.filter((m) => unitOf.has(m.path)).map((m) => m.path).sort();
  for (let o of modules.filter((m) => inside(root, m.path) && !unitOf.has(m.path))) {
    let name = path.posix.basename(o.path), owner = placed.find((p) => options.mentions(p, name));
    for (let dir = path.posix.dirname(o.path); !owner && dir !== "." && (dir === root || inside(root, dir)); dir = path.posix.dirname(dir))
      owner = placed.find((p) => path.posix.dirname(p) === dir);
    ((owner ? unitOf.get(owner) : void 0) ?? units[0])?.others.add(o.path);
  }
}
function joinAll(units, modules, unitOf, merge, usage) {
  let current = units;
  for (let ids of merge) {
    let members = ids.map((id) => current.find((u) => u.id === id)), unknown = ids.filter((_, i) => !members[i]);
    if (unknown.length > 0) {
      usage.push(`--merge names no adopted spec: ${unknown.map((id) => `\`${id}\``).join(", ")}; adopted: ${current.map((u) => u.id).join(", ")}`);
      continue;
    }
    current = join(current, members, unitOf);
  }
  for (let cycle of cyclesOf(current, modules, unitOf)) current = join(current, cycle, unitOf);
  return current;
}
function join(units, members, unitOf) {
  let [into, ...rest] = members;
  if (!into || rest.length === 0) return units;
  for (let u of rest)
    for (let key of ["modules", "tests", "externalTests", "others"]) for (let p of u[key]) into[key].add(p);
  for (let [p, u] of unitOf) rest.includes(u) && unitOf.set(p, into);
  return units.filter((u) => !rest.includes(u));
}
function cyclesOf(units, modules, unitOf) {
  let edges = new Map(units.map((u) => [u, /* @__PURE__ */ new Set()]));
  for (let m of modules) {
    let from = m.role === "module" ? unitOf.get(m.path) : void 0;
    for (let i of m.imports) {
      let to = i.target ? unitOf.get(i.target) : void 0;
      from && to && to !== from && modules.find((x) => x.path === i.target)?.role === "module" && edges.get(from).add(to);
    }
  }
  let index = /* @__PURE__ */ new Map(), low = /* @__PURE__ */ new Map(), stack = [], out = [], visit = (u) => {
    index.set(u, index.size), low.set(u, index.get(u)), stack.push(u);
    for (let v of edges.get(u))
      index.has(v) ? stack.includes(v) && low.set(u, Math.min(low.get(u), index.get(v))) : (visit(v), low.set(u, Math.min(low.get(u), low.get(v))));
    if (low.get(u) === index.get(u)) {
      let component = [], v;
      do
        v = stack.pop(), component.push(v);
      while (v !== u);
      let depth = (x) => x.from.split("/").length;
      component.length > 1 && out.push(component.sort((a, b) => depth(a) - depth(b) || (a.id < b.id ? -1 : 1)));
    }
  };
  for (let u of units) index.has(u) || visit(u);
  return out;
}
function toGroup(u, modules, unitOf) {
  let deps = /* @__PURE__ */ new Set();
  for (let m of modules)
    if (u.modules.has(m.path))
      for (let i of m.imports) {
        let to = i.target ? unitOf.get(i.target) : void 0;
        to && to !== u && to.modules.has(i.target) && deps.add(to.id);
      }
  let sorted = (s) => [...s].sort();
  return { id: u.id, modules: sorted(u.modules), tests: sorted(u.tests), externalTests: sorted(u.externalTests), others: sorted(u.others), dependsOn: sorted(deps) };
}

// src/adopt/skeleton.ts
import path2 from "node:path";
var M = ` ${DRAFTED_MARKER}`, code = (text) => `\`${text.replace(/`/g, "'")}\``;
function titleFromId(id) {
  let words = id.split("-").join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
function kindOf(group, modules) {
  let behaves = group.modules.flatMap((p) => modules.get(p)?.exports ?? []).some((e) => e.kind === "function" || e.kind === "class" || e.kind === "variable" || e.kind === "enum" || e.kind === "namespace");
  return group.modules.length > 0 && !behaves ? "architecture" : "feature";
}
function outputsOf(group, generatedRoot) {
  let rel3 = (p) => p.slice(generatedRoot.length + 1);
  return [...group.modules, ...group.tests, ...group.others].map(rel3);
}
function skeletonSpec(group, ctx) {
  let kind = kindOf(group, ctx.modules), exports = group.modules.flatMap((p) => (ctx.modules.get(p)?.exports ?? []).map((e) => ({ file: p, e }))), sections = [
    ["What", what(group, ctx)],
    ...kind === "feature" ? [["Who", who(group, ctx)]] : [],
    ...kind === "feature" ? [["Inputs", inputs(exports)]] : [],
    ["Outputs", outputs(group, ctx)],
    ["Rules", rules(exports)],
    ...kind === "feature" ? [["Edge cases", edgeCases(exports)]] : [],
    ["Evaluation", evaluation(group, ctx)]
  ];
  return `${frontmatter(group, kind, ctx.generatedRoot)}
# ${titleFromId(group.id)}

${sections.map(([h, body]) => `## ${h}

${body}
`).join(`
`)}`;
}
function frontmatter(group, kind, generatedRoot) {
  let scalar = (i) => /^[A-Za-z0-9_.][\w./-]*$/.test(i) ? i : JSON.stringify(i), list = (items) => items.length === 0 ? " []" : `
${items.map((i) => `  - ${scalar(i)}`).join(`
`)}`;
  return ["---", `id: ${group.id}`, `kind: ${kind}`, "status: draft", "owner: hand", `depends_on:${list(group.dependsOn)}`, `outputs:${list(outputsOf(group, generatedRoot))}`, "---", ""].join(`
`);
}
function rel2(ctx, p) {
  return p.slice(ctx.generatedRoot.length + 1);
}
function what(group, ctx) {
  let lines = group.modules.map((p) => {
    let m = ctx.modules.get(p), summary = m.moduleDoc ?? m.exports.find((e) => e.doc)?.doc, names = m.exports.filter((e) => e.name !== "*").map((e) => code(e.name)), exported = names.length > 0 ? `exports ${names.join(", ")}` : "exports nothing";
    return summary ? `${code(rel2(ctx, p))}: ${summary.replace(/\s*$/, "")}${/[.!?]$/.test(summary) ? "" : "."}${M}` : `${code(rel2(ctx, p))} ${exported}.${M}`;
  });
  return lines.length === 0 ? `The tests ${group.tests.map((t) => code(rel2(ctx, t))).join(", ")} and the files they use.${M}` : lines.join(`

`);
}
function who(group, ctx) {
  return ctx.importedBy.length > 0 ? `The code of the spec${ctx.importedBy.length === 1 ? "" : "s"} ${ctx.importedBy.map(code).join(", ")}, which imports it.${M}` : `Callers outside this project: no module of the project imports ${group.modules.map((p) => code(rel2(ctx, p))).join(", ") || "it"}.${M}`;
}
function inputs(exports) {
  let callable = exports.filter(({ e }) => e.kind === "function" || e.kind === "class"), lines = callable.map(({ e }) => [`- ${code(e.signature)}`, ...e.params.filter((p) => p.doc).map((p) => `  - ${code(p.name)}: ${p.doc}`)].join(`
`)), throwing = callable.filter(({ e }) => e.throws.length > 0), invalid = throwing.length > 0 ? `On invalid input: ${throwing.map(({ e }) => `${code(e.name)} throws ${e.throws.map((t) => t || "an error").join("; ")}`).join("; ")}.${M}` : `What happens on invalid input is not drafted yet: the existing tests show what the code does.${M}`;
  return [lines.length > 0 ? lines.join(`
`) : `No function or class is exported: the module takes no input of its own.${M}`, invalid].join(`

`);
}
function reExports(exports) {
  let by = /* @__PURE__ */ new Map();
  for (let e of exports) e.kind === "re-export" && by.set(e.from ?? "", [...by.get(e.from ?? "") ?? [], code(e.signature)]);
  return [...by].map(([from, names]) => `${names.join(", ")}${from ? ` from ${code(from)}` : ""}`);
}
function outputs(group, ctx) {
  let kinds = (m) => m.exports.map((e) => e.kind !== "re-export" ? `${code(e.name)} (${e.kind})` : e.name === "*" ? "everything another module exports" : `${code(e.name)} (re-exported)`);
  return [
    ...group.modules.map((p) => {
      let list = kinds(ctx.modules.get(p));
      return `- ${code(rel2(ctx, p))} ${list.length > 0 ? `exports ${list.join(", ")}` : "exports nothing"}.`;
    }),
    ...group.tests.map((t) => {
      let m = ctx.modules.get(t);
      return m?.role === "test" ? `- ${code(rel2(ctx, t))}: tests of this code (${m.tests.length} today).` : `- ${code(rel2(ctx, t))}: used by the tests.`;
    }),
    ...group.others.map((o) => `- ${code(rel2(ctx, o))}: kept as it is.`)
  ].join(`
`);
}
function rules(exports) {
  let lines = reExports(exports.map(({ e }) => e)).map((r) => `- The module exports ${r} unchanged.${M}`);
  for (let { e } of exports)
    e.kind !== "re-export" && (e.doc ? lines.push(`- ${code(e.name)}: ${e.doc.replace(/\s*$/, "")}${/[.!?]$/.test(e.doc) ? "" : "."}${M}`) : lines.push(`- ${code(e.name)} keeps the exported signature ${code(e.signature)}.${M}`), e.returns && lines.push(`- ${code(e.name)} returns ${e.returns.replace(/[.\s]*$/, "")}.${M}`));
  return lines.length > 0 ? lines.join(`
`) : `- The module keeps the files listed in Outputs as they are.${M}`;
}
function edgeCases(exports) {
  let lines = exports.flatMap(({ e }) => e.throws.map((t) => `- ${code(e.name)} throws ${t || "an error"}${/[.!?]$/.test(t) ? "" : "."}${M}`));
  return lines.length > 0 ? lines.join(`
`) : `- No edge case is drafted yet: the existing tests pin the edges down until they are written here.${M}`;
}
function evaluation(group, ctx) {
  let tests = [...group.tests.filter((t) => ctx.modules.get(t)?.role === "test"), ...group.externalTests], link = (t) => `[${code(t.startsWith(`${ctx.generatedRoot}/`) ? rel2(ctx, t) : t)}](${path2.posix.relative(path2.posix.dirname(ctx.specFile), t)})`;
  return tests.length === 0 ? `- **Given** the code as adopted, **when** it is type-checked, **then** it compiles with no error.${M}` : tests.map((t) => {
    let n = ctx.modules.get(t)?.tests.length ?? 0;
    return `- **Given** the existing tests in ${link(t)}, **when** they run against code built from this spec, **then** ${n === 1 ? "the one test passes" : `all ${n} of them pass`}.${M}`;
  }).join(`
`);
}

// src/adopt/plan.ts
var origin2 = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, RECORD_FILE = "adopted.json";
function planAdoption(input) {
  let read = readModules(input.sources), modules = new Map(read.modules.map((m) => [m.path, m])), none = (problems2, generatedRoot = null) => ({ writes: /* @__PURE__ */ new Map(), groups: [], alreadyOwned: /* @__PURE__ */ new Map(), problems: problems2, generatedRoot, usage: [], modules }), code2 = read.modules.filter((m) => input.selected.has(m.path) && m.role === "module");
  if (![...input.selected].some(isCode))
    return none([diagnostics.adoptNoSources({ file: input.searched, span: origin2, message: `No TypeScript or JavaScript file found in \`${input.searched}\` (node_modules, build output and hidden folders are skipped); expected code to adopt` })]);
  let root = generatedRootOf(code2, input);
  if (typeof root != "string") return none([...read.problems, root]);
  let owner = ownersOf(input.existing, root), problems = [...read.problems, ...reserved(input.sources, root), ...leftOut(input, root, owner)], mine = read.modules.filter((m) => !owner.has(m.path) && (input.selected.has(m.path) || m.path.startsWith(`${root}/`))), texts = new Map(input.sources.map((s) => [s.path, s.text])), hashes = new Map(input.sources.map((s) => [s.path, s.hash ?? sha256(s.text)])), grouped = groupModules(mine, {
    generatedRoot: root,
    by: input.by,
    merge: input.merge,
    rename: input.rename,
    rootName: idFromName(input.packageName),
    mentions: (file, name) => texts.get(file)?.includes(name) ?? !1
  }), groups = grouped.groups.map((g) => withExistingDependencies(g, modules, owner));
  if (problems.push(...grouped.problems, ...collisions(groups, input)), problems.length > 0 || grouped.usage.length > 0) return { ...none(problems, root), usage: grouped.usage };
  let writes = /* @__PURE__ */ new Map(), importers = importersOf(groups, modules);
  for (let g of groups) {
    let specFile = `${input.specsDir}/${g.id}.md`;
    writes.set(specFile, skeletonSpec(g, { generatedRoot: root, specFile, modules, importedBy: importers.get(g.id) ?? [] }));
  }
  return writes.set(`${input.specsDir}/${RECORD_FILE}`, recordJson(input.record, groups, root, hashes)), { writes, groups, alreadyOwned: owner, problems: [], generatedRoot: root, usage: [], modules };
}
function generatedRootOf(code2, input) {
  let first = code2[0];
  if (input.configuredRoot !== null) {
    let root2 = input.configuredRoot.replace(/^\.\/|\/$/g, ""), outside = code2.find((m) => !m.path.startsWith(`${root2}/`));
    return outside ? diagnostics.adoptGeneratedRoot({ file: outside.path, span: origin2, message: `\`${outside.path}\` is outside \`${root2}\`, the generated root speccc.config.json names (paths.generated); expected every adopted module inside it` }) : root2;
  }
  let root = commonFolder(code2.map((m) => m.path));
  if (root) return root;
  let at = code2.find((m) => !m.path.includes("/")) ?? first;
  return diagnostics.adoptGeneratedRoot({
    file: at?.path ?? input.searched,
    span: origin2,
    message: `The adopted modules share no folder below the workspace root${at ? ` (\`${at.path}\` is ${at.path.includes("/") ? "in another folder" : "at the root"})` : ""}; expected the code in one folder, such as \`src/\`, to be the generated root`
  });
}
function commonFolder(paths) {
  let dirs = paths.map((p) => path3.posix.dirname(p).split("/")), common = [];
  for (let i = 0; dirs.length > 0 && dirs.every((p) => p[i] !== void 0 && p[i] === dirs[0][i]); i++) common.push(dirs[0][i]);
  let root = common.join("/");
  return root && root !== "." ? root : null;
}
function ownersOf(existing, root) {
  let owner = /* @__PURE__ */ new Map();
  for (let s of existing) for (let o of s.outputs) owner.set(`${root}/${o}`, s.id);
  return owner;
}
function reserved(sources, root) {
  return sources.filter((s) => s.path === `${root}/README.md` || s.path.startsWith(`${root}/.speccc/`)).map((s) => diagnostics.adoptReservedFile({ file: s.path, span: origin2, message: `\`${s.path}\` is where speccc writes its own ${s.path.endsWith("README.md") ? "README of the generated root" : "state"}; expected no project file there` }));
}
function leftOut(input, root, owner) {
  return input.sources.filter((s) => s.path.startsWith(`${root}/`) && !input.selected.has(s.path) && !owner.has(s.path) && s.path !== `${root}/README.md` && !s.path.startsWith(`${root}/.speccc/`)).map(
    (s) => diagnostics.adoptFileLeftOut({
      file: s.path,
      span: origin2,
      message: `\`${s.path}\` is in the generated root \`${root}\` but neither adopted nor owned by a spec; expected every file there owned (a build removes the others)`
    })
  );
}
function withExistingDependencies(g, modules, owner) {
  let extra = g.modules.flatMap((p) => (modules.get(p)?.imports ?? []).flatMap((i) => i.target && owner.has(i.target) ? [owner.get(i.target)] : []));
  return extra.length === 0 ? g : { ...g, dependsOn: [.../* @__PURE__ */ new Set([...g.dependsOn, ...extra])].sort() };
}
function collisions(groups, input) {
  let out = [], seen = /* @__PURE__ */ new Set();
  for (let g of groups) {
    let at = g.modules[0] ?? g.tests[0] ?? g.externalTests[0], existing = input.existing.find((s) => s.id === g.id), file = `${input.specsDir}/${g.id}.md`;
    if (existing || input.existingSpecFiles.has(file) || seen.has(g.id)) {
      let other = existing?.file ?? file;
      out.push(
        diagnostics.adoptIdCollision({
          file: at,
          span: origin2,
          message: `\`${at}\` would be adopted as spec \`${g.id}\`, but ${seen.has(g.id) ? "another adopted group has that id" : `\`${other}\` ${existing ? "already has that id" : "exists"}`}; expected a new id (existing specs are never overwritten)`,
          hint: `Give it another id with \`--rename ${at}=<id>\`.`,
          ...seen.has(g.id) ? {} : { related: [{ file: other, span: origin2, message: "the existing spec" }] }
        })
      );
    }
    seen.add(g.id);
  }
  return out;
}
function importersOf(groups, modules) {
  let groupOf = /* @__PURE__ */ new Map();
  for (let g of groups) for (let p of g.modules) groupOf.set(p, g.id);
  let out = /* @__PURE__ */ new Map();
  for (let g of groups)
    for (let p of g.modules)
      for (let i of modules.get(p)?.imports ?? []) {
        let to = i.target ? groupOf.get(i.target) : void 0;
        to && to !== g.id && out.set(to, (out.get(to) ?? /* @__PURE__ */ new Set()).add(g.id));
      }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}
function recordJson(record, groups, root, hashes) {
  let specs = { ...record?.specs ?? {} };
  for (let g of groups) {
    let files = {};
    for (let o of outputsOf(g, root)) files[o] = hashes.get(`${root}/${o}`) ?? sha256("");
    specs[g.id] = { files };
  }
  let sorted = Object.fromEntries(Object.entries(specs).sort(([a], [b]) => a < b ? -1 : 1));
  return JSON.stringify({ format: 1, specs: sorted }, null, 2) + `
`;
}

export {
  RECORD_FILE,
  planAdoption,
  commonFolder
};
