/**
 * The job runner: a plan's jobs in dependency order under a concurrency limit. For each job it
 * carries out the plan's decision (keep, judge again, restore, generate). Generating means an
 * agent writes the spec's files into an in-memory sandbox, the reply is stored by job key before
 * anything else happens (paid work is never bought twice), and visible checks in a sealed copy
 * drive a bounded fix loop. Whatever path output came by, it counts only through verdictFor
 * (verdict.ts): the one promotion verdict. Nothing here touches generated/: promotion happens
 * once, after every job has settled.
 */
import pLimit from 'p-limit';
import type {
  Agent, AgentOutcome, BuildEvent, FailureClass, HoldoutSet, JobDecision, JobOutcome, Plan, PlannedJob, PreparedJob, ResultStore,
  SpecccConfig, StoredResult, TokenUsage, TraceSink, Validator,
} from '../../types/index.js';
import { decideJob, type PlanInput } from '../5-plan/index.js';
import { verdictKey } from '../5-plan/verdict-key.js';
import { dependencyFiles, stagedTree } from '../5-plan/staged-tree.js';
import { createSandbox } from './sandbox.js';
import { twinsUsedBy } from '../2-model/twins.js';
import { failureLine } from './failure-line.js';
import { judge } from './judge.js';
import { verdictFor, type VerdictStore } from './verdict.js';
import { fallbackModelFor } from '../../prices/fallback.js';

export interface RunJobsInput {
  config: SpecccConfig;
  plan: Plan;
  planInput: PlanInput;
  /** Current generated files without headers (for fresh jobs' outputs). */
  current: ReadonlyMap<string, string>;
  results: ResultStore;
  /** Promotion verdicts by key (`.speccc/verdicts/`): read by every path, written when output is judged. */
  verdicts: VerdictStore;
  /** The run's holdout checks by spec: handed to the validator only, never to an agent. */
  holdouts: HoldoutSet;
  /** Null: plan only (`--check`, `--dry-run`), never call an agent. */
  agent: Agent | null;
  /** Required with an agent: nothing an agent writes is kept without passing it. Null: no code runs (plan only). */
  validator: Validator | null;
  providerLabel: string;
  /** Phase 4's fix prompt after failed visible checks. */
  renderFix: (job: PlannedJob, attempt: number, failures: { title: string; output: string }[]) => string;
  /** Applied to every text that goes into a prompt (check output fed back to the agent). */
  redact: (text: string) => string;
  trace: TraceSink;
  signal: AbortSignal;
  onEvent?: (event: BuildEvent) => void;
  clock: () => number;
  /**
   * Awaited before the first job that will call the agent or run generated code (the sandbox,
   * the Models API, resumable batches): false stops every such job. A build whose jobs all keep
   * their verdicts never needs it.
   */
  beforeGenerate?: () => Promise<boolean>;
  /** Awaited before output is judged again with no request: the sandbox must exist (never the Models API). */
  beforeJudge?: () => Promise<boolean>;
  /** `build --shard i/n`: this machine generates only the stale jobs it owns. */
  shard?: ShardRole;
  /** `build --since`: only these jobs may change; a stale job outside them is left stale, untouched (phases/3-check/affected.ts). */
  within?: ReadonlySet<string>;
  /**
   * `build --next N`: only these specs may call the agent; every other stale job is left stale (in
   * the queue). Restoring a stored result and judging unchanged output again still happen: they cost no tokens.
   */
  only?: ReadonlySet<string>;
}

/**
 * A shard's part of the plan. Stale jobs it does not own are never generated here: those its own
 * jobs depend on are awaited from the shared cache (another shard publishes them); the rest are
 * left, as `stale`, to the shards that own them.
 */
export interface ShardRole {
  owns(id: string): boolean;
  /** A job this shard's own jobs depend on, directly or not. */
  needs(id: string): boolean;
  /** "shard 2/4": who owns a job, for people. */
  ownerOf(id: string): string;
  /** A passed result for `key` once its owner has published it, or undefined when it did not come in time. */
  waitFor(key: string, context: { specId: string; outputs: readonly string[] }, signal: AbortSignal): Promise<StoredResult | undefined>;
}

const ZERO: TokenUsage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };

function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
  };
}

function classify(outcome: AgentOutcome): FailureClass {
  if (outcome.failureClass) return outcome.failureClass;
  switch (outcome.status) {
    case 'budget':
      return 'budget-exhausted';
    case 'aborted':
      return 'cancelled';
    case 'incomplete':
      return 'agent-gave-up';
    case 'refused':
      return 'refused';
    default:
      return 'api-error';
  }
}

