/**
 * Assembles a ReportModel from what the workspace records: the check (specs, dependencies,
 * diagnostics), the plan (what is stale and why), the manifest (what is promoted, with which
 * holdout verdict), every run trace and every verify run. Pure: the command reads all of it
 * (src/io/report-inputs.ts, compile.ts) and passes it here as data.
 *
 * A spec's state, first match wins:
 *   draft       its status is not `ready` (and check finds no error in it);
 *   constraint  a ready constraint spec: no outputs, no job; its rules are in every job's system prompt;
 *   blocked     check errors in its file stop every build, or it is not up to date and a
 *               spec it depends on (directly or not) is failing or blocked: a build skips it;
 *   failing     its latest job failed and the plan would send the same job again (same job key),
 *               or the latest verify run after its promotion has a failing scenario;
 *   stale       the plan would rebuild it (with the plan's reasons);
 *   unverified  promoted with no automated holdout check;
 *   promoted    promoted, and its holdout scenarios passed.
 */
import type { ManifestEntry, TracedEvent } from '../types/index.js';
import { failureClassInfo, scenariosFolder, type ReportFailureClass } from './failure-classes.js';
import { cacheMissLine, explainCacheMiss } from './cache-miss.js';
import type { ReportModel, ReportSpec, SpecState } from './model.js';
import { PRIORITY_RANK, queueOf } from './queue.js';

export interface CollectSpec {
  /** The frontmatter id; for a file whose frontmatter is broken, its path. */
  id: string;
  file: string;
  kind: string;
  status: string;
  title: string;
  dependsOn: string[];
  /** Ready and not a constraint: the plan has a job for it. */
  buildable: boolean;
  /** Its place in the queue: 0 is the most urgent (`priorityRank` of its frontmatter's `priority`); normal when absent. */
  priority?: number;
}

export interface CollectDiagnostic {
  file: string;
  code: string;
  severity: 'error' | 'warning';
  line: number;
  column: number;
  message: string;
}

export type CollectPlan =
  /** `key`: the job key the next build would use, when known. `reasons` in words. */
  | { kind: 'planned'; jobs: { id: string; stale: boolean; reasons: string[]; key: string | null }[] }
  | { kind: 'up-to-date' }
  /** No plan: the build is blocked before planning (check errors, templates, unknown models). */
  | { kind: 'blocked'; why: string };

export interface CollectInput {
  generatedAt: string;
  workspace: string;
  specccVersion: string;
  /** In the order the report lists them (build order first). */
  specs: CollectSpec[];
  diagnostics: CollectDiagnostic[];
  plan: CollectPlan;
  manifest: ReadonlyMap<string, ManifestEntry>;
  /** Oldest first. */
  runs: { id: string; events: readonly TracedEvent[] }[];
  /** Oldest first. `mutation`: `verify --mutate`'s score per spec, in percent (null: no mutant could be judged). */
  verify: { at: string; results: { spec: string; scenario: string; passed: boolean }[]; mutation?: { spec: string; score: number | null }[] }[];
  /** Holdout scenarios by spec: `name` as the validator reports it, `title` to show (null: show the name). */
  scenarios: { spec: string; name: string; title: string | null }[];
  /** The scenarios folder as `paths.scenarios` names it, for the hints that tell where to add one. */
  scenariosDir: string;
  /** A build holds the workspace lock now: its run (the latest without an end) is building. */
  buildRunning?: boolean;
}

/** Codes that describe generated/ drifting from its manifest: reported, but they never block a build. */
const NON_BLOCKING = /^generated-/;
const MAX_WHY = 240;

type JobEvent = Extract<TracedEvent, { type: 'job' }>;
type RunOutcome = Extract<TracedEvent, { type: 'run-end' }>['outcome'];
type HoldoutEvent = Extract<TracedEvent, { type: 'validation' }>;
type Verdicts = { at: string; where: string; scenarios: { name: string; passed: boolean }[] };

