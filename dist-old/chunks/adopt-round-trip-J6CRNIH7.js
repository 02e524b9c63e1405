import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  roundTripWorkspace,
  testsOfSpec,
  typeErrorsElsewhere
} from "./chunk-LSMEMF5S.js";
import "./chunk-CT32TP7B.js";
import {
  listGeneratedRoot,
  readConfigText,
  readSources,
  removeScratch,
  scratchWorkspace,
  writeAdoptCheck
} from "./chunk-KLGCFRH2.js";
import {
  UsageError,
  withGuess
} from "./chunk-EEWYZ6FF.js";
import {
  build,
  check
} from "./chunk-VA7EBHAO.js";
import "./chunk-ZM4FQIPF.js";
import "./chunk-LIJDOTZK.js";
import "./chunk-QRRL77OZ.js";
import "./chunk-UJYSYHGP.js";
import "./chunk-2EGY45G7.js";
import {
  isHandOwned
} from "./chunk-IK4EGIYB.js";
import "./chunk-QW3P2242.js";
import "./chunk-SA3BV3R2.js";
import "./chunk-VMNTWMXG.js";
import "./chunk-ZKZBSOLZ.js";
import "./chunk-RXRBJQYY.js";
import "./chunk-GYCCWPGP.js";
import "./chunk-S5MSW45D.js";
import "./chunk-44ZR3LL4.js";
import "./chunk-RYE4YOPW.js";
import "./chunk-DUKS3JMJ.js";
import "./chunk-XAD3VXWC.js";
import "./chunk-YSUJQ6UY.js";
import "./chunk-2UGXUQJK.js";
import "./chunk-CMLTEYZG.js";
import "./chunk-H4KJMLKH.js";
import "./chunk-DLHTC4YV.js";
import {
  createRuntime,
  takeCredentials
} from "./chunk-3J4BXCOT.js";
import "./chunk-346CJVLP.js";
import "./chunk-6244DZEH.js";
import "./chunk-PXJADTX7.js";
import "./chunk-7XOQCP22.js";
import "./chunk-VQI6GZWE.js";
import "./chunk-ZRJIQAHE.js";
import "./chunk-OENT7PDF.js";
import "./chunk-ZJ2LH7GO.js";
import "./chunk-JMVWX2PN.js";
import "./chunk-UUOMZIVY.js";
import "./chunk-7CJQW75R.js";
import "./chunk-5NFWZACR.js";
import "./chunk-4DSQAG4B.js";
import "./chunk-NDE2NKID.js";
import "./chunk-7ZPQIYN7.js";
import "./chunk-KR53BPOB.js";
import "./chunk-CXSIFPJL.js";
import "./chunk-MIBJWLH2.js";
import "./chunk-242NOEV2.js";
import {
  sha256
} from "./chunk-U5XVFR3J.js";
import "./chunk-NCADMWFB.js";
import "./chunk-2YZVRG7S.js";
import "./chunk-Y72MW4XH.js";
import "./chunk-D7OYEMQK.js";
import "./chunk-VTZR3R7R.js";
import "./chunk-N6LFTOTB.js";
import "./chunk-GA32XAUT.js";
import "./chunk-SZ6YGT22.js";
import "./chunk-NSTTZTGX.js";
import "./chunk-Z6XS3NX4.js";
import "./chunk-VSAIBY22.js";