/** What every job of one run shares. */
interface Run {
  input: RunJobsInput;
  byId: ReadonlyMap<string, PlannedJob>;
  settled: Map<string, JobOutcome>;
  /** The settled jobs' files by path (kept with `settled`, in settle). */
  settledFiles: Map<string, string>;
  /** Aborts every job still to come after a fatal agent outcome (spend limit reached, key refused). */
  stop: AbortController;
  signal: AbortSignal;
  /** Outputs as this build will leave them: rebuilt files where a dependency was rebuilt, else the current tree. */
  outputOf: (path: string) => string | undefined;
}

const none = (id: string, state: JobOutcome['state'], prepared: PreparedJob | null, extra: Partial<JobOutcome> = {}): JobOutcome => ({ id, state, prepared, attempts: 0, spentUsd: 0, ...extra });

export async function runJobs(input: RunJobsInput): Promise<Map<string, JobOutcome>> {
  if (input.agent && !input.validator) throw new Error('bug: an agent without a validator would promote unchecked code');
  const limit = pLimit(input.config.concurrency);
  const outcomes = new Map<string, Promise<JobOutcome>>();
  const settled = new Map<string, JobOutcome>();
  const stop = new AbortController();
  // Settled jobs' files by path (the first job to settle with a path has it, as each path has one
  // owner): a lookup per dependency file of every job, not a walk over every settled job.
  const settledFiles = new Map<string, string>();
  const run: Run = {
    input,
    byId: new Map(input.plan.jobs.map((j) => [j.id, j])),
    settled,
    stop,
    signal: AbortSignal.any([input.signal, stop.signal]),
    settledFiles,
    outputOf: (path) => settledFiles.get(path) ?? input.current.get(path),
  };
  for (const job of input.plan.jobs) {
    // A hand-owned dependency (owner: hand) has no job: its files are in the tree already.
    const dependencies = () => Promise.all([...job.closure, ...job.twins].flatMap((d) => outcomes.get(d) ?? []));
    outcomes.set(job.id, runOne(run, job, dependencies, limit).then((outcome) => settle(run, outcome)));
  }
  await Promise.all(outcomes.values());
  return settled;
}

function settle(run: Run, outcome: JobOutcome): JobOutcome {
  run.settled.set(outcome.id, outcome);
  for (const [path, content] of outcome.files ?? []) if (!run.settledFiles.has(path)) run.settledFiles.set(path, content);
  if (outcome.state !== 'fresh' || outcome.rejudged) {
    run.input.trace.write({
      type: 'job',
      spec: outcome.id,
      state: outcome.state,
      attempts: outcome.attempts,
      costUsd: outcome.spentUsd,
      ...(outcome.failureClass ? { failureClass: outcome.failureClass } : {}),
      ...(outcome.error ? { error: outcome.error } : {}),
      ...(outcome.prepared ? { jobKey: outcome.prepared.key } : {}),
      ...(outcome.result ? { usage: outcome.result.usage, durationMs: outcome.result.durationMs } : outcome.durationMs !== undefined ? { durationMs: outcome.durationMs } : {}),
      ...(outcome.holdout ? { holdout: outcome.holdout } : {}),
    });
  }
  run.input.onEvent?.({ type: 'job-end', outcome });
  return outcome;
}

