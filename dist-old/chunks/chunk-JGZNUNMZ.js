import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  requireStryker
} from "./chunk-PXOJ7NHK.js";
import {
  EXIT,
  UsageError,
  changedFiles,
  inWorkspace,
  parseUsd,
  toJson,
  withGuess
} from "./chunk-EEWYZ6FF.js";
import {
  Option
} from "./chunk-IMW7CCHR.js";

// src/commands/build.ts
import path from "node:path";
import { promises as fs } from "node:fs";
async function parseFlags(flags) {
  let concurrency = flags.concurrency === void 0 ? void 0 : Number(flags.concurrency);
  if (concurrency !== void 0 && (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)) throw new UsageError(`--concurrency must be a whole number from 1 to 64, not ${flags.concurrency}`);
  let maxCost = parseUsd("--max-cost", flags.maxCost);
  if (flags.promptsOut && !flags.dryRun) throw new UsageError("--prompts-out writes the prompts of a dry run; add --dry-run");
  let force = flags.force === !0 ? "all" : Array.isArray(flags.force) ? new Set(flags.force) : null, planOnly = !!(flags.dryRun || flags.check);
  if (flags.batch && flags.provider !== "anthropic") throw new UsageError(`--batch sends requests through the Anthropic Message Batches API; --provider ${flags.provider} sends none`);
  let shard = flags.shard === void 0 ? void 0 : await shardOf(flags, planOnly, force), shardWaitMs = flags.shardWait === void 0 ? void 0 : seconds("--shard-wait", flags.shardWait) * 1e3;
  return { concurrency, maxCost, force, planOnly, shard, shardWaitMs };
}
async function runtimeOf(io, root, flags, parsed, credentials, warned) {
  let { createRuntime } = await import("./runtime-3AWIBRCX.js"), warn = (line) => {
    warned.push(line), io.stderr(`speccc: warning: ${line}
`);
  };
  return (loaded) => {
    loaded.config.promotion.minMutationScore !== void 0 && requireStryker("promotion.minMutationScore");
    let runtime = createRuntime({
      root,
      config: loaded.config,
      credentials,
      command: "build",
      provider: flags.provider,
      record: !!flags.record,
      ...parsed.maxCost !== void 0 ? { maxCostUsd: parsed.maxCost } : {},
      ...flags.batch ? { batch: !0 } : {},
      onWarning: warn
    });
    for (let warning of runtime.warnings) warn(warning);
    if (parsed.shard && !runtime.shared) throw new UsageError("--shard shares results through the remote cache: set cache.remote in speccc.config.json, and SPECCC_REMOTE_CACHE_TOKEN and SPECCC_REMOTE_CACHE_KEY in the environment");
    return runtime;
  };
}
async function runBuild(io, flags) {
  return inWorkspace(io, flags.root, async (root) => {
    let parsed = await parseFlags(flags), { planOnly, force } = parsed;
    if (flags.next !== void 0 && (planOnly || force || flags.shard)) throw new UsageError("--next builds what the queue (`speccc status`) has at its top; it does not combine with --dry-run, --check, --force or --shard");
    let next = flags.next === void 0 ? void 0 : await takeFromQueue(io, root, count("--next", flags.next), flags.format === "text");
    if (next && next.size === 0)
      return flags.format === "json" ? io.stdout(toJson({ next: [], upToDate: !0 })) : io.stdout(`\u2714 nothing waits in the queue (speccc status shows it)
`), EXIT.ok;
    let { build } = await import("./compile-EUQCMST3.js"), { takeCredentials } = await import("./runtime-3AWIBRCX.js"), credentials = takeCredentials(io.env), warned = [], { concurrency, shard, shardWaitMs } = parsed, changed = flags.since === void 0 ? void 0 : await changedFiles(root, flags.since), progress = planOnly || flags.format === "json" ? void 0 : await liveProgress(io), common = { root, force, signal: io.signal, ...changed ? { changed } : {}, ...concurrency ? { concurrency } : {}, ...progress ? { onEvent: progress } : {} };
    force instanceof Set && await requireReadySpecs(root, [...force], "--force");
    let shared = null, result = planOnly ? await build({ ...common, mode: "plan" }) : await build({ ...common, mode: "build", runtime: keepShared(await runtimeOf(io, root, flags, parsed, credentials, warned), (s) => shared = s), ...shard ? { shard } : {}, ...shardWaitMs !== void 0 ? { shardWaitMs } : {}, ...next ? { only: next } : {} });
    return (result.kind === "planned" || result.kind === "built") && narrowToAffected(result), printResult(io, root, flags, parsed, credentials, result, warned, shared?.counts(), next);
  });
}
function keepShared(make, keep) {
  return (loaded) => {
    let runtime = make(loaded);
    return keep(runtime.shared), runtime;
  };
}
async function printResult(io, root, flags, parsed, credentials, result, warned, cache, next) {
  switch (result.kind) {
    case "up-to-date": {
      let n = result.specs;
      return flags.format === "json" ? io.stdout(JSON.stringify({ upToDate: !0, specs: n }, null, 2) + `
`) : io.stdout(`${parsed.planOnly ? "" : "\u2714 "}${n} spec${n === 1 ? "" : "s"} up to date
`), EXIT.ok;
    }
    case "blocked":
      return printBlocked(io, result.check.configBroken ? result.check.diagnostics : result.diagnostics, result.check.specs, result.check.configBroken);
    case "planned":
      return printPlanned(io, flags, parsed, credentials, result);
    case "built": {
      let out = await import("./build-output-UD52JLDZ.js"), summary = { outcomes: result.outcomes, total: result.plan.jobs.length, change: result.change, cancelled: result.cancelled, runId: result.runId, ...result.shard ? { shard: result.shard } : {} }, lessons = await proposeLessons(io, root, result.outcomes);
      if (flags.format === "json") {
        let spentUsd = [...result.outcomes.values()].reduce((s, o) => s + o.spentUsd, 0), actuals = await estimateAgainstActual(root, result.runId);
        io.stdout(toJson({ run: result.runId, ...next ? { next: [...next] } : {}, jobs: jobsJson(result.plan, result.outcomes, null, actuals), orphans: result.plan.orphans, change: result.change, cancelled: result.cancelled, spentUsd, warnings: warned, lessonsProposed: lessons, ...result.shard ? { shard: result.shard } : {}, ...cache ? { remoteCache: cache } : {} }));
      } else
        io.stdout(`${io.isTTY ? "\r\x1B[2K" : ""}${out.formatBuildSummary(summary, io.color)}`), cache && io.stdout(out.formatCacheSummary(cache)), lessons.length > 0 && io.stdout(`${lessons.length === 1 ? `lesson ${lessons[0]} proposed` : `lessons ${lessons.join(", ")} proposed`} for the rules from this build's failures: speccc lessons
`);
      return result.cancelled ? EXIT.failed : [...result.outcomes.values()].some((o) => o.state === "failed" || o.state === "skipped" || o.state === "cancelled") ? EXIT.failed : EXIT.ok;
    }
  }
}
async function printPlanned(io, flags, parsed, credentials, result) {
  let config = result.check.config, { estimatePlan } = await import("./estimate-5ZMQ5P3C.js"), { TOOL_DEFINITIONS } = await import("./tools-VVHXVTDU.js"), counted = await countTokens(credentials, result), estimate = estimatePlan({ plan: result.plan, outcomes: result.outcomes, config, systemPrompt: result.systemPrompt, toolsBytes: Buffer.byteLength(JSON.stringify(TOOL_DEFINITIONS)), counted, batch: !!flags.batch });
  flags.promptsOut && await writePrompts(path.resolve(io.cwd, flags.promptsOut), result), flags.format === "json" ? io.stdout(toJson({ jobs: jobsJson(result.plan, result.outcomes, estimate), orphans: result.plan.orphans, estimate: { expectedUsd: estimate.expectedUsd, worstCaseUsd: estimate.worstCaseUsd, estimated: estimate.estimated } })) : io.stdout((await import("./build-output-UD52JLDZ.js")).formatPlan(result.plan, result.outcomes, estimate, (await import("./budget-LYPCFJLB.js")).spendCaps(config, parsed.maxCost !== void 0 ? { maxCostUsd: parsed.maxCost } : {}).run, io.color, !!flags.batch));
  let stale = [...result.outcomes.values()].some((o) => o.state !== "fresh") || result.plan.orphans.length > 0;
  return flags.check && stale ? EXIT.failed : EXIT.ok;
}
function narrowToAffected(result) {
  let ids = result.affected?.ids;
  if (ids) {
    result.plan = { ...result.plan, jobs: result.plan.jobs.filter((j) => ids.has(j.id)) };
    for (let id of [...result.outcomes.keys()]) ids.has(id) || result.outcomes.delete(id);
  }
}
async function shardOf(flags, planOnly, force) {
  let { parseShard } = await import("./shard-G7UC6BLJ.js"), shard = parseShard(flags.shard);
  if (typeof shard == "string") throw new UsageError(shard);
  if (planOnly) throw new UsageError("--shard builds a part of the plan; it does not combine with --dry-run or --check");
  if (force) throw new UsageError("--shard does not combine with --force: the other shards could not tell a forced result from the one it replaces");
  return shard;
}
async function proposeLessons(io, root, outcomes) {
  if (![...outcomes.values()].some((o) => o.state === "failed" || o.attempts > 1)) return [];
  let { refreshLessons } = await import("./lessons-WJJJKVQQ.js"), { CorruptStateError } = await import("./promote-KXQQYZFH.js");
  try {
    return (await refreshLessons(root, (/* @__PURE__ */ new Date()).toISOString())).added;
  } catch (error) {
    if (!(error instanceof CorruptStateError)) throw error;
    return io.stderr(`speccc: warning: no lessons proposed: ${error.message}
`), [];
  }
}
function count(flag, text) {
  let n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n) || n < 1 || n > 1e4) throw new UsageError(`${flag} must be a whole number from 1 to 10000, not ${text}`);
  return n;
}
async function takeFromQueue(io, root, n, announce) {
  let { gatherReport } = await import("./report-FTRBEDIQ.js"), { check } = await import("./compile-EUQCMST3.js"), model = await gatherReport(io, root), waiting = new Set(model.queue.waiting.map((e) => e.id)), picked = model.queue.waiting.slice(0, n).map((e) => e.id), byId = (await check({ root })).workspace.byId, taken = /* @__PURE__ */ new Set(), take = (id) => {
    if (taken.has(id) || !waiting.has(id)) return;
    taken.add(id);
    let fm = byId.get(id)?.frontmatter;
    for (let dep of [...fm?.depends_on ?? [], ...fm?.uses_twins ?? []]) take(dep);
  };
  picked.forEach(take);
  let extra = [...taken].filter((id) => !picked.includes(id));
  return announce && taken.size > 0 && io.stdout(`\u2026 taking ${picked.join(", ")} from the queue${extra.length > 0 ? `, with ${extra.join(", ")} ${extra.length === 1 ? "it builds" : "they build"} on` : ""}; ${waiting.size - taken.size} left waiting
`), taken;
}
function seconds(flag, text) {
  let n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n)) throw new UsageError(`${flag} must be a whole number of seconds, not ${text}`);
  return n;
}
async function requireReadySpecs(root, ids, what) {
  let { check } = await import("./compile-EUQCMST3.js"), { buildableInOrder } = await import("./5-plan-VLFBFK3S.js"), buildable = new Set(buildableInOrder((await check({ root })).workspace).map((s) => s.frontmatter.id)), unknown = ids.filter((id) => !buildable.has(id));
  if (unknown.length > 0) throw new UsageError(`${what} names no ready spec that builds: ${unknown.map((id) => withGuess(id, buildable)).join(", ")}`);
}
async function printBlocked(io, diagnostics, specs, configBroken) {
  let { formatText } = await import("./text-ABYEJU6I.js");
  return io.stdout(formatText(diagnostics, { specs, errors: diagnostics.filter((d) => d.severity === "error").length, warnings: 0 }, { color: io.color })), io.stderr(`speccc: build stopped before any agent call: fix the errors above
`), configBroken ? EXIT.usage : EXIT.failed;
}
async function liveProgress(io) {
  let { formatOutcome } = await import("./build-output-UD52JLDZ.js"), running = /* @__PURE__ */ new Set(), spent = 0;
  return (event) => {
    if (event.type === "job-start") {
      running.add(event.id);
      let what = event.attempt > 1 ? `fixing ${event.id} (attempt ${event.attempt})` : `generating ${event.id}`;
      io.isTTY ? io.stdout(`\r\x1B[2K\u2026 ${what}; ${running.size} running, $${spent.toFixed(4)} spent so far`) : io.stdout(`\u2026 ${what}
`);
      return;
    }
    running.delete(event.outcome.id), spent += event.outcome.spentUsd;
    let line = formatOutcome(event.outcome, io.color);
    line && io.stdout(`${io.isTTY ? "\r\x1B[2K" : ""}${line}
`);
  };
}
async function countTokens(credentials, result) {
  let counted = /* @__PURE__ */ new Map();
  if (!credentials.apiKey) return counted;
  let { countInputTokens } = await import("./count-tokens-FV4R6UTU.js");
  for (let job of result.plan.jobs) {
    let outcome = result.outcomes.get(job.id), prepared = outcome?.prepared ?? job.prepared;
    if (outcome?.state !== "stale" || !prepared) continue;
    let tokens = await countInputTokens({ apiKey: credentials.apiKey, ...credentials.baseURL ? { baseURL: credentials.baseURL } : {} }, { model: prepared.model, system: result.systemPrompt, prompt: prepared.prompt });
    tokens !== void 0 && counted.set(job.id, tokens);
  }
  return counted;
}
async function writePrompts(dir, result) {
  await fs.mkdir(dir, { recursive: !0 }), await fs.writeFile(path.join(dir, "system.md"), result.systemPrompt);
  for (let job of result.plan.jobs) {
    let prepared = result.outcomes.get(job.id)?.prepared ?? job.prepared;
    prepared && await fs.writeFile(path.join(dir, `${job.id}.md`), prepared.prompt);
  }
}
async function estimateAgainstActual(root, runId) {
  let { listRuns, readRun } = await import("./trace-BSEH5DNN.js"), { summariseRun } = await import("./log-VBIEO5WH.js"), run = (await listRuns(root)).find((r) => r.runId === runId), specs = run ? summariseRun((await readRun(run)).events) : [];
  return new Map(
    specs.filter((s) => s.requests > 0).map((s) => [s.spec, { estimate: { countedInputTokens: s.countedRequests > 0 ? s.countedInputTokens : null, reservedUsd: s.reservedUsd }, actual: { inputTokens: s.inputTokens + s.cacheReadTokens + s.cacheWriteTokens, costUsd: s.costUsd } }])
  );
}
function jobsJson(plan, outcomes, estimate, actuals) {
  return plan.jobs.map((j) => {
    let o = outcomes.get(j.id), e = estimate?.jobs.find((x) => x.id === j.id), a = actuals?.get(j.id);
    return {
      id: j.id,
      state: o?.state,
      reasons: j.reasons,
      drifted: j.drifted,
      jobKey: o?.prepared?.key ?? null,
      failureClass: o?.failureClass,
      error: o?.error,
      spentUsd: o?.spentUsd ?? 0,
      holdout: o?.holdout,
      ...e ? { estimate: { inputTokens: e.inputTokens, counted: e.counted, expectedUsd: e.expectedUsd, worstCaseUsd: e.worstCaseUsd, model: e.model } } : {},
      ...a || {}
    };
  });
}
var registerBuild = (program, io, done) => {
  program.command("build").description("Generate code for every stale ready spec, validate it sealed, and promote it into generated/ atomically.").option("--root <dir>", "workspace root (default: current directory)").option("--dry-run", "print the plan (what is stale and why, its tokens and cost); call no agent").option("--prompts-out <dir>", "with --dry-run: write the rendered prompts to this folder").option("--check", "exit 1 if generated/ is not what the current specs would produce (CI; no agent, no key)").option("--force [ids...]", "rebuild these specs (all when no id is given)").option("--max-cost <usd>", "stop before any request that could take this run past this many US dollars").option("--concurrency <n>", "jobs to run at once (default from config)").option("--record", "save each job's writes as a cassette under .speccc/cassettes/ (rebuild offline with --provider replay)").option("--batch", "send requests through the Message Batches API at half price; slower; an interrupted build resumes its batches").option("--shard <i/n>", "CI: generate the i-th of n parts of the stale jobs and publish them to the remote cache (cache.remote); generated/ is left to a final `speccc build`").option("--next <n>", "build only the n specs at the top of the queue (`speccc status`: ready, not up to date, most urgent first) and what they build on; for a scheduled job working through the queue").option("--shard-wait <seconds>", "with --shard: how long to wait for another shard's result this shard's jobs depend on (default 1800)").addOption(new Option("--provider <name>", "who writes the code").choices(["anthropic", "replay"]).default("anthropic")).option("--since <ref>", "only the specs a change since this git ref reaches (committed, staged, unstaged and untracked), and everything downstream").addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text")).action((flags) => done(runBuild(io, flags)));
};

export {
  runBuild,
  requireReadySpecs,
  registerBuild
};
