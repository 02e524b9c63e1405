/**
 * Assembles a ReportModel from what the workspace records: the check (specs, dependencies,
 * diagnostics), the plan (what is stale and why), the manifest (what is promoted, with which
 * holdout verdict), every run trace and every verify run. Pure: the command reads all of it
 * (src/io/report-inputs.ts, compile.ts) and passes it here as data.
 *
 * A spec's state, first match wins:
 *   draft       its status is not `ready`, or it is hand-owned (adopted code; and check finds no error in it);
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
import { PRIORITY_RANK, queueOf, type QueueSpec } from './queue.js';

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
  /** `hand`: adopted code the team still owns (`speccc adopt`); no build writes it, whatever its status. */
  owner?: string;
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
type Verdicts = { at: string; where: string; scenarios: { name: string; passed: boolean; failure?: string }[] };

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
  return { at: e.at, where: `run ${run}`, scenarios: (e.scenarios ?? []).map((s) => ({ name: String(s.name), passed: s.passed === true, ...failureOf(s) })) };
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

/** Every scored `verify --mutate` run of the spec, oldest first, as fractions: how the score moved as holdouts were added. */
function mutationHistoryOf(spec: string, input: Pick<CollectInput, 'verify'>): number[] {
  return input.verify.flatMap((line) => {
    const score = line.mutation?.find((m) => m.spec === spec)?.score;
    return typeof score === 'number' && Number.isFinite(score) ? [Math.min(1, Math.max(0, score / 100))] : [];
  });
}

type Decided = { state: SpecState; why: string; verdicts: Verdicts | null; failureClass?: string };
type JobRef = { run: RunIndex; event: JobEvent };
type PlannedJob = Extract<CollectPlan, { kind: 'planned' }>['jobs'][number];

/** Everything collectReport indexes from its input once, and the spec states decided so far. */
interface Facts {
  readonly input: CollectInput;
  readonly runs: RunIndex[];
  /** Diagnostics by file; `blocking`: only the errors that stop a build. */
  readonly diagnostics: { all: Map<string, CollectDiagnostic[]>; blocking: Map<string, CollectDiagnostic[]> };
  /** How many specs have a job (ready, not a constraint). */
  readonly buildable: number;
  readonly planned: Map<string, PlannedJob>;
  readonly jobs: LatestJobs;
  /** Each spec's verdicts in each verify run that ran its scenarios, oldest first. */
  readonly verifyBySpec: Map<string, Verdicts[]>;
  readonly bySpecId: Map<string, CollectSpec>;
  /** Holdout scenarios by spec id. */
  readonly scenariosBy: Map<string, CollectInput['scenarios']>;
  /** Decided states, filled on demand (a spec's state may depend on its dependencies'). */
  readonly states: Map<string, Decided>;
  /** Specs whose state is being decided: meeting one again means a dependency cycle. */
  readonly visiting: Set<string>;
}

export function collectReport(input: CollectInput): ReportModel {
  const facts = indexFacts(input);
  const specs = input.specs.map((spec) => reportSpec(facts, spec));
  const count = (state: SpecState) => specs.filter((s) => s.state === state).length;
  const { runs } = facts;
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
      satisfaction: satisfactionOf(input.verify.at(-1)?.results ?? []),
    },
    runs: runs.map((r) => ({ id: r.id, at: r.at, costUsd: r.costUsd, jobs: r.jobs.size, failed: [...r.jobs.values()].filter((j) => j.event.state === 'failed').length, outcome: r.outcome, stopped: stopReason(r) })),
    lastRun: lastRunOf(runs, input.runs),
    failureClasses: failureClassesOf(facts),
    queue: queueOf(queueItems(facts), input.buildRunning ? buildingNow(input.runs) : new Map()),
    specs,
  };
}

