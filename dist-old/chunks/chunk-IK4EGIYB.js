import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  onlyVerdictStale
} from "./chunk-QW3P2242.js";
import {
  twinsUsedBy
} from "./chunk-242NOEV2.js";
import {
  canonicalJson,
  sha256
} from "./chunk-U5XVFR3J.js";
import {
  TEST_FILE
} from "./chunk-2YZVRG7S.js";

// src/phases/5-plan/job-key.ts
var JOB_FORMAT = 2;
function jobKey(inputs) {
  return sha256(canonicalJson(inputs));
}

// src/phases/5-plan/hand-owned.ts
var isHandOwned = (s) => s.frontmatter?.owner === "hand", TEST_FILE2 = /\.(?:test|spec)\.[cm]?[jt]sx?$/, TEST_FOLDER = /(?:^|\/)(?:__tests__|__mocks__|__fixtures__)\//;
function dependencyOutputs(spec) {
  let outputs = spec.frontmatter?.outputs ?? [];
  return isHandOwned(spec) ? outputs.filter((o) => !TEST_FILE2.test(o) && !TEST_FOLDER.test(o)) : outputs;
}

// src/phases/5-plan/prepare-job.ts
function modelFor(spec, config) {
  let fm = spec.frontmatter;
  return fm.model ?? config.model.byKind[fm.kind] ?? config.model.default;
}
function effortFor(spec, config) {
  let fm = spec.frontmatter;
  return fm.effort ?? config.model.effortByKind[fm.kind] ?? config.model.effort;
}
function prepareJob(env, spec, closure) {
  let fm = spec.frontmatter, direct = new Set(fm.depends_on), dependencies = closure.map((id) => {
    let dep = env.workspace.byId.get(id);
    return { id, files: dependencyOutputs(dep).map((path) => ({ path, content: env.outputOf(path) ?? "" })), ...direct.has(id) ? {} : { distant: !0 } };
  }), twinOutputs = twinsUsedBy(spec, env.workspace).filter((t) => t.id !== fm.id).flatMap((t) => env.workspace.byId.get(t.id).frontmatter.outputs.map((path) => [path, sha256(env.outputOf(path) ?? "")])), dependencyOutputs2 = Object.fromEntries([...dependencies.flatMap((d) => d.files.map((f) => [f.path, sha256(f.content)])), ...twinOutputs]), model = modelFor(spec, env.config), effort = effortFor(spec, env.config), prompt = env.renderJob(spec, dependencies), settings = {
    model,
    effort,
    maxOutputTokens: env.config.model.maxOutputTokens,
    maxTurns: env.config.agent.maxTurns,
    validation: env.config.validation
  }, keyInputs = {
    format: JOB_FORMAT,
    model,
    effort,
    maxOutputTokens: settings.maxOutputTokens,
    maxTurns: settings.maxTurns,
    systemPrompt: env.systemPrompt,
    jobPrompt: prompt,
    tools: env.toolsDigest,
    fix: sha256(canonicalJson({ templates: env.templatesDigest, validation: settings.validation })),
    outputs: fm.outputs,
    dependencyOutputs: dependencyOutputs2
  };
  return {
    key: jobKey(keyInputs),
    model,
    effort,
    prompt,
    keyInputs,
    inputs: {
      spec: spec.hash,
      system: sha256(env.systemPrompt),
      templates: env.templatesDigest,
      settings: sha256(canonicalJson({ ...settings, tools: env.toolsDigest })),
      dependencies: sha256(canonicalJson(dependencyOutputs2))
    }
  };
}

