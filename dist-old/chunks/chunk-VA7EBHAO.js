import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  renderPrompts
} from "./chunk-ZM4FQIPF.js";
import {
  createSandbox
} from "./chunk-LIJDOTZK.js";
import {
  withRun
} from "./chunk-QRRL77OZ.js";
import {
  partitionPlan
} from "./chunk-2EGY45G7.js";
import {
  buildableInOrder,
  decideJob,
  dependencyFiles,
  gateInputs,
  planBuild,
  sameVerdictKey,
  stagedTree,
  verdictKey
} from "./chunk-IK4EGIYB.js";
import {
  readSnapshot
} from "./chunk-SA3BV3R2.js";
import {
  checkSnapshot
} from "./chunk-ZKZBSOLZ.js";
import {
  assembleTree,
  fallbackModelFor,
  holdForPromotion,
  lazyPreflight,
  pLimit,
  planInputOf,
  promotionFiles,
  runnerInputs,
  shardRole,
  stampIfUnchanged
} from "./chunk-RXRBJQYY.js";
import {
  recoverUnderLock
} from "./chunk-RYE4YOPW.js";
import {
  buildDigest,
  buildStamp,
  readInputs,
  toolchainVersions
} from "./chunk-DUKS3JMJ.js";
import {
  SPECCC_VERSION
} from "./chunk-H4KJMLKH.js";
import {
  readRawConfig
} from "./chunk-PXJADTX7.js";
import {
  promoteTree
} from "./chunk-JMVWX2PN.js";
import {
  readIndexedTree
} from "./chunk-UUOMZIVY.js";
import {
  twinsUsedBy
} from "./chunk-242NOEV2.js";

// src/compile.ts
import path2 from "node:path";

// src/pipeline/build.ts
import path from "node:path";

// src/phases/6-generate/failure-line.ts
var NOISE = /\s*\[[^\]\n]*#[^\]\n]*\]|\s+\d+(?:\.\d+)?\s?m?s$/g;
function failureLine(output) {
  let lines = output.split(`
`).map((l) => l.trim()).filter(Boolean), clip = (text) => text.length > 240 ? `${text.slice(0, 239)}\u2026` : text, compiler = lines.find((l) => /\berror TS\d+:/.test(l));
  if (compiler) return clip(compiler);
  let test = lines.find((l) => l.startsWith("\xD7") || l.startsWith("\u2717")), error = lines.find((l) => /^(?:[A-Z][A-Za-z]*Error|Error)\b/.test(l)) ?? lines.find((l) => l.startsWith("\u2192"))?.replace(/^→\s*/, "");
  if (test) {
    let name = test.replace(/^[×✗]\s*/, "").replace(NOISE, "");
    return clip(error ? `${name}: ${error}` : name);
  }
  return clip(error ?? lines[0] ?? "no output");
}