// src/adopt-round-trip.ts
async function runRoundTrip(io, root, options) {
  let checked = await check({ root, useCache: !1 }), specs = checked.workspace.files.flatMap((f) => f.spec?.frontmatter ? [f.spec] : []), adopted = specs.filter(isHandOwned), unknown = options.ids.filter((id) => !adopted.some((s) => s.frontmatter.id === id));
  if (unknown.length > 0) throw new UsageError(`--check names no hand-owned (adopted) spec: ${unknown.map((id) => withGuess(id, adopted.map((s) => s.frontmatter.id))).join(", ")}`);
  let chosen = options.ids.length > 0 ? adopted.filter((s) => options.ids.includes(s.frontmatter.id)) : adopted;
  if (chosen.length === 0) throw new UsageError("there is no hand-owned (adopted) spec to check; run `speccc adopt` first");
  let config = checked.config, rawConfig = await readConfigText(root), files = new Set(await listGeneratedRoot(root, config.paths.generated).catch(() => [])), credentials = takeCredentials(io.env), unfaithful = 0;
  for (let spec of chosen) {
    let id = spec.frontmatter.id, tests = await readSources(root, testsOfSpec({ file: spec.file, source: spec.source, outputs: spec.frontmatter.outputs }, config.paths.generated));
    for (let t of tests) files.add(t.path);
    let layout = roundTripWorkspace({ spec: asInput(spec), specs: specs.map(asInput), generatedRoot: config.paths.generated, files, tests, rawConfig }), temp = await scratchWorkspace(root, [config.paths.specs, config.paths.context, config.paths.templates, config.paths.generated], layout.edits, layout.remove);
    try {
      for (let u of layout.unplaced) io.stderr(`speccc: warning: ${id}: ${u.test} cannot run as a holdout: ${u.why}
`);
      if (options.dryRun) {
        io.stdout(await priceRoundTrip(temp, id, config));
        continue;
      }
      if (layout.placed.size === 0) {
        unfaithful++, await record(io, root, spec, { faithful: !1, failing: [], costUsd: 0, error: tests.length === 0 ? "the spec has no existing test to check the round trip against" : "none of its existing tests can run as a holdout" });
        continue;
      }
      io.stderr(`\u2026 round trip of ${id}: building it alone from the spec, with its ${layout.placed.size} existing test file${layout.placed.size === 1 ? "" : "s"} as holdouts
`);
      let judged = await buildAlone(io, temp, id, credentials, options), placedBack = new Map([...layout.placed].map(([test, name]) => [name, test])), failing = judged.outcome ? failingTests(judged.outcome, placedBack) : [], faithful = judged.outcome?.state === "built" && judged.outcome.holdout === "passed";
      faithful || unfaithful++;
      let why = faithful || failing.length > 0 ? void 0 : judged.error ?? notJudged(judged.outcome, spec.frontmatter.outputs);
      await record(io, root, spec, { faithful, failing, costUsd: judged.outcome?.spentUsd ?? 0, ...why ? { error: why } : {}, tests: layout.placed.size });
    } finally {
      await removeScratch(temp);
    }
  }
  return unfaithful > 0 && !options.dryRun ? 1 : 0;
}
function asInput(spec) {
  let fm = spec.frontmatter;
  return { id: fm.id, file: spec.file, source: spec.source, status: fm.status, owner: fm.owner, kind: fm.kind, outputs: fm.outputs };
}
async function buildAlone(io, temp, id, credentials, options) {
  let { loadConfig } = await import("./config-file-I2MFN4UQ.js"), config = (await loadConfig(temp)).config, runtime = createRuntime({ root: temp, config, credentials, command: "build", provider: options.provider, ...options.maxCostUsd !== void 0 ? { maxCostUsd: options.maxCostUsd } : {}, onWarning: (line) => io.stderr(`speccc: warning: ${line}
`) });
  for (let w of runtime.warnings) io.stderr(`speccc: warning: ${w}
`);
  let result = await build({ root: temp, mode: "build", runtime, onEvent: (e) => {
    e.type === "job-start" && io.stderr(`\u2026 ${e.attempt > 1 ? `fixing ${e.id} (attempt ${e.attempt})` : `generating ${e.id} from its spec`}
`);
  }, signal: io.signal });
  if (result.kind === "blocked") {
    let first = result.diagnostics[0];
    return { error: `the temporary workspace does not build: ${first ? `${first.file}:${first.span.start.line}:${first.span.start.column}: ${first.code} ${first.message}` : "its config is broken"}` };
  }
  if (result.kind !== "built") return { error: "nothing was built" };
  let outcome = result.outcomes.get(id);
  return outcome ? { outcome } : { error: `${id} was not built` };
}
function notJudged(outcome, outputs) {
  let why = `${outcome?.failureClass ?? "failed"}: ${outcome?.error ?? "the build did not finish"}`, elsewhere = outcome?.failureClass === "does-not-compile" ? typeErrorsElsewhere(outcome.error ?? "", outputs) : [];
  return elsewhere.length === 0 ? why : `${why}; the type errors shown are in ${elsewhere.map((f) => `\`${f}\``).join(", ")}, code this spec does not own and its agent cannot change: fix it, or set "validation": { "typecheck": false } in speccc.config.json (docs/adopt.md)`;
}
function failingTests(outcome, testOf) {
  let out = [];
  for (let s of outcome.scenarios ?? []) {
    if (s.passed) continue;
    let test = testOf.get(s.file.split("/").pop()) ?? s.file, names = s.failedTests && s.failedTests.length > 0 ? s.failedTests : [s.failure ?? "it failed"];
    for (let name of names) out.push(`${test} \u203A ${name}`);
    s.failure && out.push(`  (first failure: ${s.failure.split(`
`)[0]})`);
  }
  return out;
}
async function record(io, root, spec, r) {
  let id = spec.frontmatter.id, result = { format: 1, spec: id, specHash: sha256(spec.source), faithful: r.faithful, checkedAt: (/* @__PURE__ */ new Date()).toISOString(), costUsd: r.costUsd, failing: r.failing, ...r.error ? { error: r.error } : {} };
  await writeAdoptCheck(root, result);
  let cost = `$${r.costUsd.toFixed(4)}`;
  if (r.faithful) {
    io.stdout(`\u2714 ${id}: faithful: code built from the spec alone passes its ${r.tests} existing test file${r.tests === 1 ? "" : "s"} (${cost})
`);
    return;
  }
  if (r.failing.length > 0) {
    let tests = r.failing.filter((f) => !f.startsWith("  "));
    io.stdout(`\u2716 ${id}: not faithful: code built from the spec alone fails ${tests.length} existing test${tests.length === 1 ? "" : "s"} (${cost}); each is a requirement the spec is missing:
${r.failing.map((f) => `    ${f}`).join(`
`)}
`);
    return;
  }
  io.stdout(`\u2716 ${id}: not judged: ${r.error} (${cost})
`);
}
async function priceRoundTrip(temp, id, config) {
  let result = await build({ root: temp, mode: "plan" });
  if (result.kind !== "planned") return `${id}: the temporary workspace does not plan (${result.kind})
`;
  let { estimatePlan } = await import("./estimate-5ZMQ5P3C.js"), { TOOL_DEFINITIONS } = await import("./tools-VVHXVTDU.js"), estimate = estimatePlan({ plan: result.plan, outcomes: result.outcomes, config, systemPrompt: result.systemPrompt, toolsBytes: Buffer.byteLength(JSON.stringify(TOOL_DEFINITIONS)), counted: /* @__PURE__ */ new Map() });
  return `${id}: the round trip would build 1 spec: about $${estimate.expectedUsd.toFixed(4)} expected, $${estimate.worstCaseUsd.toFixed(2)} at worst (estimated; nothing sent)
`;
}
export {
  runRoundTrip
};