// src/phases/5-plan/verdict-key.ts
var GATE_FORMAT = 1;
function holdoutDigests(set) {
  let digest = (checks) => sha256(canonicalJson(checks.map((c) => [c.file, sha256(c.content)]))), empty = digest([]), bySpec = new Map([...set].map(([id, checks]) => [id, digest(checks)]));
  return (specId) => bySpec.get(specId) ?? empty;
}
function settingsDigest(config, toolchain) {
  let v = config.validation, minMutationScore = config.promotion.minMutationScore, { node = "", "@stryker-mutator/core": stryker, ...tools } = toolchain;
  return sha256(
    canonicalJson({
      gate: GATE_FORMAT,
      sandbox: v.sandbox,
      toolchain: { node: node.replace(/^v?(\d+).*$/, "$1"), ...tools, ...minMutationScore !== void 0 ? { stryker: stryker ?? null } : {} },
      timeoutMs: v.timeoutMs,
      // How many inputs a property holdout tries: more runs can find what fewer passed.
      propertyRuns: v.propertyRuns,
      requireHoldouts: config.promotion.requireHoldouts,
      minMutationScore: config.promotion.minMutationScore ?? null
    })
  );
}
function gateInputs(set, config, toolchain) {
  return { holdoutDigest: holdoutDigests(set), settings: settingsDigest(config, toolchain) };
}
function treeDigest(tree) {
  return sha256(canonicalJson([...tree].map(([p, c]) => [p, sha256(c)]).sort(([a], [b]) => a < b ? -1 : 1)));
}
function verdictKey(input) {
  let v = input.config.validation;
  return {
    tree: treeDigest(input.tree),
    visible: sha256(canonicalJson({ gate: GATE_FORMAT, tests: input.outputs.filter((o) => TEST_FILE.test(o)), typecheck: v.typecheck, testCommand: v.testCommand })),
    holdouts: input.gate.holdoutDigest(input.specId),
    settings: input.gate.settings
  };
}
function sameVerdictKey(a, b) {
  return a !== void 0 && a.tree === b.tree && a.visible === b.visible && a.holdouts === b.holdouts && a.settings === b.settings;
}

// src/phases/5-plan/staged-tree.ts
function dependencyFiles(workspace, job, outputOf) {
  let files = /* @__PURE__ */ new Map();
  for (let id of job.closure) {
    let dep = workspace.byId.get(id);
    for (let p of dep ? dependencyOutputs(dep) : []) files.set(p, outputOf(p) ?? "");
  }
  return files;
}
function stagedTree(workspace, job, outputOf, own) {
  let twinFiles = twinsUsedBy(job.spec, workspace).filter((t) => t.id !== job.id).flatMap((t) => (workspace.byId.get(t.id)?.frontmatter?.outputs ?? []).map((p) => [p, outputOf(p) ?? ""]));
  return new Map([...twinFiles, ...dependencyFiles(workspace, job, outputOf), ...own]);
}