async function runOne(run: Run, job: PlannedJob, dependencies: () => Promise<JobOutcome[]>, limit: ReturnType<typeof pLimit>): Promise<JobOutcome> {
  const deps = await dependencies();
  // In plan mode a stale dependency does not block: its dependents are planned against current outputs.
  const blocked = deps.find((d) => !['fresh', 'reused', 'built', 'stale'].includes(d.state));
  if (blocked) return none(job.id, blocked.state === 'cancelled' ? 'cancelled' : 'skipped', null, { error: `dependency ${blocked.id} ${blocked.state}` });
  if (run.input.within && !run.input.within.has(job.id) && job.state === 'stale') return none(job.id, 'stale', null, { error: 'not reached by the change (--since)' });
  const shard = run.input.shard;
  const foreign = shard !== undefined && job.state === 'stale' && !shard.owns(job.id);
  if (shard) {
    if (foreign && !shard.needs(job.id)) return none(job.id, 'stale', null, { error: `left to ${shard.ownerOf(job.id)}` });
    // A shard never builds on a dependency it could not get: its outputs are unknown here.
    const missing = deps.find((d) => d.state === 'stale');
    if (missing) return none(job.id, foreign ? 'stale' : 'skipped', null, { error: `dependency ${missing.id} (${shard.ownerOf(missing.id)}) did not reach the shared cache in time` });
  }
  const context = { specId: job.id, outputs: job.spec.frontmatter!.outputs };
  const decide = () =>
    decideJob({
      plan: run.input.planInput,
      job,
      outputOf: run.outputOf,
      dependencyRebuilt: deps.some((d) => d.state !== 'fresh'),
      stored: foreign ? (key) => shard!.waitFor(key, context, run.signal) : (key) => run.input.results.read(key, context),
      mayGenerate: run.input.agent !== null && !foreign && (run.input.only?.has(job.id) ?? true),
    });
  // A job another shard builds is only awaited, never promoted here: it takes no slot from the jobs this one builds.
  if (foreign) {
    const decision = await decide();
    if (decision.action === 'fresh') return keep(run, job, decision.prepared, decision.cutOff);
    if (decision.action === 'reuse') return none(job.id, 'reused', decision.prepared, { files: new Map(Object.entries(decision.result.files)), result: decision.result });
    return none(job.id, 'stale', decision.prepared, { error: `${shard!.ownerOf(job.id)} did not publish it to the shared cache in time` });
  }
  return limit(async () => carryOut(run, job, await decide()));
}

function keep(run: Run, job: PlannedJob, prepared: PreparedJob, cutOff: boolean): JobOutcome {
  return none(job.id, 'fresh', prepared, { files: new Map(job.spec.frontmatter!.outputs.map((p) => [p, run.input.current.get(p) ?? ''])), cutOff });
}

async function carryOut(run: Run, job: PlannedJob, decision: JobDecision): Promise<JobOutcome> {
  switch (decision.action) {
    case 'fresh':
      return keep(run, job, decision.prepared, decision.cutOff);
    case 'rejudge':
      return admitStored(run, job, decision.prepared, keep(run, job, decision.prepared, false));
    case 'reuse': {
      const result = decision.result;
      return admitStored(run, job, decision.prepared, none(job.id, 'reused', decision.prepared, { files: new Map(Object.entries(result.files)), result }));
    }
    case 'leave-stale':
      return none(job.id, 'stale', decision.prepared, run.input.only && run.input.agent ? { error: 'waits in the queue (build --next took others)' } : {});
    case 'generate':
      if (run.signal.aborted) return none(job.id, 'cancelled', decision.prepared, run.stop.signal.aborted ? { error: String(run.stop.signal.reason) } : {});
      if (run.input.beforeGenerate && !(await run.input.beforeGenerate())) return none(job.id, 'cancelled', decision.prepared, { error: 'the build stopped before its first request' });
      return generate(run, job, decision.prepared, decision.candidate);
  }
}

/** The tree a job's checks run on, its twins, and its verdict key. */
function judged(run: Run, job: PlannedJob, files: ReadonlyMap<string, string>) {
  const tree = stagedTree(run.input.planInput.workspace, job, run.outputOf, files);
  const twins = twinsUsedBy(job.spec, run.input.planInput.workspace);
  const key = verdictKey({ specId: job.id, outputs: job.spec.frontmatter!.outputs, tree, config: run.input.config, gate: run.input.planInput.gate });
  return { tree, twins, key };
}

/**
 * Output that exists already — kept in generated/ (its verdict stale) or restored from a store —
 * counts only under a verdict for its key now: recorded, or judged here with no request. Plan-only
 * runs, which run no code, leave it stale.
 */
