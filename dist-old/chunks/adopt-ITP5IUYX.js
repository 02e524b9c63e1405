import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  EXIT,
  UsageError,
  inWorkspace,
  parseUsd
} from "./chunk-EEWYZ6FF.js";
import {
  Option
} from "./chunk-IMW7CCHR.js";
import "./chunk-N6LFTOTB.js";
import "./chunk-VSAIBY22.js";

// src/commands/adopt.ts
import { promises as fs } from "node:fs";
import path from "node:path";
async function runAdopt(io, paths, flags) {
  return inWorkspace(io, flags.root, async (root) => {
    let modes = [flags.check !== void 0, flags.take !== void 0, flags.refresh !== void 0].filter(Boolean).length;
    if (modes > 1) throw new UsageError("--check, --take and --refresh each do one thing: give one of them");
    if (modes > 0 && paths.length > 0) throw new UsageError(`paths name what to adopt; --check, --take and --refresh take spec ids (${paths.map((p) => `\`${p}\``).join(", ")} given)`);
    let maxCost = parseUsd("--max-cost", flags.maxCost);
    if (flags.take !== void 0) return (await import("./adopt-hand-over-ZGIULCEN.js")).runTake(io, root, flags.take);
    if (flags.refresh !== void 0) return (await import("./adopt-hand-over-ZGIULCEN.js")).runRefresh(io, root, flags.refresh);
    if (flags.check !== void 0) {
      let ids = Array.isArray(flags.check) ? flags.check : [];
      return (await import("./adopt-round-trip-J6CRNIH7.js")).runRoundTrip(io, root, { ids, provider: flags.provider, dryRun: !!flags.dryRun, ...maxCost !== void 0 ? { maxCostUsd: maxCost } : {} });
    }
    return adoptSkeleton(io, root, paths, flags, maxCost);
  });
}
function renames(io, root, values) {
  let out = /* @__PURE__ */ new Map();
  for (let v of values) {
    let m = /^(.+)=([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(v);
    if (!m) throw new UsageError(`--rename takes <file>=<kebab-case-id>, not \`${v}\``);
    out.set(path.relative(root, path.resolve(io.cwd, m[1])).split(path.sep).join("/"), m[2]);
  }
  return out;
}
async function adoptSkeleton(io, root, paths, flags, maxCost) {
  let { loadConfig } = await import("./config-file-I2MFN4UQ.js"), { listProjectFiles, listGeneratedRoot, readSources, readPackageName, readAdoptionRecord, scratchWorkspace, removeScratch, writeAdoption } = await import("./adopt-project-CXEKZZQV.js"), { planAdoption, commonFolder, RECORD_FILE } = await import("./plan-NNVOTA6L.js"), { isCode, TEST_FILE } = await import("./read-modules-3CI6RQ2T.js"), { check } = await import("./compile-EUQCMST3.js"), loaded = await loadConfig(root);
  if (loaded.diagnostics.length > 0) return printProblems(io, loaded.diagnostics, "speccc.config.json has errors");
  let config = loaded.config, configuredRoot = loaded.file ? config.paths.generated : null, searched = paths.length > 0 ? paths : [(await fs.stat(path.join(io.cwd, "src")).catch(() => null))?.isDirectory() ? "src" : "."], own = [config.paths.specs, config.paths.context, config.paths.templates, config.paths.scenarios, ".speccc"], listed = await listProjectFiles(root, io.cwd, searched, own);
  if (listed.missing.length > 0) throw new UsageError(`no such file or folder inside the workspace: ${listed.missing.map((p) => `\`${p}\``).join(", ")}`);
  let candidate = configuredRoot ?? commonFolder(listed.files.filter((f) => isCode(f) && !TEST_FILE.test(f))), inRoot = candidate ? await listGeneratedRoot(root, candidate).catch(() => []) : [], sources = await readSources(root, [.../* @__PURE__ */ new Set([...listed.files, ...inRoot])].sort()), checked = await check({ root, useCache: !1 }), existing = checked.workspace.files.flatMap((f) => f.spec?.frontmatter ? [{ id: f.spec.frontmatter.id, file: f.file, outputs: f.spec.frontmatter.outputs }] : []), recordFile = `${config.paths.specs}/${RECORD_FILE}`, plan = planAdoption({
    sources,
    selected: new Set(listed.files),
    searched: searched.length === 1 ? searched[0] : searched.join(", "),
    configuredRoot,
    specsDir: config.paths.specs,
    existing,
    existingSpecFiles: new Set(checked.workspace.files.map((f) => f.file)),
    record: await readAdoptionRecord(root, recordFile),
    ...await readPackageName(root).then((name) => name ? { packageName: name } : {}),
    by: flags.group,
    merge: (flags.merge ?? []).map((m) => m.split(",").map((s) => s.trim()).filter(Boolean)),
    rename: renames(io, root, flags.rename ?? [])
  });
  if (plan.usage.length > 0) throw new UsageError(plan.usage.join("; "));
  if (plan.problems.length > 0) return printProblems(io, plan.problems, "nothing was written");
  if (plan.groups.length === 0)
    return io.stdout(`nothing to adopt: specs own every file of ${searched.map((p) => `\`${p}\``).join(", ")} already
`), EXIT.ok;
  let writes = new Map(plan.writes);
  loaded.file || writes.set("speccc.config.json", `${JSON.stringify({ paths: { generated: plan.generatedRoot } }, null, 2)}