/** Every spec as the queue sees it: its decided state and why, its priority and, when failing, the class of its failure. */
function queueItems(f: Facts): QueueSpec[] {
  return f.input.specs.map((spec) => {
    const { state, why, failureClass } = stateOf(f, spec)!;
    return { id: spec.id, title: spec.title, kind: spec.kind, status: spec.status, priority: spec.priority ?? PRIORITY_RANK.normal, state, why, ...(failureClass ? { failureClass } : {}) };
  });
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

function indexFacts(input: CollectInput): Facts {
  const runs = input.runs.map(indexRun);
  return {
    input,
    runs,
    diagnostics: diagnosticsByFile(input.diagnostics),
    // Every spec is part of the product, constraint specs too: they have no outputs, but every job is built under their rules.
    buildable: input.specs.filter((s) => s.buildable).length,
    planned: new Map(input.plan.kind === 'planned' ? input.plan.jobs.map((j) => [j.id, j]) : []),
    jobs: latestJobs(runs, input.manifest),
    verifyBySpec: verdictsBySpec(input.verify),
    bySpecId: new Map(input.specs.map((s) => [s.id, s])),
    scenariosBy: scenariosBySpec(input.scenarios),
    states: new Map(),
    visiting: new Set(),
  };
}

function scenariosBySpec(scenarios: CollectInput['scenarios']): Facts['scenariosBy'] {
  const bySpec: Facts['scenariosBy'] = new Map();
  for (const s of scenarios) bySpec.set(s.spec, [...(bySpec.get(s.spec) ?? []), s]);
  return bySpec;
}

function diagnosticsByFile(diagnostics: readonly CollectDiagnostic[]): Facts['diagnostics'] {
  const all = new Map<string, CollectDiagnostic[]>();
  const blocking = new Map<string, CollectDiagnostic[]>();
  for (const d of diagnostics) {
    all.set(d.file, [...(all.get(d.file) ?? []), d]);
    if (d.severity === 'error' && !NON_BLOCKING.test(d.code)) blocking.set(d.file, [...(blocking.get(d.file) ?? []), d]);
  }
  return { all, blocking };
}

interface LatestJobs {
  /** The latest job of each spec across runs that reached a verdict (not cancelled). */
  last: Map<string, JobRef>;
  /** A cancelled job newer than `last`: kept only to say that a later try was cut short, and why. */
  cutShort: Map<string, JobRef>;
  /** The run that built each spec's manifest entry (same job key), when a trace shows it. */
  builtIn: Map<string, string>;
}

/**
 * The latest job of each spec, and the runs that built each manifest entry. A cancelled job
 * reached no verdict: the one before it still says how the spec fares.
 */
function latestJobs(runs: readonly RunIndex[], manifest: CollectInput['manifest']): LatestJobs {
  const out: LatestJobs = { last: new Map(), cutShort: new Map(), builtIn: new Map() };
  for (const run of runs) {
    for (const [spec, job] of run.jobs) {
      if (job.event.state === 'cancelled') out.cutShort.set(spec, { run, event: job.event });
      else {
        out.last.set(spec, { run, event: job.event });
        out.cutShort.delete(spec);
      }
      if (job.event.state === 'built' && job.event.jobKey !== undefined && manifest.get(spec)?.jobKey === job.event.jobKey) out.builtIn.set(spec, run.id);
    }
  }
  return out;
}

function verdictsBySpec(verify: CollectInput['verify']): Map<string, Verdicts[]> {
  const bySpec = new Map<string, Verdicts[]>();
  for (const line of verify) {
    const here = new Map<string, Verdicts>();
    for (const r of line.results) {
      let v = here.get(r.spec);
      if (!v) here.set(r.spec, (v = { at: line.at, where: 'verify run', scenarios: [] }));
      v.scenarios.push({ name: r.scenario, passed: r.passed, ...failureOf(r) });
    }
    for (const [spec, v] of here) bySpec.set(spec, [...(bySpec.get(spec) ?? []), v]);
  }
  return bySpec;
}

/** A spec's state, decided once; null while it is being decided (a dependency cycle: check reports it). */
function stateOf(f: Facts, spec: CollectSpec): Decided | null {
  const known = f.states.get(spec.id);
  if (known) return known;
  if (f.visiting.has(spec.id)) return null;
  f.visiting.add(spec.id);
  const decided = decide(f, spec);
  f.visiting.delete(spec.id);
  f.states.set(spec.id, decided);
  return decided;
}

/** What the rules after the first three (blocked, constraint, draft) read about a ready spec. */
interface SpecFacts {
  entry: ManifestEntry | undefined;
  job: PlannedJob | undefined;
  /** The plan would not rebuild it. */
  fresh: boolean;
  /** Appended to every why when there is no plan. */
  noPlan: string;
  last: JobRef | undefined;
  /** Appended to a why when a later try was cancelled. */
  cancelled: string;
  latestVerify: Verdicts | null;
  /** The newest verdicts from a verify run or a build's holdout check. */
  newest: Verdicts | null;
}

/** A spec's state and why: the first matching rule of the list at the top of this file. */
function decide(f: Facts, spec: CollectSpec): Decided {
  const errors = f.diagnostics.blocking.get(spec.file) ?? [];
  if (errors.length > 0) {
    const first = errors[0]!;
    return { state: 'blocked', why: `${plural(errors.length, 'check error')} ${errors.length === 1 ? 'stops' : 'stop'} every build: ${first.code} at line ${first.line}: ${oneLine(first.message)}`, verdicts: null };
  }
  if (spec.kind === 'constraint') {
    if (spec.status !== 'ready') return { state: 'draft', why: `Status is ${spec.status}: no job is built under its rules.`, verdicts: null };
    return { state: 'constraint', why: `A constraint: no outputs of its own; its rules are part of the system prompt of every job (${plural(f.buildable, 'spec')} with outputs).`, verdicts: null };
  }
  if (spec.status !== 'ready') return { state: 'draft', why: `Status is ${spec.status}: not built.`, verdicts: null };
  if (spec.owner === 'hand') return { state: 'draft', why: `Hand-owned (owner: hand): no build writes its files until \`speccc adopt --take ${spec.id}\`.`, verdicts: null };
  const s = specFacts(f, spec.id);
  return failedAgain(f, spec.id, s) ?? (s.fresh && s.entry ? promotedState(f, spec.id, s, s.entry) : notUpToDate(f, spec, s));
}

function specFacts(f: Facts, id: string): SpecFacts {
  const { input, runs } = f;
  const entry = input.manifest.get(id);
  const job = f.planned.get(id);
  const last = f.jobs.last.get(id);
  const cut = f.jobs.cutShort.get(id);
  const latestVerify = f.verifyBySpec.get(id)?.at(-1) ?? null;
  const latestHoldout = [...runs].reverse().find((r) => r.holdouts.has(id))?.holdouts.get(id) ?? null;
  return {
    entry,
    job,
    fresh: input.plan.kind === 'up-to-date' || (input.plan.kind === 'planned' ? job !== undefined && !job.stale : entry !== undefined),
    noPlan: input.plan.kind === 'blocked' ? ` (no plan: ${input.plan.why})` : '',
    last,
    cancelled: cut ? `; ${last ? 'a later try' : 'its last job'} was cancelled in run ${cut.run.id}: ${stopReason(cut.run) ?? jobNote(cut.event) ?? 'its trace gives no reason'}` : '',
    latestVerify,
    newest: latestVerify && latestHoldout ? (ms(latestVerify.at) >= ms(latestHoldout.at) ? latestVerify : latestHoldout) : (latestVerify ?? latestHoldout),
  };
}

/** `failing` when its latest job failed and the next build would send the same job again; null otherwise. */
function failedAgain(f: Facts, id: string, s: SpecFacts): Decided | null {
  const { input } = f;
  const { last, job, entry } = s;
  if (last?.event.state !== 'failed') return null;
  const sameJob = input.plan.kind === 'planned' ? job?.stale === true && (job.key === null || last.event.jobKey === undefined || job.key === last.event.jobKey) : input.plan.kind === 'blocked' ? entry?.jobKey !== last.event.jobKey : false;
  if (!sameJob) return null;
  const cls = last.event.failureClass ?? 'unknown';
  const verdicts = last.run.holdouts.get(id) ?? null;
  const failed = verdicts?.scenarios.filter((v) => !v.passed).length ?? 0;
  const what = cls === 'holdout-fails' && verdicts && failed > 0 ? `${failed} of ${verdicts.scenarios.length} holdout scenarios fail` : failureClassInfo(cls, input).label.toLowerCase();
  const builtIn = f.jobs.builtIn.get(id);
  const kept = entry ? `; generated/ keeps the output of ${builtIn !== undefined ? `run ${builtIn}` : `the build of ${entry.builtAt}`}` : '';
  return { state: 'failing', why: `Failed in run ${last.run.id} (${cls}) after ${plural(finite(last.event.attempts), 'attempt')}: ${what}${kept}${s.cancelled}.${s.noPlan}`, verdicts: verdicts ?? s.newest, failureClass: cls };
}

/** An up-to-date spec with a manifest entry: promoted, unverified, or failing its holdouts (at promotion or in a verify run since). */
function promotedState(f: Facts, id: string, s: SpecFacts, entry: ManifestEntry): Decided {
  const { latestVerify, noPlan, newest } = s;
  const since = latestVerify && ms(latestVerify.at) >= ms(entry.builtAt) ? latestVerify : null;
  const failed = since?.scenarios.filter((v) => !v.passed) ?? [];
  if (since && failed.length > 0) return { state: 'failing', why: `${failed.length} of ${since.scenarios.length} holdout scenarios fail in the verify run of ${since.at}.${noPlan}`, verdicts: since, failureClass: 'holdout-fails' };
  const builtIn = f.jobs.builtIn.get(id);
  const promoted = `promoted ${builtIn !== undefined ? `in run ${builtIn}` : `at ${entry.builtAt}`}`;
  if (since || entry.holdout === 'passed') return { state: 'promoted', why: `All checks and holdout scenarios pass; ${promoted}.${noPlan}`, verdicts: since ?? newest };
  if (entry.holdout === 'failed') return { state: 'failing', why: `Its holdout scenarios failed when it was ${promoted}.${noPlan}`, verdicts: newest, failureClass: 'holdout-fails' };
  return { state: 'unverified', why: `Built and ${promoted}, but no automated holdout check covers it: add one under ${scenariosFolder(f.input.scenariosDir)}/${id}/.${noPlan}`, verdicts: newest };
}

/** Not up to date: blocked behind a failing or blocked dependency (a build skips it, fresh or not), else stale. */
function notUpToDate(f: Facts, spec: CollectSpec, s: SpecFacts): Decided {
  const { job, entry, last, noPlan, newest } = s;
  const stop = upstreamStop(f, spec);
  if (stop) return { state: 'blocked', why: `Waits for ${stop.id}${stop.via ? ` (through ${stop.via})` : ''}, which is ${stop.state}.`, verdicts: newest };
  if (s.fresh) return { state: 'stale', why: `In the plan as up to date, but the manifest has no entry for it.${noPlan}`, verdicts: newest };
  const reasons = job?.reasons.length ? job.reasons.join(', ') : entry ? 'changed since it was built' : 'never built';
  const before = last?.event.state === 'failed' ? `; its last job failed in run ${last.run.id} (${last.event.failureClass ?? 'unknown'}) before the change` : '';
  const staged = last?.event.state === 'staged' ? `; passed its checks in run ${last.run.id} and waits for \`speccc promote ${spec.id}\`` : '';
  return { state: 'stale', why: `Stale: ${reasons}; not rebuilt yet${before}${staged}${s.cancelled}.${noPlan}`, verdicts: newest };
}

/** The nearest failing or blocked spec this one depends on, directly or through others (breadth first). */
function upstreamStop(f: Facts, spec: CollectSpec): { id: string; via: string | null; state: SpecState } | null {
  const seen = new Set<string>([spec.id]);
  let wave = spec.dependsOn.map((id) => ({ id, via: null as string | null }));
  while (wave.length > 0) {
    const next: typeof wave = [];
    for (const { id, via } of wave) {
      if (seen.has(id)) continue;
      seen.add(id);
      const dep = f.bySpecId.get(id);
      const ds = dep ? stateOf(f, dep) : null;
      if (ds && (ds.state === 'failing' || ds.state === 'blocked')) return { id, via, state: ds.state };
      for (const d of dep?.dependsOn ?? []) next.push({ id: d, via: via ?? id });
    }
    wave = next;
  }
  return null;
}

function reportSpec(f: Facts, spec: CollectSpec): ReportSpec {
  const { state, why, verdicts } = stateOf(f, spec)!;
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
      const s = run.spend.get(spec.id);
      return s && (s.costUsd > 0 || s.inputTokens > 0 || s.outputTokens > 0) ? [{ run: run.id, at: run.at, costUsd: s.costUsd, inputTokens: s.inputTokens, outputTokens: s.outputTokens }] : [];
    }),
  };
}