async function admitStored(run: Run, job: PlannedJob, prepared: PreparedJob, outcome: JobOutcome): Promise<JobOutcome> {
  const { input } = run;
  const { tree, twins, key } = judged(run, job, outcome.files!);
  const rejudging = outcome.state === 'fresh';
  const recorded = rejudging ? input.planInput.manifest.specs.get(job.id)?.verdict : undefined;
  // Only a build runs code: plan-only runs and manual promotion have no validator.
  const mayJudge = input.validator !== null;
  const found = await verdictFor({
    key,
    recorded,
    store: input.verdicts,
    judge: mayJudge
      ? async () => {
          if (input.beforeJudge && !(await input.beforeJudge())) return { key, admitted: false, holdout: 'unverified', scenarios: [], failureClass: 'cancelled', error: 'the build stopped before judging', at: new Date(input.clock()).toISOString() };
          return judge({ job, key, tree, twins, checks: input.holdouts.get(job.id) ?? [], config: input.config, validator: input.validator!, trace: input.trace, attempt: 1, signal: run.signal, clock: input.clock });
        }
      : null,
  });
  if (!found) return none(job.id, 'stale', prepared, { error: 'its verdict is stale: it must be judged again under the current holdouts and settings' });
  const { verdict } = found;
  if (verdict.admitted) return { ...outcome, verdict, holdout: verdict.holdout, scenarios: verdict.scenarios, ...(rejudging ? { rejudged: true } : {}) };
  const where = rejudging ? 'its output in generated/' : 'its stored result for this job key';
  const failureClass = verdict.failureClass ?? 'holdout-fails';
  return none(job.id, failureClass === 'cancelled' ? 'cancelled' : 'failed', prepared, {
    failureClass,
    error: `${where} does not pass the gate: ${verdict.error ?? failureClass}; no new request was made (speccc build --force ${job.id} asks the model again)`,
    holdout: verdict.holdout,
    scenarios: verdict.scenarios,
    verdict,
    ...(rejudging ? { rejudged: true } : {}),
  });
}

/** One job's generation as it goes: what its kept replies used and cost, the conversation, and the files it has. */
interface Generation {
  run: Run;
  job: PlannedJob;
  prepared: PreparedJob;
  started: number;
  /** Usage and cost of the replies this build keeps; `spent` also counts attempts that failed. */
  usage: TokenUsage;
  cost: number;
  spent: number;
  history: unknown;
  prompt: string;
  files: Map<string, string> | undefined;
  wroteCandidate: boolean;
  /** A refused job may be written by its kind's fallback model: the stored result (and manifest) names the model that wrote it. */
  writtenBy: string;
}

async function generate(run: Run, job: PlannedJob, prepared: PreparedJob, candidate?: StoredResult): Promise<JobOutcome> {
  const { input } = run;
  const g: Generation = {
    run,
    job,
    prepared,
    started: input.clock(),
    usage: candidate?.usage ?? ZERO,
    cost: candidate?.costUsd ?? 0,
    spent: 0,
    history: candidate?.history,
    prompt: prepared.prompt,
    files: candidate ? new Map(Object.entries(candidate.files)) : undefined,
    wroteCandidate: Boolean(candidate),
    writtenBy: candidate?.model ?? prepared.model,
  };
  const outputs = job.spec.frontmatter!.outputs;
  const readable = dependencyFiles(input.planInput.workspace, job, run.outputOf);
  const ownerOf = (p: string) => input.plan.jobs.find((j) => j.spec.frontmatter!.outputs.includes(p))?.id;
  const sandbox = createSandbox({ outputs, readable, ownerOf, maxFileBytes: input.config.model.maxOutputTokens * 8 });
  const maxAttempts = 1 + input.config.validation.maxFixAttempts;
  for (let attempt = candidate?.attempt ?? 1; attempt <= maxAttempts; attempt++) {
    input.onEvent?.({ type: 'job-start', id: job.id, attempt });
    input.trace.write({ type: 'job-start', spec: job.id, attempt, jobKey: prepared.key });
    if (!g.files) {
      // The validator's warm test runner loads while the agent works on this answer.
      input.validator?.prepare?.();
      const failed = await ask(g, sandbox, attempt);
      if (failed) return failed;
    }
    const files = g.files!;
    const { tree, twins, key } = judged(run, job, files);
    const visible = await input.validator!.visible({ specId: job.id, tree, outputs, twins, signal: run.signal });
    input.trace.write({ type: 'validation', spec: job.id, stage: 'visible', attempt, passed: visible.passed, ...(visible.failureClass ? { failureClass: visible.failureClass } : {}), durationMs: visible.durationMs, ...(visible.passed ? {} : { detail: failureLine(visible.feedback) }) });
    if (!visible.passed) {
      if (run.signal.aborted) return await fail(g, attempt, 'cancelled', 'cancelled during validation');
      if (attempt < maxAttempts && visible.failureClass !== 'sandbox-refused') {
        g.prompt = input.renderFix(job, attempt, [{ title: visible.failureClass ?? 'checks failed', output: input.redact(visible.feedback) }]);
        g.files = undefined;
        continue;
      }
      return await fail(g, attempt, visible.failureClass ?? 'tests-fail', `visible checks failed after ${attempt} attempt(s): ${failureLine(visible.feedback)}`);
    }
    const judgeInput = { job, key, tree, twins, checks: input.holdouts.get(job.id) ?? [], config: input.config, validator: input.validator!, trace: input.trace, attempt, signal: run.signal, visible, clock: input.clock };
    const verdict = (await verdictFor({ key, store: input.verdicts, fresh: true, judge: () => judge(judgeInput) }))!.verdict;
    if (!verdict.admitted) return await fail(g, attempt, verdict.failureClass ?? 'holdout-fails', verdict.error ?? 'the gate refused it', { holdout: verdict.holdout, scenarios: verdict.scenarios, verdict });
    const result: StoredResult = { ...stored(g, 'passed', files, attempt), holdout: verdict.holdout, ...(verdict.mutationScore !== undefined ? { mutationScore: verdict.mutationScore } : {}) };
    await input.results.write(result);
    return { id: job.id, state: 'built', prepared, files, result, attempts: attempt, spentUsd: g.spent, holdout: verdict.holdout, scenarios: verdict.scenarios, verdict, typechecked: run.input.config.validation.typecheck };
  }
  return await fail(g, maxAttempts, 'tests-fail', 'no attempts left');
}