// src/phases/5-plan/index.ts
var REASON_TEXT = {
  "never-built": "never built",
  forced: "forced",
  "spec-changed": "spec changed",
  "dependency-changed": "dependency changed",
  "context-changed": "context changed",
  "template-changed": "template changed",
  "config-changed": "config changed",
  "speccc-changed": "speccc version changed",
  "output-edited": "output edited by hand",
  "output-missing": "output missing",
  "verdict-stale": "judged under other holdouts or settings"
};
function handOwnedClosure(workspace, spec) {
  let out = /* @__PURE__ */ new Set(), visit = (s) => {
    for (let id of s.frontmatter.depends_on) {
      let dep = workspace.byId.get(id);
      !dep || !isHandOwned(dep) || out.has(id) || (out.add(id), visit(dep));
    }
  };
  return visit(spec), [...out].sort();
}
var before = (s) => [...s.frontmatter.depends_on, ...s.frontmatter.uses_twins];
function buildableInOrder(workspace) {
  let ready = [...workspace.byId.values()].filter((s) => s.frontmatter.status === "ready" && s.frontmatter.kind !== "constraint" && !isHandOwned(s)), ids = new Set(ready.map((s) => s.frontmatter.id)), done = /* @__PURE__ */ new Set(), order = [], remaining = ready.sort((a, b) => a.frontmatter.id < b.frontmatter.id ? -1 : 1);
  for (; remaining.length > 0; ) {
    let wave = remaining.filter((s) => before(s).every((d) => !ids.has(d) || done.has(d)));
    if (wave.length === 0) break;
    for (let s of wave) done.add(s.frontmatter.id);
    order.push(...wave), remaining = remaining.filter((s) => !done.has(s.frontmatter.id));
  }
  return order;
}
function planBuild(input) {
  let order = buildableInOrder(input.workspace), inOrder = new Set(order.map((s) => s.frontmatter.id)), planned = /* @__PURE__ */ new Map(), position = new Map(order.map((s, i) => [s.frontmatter.id, i]));
  for (let spec of order) {
    let fm = spec.frontmatter, deps = fm.depends_on.filter((d) => inOrder.has(d)), built = [...new Set(deps.flatMap((d) => [...planned.get(d).closure, d]))].filter((d) => position.has(d)).sort((a, b) => position.get(a) - position.get(b)), closure = [.../* @__PURE__ */ new Set([...handOwnedClosure(input.workspace, spec), ...built.flatMap((d) => handOwnedClosure(input.workspace, input.workspace.byId.get(d)))]), ...built], twins = fm.kind === "twin" ? [] : fm.uses_twins.filter((t) => inOrder.has(t) && input.workspace.byId.get(t)?.frontmatter?.kind === "twin"), entry = input.manifest.specs.get(fm.id), reasons = [], drifted = [];
    if ((input.force === "all" || input.force?.has(fm.id)) && reasons.push("forced"), !entry) reasons.push("never-built");
    else
      for (let output of fm.outputs) {
        let onDisk = input.generatedHashes.get(output), recorded = Object.hasOwn(entry.outputs, output) ? entry.outputs[output] : void 0;
        onDisk === void 0 ? reasons.includes("output-missing") || reasons.push("output-missing") : recorded !== void 0 && onDisk !== recorded && (drifted.push(output), reasons.includes("output-edited") || reasons.push("output-edited"));
      }
    let depStale = [...closure, ...twins].some((d) => {
      let dep = planned.get(d);
      return dep?.state === "stale" && !onlyVerdictStale(dep);
    }), prepared = prepareJob(input, spec, closure);
    entry && prepared.key !== entry.jobKey && reasons.push(...explain(prepared, entry.inputs)), entry && depStale && reasons.push("dependency-changed");
    let job = { id: fm.id, spec, deps, closure, twins, state: "fresh", reasons: [], prepared: depStale ? null : prepared, drifted };
    entry && reasons.length === 0 && !depStale && !sameVerdictKey(entry.verdict?.key, currentVerdictKey(input, job, input.outputOf)) && reasons.push("verdict-stale"), planned.set(fm.id, { ...job, state: reasons.length > 0 ? "stale" : "fresh", reasons: [...new Set(reasons)] });
  }
  let handOwned = [...new Set([...input.workspace.byId.values()].filter(isHandOwned).flatMap((s) => s.frontmatter.outputs))].filter((p) => input.generatedHashes.has(p)).sort(), owned = /* @__PURE__ */ new Set([...order.flatMap((s) => s.frontmatter.outputs), ...handOwned]), orphans = [.../* @__PURE__ */ new Set([...[...input.manifest.specs.values()].flatMap((e) => Object.keys(e.outputs)), ...input.generatedHashes.keys()])].filter((p) => !owned.has(p)).sort();
  return { jobs: [...planned.values()], orphans, ...handOwned.length > 0 ? { handOwned } : {} };
}
function explain(prepared, recorded) {
  let reasons = [];
  return prepared.inputs.spec !== recorded.spec && reasons.push("spec-changed"), prepared.inputs.dependencies !== recorded.dependencies && reasons.push("dependency-changed"), prepared.inputs.system !== recorded.system && reasons.push("context-changed"), prepared.inputs.templates !== recorded.templates && reasons.push("template-changed"), prepared.inputs.settings !== recorded.settings && reasons.push("config-changed"), reasons.length > 0 ? reasons : ["speccc-changed"];
}
function currentVerdictKey(plan, job, outputOf) {
  let own = new Map(job.spec.frontmatter.outputs.map((p) => [p, outputOf(p) ?? ""]));
  return verdictKey({ specId: job.id, outputs: job.spec.frontmatter.outputs, tree: stagedTree(plan.workspace, job, outputOf, own), config: plan.config, gate: plan.gate });
}
async function decideJob(input) {
  let { job } = input, prepared = job.prepared && !input.dependencyRebuilt ? job.prepared : prepareJob({ ...input.plan, outputOf: input.outputOf }, job.spec, job.closure), entry = input.plan.manifest.specs.get(job.id), keyUnchanged = entry?.jobKey === prepared.key, onlyDependency = job.reasons.length > 0 && job.reasons.every((r) => r === "dependency-changed" || r === "verdict-stale");
  if (keyUnchanged && (job.state === "fresh" || onlyDependency))
    return sameVerdictKey(entry.verdict?.key, currentVerdictKey(input.plan, job, input.outputOf)) ? { action: "fresh", prepared, cutOff: job.state === "stale" } : { action: "rejudge", prepared };
  let stored = job.reasons.includes("forced") ? void 0 : await input.stored(prepared.key);
  return stored?.stage === "passed" ? { action: "reuse", prepared, result: stored } : input.mayGenerate ? { action: "generate", prepared, ...stored?.stage === "candidate" ? { candidate: stored } : {} } : { action: "leave-stale", prepared };
}

export {
  gateInputs,
  verdictKey,
  sameVerdictKey,
  isHandOwned,
  dependencyFiles,
  stagedTree,
  REASON_TEXT,
  buildableInOrder,
  planBuild,
  currentVerdictKey,
  decideJob
};
