import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  failureClassInfo,
  scenariosFolder
} from "./chunk-NATWF7WB.js";
import {
  cacheMissLine,
  explainCacheMiss
} from "./chunk-RU3OEU3M.js";
import {
  PRIORITY_RANK,
  queueOf
} from "./chunk-7BPL2OAW.js";
import "./chunk-VSAIBY22.js";

// src/report/collect.ts
var NON_BLOCKING = /^generated-/, MAX_WHY = 240;
function ms(at) {
  let t = at === void 0 ? Number.NaN : Date.parse(at);
  return Number.isFinite(t) ? t : 0;
}
function finite(v) {
  return typeof v == "number" && Number.isFinite(v) ? v : 0;
}
function oneLine(text) {
  let line = text.split(`
`).find((l) => l.trim() !== "")?.trim() ?? "", chars = [...line];
  return chars.length <= MAX_WHY ? line : `${chars.slice(0, MAX_WHY - 1).join("")}\u2026`;
}
function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
function indexRun(run) {
  let at = (run.events.find((e) => e.type === "run-start") ?? run.events[0])?.at ?? "", index = { id: run.id, at, startMs: ms(at), costUsd: 0, jobs: /* @__PURE__ */ new Map(), retries: /* @__PURE__ */ new Map(), spend: /* @__PURE__ */ new Map(), holdouts: /* @__PURE__ */ new Map(), hadJobs: !1, outcome: null }, starts = /* @__PURE__ */ new Map(), requestsCost = 0, jobsCost = 0, endCost = null, spendOf = (spec) => {
    let s = index.spend.get(spec);
    return s || index.spend.set(spec, s = { costUsd: 0, inputTokens: 0, outputTokens: 0 }), s;
  }, requestCost = /* @__PURE__ */ new Map(), requestTokens = /* @__PURE__ */ new Set();
  for (let e of run.events)
    switch (e.type) {
      case "job-start":
        index.hadJobs = !0, starts.has(e.spec) || starts.set(e.spec, ms(e.at));
        break;
      case "job": {
        index.hadJobs = !0, index.jobs.set(e.spec, { start: starts.get(e.spec) ?? null, end: ms(e.at), event: e }), jobsCost += finite(e.costUsd);
        let s = spendOf(e.spec);
        s.costUsd = finite(e.costUsd), !requestTokens.has(e.spec) && e.usage && (s.inputTokens = finite(e.usage.inputTokens) + finite(e.usage.cacheReadTokens) + finite(e.usage.cacheWriteTokens), s.outputTokens = finite(e.usage.outputTokens));
        break;
      }
      case "request": {
        requestsCost += finite(e.costUsd), requestCost.set(e.spec, (requestCost.get(e.spec) ?? 0) + finite(e.costUsd));
        let s = spendOf(e.spec);
        requestTokens.has(e.spec) || (requestTokens.add(e.spec), s.inputTokens = 0, s.outputTokens = 0), s.inputTokens += finite(e.inputTokens) + finite(e.cacheReadTokens) + finite(e.cacheWriteTokens), s.outputTokens += finite(e.outputTokens);
        break;
      }
      case "retry":
        index.retries.set(e.spec, (index.retries.get(e.spec) ?? 0) + 1);
        break;
      case "validation":
        e.stage === "holdout" && Array.isArray(e.scenarios) && index.holdouts.set(e.spec, holdoutVerdicts(e, run.id));
        break;
      case "run-end":
        endCost = finite(e.spentUsd), index.outcome = e.outcome;
        break;
      default:
        break;
    }
  for (let [spec, cost] of requestCost) index.jobs.has(spec) || (spendOf(spec).costUsd = cost);
  return index.costUsd = Math.max(endCost ?? 0, jobsCost, requestsCost), index;
}
var FROM_OUTSIDE = "stopped from outside the build (Ctrl-C or SIGTERM, or `speccc watch` starting over after a newer edit)";
function stopReason(run) {
  if (run.outcome === "cancelled") return FROM_OUTSIDE;
  let errors = [...run.jobs.values()].filter((j) => j.event.state === "cancelled").map((j) => j.event.error ?? ""), fatal = errors.find((e) => e.startsWith("stopped: "));
  if (fatal) return `a fatal error stopped the jobs still to come: ${oneLine(fatal.slice(9))}`;
  let other = errors.find((e) => e !== "" && e !== "cancelled" && !e.startsWith("dependency "));
  return other ? oneLine(other) : run.outcome === null && run.hadJobs ? "its trace ends before the run did: the process was killed, or the run is still going" : null;
}
function jobNote(e) {
  return e.state !== "cancelled" && e.state !== "skipped" || !e.error || e.error === e.state ? null : oneLine(e.error);
}
function holdoutVerdicts(e, run) {
  return { at: e.at, where: `run ${run}`, scenarios: (e.scenarios ?? []).map((s) => ({ name: String(s.name), passed: s.passed === !0, ...failureOf(s) })) };
}
function mutationScoreOf(spec, input) {
  let found = null;
  for (let line of input.verify) {
    let score = line.mutation?.find((m) => m.spec === spec)?.score;
    typeof score == "number" && Number.isFinite(score) && (found = { at: ms(line.at), percent: score });
  }
  let entry = input.manifest.get(spec);
  return entry?.mutationScore !== void 0 && Number.isFinite(entry.mutationScore) && (!found || ms(entry.builtAt) > found.at) && (found = { at: ms(entry.builtAt), percent: entry.mutationScore }), found ? Math.min(1, Math.max(0, found.percent / 100)) : null;
}
function mutationHistoryOf(spec, input) {
  return input.verify.flatMap((line) => {
    let score = line.mutation?.find((m) => m.spec === spec)?.score;
    return typeof score == "number" && Number.isFinite(score) ? [Math.min(1, Math.max(0, score / 100))] : [];
  });
}
function collectReport(input) {
  let facts = indexFacts(input), specs = input.specs.map((spec) => reportSpec(facts, spec)), count = (state) => specs.filter((s) => s.state === state).length, { runs } = facts;
  return {
    generatedAt: input.generatedAt,
    workspace: input.workspace,
    specccVersion: input.specccVersion,
    summary: {
      promoted: count("promoted"),
      stale: count("stale"),
      failing: count("failing"),
      unverified: count("unverified"),
      total: specs.length,
      spentUsd: runs.reduce((a, r) => a + r.costUsd, 0),
      satisfaction: satisfactionOf(input.verify.at(-1)?.results ?? [])
    },
    runs: runs.map((r) => ({ id: r.id, at: r.at, costUsd: r.costUsd, jobs: r.jobs.size, failed: [...r.jobs.values()].filter((j) => j.event.state === "failed").length, outcome: r.outcome, stopped: stopReason(r) })),
    lastRun: lastRunOf(runs, input.runs),
    failureClasses: failureClassesOf(facts),
    queue: queueOf(queueItems(facts), input.buildRunning ? buildingNow(input.runs) : /* @__PURE__ */ new Map()),
    specs
  };
}
function queueItems(f) {
  return f.input.specs.map((spec) => {
    let { state, why, failureClass } = stateOf(f, spec);
    return { id: spec.id, title: spec.title, kind: spec.kind, status: spec.status, priority: spec.priority ?? PRIORITY_RANK.normal, state, why, ...failureClass ? { failureClass } : {} };
  });
}
function buildingNow(runs) {
  let live = [...runs].reverse().find((r) => !r.events.some((e) => e.type === "run-end") && r.events.some((e) => e.type === "run-start" && (e.command === "build" || e.command === "watch"))), out = /* @__PURE__ */ new Map();
  if (!live) return out;
  for (let e of live.events)
    e.type === "job-start" ? out.set(e.spec, live.id) : e.type === "job" && out.delete(e.spec);
  return out;
}
function indexFacts(input) {
  let runs = input.runs.map(indexRun);
  return {
    input,
    runs,
    diagnostics: diagnosticsByFile(input.diagnostics),
    // Every spec is part of the product, constraint specs too: they have no outputs, but every job is built under their rules.
    buildable: input.specs.filter((s) => s.buildable).length,
    planned: new Map(input.plan.kind === "planned" ? input.plan.jobs.map((j) => [j.id, j]) : []),
    jobs: latestJobs(runs, input.manifest),
    verifyBySpec: verdictsBySpec(input.verify),
    bySpecId: new Map(input.specs.map((s) => [s.id, s])),
    scenariosBy: scenariosBySpec(input.scenarios),
    states: /* @__PURE__ */ new Map(),
    visiting: /* @__PURE__ */ new Set()
  };
}
function scenariosBySpec(scenarios) {
  let bySpec = /* @__PURE__ */ new Map();
  for (let s of scenarios) bySpec.set(s.spec, [...bySpec.get(s.spec) ?? [], s]);
  return bySpec;
}
function diagnosticsByFile(diagnostics) {
  let all = /* @__PURE__ */ new Map(), blocking = /* @__PURE__ */ new Map();
  for (let d of diagnostics)
    all.set(d.file, [...all.get(d.file) ?? [], d]), d.severity === "error" && !NON_BLOCKING.test(d.code) && blocking.set(d.file, [...blocking.get(d.file) ?? [], d]);
  return { all, blocking };
}
function latestJobs(runs, manifest) {
  let out = { last: /* @__PURE__ */ new Map(), cutShort: /* @__PURE__ */ new Map(), builtIn: /* @__PURE__ */ new Map() };
  for (let run of runs)
    for (let [spec, job] of run.jobs)
      job.event.state === "cancelled" ? out.cutShort.set(spec, { run, event: job.event }) : (out.last.set(spec, { run, event: job.event }), out.cutShort.delete(spec)), job.event.state === "built" && job.event.jobKey !== void 0 && manifest.get(spec)?.jobKey === job.event.jobKey && out.builtIn.set(spec, run.id);
  return out;
}
function verdictsBySpec(verify) {
  let bySpec = /* @__PURE__ */ new Map();
  for (let line of verify) {
    let here = /* @__PURE__ */ new Map();
    for (let r of line.results) {
      let v = here.get(r.spec);
      v || here.set(r.spec, v = { at: line.at, where: "verify run", scenarios: [] }), v.scenarios.push({ name: r.scenario, passed: r.passed, ...failureOf(r) });
    }
    for (let [spec, v] of here) bySpec.set(spec, [...bySpec.get(spec) ?? [], v]);
  }
  return bySpec;
}
function stateOf(f, spec) {
  let known = f.states.get(spec.id);
  if (known) return known;
  if (f.visiting.has(spec.id)) return null;
  f.visiting.add(spec.id);
  let decided = decide(f, spec);
  return f.visiting.delete(spec.id), f.states.set(spec.id, decided), decided;
}
function decide(f, spec) {
  let errors = f.diagnostics.blocking.get(spec.file) ?? [];
  if (errors.length > 0) {
    let first = errors[0];
    return { state: "blocked", why: `${plural(errors.length, "check error")} ${errors.length === 1 ? "stops" : "stop"} every build: ${first.code} at line ${first.line}: ${oneLine(first.message)}`, verdicts: null };
  }
  if (spec.kind === "constraint")
    return spec.status !== "ready" ? { state: "draft", why: `Status is ${spec.status}: no job is built under its rules.`, verdicts: null } : { state: "constraint", why: `A constraint: no outputs of its own; its rules are part of the system prompt of every job (${plural(f.buildable, "spec")} with outputs).`, verdicts: null };
  if (spec.status !== "ready") return { state: "draft", why: `Status is ${spec.status}: not built.`, verdicts: null };
  if (spec.owner === "hand") return { state: "draft", why: `Hand-owned (owner: hand): no build writes its files until \`speccc adopt --take ${spec.id}\`.`, verdicts: null };
  let s = specFacts(f, spec.id);
  return failedAgain(f, spec.id, s) ?? (s.fresh && s.entry ? promotedState(f, spec.id, s, s.entry) : notUpToDate(f, spec, s));
}
function specFacts(f, id) {
  let { input, runs } = f, entry = input.manifest.get(id), job = f.planned.get(id), last = f.jobs.last.get(id), cut = f.jobs.cutShort.get(id), latestVerify = f.verifyBySpec.get(id)?.at(-1) ?? null, latestHoldout = [...runs].reverse().find((r) => r.holdouts.has(id))?.holdouts.get(id) ?? null;
  return {
    entry,
    job,
    fresh: input.plan.kind === "up-to-date" || (input.plan.kind === "planned" ? job !== void 0 && !job.stale : entry !== void 0),
    noPlan: input.plan.kind === "blocked" ? ` (no plan: ${input.plan.why})` : "",
    last,
    cancelled: cut ? `; ${last ? "a later try" : "its last job"} was cancelled in run ${cut.run.id}: ${stopReason(cut.run) ?? jobNote(cut.event) ?? "its trace gives no reason"}` : "",
    latestVerify,
    newest: latestVerify && latestHoldout ? ms(latestVerify.at) >= ms(latestHoldout.at) ? latestVerify : latestHoldout : latestVerify ?? latestHoldout
  };
}
function failedAgain(f, id, s) {
  let { input } = f, { last, job, entry } = s;
  if (last?.event.state !== "failed" || !(input.plan.kind === "planned" ? job?.stale === !0 && (job.key === null || last.event.jobKey === void 0 || job.key === last.event.jobKey) : input.plan.kind === "blocked" ? entry?.jobKey !== last.event.jobKey : !1)) return null;
  let cls = last.event.failureClass ?? "unknown", verdicts = last.run.holdouts.get(id) ?? null, failed = verdicts?.scenarios.filter((v) => !v.passed).length ?? 0, what = cls === "holdout-fails" && verdicts && failed > 0 ? `${failed} of ${verdicts.scenarios.length} holdout scenarios fail` : failureClassInfo(cls, input).label.toLowerCase(), builtIn = f.jobs.builtIn.get(id), kept = entry ? `; generated/ keeps the output of ${builtIn !== void 0 ? `run ${builtIn}` : `the build of ${entry.builtAt}`}` : "";
  return { state: "failing", why: `Failed in run ${last.run.id} (${cls}) after ${plural(finite(last.event.attempts), "attempt")}: ${what}${kept}${s.cancelled}.${s.noPlan}`, verdicts: verdicts ?? s.newest, failureClass: cls };
}
function promotedState(f, id, s, entry) {
  let { latestVerify, noPlan, newest } = s, since = latestVerify && ms(latestVerify.at) >= ms(entry.builtAt) ? latestVerify : null, failed = since?.scenarios.filter((v) => !v.passed) ?? [];
  if (since && failed.length > 0) return { state: "failing", why: `${failed.length} of ${since.scenarios.length} holdout scenarios fail in the verify run of ${since.at}.${noPlan}`, verdicts: since, failureClass: "holdout-fails" };
  let builtIn = f.jobs.builtIn.get(id), promoted = `promoted ${builtIn !== void 0 ? `in run ${builtIn}` : `at ${entry.builtAt}`}`;
  return since || entry.holdout === "passed" ? { state: "promoted", why: `All checks and holdout scenarios pass; ${promoted}.${noPlan}`, verdicts: since ?? newest } : entry.holdout === "failed" ? { state: "failing", why: `Its holdout scenarios failed when it was ${promoted}.${noPlan}`, verdicts: newest, failureClass: "holdout-fails" } : { state: "unverified", why: `Built and ${promoted}, but no automated holdout check covers it: add one under ${scenariosFolder(f.input.scenariosDir)}/${id}/.${noPlan}`, verdicts: newest };
}
function notUpToDate(f, spec, s) {
  let { job, entry, last, noPlan, newest } = s, stop = upstreamStop(f, spec);
  if (stop) return { state: "blocked", why: `Waits for ${stop.id}${stop.via ? ` (through ${stop.via})` : ""}, which is ${stop.state}.`, verdicts: newest };
  if (s.fresh) return { state: "stale", why: `In the plan as up to date, but the manifest has no entry for it.${noPlan}`, verdicts: newest };
  let reasons = job?.reasons.length ? job.reasons.join(", ") : entry ? "changed since it was built" : "never built", before = last?.event.state === "failed" ? `; its last job failed in run ${last.run.id} (${last.event.failureClass ?? "unknown"}) before the change` : "", staged = last?.event.state === "staged" ? `; passed its checks in run ${last.run.id} and waits for \`speccc promote ${spec.id}\`` : "";
  return { state: "stale", why: `Stale: ${reasons}; not rebuilt yet${before}${staged}${s.cancelled}.${noPlan}`, verdicts: newest };
}
function upstreamStop(f, spec) {
  let seen = /* @__PURE__ */ new Set([spec.id]), wave = spec.dependsOn.map((id) => ({ id, via: null }));
  for (; wave.length > 0; ) {
    let next = [];
    for (let { id, via } of wave) {
      if (seen.has(id)) continue;
      seen.add(id);
      let dep = f.bySpecId.get(id), ds = dep ? stateOf(f, dep) : null;
      if (ds && (ds.state === "failing" || ds.state === "blocked")) return { id, via, state: ds.state };
      for (let d of dep?.dependsOn ?? []) next.push({ id: d, via: via ?? id });
    }
    wave = next;
  }
  return null;
}
function reportSpec(f, spec) {
  let { state, why, verdicts } = stateOf(f, spec);
  return {
    id: spec.id,
    file: spec.file,
    kind: spec.kind,
    title: spec.title,
    state,
    why,
    dependsOn: spec.dependsOn,
    scenarios: scenarioResults(f.scenariosBy.get(spec.id) ?? [], verdicts),
    satisfaction: (f.verifyBySpec.get(spec.id) ?? []).map((v) => ({ at: v.at, value: v.scenarios.filter((s) => s.passed).length / v.scenarios.length })),
    coverage: null,
    mutationScore: mutationScoreOf(spec.id, f.input),
    mutationHistory: mutationHistoryOf(spec.id, f.input),
    diagnostics: (f.diagnostics.all.get(spec.file) ?? []).map((d) => ({ code: d.code, severity: d.severity, line: d.line, column: d.column, message: d.message })),
    cost: f.runs.flatMap((run) => {
      let s = run.spend.get(spec.id);
      return s && (s.costUsd > 0 || s.inputTokens > 0 || s.outputTokens > 0) ? [{ run: run.id, at: run.at, costUsd: s.costUsd, inputTokens: s.inputTokens, outputTokens: s.outputTokens }] : [];
    })
  };
}
function scenarioResults(known, verdicts) {
  let results = new Map((verdicts?.scenarios ?? []).map((s) => [s.name, s])), shown = (r) => r?.failure !== void 0 && !r.passed ? { failure: r.failure } : {}, scenarios = known.map((s) => ({ name: s.title ?? s.name, passed: results.get(s.name)?.passed ?? null, ...shown(results.get(s.name)) }));
  for (let [name, r] of results) known.some((k) => k.name === name) || scenarios.push({ name, passed: r.passed, ...shown(r) });
  return scenarios;
}
function failureOf(s) {
  return s.passed !== !0 && typeof s.failure == "string" && s.failure !== "" ? { failure: s.failure.slice(0, 1e3) } : {};
}
function failureClassesOf(f) {
  let classes = /* @__PURE__ */ new Map(), hit = (cls, spec) => {
    let c = classes.get(cls);
    c || classes.set(cls, c = { count: 0, specs: /* @__PURE__ */ new Set() }), c.count++, c.specs.add(spec);
  };
  for (let run of f.runs) for (let [spec, job] of run.jobs) job.event.state === "failed" && hit(job.event.failureClass ?? "unknown", spec);
  for (let line of f.input.verify) for (let spec of new Set(line.results.filter((r) => !r.passed).map((r) => r.spec))) hit("holdout-fails", spec);
  for (let spec of f.input.specs) f.diagnostics.blocking.has(spec.file) && hit("spec-incomplete", spec.id);
  return [...classes].map(([cls, c]) => ({ class: cls, ...failureClassInfo(cls, f.input), count: c.count, specs: [...c.specs].sort() })).sort((a, b) => b.count - a.count || (a.class < b.class ? -1 : 1));
}
function satisfactionOf(results) {
  if (results.length === 0) return null;
  let per = /* @__PURE__ */ new Map();
  for (let r of results) {
    let p = per.get(r.spec) ?? { passed: 0, total: 0 };
    p.total++, r.passed && p.passed++, per.set(r.spec, p);
  }
  return [...per.values()].reduce((a, p) => a + p.passed / p.total, 0) / per.size;
}
function lastRunOf(runs, traces) {
  let last = [...runs].reverse().find((r) => r.hadJobs) ?? runs.at(-1);
  if (!last) return null;
  let cacheMiss = cacheMissOf(traces, last.id);
  return {
    id: last.id,
    at: last.at,
    outcome: last.outcome,
    stopped: stopReason(last),
    jobs: [...last.jobs].map(([spec, j]) => {
      let start = j.start ?? j.end;
      return {
        spec,
        startMs: Math.max(0, start - last.startMs),
        endMs: Math.max(0, j.end - last.startMs),
        attempts: finite(j.event.attempts),
        retries: last.retries.get(spec) ?? 0,
        costUsd: finite(j.event.costUsd),
        state: j.event.state,
        ...j.event.failureClass ? { failureClass: j.event.failureClass } : {},
        ...jobNote(j.event) ? { note: jobNote(j.event) } : {}
      };
    }),
    ...cacheMiss ? { cacheMiss: { line: cacheMissLine(cacheMiss), changed: cacheMiss.changed.map((c) => c.block) } } : {}
  };
}
function cacheMissOf(runs, id) {
  let at = runs.findIndex((r) => r.id === id), has = (r, type) => r.events.some((e) => e.type === type);
  if (at < 0 || !has(runs[at], "prefix")) return null;
  let previous = runs.slice(0, at).reverse().find((r) => has(r, "prefix") && has(r, "request"));
  return previous ? explainCacheMiss(previous, runs[at]) : null;
}
export {
  collectReport,
  satisfactionOf,
  scenarioResults
};