/** One request for the job's files (a first attempt or a fix): on success `g.files` holds them, stored as a candidate before validation; else the failed outcome. */
async function ask(g: Generation, sandbox: ReturnType<typeof createSandbox>, attempt: number): Promise<JobOutcome | null> {
  const { run, job, prepared } = g;
  const { input } = run;
  const outputs = job.spec.frontmatter!.outputs;
  const fallbackModel = fallbackModelFor(input.config, job.spec.frontmatter!.kind, prepared.model);
  const outcome = await input.agent!.run(
    {
      specId: job.id,
      jobKey: prepared.key,
      model: prepared.model,
      effort: prepared.effort,
      maxOutputTokens: input.config.model.maxOutputTokens,
      system: input.planInput.systemPrompt,
      prompt: g.prompt,
      history: g.history,
      ...(job.spec.frontmatter!.budget_usd !== undefined ? { budgetUsd: job.spec.frontmatter!.budget_usd } : {}),
      ...(fallbackModel ? { fallbackModel } : {}),
      signal: run.signal,
    },
    sandbox,
  );
  if (outcome.fatal) run.stop.abort(`stopped: ${outcome.error ?? 'a fatal API error'}`);
  g.usage = addUsage(g.usage, outcome.usage);
  g.cost += outcome.costUsd;
  g.spent += outcome.costUsd;
  g.history = outcome.history;
  g.writtenBy = outcome.model ?? prepared.model;
  if (outcome.status !== 'done') return fail(g, attempt, classify(outcome), outcome.error ?? `agent stopped: ${outcome.status}`);
  const missing = outputs.filter((p) => !sandbox.written().has(p));
  if (missing.length > 0) return fail(g, attempt, 'missing-output', `the agent did not write ${missing.join(', ')}`);
  g.files = new Map(outputs.map((p) => [p, sandbox.written().get(p)!]));
  // Stored before validation: a crash from here on never buys this reply again.
  await input.results.write(stored(g, 'candidate', g.files, attempt));
  g.wroteCandidate = true;
  return null;
}

/** The job's result as the store keeps it, at a stage. */
function stored(g: Generation, stage: StoredResult['stage'], out: Map<string, string>, attempt: number): StoredResult {
  const { clock, providerLabel } = g.run.input;
  return {
    jobKey: g.prepared.key,
    specId: g.job.id,
    stage,
    model: g.writtenBy,
    provider: providerLabel,
    files: Object.fromEntries(out),
    attempt,
    ...(stage === 'candidate' ? { history: g.history } : {}),
    usage: g.usage,
    costUsd: g.cost,
    durationMs: clock() - g.started,
    finishedAt: new Date(clock()).toISOString(),
  };
}

async function fail(g: Generation, attempt: number, failureClass: FailureClass, error: string, extra: Partial<JobOutcome> = {}): Promise<JobOutcome> {
  // A cancelled job keeps its candidate for the next build; a job that failed for good does
  // not, so the next build asks afresh instead of replaying a known failure.
  if (g.wroteCandidate && failureClass !== 'cancelled' && g.files) await g.run.input.results.write(stored(g, 'failed', g.files, attempt));
  const { clock } = g.run.input;
  return { id: g.job.id, state: failureClass === 'cancelled' ? 'cancelled' : 'failed', prepared: g.prepared, failureClass, error, attempts: attempt, spentUsd: g.spent, durationMs: clock() - g.started, ...extra };
}