// src/phases/6-generate/judge.ts
var mutationTargets = (outputs) => outputs.filter((p) => /\.[cm]?[jt]sx?$/.test(p) && !/\.(?:test|spec)\.[cm]?[jt]sx?$/.test(p) && !/\.d\.ts$/.test(p)), gateSeed = (key) => (parseInt(key.tree.slice(0, 8), 16) ^ parseInt(key.holdouts.slice(0, 8), 16) ^ parseInt(key.settings.slice(0, 8), 16)) & 2147483647;
async function judge(input) {
  let { job, validator, trace, attempt, signal } = input, at = () => new Date((input.clock ?? Date.now)()).toISOString(), outputs = job.spec.frontmatter.outputs, verdict = (admitted, holdout2, extra = {}) => ({ key: input.key, admitted, holdout: holdout2, scenarios: [], at: at(), ...extra }), visible = input.visible ?? await validator.visible({ specId: job.id, tree: input.tree, outputs, twins: input.twins, signal });
  if (input.visible || trace.write({ type: "validation", spec: job.id, stage: "visible", attempt, passed: visible.passed, ...visible.failureClass ? { failureClass: visible.failureClass } : {}, durationMs: visible.durationMs, ...visible.passed ? {} : { detail: failureLine(visible.feedback) } }), !visible.passed) {
    let failureClass = signal.aborted ? "cancelled" : visible.failureClass ?? "tests-fail";
    return verdict(!1, "failed", { failureClass, error: `visible checks fail: ${failureLine(visible.feedback)}` });
  }
  let seed = gateSeed(input.key), holdout = await validator.holdout({ specId: job.id, checks: input.checks, tree: input.tree, twins: input.twins, signal, seed }), result = holdout.scenarios.length === 0 ? "unverified" : holdout.passed ? "passed" : "failed";
  trace.write({ type: "validation", spec: job.id, stage: "holdout", attempt, passed: result !== "failed", ...holdout.failureClass ? { failureClass: holdout.failureClass } : {}, durationMs: holdout.durationMs, scenarios: holdout.scenarios });
  let scenarios = holdout.scenarios;
  if (result === "failed") {
    let failing = scenarios.filter((s) => !s.passed).map((s) => s.name).join(", ") || holdout.feedback.split(`
`)[0];
    return verdict(!1, result, { scenarios, failureClass: signal.aborted ? "cancelled" : holdout.failureClass ?? "holdout-fails", error: `holdout scenarios failed: ${failing}` });
  }
  if (result === "unverified" && input.config.promotion.requireHoldouts)
    return verdict(!1, result, { failureClass: "unverified", error: "no automated holdout check covers this spec, and promotion.requireHoldouts refuses unverified output" });
  let proved = await validator.prove({ specId: job.id, tree: input.tree, outputs, requirements: job.spec.requirements.map((r) => r.id), twins: input.twins, signal });
  trace.write({ type: "validation", spec: job.id, stage: "proof", attempt, passed: proved.error === void 0, durationMs: proved.durationMs });
  let proof = proved.proven === null ? {} : { proof: { mutants: proved.mutants, proven: proved.proven, ...proved.error ? { error: proved.error.split(`
`)[0] } : {} } }, minimum = input.config.promotion.minMutationScore;
  if (minimum === void 0) return verdict(!0, result, { scenarios, ...proof });
  if (result === "unverified")
    return verdict(!1, result, { ...proof, failureClass: "unverified", error: `promotion.minMutationScore (${minimum}%) needs holdout checks to score the code against, and this spec has none` });
  let m = await validator.mutate({ specId: job.id, checks: input.checks, tree: input.tree, mutate: mutationTargets(outputs), twins: input.twins, signal, seed }), score = m.result?.score ?? null;
  if (trace.write({ type: "validation", spec: job.id, stage: "mutation", attempt, passed: score !== null && score >= minimum, ...m.failureClass ? { failureClass: m.failureClass } : {}, durationMs: m.durationMs, mutationScore: score }), signal.aborted) return verdict(!1, result, { scenarios, failureClass: "cancelled", error: "cancelled during mutation testing" });
  if (score === null) return verdict(!1, result, { scenarios, failureClass: m.failureClass ?? "mutation-score-low", error: `mutation testing scored nothing: ${(m.error ?? "no mutant could be judged").split(`
`)[0]}` });
  if (score < minimum) {
    let unkilled = (m.result?.survived ?? 0) + (m.result?.noCoverage ?? 0);
    return verdict(!1, result, {
      scenarios,
      mutationScore: score,
      failureClass: "mutation-score-low",
      error: `the holdouts kill ${score.toFixed(1)}% of mutants (${unkilled} survive), below promotion.minMutationScore ${minimum}%; strengthen the scenarios (speccc verify --mutate ${job.id} lists the survivors)`
    });
  }
  return verdict(!0, result, { scenarios, mutationScore: score, ...proof });
}