/**
 * A spec's scenarios with their results: every known scenario (by title, null when the verdicts
 * do not mention it), then any scenario the verdicts name that is not known (by its name).
 */
export function scenarioResults(known: readonly { name: string; title: string | null }[], verdicts: Pick<Verdicts, 'scenarios'> | null): { name: string; passed: boolean | null; failure?: string }[] {
  const results = new Map((verdicts?.scenarios ?? []).map((s) => [s.name, s]));
  const shown = (r: Verdicts['scenarios'][number] | undefined) => (r?.failure !== undefined && !r.passed ? { failure: r.failure } : {});
  const scenarios = known.map((s) => ({ name: s.title ?? s.name, passed: results.get(s.name)?.passed ?? null, ...shown(results.get(s.name)) }));
  for (const [name, r] of results) if (!known.some((k) => k.name === name)) scenarios.push({ name, passed: r.passed, ...shown(r) });
  return scenarios;
}

/**
 * Why a scenario failed, as the validator said (a property's says its shrunk counterexample and
 * seed), read as the untrusted record it is: a string, cut to a paragraph.
 */
function failureOf(s: { passed?: unknown; failure?: unknown }): { failure?: string } {
  return s.passed !== true && typeof s.failure === 'string' && s.failure !== '' ? { failure: s.failure.slice(0, 1000) } : {};
}