interface RunIndex {
  id: string;
  at: string;
  startMs: number;
  costUsd: number;
  jobs: Map<string, { start: number | null; end: number; event: JobEvent }>;
  retries: Map<string, number>;
  spend: Map<string, { costUsd: number; inputTokens: number; outputTokens: number }>;
  /** The latest holdout verdicts of each spec in this run. */
  holdouts: Map<string, Verdicts>;
  hadJobs: boolean;
  /** As its run-end event says; null when the trace has none (the process was killed, or the run is still going). */
  outcome: RunOutcome | null;
}

function ms(at: string | undefined): number {
  const t = at === undefined ? Number.NaN : Date.parse(at);
  return Number.isFinite(t) ? t : 0;
}

function finite(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

function oneLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  const chars = [...line];
  return chars.length <= MAX_WHY ? line : `${chars.slice(0, MAX_WHY - 1).join('')}…`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function indexRun(run: { id: string; events: readonly TracedEvent[] }): RunIndex {
  const startEvent = run.events.find((e) => e.type === 'run-start') ?? run.events[0];
  const at = startEvent?.at ?? '';
  const index: RunIndex = { id: run.id, at, startMs: ms(at), costUsd: 0, jobs: new Map(), retries: new Map(), spend: new Map(), holdouts: new Map(), hadJobs: false, outcome: null };
  const starts = new Map<string, number>();
  let requestsCost = 0;
  let jobsCost = 0;
  let endCost: number | null = null;
  const spendOf = (spec: string) => {
    let s = index.spend.get(spec);
    if (!s) index.spend.set(spec, (s = { costUsd: 0, inputTokens: 0, outputTokens: 0 }));
    return s;
  };
  const requestCost = new Map<string, number>();
  const requestTokens = new Set<string>();
  for (const e of run.events) {
    switch (e.type) {
      case 'job-start':
        index.hadJobs = true;
        if (!starts.has(e.spec)) starts.set(e.spec, ms(e.at));
        break;
      case 'job': {
        index.hadJobs = true;
        index.jobs.set(e.spec, { start: starts.get(e.spec) ?? null, end: ms(e.at), event: e });
        jobsCost += finite(e.costUsd);
        const s = spendOf(e.spec);
        s.costUsd = finite(e.costUsd);
        if (!requestTokens.has(e.spec) && e.usage) {
          s.inputTokens = finite(e.usage.inputTokens) + finite(e.usage.cacheReadTokens) + finite(e.usage.cacheWriteTokens);
          s.outputTokens = finite(e.usage.outputTokens);
        }
        break;
      }
      case 'request': {
        requestsCost += finite(e.costUsd);
        requestCost.set(e.spec, (requestCost.get(e.spec) ?? 0) + finite(e.costUsd));
        const s = spendOf(e.spec);
        if (!requestTokens.has(e.spec)) {
          requestTokens.add(e.spec);
          s.inputTokens = 0;
          s.outputTokens = 0;
        }
        s.inputTokens += finite(e.inputTokens) + finite(e.cacheReadTokens) + finite(e.cacheWriteTokens);
        s.outputTokens += finite(e.outputTokens);
        break;
      }
      case 'retry':
        index.retries.set(e.spec, (index.retries.get(e.spec) ?? 0) + 1);
        break;
      case 'validation':
        if (e.stage === 'holdout' && Array.isArray(e.scenarios)) index.holdouts.set(e.spec, holdoutVerdicts(e, run.id));
        break;
      case 'run-end':
        endCost = finite(e.spentUsd);
        index.outcome = e.outcome;
        break;
      default:
        break;
    }
  }
  // A job's own figure counts every request it paid for; requests of a job that never ended count too.
  for (const [spec, cost] of requestCost) if (!index.jobs.has(spec)) spendOf(spec).costUsd = cost;
  // The budget's figure (run-end) counts every settled request; jobs' own figures cover agents that bypass it.
  index.costUsd = Math.max(endCost ?? 0, jobsCost, requestsCost);
  return index;
}

/** The only way a run ends `cancelled`: the build's own signal, which these fire. */
const FROM_OUTSIDE = 'stopped from outside the build (Ctrl-C or SIGTERM, or `speccc watch` starting over after a newer edit)';

/**
 * Why a run stopped before its jobs finished, in words, from its trace; null when it did not.
 * A run cancelled from outside records only that, in run-end. A fatal agent outcome (a refused
 * key, the spend limit) stops the jobs still to come, and each records `stopped: <the error>`;
 * any other cancelled job records what stopped it (e.g. a failed pre-flight check). A trace with
 * jobs and no run-end was cut off.
 */
function stopReason(run: RunIndex): string | null {
  if (run.outcome === 'cancelled') return FROM_OUTSIDE;
  const errors = [...run.jobs.values()].filter((j) => j.event.state === 'cancelled').map((j) => j.event.error ?? '');
  const fatal = errors.find((e) => e.startsWith('stopped: '));
  if (fatal) return `a fatal error stopped the jobs still to come: ${oneLine(fatal.slice('stopped: '.length))}`;
  const other = errors.find((e) => e !== '' && e !== 'cancelled' && !e.startsWith('dependency '));
  if (other) return oneLine(other);
  if (run.outcome === null && run.hadJobs) return 'its trace ends before the run did: the process was killed, or the run is still going';
  return null;
}

/** What a job's own error adds to its state word, for jobs that did not run to the end; null when it only repeats the state. */
function jobNote(e: JobEvent): string | null {
  if ((e.state !== 'cancelled' && e.state !== 'skipped') || !e.error || e.error === e.state) return null;
  return oneLine(e.error);
}

function holdoutVerdicts(e: HoldoutEvent, run: string): Verdicts {
  return { at: e.at, where: `run ${run}`, scenarios: (e.scenarios ?? []).map((s) => ({ name: String(s.name), passed: s.passed === true })) };
}

/**
 * A spec's latest mutation score as a fraction: from the newest of its last scored
 * `speccc verify --mutate` run and the build that promoted it under promotion.minMutationScore
 * (both record percent). Null when neither scored it.
 */
function mutationScoreOf(spec: string, input: Pick<CollectInput, 'verify' | 'manifest'>): number | null {
  let found: { at: number; percent: number } | null = null;
  for (const line of input.verify) {
    const score = line.mutation?.find((m) => m.spec === spec)?.score;
    if (typeof score === 'number' && Number.isFinite(score)) found = { at: ms(line.at), percent: score };
  }
  const entry = input.manifest.get(spec);
  if (entry?.mutationScore !== undefined && Number.isFinite(entry.mutationScore) && (!found || ms(entry.builtAt) > found.at)) found = { at: ms(entry.builtAt), percent: entry.mutationScore };
  return found ? Math.min(1, Math.max(0, found.percent / 100)) : null;
}

export function collectReport(input: CollectInput): ReportModel {
  const runs = input.runs.map(indexRun);
  const blockingBy = new Map<string, CollectDiagnostic[]>();
  const diagnosticsBy = new Map<string, CollectDiagnostic[]>();
  for (const d of input.diagnostics) {
    diagnosticsBy.set(d.file, [...(diagnosticsBy.get(d.file) ?? []), d]);
    if (d.severity === 'error' && !NON_BLOCKING.test(d.code)) blockingBy.set(d.file, [...(blockingBy.get(d.file) ?? []), d]);
  }
  // Every spec is part of the product, constraint specs too: they have no outputs, but every job is built under their rules.
  const listed = input.specs;
  const jobs = input.specs.filter((s) => s.buildable).length;
  const planned = new Map(input.plan.kind === 'planned' ? input.plan.jobs.map((j) => [j.id, j]) : []);

  // The latest job of each spec across runs, and the runs that built each manifest entry. A
  // cancelled job reached no verdict: the one before it still says how the spec fares, and the
  // cancelled one is kept aside (cutShort) only to say that a later try was cut short, and why.
  const lastJob = new Map<string, { run: RunIndex; event: JobEvent }>();
  const cutShort = new Map<string, { run: RunIndex; event: JobEvent }>();
  const builtIn = new Map<string, string>();
  for (const run of runs) {
    for (const [spec, job] of run.jobs) {
      if (job.event.state === 'cancelled') cutShort.set(spec, { run, event: job.event });
      else {
        lastJob.set(spec, { run, event: job.event });
        cutShort.delete(spec);
      }
      if (job.event.state === 'built' && job.event.jobKey !== undefined && input.manifest.get(spec)?.jobKey === job.event.jobKey) builtIn.set(spec, run.id);
    }
  }
  // Each spec's verdicts in each verify run that ran its scenarios, oldest first.
  const verifyBySpec = new Map<string, Verdicts[]>();
  for (const line of input.verify) {
    const here = new Map<string, Verdicts>();
    for (const r of line.results) {
      let v = here.get(r.spec);
      if (!v) here.set(r.spec, (v = { at: line.at, where: 'verify run', scenarios: [] }));
      v.scenarios.push({ name: r.scenario, passed: r.passed });
    }
    for (const [spec, v] of here) verifyBySpec.set(spec, [...(verifyBySpec.get(spec) ?? []), v]);
  }
  const verifyOf = (spec: string): Verdicts[] => verifyBySpec.get(spec) ?? [];

  type Decided = { state: SpecState; why: string; verdicts: Verdicts | null; failureClass?: string };
  const states = new Map<string, Decided>();
  const visiting = new Set<string>();
  const bySpecId = new Map(listed.map((s) => [s.id, s]));

  const decide = (spec: CollectSpec): Decided => {
    const errors = blockingBy.get(spec.file) ?? [];
    if (errors.length > 0) {
      const first = errors[0]!;
      return { state: 'blocked', why: `${plural(errors.length, 'check error')} ${errors.length === 1 ? 'stops' : 'stop'} every build: ${first.code} at line ${first.line}: ${oneLine(first.message)}`, verdicts: null };
    }
    if (spec.kind === 'constraint') {
      if (spec.status !== 'ready') return { state: 'draft', why: `Status is ${spec.status}: no job is built under its rules.`, verdicts: null };
      return { state: 'constraint', why: `A constraint: no outputs of its own; its rules are part of the system prompt of every job (${plural(jobs, 'spec')} with outputs).`, verdicts: null };
    }
    if (spec.status !== 'ready') return { state: 'draft', why: `Status is ${spec.status}: not built.`, verdicts: null };
    const entry = input.manifest.get(spec.id);
    const job = planned.get(spec.id);
    const fresh = input.plan.kind === 'up-to-date' || (input.plan.kind === 'planned' ? job !== undefined && !job.stale : entry !== undefined);
    const noPlan = input.plan.kind === 'blocked' ? ` (no plan: ${input.plan.why})` : '';
    const last = lastJob.get(spec.id);
    const cut = cutShort.get(spec.id);
    const cancelled = cut ? `; ${last ? 'a later try' : 'its last job'} was cancelled in run ${cut.run.id}: ${stopReason(cut.run) ?? jobNote(cut.event) ?? 'its trace gives no reason'}` : '';
    const verifies = verifyOf(spec.id);
    const latestVerify = verifies.at(-1) ?? null;
    const latestHoldout = [...runs].reverse().find((r) => r.holdouts.has(spec.id))?.holdouts.get(spec.id) ?? null;
    const newest = latestVerify && latestHoldout ? (ms(latestVerify.at) >= ms(latestHoldout.at) ? latestVerify : latestHoldout) : (latestVerify ?? latestHoldout);

    if (last?.event.state === 'failed') {
      const sameJob = input.plan.kind === 'planned' ? job?.stale === true && (job.key === null || last.event.jobKey === undefined || job.key === last.event.jobKey) : input.plan.kind === 'blocked' ? entry?.jobKey !== last.event.jobKey : false;
      if (sameJob) {
        const cls = last.event.failureClass ?? 'unknown';
        const verdicts = last.run.holdouts.get(spec.id) ?? null;
        const failed = verdicts?.scenarios.filter((s) => !s.passed).length ?? 0;
        const what = cls === 'holdout-fails' && verdicts && failed > 0 ? `${failed} of ${verdicts.scenarios.length} holdout scenarios fail` : failureClassInfo(cls, input).label.toLowerCase();
        const kept = entry ? `; generated/ keeps the output of ${builtIn.has(spec.id) ? `run ${builtIn.get(spec.id)}` : `the build of ${entry.builtAt}`}` : '';
        return { state: 'failing', why: `Failed in run ${last.run.id} (${cls}) after ${plural(finite(last.event.attempts), 'attempt')}: ${what}${kept}${cancelled}.${noPlan}`, verdicts: verdicts ?? newest, failureClass: cls };
      }
    }
    if (fresh && entry) {
      const since = latestVerify && ms(latestVerify.at) >= ms(entry.builtAt) ? latestVerify : null;
      const failed = since?.scenarios.filter((s) => !s.passed) ?? [];
      if (since && failed.length > 0) return { state: 'failing', why: `${failed.length} of ${since.scenarios.length} holdout scenarios fail in the verify run of ${since.at}.${noPlan}`, verdicts: since, failureClass: 'holdout-fails' };
      const promoted = `promoted ${builtIn.has(spec.id) ? `in run ${builtIn.get(spec.id)}` : `at ${entry.builtAt}`}`;
      if (since || entry.holdout === 'passed') return { state: 'promoted', why: `All checks and holdout scenarios pass; ${promoted}.${noPlan}`, verdicts: since ?? newest };
      if (entry.holdout === 'failed') return { state: 'failing', why: `Its holdout scenarios failed when it was ${promoted}.${noPlan}`, verdicts: newest, failureClass: 'holdout-fails' };
      return { state: 'unverified', why: `Built and ${promoted}, but no automated holdout check covers it: add one under ${scenariosFolder(input.scenariosDir)}/${spec.id}/.${noPlan}`, verdicts: newest };
    }
    // Not up to date: a build skips every spec downstream of a failing or blocked one, fresh or not.
    const stop = upstreamStop(spec);
    if (stop) return { state: 'blocked', why: `Waits for ${stop.id}${stop.via ? ` (through ${stop.via})` : ''}, which is ${stop.state}.`, verdicts: newest };
    if (fresh) return { state: 'stale', why: `In the plan as up to date, but the manifest has no entry for it.${noPlan}`, verdicts: newest };
    const reasons = job?.reasons.length ? job.reasons.join(', ') : entry ? 'changed since it was built' : 'never built';
    const before = last?.event.state === 'failed' ? `; its last job failed in run ${last.run.id} (${last.event.failureClass ?? 'unknown'}) before the change` : '';
    const staged = last?.event.state === 'staged' ? `; passed its checks in run ${last.run.id} and waits for \`speccc promote ${spec.id}\`` : '';
    return { state: 'stale', why: `Stale: ${reasons}; not rebuilt yet${before}${staged}${cancelled}.${noPlan}`, verdicts: newest };
  };

  /** The nearest failing or blocked spec this one depends on, directly or through others (breadth first). */
  function upstreamStop(spec: CollectSpec): { id: string; via: string | null; state: SpecState } | null {
    const seen = new Set<string>([spec.id]);
    let wave = spec.dependsOn.map((id) => ({ id, via: null as string | null }));
    while (wave.length > 0) {
      const next: typeof wave = [];
      for (const { id, via } of wave) {
        if (seen.has(id)) continue;
        seen.add(id);
        const dep = bySpecId.get(id);
        const ds = dep ? stateOf(dep) : null;
        if (ds && (ds.state === 'failing' || ds.state === 'blocked')) return { id, via, state: ds.state };
        for (const d of dep?.dependsOn ?? []) next.push({ id: d, via: via ?? id });
      }
      wave = next;
    }
    return null;
  }

  function stateOf(spec: CollectSpec) {
    const known = states.get(spec.id);
    if (known) return known;
    if (visiting.has(spec.id)) return null; // a dependency cycle: check reports it
    visiting.add(spec.id);
    const decided = decide(spec);
    visiting.delete(spec.id);
    states.set(spec.id, decided);
    return decided;
  }

  const scenariosBy = new Map<string, { name: string; title: string | null }[]>();
  for (const s of input.scenarios) scenariosBy.set(s.spec, [...(scenariosBy.get(s.spec) ?? []), s]);

  const specs: ReportSpec[] = listed.map((spec) => {
    const { state, why, verdicts } = stateOf(spec)!;
    const known = scenariosBy.get(spec.id) ?? [];
    const passed = new Map((verdicts?.scenarios ?? []).map((s) => [s.name, s.passed]));
    const scenarios = known.map((s) => ({ name: s.title ?? s.name, passed: passed.get(s.name) ?? null }));
    for (const [name, ok] of passed) if (!known.some((k) => k.name === name)) scenarios.push({ name, passed: ok });
    const cost = runs.flatMap((run) => {
      const s = run.spend.get(spec.id);
      return s && (s.costUsd > 0 || s.inputTokens > 0 || s.outputTokens > 0) ? [{ run: run.id, at: run.at, costUsd: s.costUsd, inputTokens: s.inputTokens, outputTokens: s.outputTokens }] : [];
    });
    return {
      id: spec.id,
      file: spec.file,
      kind: spec.kind,
      title: spec.title,
      state,
      why,
      dependsOn: spec.dependsOn,
      scenarios,
      satisfaction: verifyOf(spec.id).map((v) => ({ at: v.at, value: v.scenarios.filter((s) => s.passed).length / v.scenarios.length })),
      coverage: null,
      mutationScore: mutationScoreOf(spec.id, input),
      diagnostics: (diagnosticsBy.get(spec.file) ?? []).map((d) => ({ code: d.code, severity: d.severity, line: d.line, column: d.column, message: d.message })),
      cost,
    };
  });

  // Failure taxonomy: failed jobs across runs, failed holdouts across verify runs, check errors now.
  const classes = new Map<string, { count: number; specs: Set<string> }>();
  const hit = (cls: ReportFailureClass | string, spec: string) => {
    let c = classes.get(cls);
    if (!c) classes.set(cls, (c = { count: 0, specs: new Set() }));
    c.count++;
    c.specs.add(spec);
  };
  for (const run of runs) for (const [spec, job] of run.jobs) if (job.event.state === 'failed') hit(job.event.failureClass ?? 'unknown', spec);
  for (const line of input.verify) for (const spec of new Set(line.results.filter((r) => !r.passed).map((r) => r.spec))) hit('holdout-fails', spec);
  for (const spec of input.specs) if (blockingBy.has(spec.file)) hit('spec-incomplete', spec.id);
  const failureClasses = [...classes]
    .map(([cls, c]) => ({ class: cls, ...failureClassInfo(cls, input), count: c.count, specs: [...c.specs].sort() }))
    .sort((a, b) => b.count - a.count || (a.class < b.class ? -1 : 1));

  const count = (state: SpecState) => specs.filter((s) => s.state === state).length;
  const lastVerify = input.verify.at(-1);
  let satisfaction: number | null = null;
  if (lastVerify && lastVerify.results.length > 0) {
    const per = new Map<string, { passed: number; total: number }>();
    for (const r of lastVerify.results) {
      const p = per.get(r.spec) ?? { passed: 0, total: 0 };
      p.total++;
      if (r.passed) p.passed++;
      per.set(r.spec, p);
    }
    satisfaction = [...per.values()].reduce((a, p) => a + p.passed / p.total, 0) / per.size;
  }
  const last = [...runs].reverse().find((r) => r.hadJobs) ?? runs.at(-1);
  const cacheMiss = last ? cacheMissOf(input.runs, last.id) : null;
  return {
    generatedAt: input.generatedAt,
    workspace: input.workspace,
    specccVersion: input.specccVersion,
    summary: {
      promoted: count('promoted'),
      stale: count('stale'),
      failing: count('failing'),
      unverified: count('unverified'),
      total: specs.length,
      spentUsd: runs.reduce((a, r) => a + r.costUsd, 0),
      satisfaction,
    },
    runs: runs.map((r) => ({ id: r.id, at: r.at, costUsd: r.costUsd, jobs: r.jobs.size, failed: [...r.jobs.values()].filter((j) => j.event.state === 'failed').length, outcome: r.outcome, stopped: stopReason(r) })),
    lastRun: last
      ? {
          id: last.id,
          at: last.at,
          outcome: last.outcome,
          stopped: stopReason(last),
          jobs: [...last.jobs].map(([spec, j]) => {
            const start = j.start ?? j.end;
            return {
              spec,
              startMs: Math.max(0, start - last.startMs),
              endMs: Math.max(0, j.end - last.startMs),
              attempts: finite(j.event.attempts),
              retries: last.retries.get(spec) ?? 0,
              costUsd: finite(j.event.costUsd),
              state: j.event.state,
              ...(j.event.failureClass ? { failureClass: j.event.failureClass } : {}),
              ...(jobNote(j.event) ? { note: jobNote(j.event)! } : {}),
            };
          }),
          ...(cacheMiss ? { cacheMiss: { line: cacheMissLine(cacheMiss), changed: cacheMiss.changed.map((c) => c.block) } } : {}),
        }
      : null,
    failureClasses,
    queue: queueOf(
      listed.map((spec, i) => {
        const decided = stateOf(spec)!;
        return { id: spec.id, title: spec.title, kind: spec.kind, status: spec.status, priority: spec.priority ?? PRIORITY_RANK.normal, state: specs[i]!.state, why: specs[i]!.why, ...(decided.failureClass ? { failureClass: decided.failureClass } : {}) };
      }),
      input.buildRunning ? buildingNow(input.runs) : new Map(),
    ),
    specs,
  };
}

/** Spec id -> run id: the specs the latest run without an end has started and not finished (call only while a build holds the lock). */
function buildingNow(runs: CollectInput['runs']): Map<string, string> {
  const live = [...runs].reverse().find((r) => !r.events.some((e) => e.type === 'run-end') && r.events.some((e) => e.type === 'run-start' && (e.command === 'build' || e.command === 'watch')));
  const out = new Map<string, string>();
  if (!live) return out;
  for (const e of live.events) {
    if (e.type === 'job-start') out.set(e.spec, live.id);
    else if (e.type === 'job') out.delete(e.spec);
  }
  return out;
}

/** Why run `id`'s first request missed the prompt cache, against the latest earlier run that recorded its prefix and made a request. */
function cacheMissOf(runs: CollectInput['runs'], id: string) {
  const at = runs.findIndex((r) => r.id === id);
  const has = (r: CollectInput['runs'][number], type: TracedEvent['type']) => r.events.some((e) => e.type === type);
  if (at < 0 || !has(runs[at]!, 'prefix')) return null;
  const previous = runs.slice(0, at).reverse().find((r) => has(r, 'prefix') && has(r, 'request'));
  return previous ? explainCacheMiss(previous, runs[at]!) : null;
}