// src/phases/6-generate/verdict.ts
async function verdictFor(input) {
  if (!input.fresh) {
    if (input.recorded && sameVerdictKey(input.recorded.key, input.key)) return { verdict: input.recorded, judged: !1 };
    let stored2 = await input.store.read(input.key);
    if (stored2 && sameVerdictKey(stored2.key, input.key)) return { verdict: stored2, judged: !1 };
  }
  if (!input.judge) return null;
  let verdict = await input.judge();
  return (verdict.admitted || verdict.failureClass !== void 0 && SETTLED.has(verdict.failureClass)) && await input.store.write(verdict), { verdict, judged: !0 };
}
var SETTLED = /* @__PURE__ */ new Set(["does-not-compile", "tests-fail", "holdout-fails", "unverified", "mutation-score-low", "checks-weakened"]);

// src/phases/6-generate/run-jobs.ts
var ZERO = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };
function addUsage(a, b) {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens
  };
}
function classify(outcome) {
  if (outcome.failureClass) return outcome.failureClass;
  switch (outcome.status) {
    case "budget":
      return "budget-exhausted";
    case "aborted":
      return "cancelled";
    case "incomplete":
      return "agent-gave-up";
    case "refused":
      return "refused";
    default:
      return "api-error";
  }
}
var none = (id, state, prepared, extra = {}) => ({ id, state, prepared, attempts: 0, spentUsd: 0, ...extra });
async function runJobs(input) {
  if (input.agent && !input.validator) throw new Error("bug: an agent without a validator would promote unchecked code");
  let limit = pLimit(input.config.concurrency), outcomes = /* @__PURE__ */ new Map(), settled = /* @__PURE__ */ new Map(), stop = new AbortController(), run = {
    input,
    byId: new Map(input.plan.jobs.map((j) => [j.id, j])),
    settled,
    stop,
    signal: AbortSignal.any([input.signal, stop.signal]),
    outputOf: (path3) => {
      for (let outcome of settled.values()) {
        let f = outcome.files?.get(path3);
        if (f !== void 0) return f;
      }
      return input.current.get(path3);
    }
  };
  for (let job of input.plan.jobs) {
    let dependencies = () => Promise.all([...job.closure, ...job.twins].flatMap((d) => outcomes.get(d) ?? []));
    outcomes.set(job.id, runOne(run, job, dependencies, limit).then((outcome) => settle(run, outcome)));
  }
  return await Promise.all(outcomes.values()), settled;
}
function settle(run, outcome) {
  return run.settled.set(outcome.id, outcome), (outcome.state !== "fresh" || outcome.rejudged) && run.input.trace.write({
    type: "job",
    spec: outcome.id,
    state: outcome.state,
    attempts: outcome.attempts,
    costUsd: outcome.spentUsd,
    ...outcome.failureClass ? { failureClass: outcome.failureClass } : {},
    ...outcome.error ? { error: outcome.error } : {},
    ...outcome.prepared ? { jobKey: outcome.prepared.key } : {},
    ...outcome.result ? { usage: outcome.result.usage, durationMs: outcome.result.durationMs } : outcome.durationMs !== void 0 ? { durationMs: outcome.durationMs } : {},
    ...outcome.holdout ? { holdout: outcome.holdout } : {}
  }), run.input.onEvent?.({ type: "job-end", outcome }), outcome;
}
async function runOne(run, job, dependencies, limit) {
  let deps = await dependencies(), blocked = deps.find((d) => !["fresh", "reused", "built", "stale"].includes(d.state));
  if (blocked) return none(job.id, blocked.state === "cancelled" ? "cancelled" : "skipped", null, { error: `dependency ${blocked.id} ${blocked.state}` });
  if (run.input.within && !run.input.within.has(job.id) && job.state === "stale") return none(job.id, "stale", null, { error: "not reached by the change (--since)" });
  let shard = run.input.shard, foreign = shard !== void 0 && job.state === "stale" && !shard.owns(job.id);
  if (shard) {
    if (foreign && !shard.needs(job.id)) return none(job.id, "stale", null, { error: `left to ${shard.ownerOf(job.id)}` });
    let missing = deps.find((d) => d.state === "stale");
    if (missing) return none(job.id, foreign ? "stale" : "skipped", null, { error: `dependency ${missing.id} (${shard.ownerOf(missing.id)}) did not reach the shared cache in time` });
  }
  let context = { specId: job.id, outputs: job.spec.frontmatter.outputs }, decide = () => decideJob({
    plan: run.input.planInput,
    job,
    outputOf: run.outputOf,
    dependencyRebuilt: deps.some((d) => d.state !== "fresh"),
    stored: foreign ? (key) => shard.waitFor(key, context, run.signal) : (key) => run.input.results.read(key, context),
    mayGenerate: run.input.agent !== null && !foreign && (run.input.only?.has(job.id) ?? !0)
  });
  if (foreign) {
    let decision = await decide();
    return decision.action === "fresh" ? keep(run, job, decision.prepared, decision.cutOff) : decision.action === "reuse" ? none(job.id, "reused", decision.prepared, { files: new Map(Object.entries(decision.result.files)), result: decision.result }) : none(job.id, "stale", decision.prepared, { error: `${shard.ownerOf(job.id)} did not publish it to the shared cache in time` });
  }
  return limit(async () => carryOut(run, job, await decide()));
}
function keep(run, job, prepared, cutOff) {
  return none(job.id, "fresh", prepared, { files: new Map(job.spec.frontmatter.outputs.map((p) => [p, run.input.current.get(p) ?? ""])), cutOff });
}
async function carryOut(run, job, decision) {
  switch (decision.action) {
    case "fresh":
      return keep(run, job, decision.prepared, decision.cutOff);
    case "rejudge":
      return admitStored(run, job, decision.prepared, keep(run, job, decision.prepared, !1));
    case "reuse": {
      let result = decision.result;
      return admitStored(run, job, decision.prepared, none(job.id, "reused", decision.prepared, { files: new Map(Object.entries(result.files)), result }));
    }
    case "leave-stale":
      return none(job.id, "stale", decision.prepared, run.input.only && run.input.agent ? { error: "waits in the queue (build --next took others)" } : {});
    case "generate":
      return run.signal.aborted ? none(job.id, "cancelled", decision.prepared, run.stop.signal.aborted ? { error: String(run.stop.signal.reason) } : {}) : run.input.beforeGenerate && !await run.input.beforeGenerate() ? none(job.id, "cancelled", decision.prepared, { error: "the build stopped before its first request" }) : generate(run, job, decision.prepared, decision.candidate);
  }
}
function judged(run, job, files) {
  let tree = stagedTree(run.input.planInput.workspace, job, run.outputOf, files), twins = twinsUsedBy(job.spec, run.input.planInput.workspace), key = verdictKey({ specId: job.id, outputs: job.spec.frontmatter.outputs, tree, config: run.input.config, gate: run.input.planInput.gate });
  return { tree, twins, key };
}
async function admitStored(run, job, prepared, outcome) {
  let { input } = run, { tree, twins, key } = judged(run, job, outcome.files), rejudging = outcome.state === "fresh", recorded = rejudging ? input.planInput.manifest.specs.get(job.id)?.verdict : void 0, mayJudge = input.validator !== null, found = await verdictFor({
    key,
    recorded,
    store: input.verdicts,
    judge: mayJudge ? async () => input.beforeJudge && !await input.beforeJudge() ? { key, admitted: !1, holdout: "unverified", scenarios: [], failureClass: "cancelled", error: "the build stopped before judging", at: new Date(input.clock()).toISOString() } : judge({ job, key, tree, twins, checks: input.holdouts.get(job.id) ?? [], config: input.config, validator: input.validator, trace: input.trace, attempt: 1, signal: run.signal, clock: input.clock }) : null
  });
  if (!found) return none(job.id, "stale", prepared, { error: "its verdict is stale: it must be judged again under the current holdouts and settings" });
  let { verdict } = found;
  if (verdict.admitted) return { ...outcome, verdict, holdout: verdict.holdout, scenarios: verdict.scenarios, ...rejudging ? { rejudged: !0 } : {} };
  let where = rejudging ? "its output in generated/" : "its stored result for this job key", failureClass = verdict.failureClass ?? "holdout-fails";
  return none(job.id, failureClass === "cancelled" ? "cancelled" : "failed", prepared, {
    failureClass,
    error: `${where} does not pass the gate: ${verdict.error ?? failureClass}; no new request was made (speccc build --force ${job.id} asks the model again)`,
    holdout: verdict.holdout,
    scenarios: verdict.scenarios,
    verdict,
    ...rejudging ? { rejudged: !0 } : {}
  });
}
async function generate(run, job, prepared, candidate) {
  let { input } = run, g = {
    run,
    job,
    prepared,
    started: input.clock(),
    usage: candidate?.usage ?? ZERO,
    cost: candidate?.costUsd ?? 0,
    spent: 0,
    history: candidate?.history,
    prompt: prepared.prompt,
    files: candidate ? new Map(Object.entries(candidate.files)) : void 0,
    wroteCandidate: !!candidate,
    writtenBy: candidate?.model ?? prepared.model
  }, outputs = job.spec.frontmatter.outputs, readable = dependencyFiles(input.planInput.workspace, job, run.outputOf), sandbox = createSandbox({ outputs, readable, ownerOf: (p) => input.plan.jobs.find((j) => j.spec.frontmatter.outputs.includes(p))?.id, maxFileBytes: input.config.model.maxOutputTokens * 8 }), maxAttempts = 1 + input.config.validation.maxFixAttempts;
  for (let attempt = candidate?.attempt ?? 1; attempt <= maxAttempts; attempt++) {
    if (input.onEvent?.({ type: "job-start", id: job.id, attempt }), input.trace.write({ type: "job-start", spec: job.id, attempt, jobKey: prepared.key }), !g.files) {
      input.validator?.prepare?.();
      let failed = await ask(g, sandbox, attempt);
      if (failed) return failed;
    }
    let files = g.files, { tree, twins, key } = judged(run, job, files), visible = await input.validator.visible({ specId: job.id, tree, outputs, twins, signal: run.signal });
    if (input.trace.write({ type: "validation", spec: job.id, stage: "visible", attempt, passed: visible.passed, ...visible.failureClass ? { failureClass: visible.failureClass } : {}, durationMs: visible.durationMs, ...visible.passed ? {} : { detail: failureLine(visible.feedback) } }), !visible.passed) {
      if (run.signal.aborted) return await fail(g, attempt, "cancelled", "cancelled during validation");
      if (attempt < maxAttempts && visible.failureClass !== "sandbox-refused") {
        g.prompt = input.renderFix(job, attempt, [{ title: visible.failureClass ?? "checks failed", output: input.redact(visible.feedback) }]), g.files = void 0;
        continue;
      }
      return await fail(g, attempt, visible.failureClass ?? "tests-fail", `visible checks failed after ${attempt} attempt(s): ${failureLine(visible.feedback)}`);
    }
    let judgeInput = { job, key, tree, twins, checks: input.holdouts.get(job.id) ?? [], config: input.config, validator: input.validator, trace: input.trace, attempt, signal: run.signal, visible, clock: input.clock }, verdict = (await verdictFor({ key, store: input.verdicts, fresh: !0, judge: () => judge(judgeInput) })).verdict;
    if (!verdict.admitted) return await fail(g, attempt, verdict.failureClass ?? "holdout-fails", verdict.error ?? "the gate refused it", { holdout: verdict.holdout, scenarios: verdict.scenarios, verdict });
    let result = { ...stored(g, "passed", files, attempt), holdout: verdict.holdout, ...verdict.mutationScore !== void 0 ? { mutationScore: verdict.mutationScore } : {} };
    return await input.results.write(result), { id: job.id, state: "built", prepared, files, result, attempts: attempt, spentUsd: g.spent, holdout: verdict.holdout, scenarios: verdict.scenarios, verdict, typechecked: run.input.config.validation.typecheck };
  }
  return await fail(g, maxAttempts, "tests-fail", "no attempts left");
}
async function ask(g, sandbox, attempt) {
  let { run, job, prepared } = g, { input } = run, outputs = job.spec.frontmatter.outputs, fallbackModel = fallbackModelFor(input.config, job.spec.frontmatter.kind, prepared.model), outcome = await input.agent.run(
    {
      specId: job.id,
      jobKey: prepared.key,
      model: prepared.model,
      effort: prepared.effort,
      maxOutputTokens: input.config.model.maxOutputTokens,
      system: input.planInput.systemPrompt,
      prompt: g.prompt,
      history: g.history,
      ...job.spec.frontmatter.budget_usd !== void 0 ? { budgetUsd: job.spec.frontmatter.budget_usd } : {},
      ...fallbackModel ? { fallbackModel } : {},
      signal: run.signal
    },
    sandbox
  );
  if (outcome.fatal && run.stop.abort(`stopped: ${outcome.error ?? "a fatal API error"}`), g.usage = addUsage(g.usage, outcome.usage), g.cost += outcome.costUsd, g.spent += outcome.costUsd, g.history = outcome.history, g.writtenBy = outcome.model ?? prepared.model, outcome.status !== "done") return fail(g, attempt, classify(outcome), outcome.error ?? `agent stopped: ${outcome.status}`);
  let missing = outputs.filter((p) => !sandbox.written().has(p));
  return missing.length > 0 ? fail(g, attempt, "missing-output", `the agent did not write ${missing.join(", ")}`) : (g.files = new Map(outputs.map((p) => [p, sandbox.written().get(p)])), await input.results.write(stored(g, "candidate", g.files, attempt)), g.wroteCandidate = !0, null);
}
function stored(g, stage, out, attempt) {
  let { clock, providerLabel } = g.run.input;
  return {
    jobKey: g.prepared.key,
    specId: g.job.id,
    stage,
    model: g.writtenBy,
    provider: providerLabel,
    files: Object.fromEntries(out),
    attempt,
    ...stage === "candidate" ? { history: g.history } : {},
    usage: g.usage,
    costUsd: g.cost,
    durationMs: clock() - g.started,
    finishedAt: new Date(clock()).toISOString()
  };
}
async function fail(g, attempt, failureClass, error, extra = {}) {
  g.wroteCandidate && failureClass !== "cancelled" && g.files && await g.run.input.results.write(stored(g, "failed", g.files, attempt));
  let { clock } = g.run.input;
  return { id: g.job.id, state: failureClass === "cancelled" ? "cancelled" : "failed", prepared: g.prepared, failureClass, error, attempts: attempt, spentUsd: g.spent, durationMs: clock() - g.started, ...extra };
}