`);
  let scratch = await scratchWorkspace(root, [config.paths.specs, config.paths.context, config.paths.templates, plan.generatedRoot], writes), result = await check({ root: scratch, useCache: !1 }).finally(() => removeScratch(scratch)), errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) return printProblems(io, errors, "the skeleton does not check clean; nothing was written (a bug in speccc adopt: please report it)");
  let warnings = countByCode(result.diagnostics.filter((d) => d.severity === "warning"));
  if (flags.dryRun && !flags.model)
    return io.stdout(formatSkeleton(plan, writes, warnings, !0)), EXIT.ok;
  if (flags.model && !flags.dryRun && flags.provider === "anthropic" && !io.env.ANTHROPIC_API_KEY)
    throw new UsageError("drafting with a model needs ANTHROPIC_API_KEY (or a twin: docs/twin.md); `--no-model` writes the skeleton alone, `--dry-run` prices drafting; nothing was written");
  if (flags.dryRun || await writeAdoption(root, writes), io.stdout(formatSkeleton(plan, writes, warnings, !!flags.dryRun)), !flags.model) return EXIT.ok;
  let { draftSpecs } = await import("./adopt-draft-QR64Z7MP.js"), skeletons = new Map([...writes].filter(([file]) => file.endsWith(".md")));
  return draftSpecs(io, root, { skeletons, generatedRoot: plan.generatedRoot, provider: flags.provider, dryRun: !!flags.dryRun, ...maxCost !== void 0 ? { maxCostUsd: maxCost } : {} });
}
function countByCode(diagnostics) {
  let out = /* @__PURE__ */ new Map();
  for (let d of diagnostics) out.set(d.code, (out.get(d.code) ?? 0) + 1);
  return new Map([...out].sort(([a], [b]) => a < b ? -1 : 1));
}
function formatSkeleton(plan, writes, warnings, dryRun) {
  let lines = [`${dryRun ? "would adopt" : "\u2714 adopted"} ${plan.groups.length} draft spec${plan.groups.length === 1 ? "" : "s"} (generated root: ${plan.generatedRoot})`], specFiles = [...writes.keys()].filter((f) => f.endsWith(".md"));
  for (let g of plan.groups) {
    let file = specFiles.find((f) => f.endsWith(`/${g.id}.md`)), owned = [...g.modules, ...g.tests, ...g.others].length;
    lines.push(`  ${file}: ${owned} file${owned === 1 ? "" : "s"}${g.dependsOn.length > 0 ? `, depends on ${g.dependsOn.join(", ")}` : ""}${g.externalTests.length > 0 ? `, ${g.externalTests.length} test${g.externalTests.length === 1 ? "" : "s"} outside the generated root` : ""}`);
  }
  plan.alreadyOwned.size > 0 && lines.push(`  left alone: ${plan.alreadyOwned.size} file${plan.alreadyOwned.size === 1 ? "" : "s"} existing specs own`);
  let extra = [...writes.keys()].filter((f) => !f.endsWith(".md"));
  extra.length > 0 && lines.push(`  ${dryRun ? "would write" : "wrote"} ${extra.join(", ")}`);
  let total = [...warnings.values()].reduce((s, n) => s + n, 0);
  return lines.push(`check: no errors, ${total} warning${total === 1 ? "" : "s"}${total > 0 ? ` (${[...warnings].map(([code, n]) => `${code} ${n}`).join(", ")})` : ""}`), dryRun || lines.push("next: read each spec against its code, delete each <!-- drafted --> marker you confirm, set status: ready, then run `speccc adopt --check <id>`"), lines.join(`
`) + `
`;
}
async function printProblems(io, problems, why) {
  let { formatDiagnostic } = await import("./text-ABYEJU6I.js");
  for (let p of problems) io.stderr(`${formatDiagnostic(p, { color: io.color })}
`);
  return io.stderr(`speccc: ${why}
`), EXIT.usage;
}
var collect = (value, previous = []) => [...previous, value], registerAdopt = (program, io, done) => {
  program.command("adopt").description("Bring existing TypeScript or JavaScript code under specs: draft a spec per module, check each against the code's own tests, then hand it to speccc.").argument("[paths...]", "files or folders to adopt (default: src/ if there is one, else the workspace)").option("--root <dir>", "workspace root (default: current directory)").option("--no-model", "write the deterministic skeleton only (signatures, JSDoc, links to tests); no agent, no key").option("--dry-run", "print what would be written and what drafting would cost; write nothing, call no agent").addOption(new Option("--group <how>", "one spec per module (with its tests) or per folder").choices(["module", "dir"]).default("module")).option("--merge <ids>", "put these adopted specs into one (comma-separated ids; repeatable)", collect).option("--rename <file=id>", "the spec id for a module (or, with --group dir, a folder); repeatable", collect).option("--check [ids...]", "the round trip: build each adopted spec alone, in a copy of the workspace, and run the existing tests against it as holdouts").option("--take <id>", "hand a ready, faithful adopted spec's files to speccc: its existing tests become holdouts, the next build generates its files").option("--refresh <id>", "record a hand-owned spec's files as they are now (after reviewing adopted-file-changed)").option("--max-cost <usd>", "stop before any request that could take this run past this many US dollars").addOption(new Option("--provider <name>", "who drafts and builds").choices(["anthropic", "replay"]).default("anthropic")).action((paths, flags) => done(runAdopt(io, paths, flags)));
};
export {
  registerAdopt,
  runAdopt
};
