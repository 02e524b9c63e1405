import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  requireStryker
} from "./chunk-PXOJ7NHK.js";
import {
  EXIT,
  UsageError,
  inWorkspace,
  readyIdUnknown
} from "./chunk-EEWYZ6FF.js";
import {
  Option
} from "./chunk-IMW7CCHR.js";
import {
  closest
} from "./chunk-N6LFTOTB.js";
import "./chunk-VSAIBY22.js";

// src/commands/verify.ts
import path from "node:path";
import os from "node:os";
async function runVerify(io, specId, flags) {
  return inWorkspace(io, flags.root, async (root) => {
    if (flags.history) return showHistory(io, root, flags.format);
    flags.mutate && requireStryker();
    let seed = seedOf(flags.seed), { readForVerify, judgeSpecs, specsToVerify, historyLine, readyIds } = await import("./verify-FS4PLQ4Y.js"), { createGate, takeCredentials } = await import("./runtime-3AWIBRCX.js"), { appendVerifyHistory } = await import("./verify-history-YPB3UWLW.js"), { snapshot, checked } = await readForVerify(root, flags.scenarios ? path.resolve(io.cwd, flags.scenarios) : void 0);
    if (checked.configBroken) throw new UsageError("speccc.config.json is invalid; run `speccc check` to see where");
    let { config } = checked, scenariosDir = snapshot.scenarios.dir;
    if (snapshot.members.members.length === 0 && !snapshot.scenarios.exists) throw new UsageError(`scenarios folder ${scenariosDir} does not exist; pass --scenarios DIR or set paths.scenarios`);
    if (flags.twin !== void 0) {
      let { runFidelity } = await import("./fidelity-YBJJ5TQZ.js");
      return runFidelity(io, { root, twin: flags.twin, config, workspace: checked.workspace, scenariosDir, format: flags.format });
    }
    let specs = specsToVerify(checked, specId);
    if (specId !== void 0 && specs.length === 0) throw new UsageError(readyIdUnknown(specId, readyIds(checked)));
    let gate = createGate({ config, credentials: takeCredentials(io.env), mutationConcurrency: Math.max(1, Math.min(4, os.availableParallelism())) });
    for (let warning of gate.warnings) io.stderr(`speccc: warning: ${warning}
`);
    let onMutating = (id, files, n) => io.stderr(`\u2026 mutation testing ${id} (${files.join(", ") || "no file"}) against ${n} holdout scenario${n === 1 ? "" : "s"}
`), { verdicts, unverified } = await judgeSpecs({ snapshot, checked, specs, validator: gate.validator, mutate: !!flags.mutate, signal: io.signal, onMutating, ...seed !== void 0 ? { seed } : {} }), unknown = specId === void 0 ? snapshot.scenarios.folders.filter((f) => !checked.workspace.byId.has(f)).sort() : [], line = historyLine(verdicts, unverified, /* @__PURE__ */ new Date());
    await appendVerifyHistory(root, line), flags.mutate && await writeSurvivors(root, line.at, verdicts);
    let report = { verdicts, unverified, unknown, specs: specs.length, minimum: config.promotion.minMutationScore, folderOf: folderOf(root, scenariosDir, snapshot.members.members), byId: checked.workspace.byId };
    flags.format === "json" ? printJson(io, report) : printText(io, report, !!flags.mutate);
    let all = verdicts.flatMap((v) => v.scenarios), passed = all.filter((s) => s.passed).length, mutationFails = verdicts.some((v) => v.mutation && (v.mutation.error !== void 0 || v.mutation.belowMinimum));
    return passed === all.length && all.length > 0 && !mutationFails ? EXIT.ok : EXIT.failed;
  });
}
async function writeSurvivors(root, at, verdicts) {
  let { writeInside } = await import("./safe-write-P6YHJZZB.js"), { SURVIVORS_FILE } = await import("./proposal-files-F4GEC2GF.js"), specs = verdicts.filter((v) => v.mutation && v.mutation.error === void 0).map((v) => ({ spec: v.spec, score: v.mutation.score, files: v.mutation.files, survivors: v.mutation.survivors }));
  await writeInside(root, SURVIVORS_FILE, `${JSON.stringify({ at, specs }, null, 2)}
`, { atomic: !0 });
}
function seedOf(text) {
  if (text !== void 0) {
    if (!/^-?\d{1,10}$/.test(text) || Math.abs(Number(text)) > 2147483647) throw new UsageError(`--seed ${text} is not a 32-bit integer; expected the seed a property run printed`);
    return Number(text);
  }
}
function folderOf(root, scenariosDir, members) {
  return (folder) => {
    let q = /^([^:]+):(.+)$/.exec(folder), member = q ? members.find((m) => m.name === q[1]) : void 0;
    return member ? path.join(root, member.scenarios, q[2]) : path.join(scenariosDir, folder);
  };
}
function printJson(io, r) {
  let all = r.verdicts.flatMap((v) => v.scenarios), passed = all.filter((s) => s.passed).length;
  io.stdout(JSON.stringify({ specs: r.verdicts, unverified: r.unverified, passed, failed: all.length - passed, total: all.length, unknownSpecs: r.unknown, ...r.minimum !== void 0 ? { minMutationScore: r.minimum } : {} }, null, 2) + `
`);
}
function printText(io, r, mutate) {
  for (let v of r.verdicts) {
    let ok = v.scenarios.filter((s) => s.passed).length, failedNames = v.scenarios.filter((s) => !s.passed).map((s) => s.name);
    io.stdout(`${v.passed ? "\u2714" : "\u2716"} ${v.spec}: ${ok}/${v.scenarios.length} scenarios pass${failedNames.length ? ` \u2014 failing: ${failedNames.join(", ")}` : ""}
`);
    for (let s of v.scenarios) !s.passed && s.failure && io.stdout(`    ${s.name}: ${s.failure.split(`
`).join(`
      `)}
`);
    let property = v.scenarios.find((s) => s.property)?.property;
    property && io.stdout(`    properties ran ${property.runs} inputs each with seed ${property.seed} (replay: speccc verify ${v.spec} --seed ${property.seed})
`), v.mutation && printMutation(io, v.mutation, r.minimum);
  }
  for (let u of r.unverified) io.stdout(`\u26A0 ${u}: unverified \u2014 no automated holdout check (write one, or run \`speccc scenarios generate ${u}\`)${mutate ? "; no mutation score" : ""}
`);
  for (let u of r.unknown) {
    let member = /^[^:]+:/.exec(u)?.[0], near = closest(u, r.byId.keys())?.replace(member ?? "", "");
    io.stdout(`\u26A0 ${path.relative(io.cwd, r.folderOf(u))}/ names no spec in this workspace; its scenarios were not run${near ? ` (did you mean ${near}/?)` : ""}
`);
  }
  let all = r.verdicts.flatMap((v) => v.scenarios), passed = all.filter((s) => s.passed).length, share = all.length === 0 ? 0 : Math.round(100 * passed / all.length), tail = r.unverified.length > 0 ? `; ${r.unverified.length} of ${r.specs} specs unverified` : "";
  io.stdout(`${passed === all.length && all.length > 0 ? "\u2714" : "\u2716"} ${passed} of ${all.length} scenarios pass (satisfaction ${all.length === 0 ? "unknown" : `${share}%`})${tail}
`);
}
var percent = (score) => score === null ? "none" : `${score.toFixed(score % 1 === 0 ? 0 : 1)}%`;
function printMutation(io, m, minimum) {
  if (m.error !== void 0) {
    io.stdout(`  \u2716 mutation score: not scored \u2014 ${m.error.split(`
`)[0]}
`);
    return;
  }
  let gate = minimum === void 0 ? "" : m.belowMinimum ? ` \u2014 below promotion.minMutationScore ${minimum}%` : ` (minimum ${minimum}%)`;
  io.stdout(
    `  ${m.belowMinimum ? "\u2716" : m.survivors.length ? "\u26A0" : "\u2714"} mutation score ${percent(m.score)} of ${m.files.join(", ")}: ${m.killed + m.timedOut} of ${m.killed + m.timedOut + m.survived + m.noCoverage} mutants killed (${m.survived} survived, ${m.noCoverage} never run by a scenario; ${(m.durationMs / 1e3).toFixed(1)} s)${gate}
`
  );
  for (let s of m.survivors) {
    let original = s.original.replace(/\s+/g, " ");
    io.stdout(
      `    ${s.file}:${s.line}:${s.column} ${s.status === "Survived" ? "survived" : "not run"} ${s.mutator}: \`${original.length > 50 ? `${original.slice(0, 47)}\u2026` : original}\` \u2192 \`${s.replacement.replace(/\s+/g, " ").slice(0, 50)}\`${s.requirements.length ? ` [${s.requirements.join(", ")}]` : " (in no requirement-tagged code)"}
`
    );
  }
}
async function showHistory(io, root, format) {
  let { readVerifyHistory, VERIFY_HISTORY } = await import("./verify-history-YPB3UWLW.js"), history = await readVerifyHistory(root);
  if (!history) throw new UsageError("no verify runs recorded yet; run `speccc verify` first");
  for (let p of history.problems) io.stderr(`speccc: ${VERIFY_HISTORY}:${p.line}: ${p.message}
`);
  let { lines } = history, bySpec = /* @__PURE__ */ new Map(), of = (spec) => {
    let s = bySpec.get(spec);
    return s || bySpec.set(spec, s = { runs: 0, passed: 0, scores: [] }), s;
  };
  for (let line of lines) {
    for (let r of line.results) {
      let s = of(r.spec);
      s.runs++, r.passed && s.passed++;
    }
    for (let m of line.mutation ?? []) of(m.spec).scores.push({ at: line.at, score: m.score });
  }
  let unverified = [...new Set(lines.at(-1)?.unverified ?? [])].sort(), rows = [...bySpec].sort(([a], [b]) => a < b ? -1 : 1).map(([spec, s]) => ({ spec, scenarioRuns: s.runs, satisfaction: s.runs ? s.passed / s.runs : null, mutationScore: s.scores.at(-1)?.score ?? null, mutationScores: s.scores })), runs = lines.map((line) => {
    let ok = line.results.filter((r) => r.passed).length;
    return { at: line.at, scenarioRuns: line.results.length, satisfaction: line.results.length ? ok / line.results.length : null, mutation: (line.mutation ?? []).map((m) => ({ spec: m.spec, score: m.score })) };
  });
  if (format === "json") io.stdout(JSON.stringify({ runs: lines.length, specs: rows, unverified, timeline: runs }, null, 2) + `
`);
  else {
    let pct = (x) => x === null ? "unknown" : `${(100 * x).toFixed(0)}%`;
    io.stdout(`${plural(lines.length, "verify run")} since ${lines[0]?.at ?? "-"}
`);
    for (let r of rows) {
      let trend = r.mutationScores.length === 0 ? "" : `; mutation score ${percent(r.mutationScore)}${r.mutationScores.length > 1 ? ` (${r.mutationScores.map((m) => percent(m.score)).join(" \u2192 ")})` : ""}`;
      io.stdout(`  ${r.spec}: satisfaction ${pct(r.satisfaction)} over ${plural(r.scenarioRuns, "scenario run")}${trend}
`);
    }
    for (let u of unverified) io.stdout(`  ${u}: unverified (no holdout check in the last run)
`);
    io.stdout(`over time:
`);
    for (let r of runs) {
      let scores = r.mutation.length ? `; mutation ${r.mutation.map((m) => `${m.spec} ${percent(m.score)}`).join(", ")}` : "";
      io.stdout(`  ${r.at.replace(/\.\d+Z$/, "Z")}  satisfaction ${pct(r.satisfaction)} (${plural(r.scenarioRuns, "scenario run")})${scores}
`);
    }
  }
  return EXIT.ok;
}
var registerVerify = (program, io, done) => {
  program.command("verify").description("Run every holdout scenario against the current generated/ tree, sealed (each with the twins its code uses), and report satisfaction; --mutate also scores how much of the code the scenarios pin down; --twin checks a twin against recorded traffic.").argument("[spec-id]", "only this spec").option("--root <dir>", "workspace root (default: current directory)").option("--scenarios <dir>", "holdout scenarios folder (default: paths.scenarios from speccc.config.json)").addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text")).option("--history", "show satisfaction and mutation scores per spec over every recorded verify run").option("--mutate", "mutation-test each spec's generated code against its holdout scenarios (Stryker, sealed): a score per spec and every surviving mutant").option("--seed <n>", "seed for property holdouts (fast-check): replays the run that printed it").option("--twin <id>", "replay the traffic recorded against a twin's real service (<scenarios>/<id>/*.jsonl, *.har) against the twin, sealed, and report every difference").action((specId, flags) => done(runVerify(io, specId, flags)));
}, plural = (n, what) => `${n} ${what}${n === 1 ? "" : "s"}`;
export {
  registerVerify,
  runVerify
};