/** Failure taxonomy: failed jobs across runs, failed holdouts across verify runs, check errors now; most frequent first. */
function failureClassesOf(f: Facts): ReportModel['failureClasses'] {
  const classes = new Map<string, { count: number; specs: Set<string> }>();
  const hit = (cls: ReportFailureClass | string, spec: string) => {
    let c = classes.get(cls);
    if (!c) classes.set(cls, (c = { count: 0, specs: new Set() }));
    c.count++;
    c.specs.add(spec);
  };
  for (const run of f.runs) for (const [spec, job] of run.jobs) if (job.event.state === 'failed') hit(job.event.failureClass ?? 'unknown', spec);
  for (const line of f.input.verify) for (const spec of new Set(line.results.filter((r) => !r.passed).map((r) => r.spec))) hit('holdout-fails', spec);
  for (const spec of f.input.specs) if (f.diagnostics.blocking.has(spec.file)) hit('spec-incomplete', spec.id);
  return [...classes]
    .map(([cls, c]) => ({ class: cls, ...failureClassInfo(cls, f.input), count: c.count, specs: [...c.specs].sort() }))
    .sort((a, b) => b.count - a.count || (a.class < b.class ? -1 : 1));
}

/** A verify run's satisfaction: the mean over specs of the share of each spec's scenarios that passed; null for no results. */
export function satisfactionOf(results: readonly { spec: string; passed: boolean }[]): number | null {
  if (results.length === 0) return null;
  const per = new Map<string, { passed: number; total: number }>();
  for (const r of results) {
    const p = per.get(r.spec) ?? { passed: 0, total: 0 };
    p.total++;
    if (r.passed) p.passed++;
    per.set(r.spec, p);
  }
  return [...per.values()].reduce((a, p) => a + p.passed / p.total, 0) / per.size;
}

/** The timeline of the latest run that had jobs (else the latest run): each job's times relative to the run's start. */
function lastRunOf(runs: readonly RunIndex[], traces: CollectInput['runs']): ReportModel['lastRun'] {
  const last = [...runs].reverse().find((r) => r.hadJobs) ?? runs.at(-1);
  if (!last) return null;
  const cacheMiss = cacheMissOf(traces, last.id);
  return {
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
  };
}

/** Why run `id`'s first request missed the prompt cache, against the latest earlier run that recorded its prefix and made a request. */
function cacheMissOf(runs: CollectInput['runs'], id: string) {
  const at = runs.findIndex((r) => r.id === id);
  const has = (r: CollectInput['runs'][number], type: TracedEvent['type']) => r.events.some((e) => e.type === type);
  if (at < 0 || !has(runs[at]!, 'prefix')) return null;
  const previous = runs.slice(0, at).reverse().find((r) => has(r, 'prefix') && has(r, 'request'));
  return previous ? explainCacheMiss(previous, runs[at]!) : null;
}