// src/pipeline/build.ts
var REPAIRED_BY_BUILD = /^(generated-|manifest-)/;
async function build(options) {
  let root = path.resolve(options.root);
  return options.mode === "plan" ? walk(root, options, null, await readRawConfig(root)) : withRun({ root, runtime: options.runtime, command: options.mode, outcomeOf: runOutcome }, (run) => walk(root, options, run.runtime, run.raw));
}
async function walk(root, options, runtime, raw) {
  let generatedDir = await recoverUnderLock(root, raw, runtime !== null), read = await readInputs(root, raw), stamp = options.force ? void 0 : await buildStamp(root, buildDigest(read.inputs));
  if (stamp) return { kind: "up-to-date", specs: stamp.specs };
  let snapshot = await readSnapshot(root, { inputs: read, templates: !0 }), [checked, tree] = await Promise.all([checkSnapshot(snapshot, options.changed ? { changed: options.changed } : {}), readIndexedTree(read.tree, SPECCC_VERSION)]), checkErrors = checked.diagnostics.filter((d) => d.severity === "error" && !REPAIRED_BY_BUILD.test(d.code));
  if (checked.configBroken || checkErrors.length > 0) return { kind: "blocked", check: checked, diagnostics: checkErrors };
  let config = options.concurrency ? { ...checked.config, concurrency: options.concurrency } : checked.config, rendered = renderPrompts({ defaults: [...snapshot.templates.defaults], overrides: [...snapshot.templates.overrides], workspace: checked.workspace, buildable: buildableInOrder(checked.workspace) });
  if (!rendered.ok) return { kind: "blocked", check: checked, diagnostics: rendered.diagnostics };
  let holdouts = snapshot.scenarios.holdouts, planInput = planInputOf(checked.workspace, config, rendered.prompts, tree, options.force ?? null, gateInputs(holdouts, config, toolchainVersions()));
  return generateAndEmit({ root, read, snapshot, checked, tree, generatedDir, prompts: rendered.prompts, planInput }, options, runtime);
}
async function generateAndEmit(p, options, runtime) {
  let { root, checked, tree, planInput } = p, signal = options.signal ?? new AbortController().signal, plan = planBuild(planInput), building = options.mode === "build" ? options : null, gate = building ? lazyPreflight(plan, runtime) : null, partition = building?.shard ? partitionPlan(plan, building.shard) : null, shard = partition ? { shard: shardRole(partition, runtime, building.shardWaitMs ?? 30 * 6e4) } : {}, inputs = runnerInputs(root, { mode: options.mode, ...runtime ? { runtime } : {}, ...options.onEvent ? { onEvent: options.onEvent } : {} }, planInput.config, p.prompts, p.snapshot.scenarios.holdouts), only = building?.only ? { only: building.only } : {}, affected = checked.affected ? { affected: checked.affected } : {}, within = checked.affected ? { within: checked.affected.ids } : {}, outcomes = await runJobs({ ...inputs, plan, planInput, current: planInput.current, signal, ...gate ? { beforeGenerate: gate.open } : {}, ...shard, ...only, ...within }), unknownModels = gate ? await gate.settle() : [];
  if (unknownModels.length > 0) return { kind: "blocked", check: checked, diagnostics: unknownModels };
  if (options.mode === "plan")
    return await stampIfUnchanged(root, p.read, tree, plan, outcomes, !1), { kind: "planned", check: checked, plan, outcomes, systemPrompt: p.prompts.systemPrompt, ...affected };
  let run = runtime, held = planInput.config.promotion.policy === "manual" ? holdForPromotion(plan, outcomes, options.mode === "promote" ? options.promote : void 0) : outcomes, next = assembleTree({ plan, outcomes: held, currentRaw: tree.files, manifest: tree.manifest, version: SPECCC_VERSION, sandbox: run.sandbox, holdouts: checked.holdouts }), cancelled = signal.aborted, built = { kind: "built", check: checked, plan, outcomes: held, manifest: next.manifest, runId: run.runId, cancelled, ...affected };
  if (partition) return { ...built, change: null, shard: { ...partition.shard, owned: partition.owned.size } };
  let change = next.changed && !cancelled ? await promoteTree({ root, generatedDir: p.generatedDir, current: tree.files, ...promotionFiles(root, next, run), signal }) : null;
  return cancelled || await stampIfUnchanged(root, p.read, tree, plan, held, !0), { ...built, change };
}
var runOutcome = (r) => r.kind === "blocked" ? "blocked" : r.kind === "built" && r.cancelled ? "cancelled" : r.kind === "built" && [...r.outcomes.values()].some((o) => o.state === "failed" || o.state === "skipped") ? "failed" : "done";

// src/compile.ts
async function check(options) {
  let root = path2.resolve(options.root);
  return checkSnapshot(await readSnapshot(root, options.files ? { files: options.files } : {}), options);
}

export {
  build,
  check
};
