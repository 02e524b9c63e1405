/**
 * The job runner: a plan's jobs in dependency order under a concurrency limit. For each job it
 * carries out the plan's decision (keep, restore, generate); generating means an agent writes
 * the spec's files into an in-memory sandbox, the reply is stored by job key before anything
 * else happens (paid work is never bought twice), then the validator judges it in a sealed
 * copy: visible checks with a bounded fix loop, then holdout checks whose results go to people
 * only. Nothing here touches generated/: promotion happens once, after every job has settled.
 */
import pLimit from 'p-limit';
import type {
  Agent, AgentOutcome, BuildEvent, FailureClass, HoldoutVerdict, JobOutcome, Plan, PlannedJob, PreparedJob, ResultStore,
  SpecccConfig, StoredResult, TokenUsage, TraceSink, Validator,
} from '../../types/index.js';
import { decideJob, type PlanInput } from '../5-plan/index.js';
import { createSandbox } from './sandbox.js';
import { twinsUsedBy } from '../2-model/twins.js';
import { failureLine } from './failure-line.js';
import { fallbackModelFor } from '../../models/fallback.js';

export interface RunJobsInput {
  config: SpecccConfig;
  plan: Plan;
  planInput: PlanInput;
  /** Current generated files without headers (for fresh jobs' outputs). */
  current: ReadonlyMap<string, string>;
  results: ResultStore;
  /** Null: plan only (`--check`, `--dry-run`), never call an agent. */
  agent: Agent | null;
  /** Required with an agent: nothing an agent writes is kept without passing it. */
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
   * the Models API, resumable batches): false stops every such job. A build whose stale jobs all
   * restore from a store never needs it.
   */
  beforeGenerate?: () => Promise<boolean>;
  /** `build --shard i/n`: this machine generates only the stale jobs it owns. */
  shard?: ShardRole;
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

export async function runJobs(input: RunJobsInput): Promise<Map<string, JobOutcome>> {
  if (input.agent && !input.validator) throw new Error('bug: an agent without a validator would promote unchecked code');
  const limit = pLimit(input.config.concurrency);
  const { clock, trace } = input;
  const outcomes = new Map<string, Promise<JobOutcome>>();
  const settled = new Map<string, JobOutcome>();
  const byId = new Map(input.plan.jobs.map((j) => [j.id, j]));
  // A fatal agent outcome (spend limit reached, key refused) stops every job still to come.
  const stop = new AbortController();
  const signal = AbortSignal.any([input.signal, stop.signal]);

  /** Outputs as this build will leave them: rebuilt files where a dependency was rebuilt, else the current tree. */
  const outputOf = (path: string): string | undefined => {
    for (const outcome of settled.values()) {
      const f = outcome.files?.get(path);
      if (f !== undefined) return f;
    }
    return input.current.get(path);
  };
  const none = (id: string, state: JobOutcome['state'], prepared: PreparedJob | null, extra: Partial<JobOutcome> = {}): JobOutcome => ({ id, state, prepared, attempts: 0, spentUsd: 0, ...extra });

  const runOne = async (job: PlannedJob): Promise<JobOutcome> => {
    const deps = await Promise.all([...job.deps, ...job.twins].map((d) => outcomes.get(d)!));
    // In plan mode a stale dependency does not block: its dependents are planned against current outputs.
    const blocked = deps.find((d) => !['fresh', 'reused', 'built', 'stale'].includes(d.state));
    if (blocked) return none(job.id, blocked.state === 'cancelled' ? 'cancelled' : 'skipped', null, { error: `dependency ${blocked.id} ${blocked.state}` });
    const context = { specId: job.id, outputs: job.spec.frontmatter!.outputs };
    const shard = input.shard;
    const foreign = shard !== undefined && job.state === 'stale' && !shard.owns(job.id);
    if (shard) {
      if (foreign && !shard.needs(job.id)) return none(job.id, 'stale', null, { error: `left to ${shard.ownerOf(job.id)}` });
      // A shard never builds on a dependency it could not get: its outputs are unknown here.
      const missing = deps.find((d) => d.state === 'stale');
      if (missing) return none(job.id, foreign ? 'stale' : 'skipped', null, { error: `dependency ${missing.id} (${shard.ownerOf(missing.id)}) did not reach the shared cache in time` });
    }
    const decide = () =>
      decideJob({
        plan: input.planInput,
        job,
        outputOf,
        dependencyRebuilt: deps.some((d) => d.state !== 'fresh'),
        stored: foreign ? (key) => shard!.waitFor(key, context, signal) : (key) => input.results.read(key, context),
        mayGenerate: input.agent !== null && !foreign,
      });
    // A job another shard builds is only awaited: it takes no slot from the jobs this one builds.
    if (foreign) {
      const decision = await decide();
      if (decision.action === 'fresh') return none(job.id, 'fresh', decision.prepared, { files: new Map(job.spec.frontmatter!.outputs.map((p) => [p, input.current.get(p) ?? ''])), cutOff: decision.cutOff });
      if (decision.action === 'reuse') return none(job.id, 'reused', decision.prepared, { files: new Map(Object.entries(decision.result.files)), result: decision.result, ...(decision.result.holdout ? { holdout: decision.result.holdout } : {}) });
      return none(job.id, 'stale', decision.prepared, { error: `${shard!.ownerOf(job.id)} did not publish it to the shared cache in time` });
    }
    return limit(async () => {
      const decision = await decide();
      switch (decision.action) {
        case 'fresh':
          return none(job.id, 'fresh', decision.prepared, { files: new Map(job.spec.frontmatter!.outputs.map((p) => [p, input.current.get(p) ?? ''])), cutOff: decision.cutOff });
        case 'reuse':
          return none(job.id, 'reused', decision.prepared, { files: new Map(Object.entries(decision.result.files)), result: decision.result, ...(decision.result.holdout ? { holdout: decision.result.holdout } : {}) });
        case 'leave-stale':
          return none(job.id, 'stale', decision.prepared);
        case 'generate':
          if (signal.aborted) return none(job.id, 'cancelled', decision.prepared, stop.signal.aborted ? { error: String(stop.signal.reason) } : {});
          if (input.beforeGenerate && !(await input.beforeGenerate())) return none(job.id, 'cancelled', decision.prepared, { error: 'the build stopped before its first request' });
          return generate(job, decision.prepared, input.agent!, input.validator!, decision.candidate);
      }
    });
  };

  const generate = async (job: PlannedJob, prepared: PreparedJob, agent: Agent, validator: Validator, candidate?: StoredResult): Promise<JobOutcome> => {
    const started = clock();
    const outputs = job.spec.frontmatter!.outputs;
    const readable = new Map<string, string>();
    for (const dep of job.deps) for (const p of byId.get(dep)!.spec.frontmatter!.outputs) readable.set(p, outputOf(p) ?? '');
    const ownerOf = (p: string) => input.plan.jobs.find((j) => j.spec.frontmatter!.outputs.includes(p))?.id;
    const sandbox = createSandbox({ outputs, readable, ownerOf, maxFileBytes: input.config.model.maxOutputTokens * 8 });
    // Usage and cost of the replies this build keeps; `spent` also counts attempts that failed.
    let usage = candidate?.usage ?? ZERO;
    let cost = candidate?.costUsd ?? 0;
    let spent = 0;
    let history: unknown = candidate?.history;
    let prompt = prepared.prompt;
    let files: Map<string, string> | undefined = candidate ? new Map(Object.entries(candidate.files)) : undefined;
    const maxAttempts = 1 + input.config.validation.maxFixAttempts;
    let wroteCandidate = Boolean(candidate);
    // A refused job may be written by its kind's fallback model: the stored result (and manifest) names the model that wrote it.
    const fallbackModel = fallbackModelFor(input.config, job.spec.frontmatter!.kind, prepared.model);
    let writtenBy = candidate?.model ?? prepared.model;
    const fail = async (attempt: number, failureClass: FailureClass, error: string, extra: Partial<JobOutcome> = {}): Promise<JobOutcome> => {
      // A cancelled job keeps its candidate for the next build; a job that failed for good does
      // not, so the next build asks afresh instead of replaying a known failure.
      if (wroteCandidate && failureClass !== 'cancelled' && files) await input.results.write(stored('failed', files, attempt));
      return { id: job.id, state: failureClass === 'cancelled' ? 'cancelled' : 'failed', prepared, failureClass, error, attempts: attempt, spentUsd: spent, durationMs: clock() - started, ...extra };
    };
    for (let attempt = candidate?.attempt ?? 1; attempt <= maxAttempts; attempt++) {
      input.onEvent?.({ type: 'job-start', id: job.id, attempt });
      trace.write({ type: 'job-start', spec: job.id, attempt, jobKey: prepared.key });
      if (!files) {
        const outcome = await agent.run(
          {
            specId: job.id,
            jobKey: prepared.key,
            model: prepared.model,
            effort: prepared.effort,
            maxOutputTokens: input.config.model.maxOutputTokens,
            system: input.planInput.systemPrompt,
            prompt,
            history,
            ...(job.spec.frontmatter!.budget_usd !== undefined ? { budgetUsd: job.spec.frontmatter!.budget_usd } : {}),
            ...(fallbackModel ? { fallbackModel } : {}),
            signal,
          },
          sandbox,
        );
        if (outcome.fatal) stop.abort(`stopped: ${outcome.error ?? 'a fatal API error'}`);
        usage = addUsage(usage, outcome.usage);
        cost += outcome.costUsd;
        spent += outcome.costUsd;
        history = outcome.history;
        writtenBy = outcome.model ?? prepared.model;
        if (outcome.status !== 'done') return await fail(attempt, classify(outcome), outcome.error ?? `agent stopped: ${outcome.status}`);
        const missing = outputs.filter((p) => !sandbox.written().has(p));
        if (missing.length > 0) return await fail(attempt, 'missing-output', `the agent did not write ${missing.join(', ')}`);
        files = new Map(outputs.map((p) => [p, sandbox.written().get(p)!]));
        // Stored before validation: a crash from here on never buys this reply again.
        await input.results.write(stored('candidate', files, attempt));
        wroteCandidate = true;
      }
      // The twins its code calls run beside it: their files join the tree, never the agent's view.
      const twins = twinsUsedBy(job.spec, input.planInput.workspace);
      const twinFiles = twins.flatMap((t) => (byId.get(t.id)?.spec.frontmatter!.outputs ?? []).map((p) => [p, outputOf(p) ?? ''] as [string, string]));
      const tree = new Map([...twinFiles, ...readable, ...files]);
      const visible = await validator.visible({ specId: job.id, tree, outputs, twins, signal });
      trace.write({ type: 'validation', spec: job.id, stage: 'visible', attempt, passed: visible.passed, ...(visible.failureClass ? { failureClass: visible.failureClass } : {}), durationMs: visible.durationMs });
      if (!visible.passed) {
        if (signal.aborted) return await fail(attempt, 'cancelled', 'cancelled during validation');
        if (attempt < maxAttempts && visible.failureClass !== 'sandbox-refused') {
          prompt = input.renderFix(job, attempt, [{ title: visible.failureClass ?? 'checks failed', output: input.redact(visible.feedback) }]);
          files = undefined;
          continue;
        }
        return await fail(attempt, visible.failureClass ?? 'tests-fail', `visible checks failed after ${attempt} attempt(s): ${failureLine(visible.feedback)}`);
      }
      // Holdout results go to people only: nothing from them is fed back to the agent.
      const holdout = await validator.holdout({ specId: job.id, tree, twins, signal });
      const verdict: HoldoutVerdict = holdout.scenarios.length === 0 ? 'unverified' : holdout.passed ? 'passed' : 'failed';
      trace.write({ type: 'validation', spec: job.id, stage: 'holdout', attempt, passed: verdict !== 'failed', ...(holdout.failureClass ? { failureClass: holdout.failureClass } : {}), durationMs: holdout.durationMs, scenarios: holdout.scenarios });
      if (verdict === 'failed') {
        return await fail(attempt, holdout.failureClass ?? 'holdout-fails', `holdout scenarios failed: ${holdout.scenarios.filter((s) => !s.passed).map((s) => s.name).join(', ') || holdout.feedback.split('\n')[0]}`, { holdout: verdict, scenarios: holdout.scenarios });
      }
      if (verdict === 'unverified' && input.config.promotion.requireHoldouts) {
        return await fail(attempt, 'unverified', 'no automated holdout check covers this spec, and promotion.requireHoldouts refuses unverified output', { holdout: verdict });
      }
      // promotion.minMutationScore: the holdouts must kill enough mutants of the code. Like holdout results, this never reaches the agent.
      const minimum = input.config.promotion.minMutationScore;
      let mutationScore: number | undefined;
      if (minimum !== undefined) {
        if (verdict === 'unverified') {
          return await fail(attempt, 'unverified', `promotion.minMutationScore (${minimum}%) needs holdout checks to score the code against, and this spec has none`, { holdout: verdict });
        }
        const mutate = outputs.filter((p) => /\.[cm]?[jt]sx?$/.test(p) && !/\.(?:test|spec)\.[cm]?[jt]sx?$/.test(p) && !/\.d\.ts$/.test(p));
        const m = await validator.mutate({ specId: job.id, tree, mutate, twins, signal });
        const score = m.result?.score ?? null;
        trace.write({ type: 'validation', spec: job.id, stage: 'mutation', attempt, passed: score !== null && score >= minimum, ...(m.failureClass ? { failureClass: m.failureClass } : {}), durationMs: m.durationMs, mutationScore: score });
        if (signal.aborted) return await fail(attempt, 'cancelled', 'cancelled during mutation testing');
        if (score === null) return await fail(attempt, m.failureClass ?? 'mutation-score-low', `mutation testing scored nothing: ${(m.error ?? 'no mutant could be judged').split('\n')[0]}`, { holdout: verdict, scenarios: holdout.scenarios });
        if (score < minimum) {
          const unkilled = (m.result?.survived ?? 0) + (m.result?.noCoverage ?? 0);
          return await fail(attempt, 'mutation-score-low', `the holdouts kill ${score.toFixed(1)}% of mutants (${unkilled} survive), below promotion.minMutationScore ${minimum}%; strengthen the scenarios (speccc verify --mutate ${job.id} lists the survivors)`, { holdout: verdict, scenarios: holdout.scenarios });
        }
        mutationScore = score;
      }
      const result = stored('passed', files, attempt, verdict, mutationScore);
      await input.results.write(result);
      return { id: job.id, state: 'built', prepared, files, result, attempts: attempt, spentUsd: spent, holdout: verdict, scenarios: holdout.scenarios };
    }
    return await fail(maxAttempts, 'tests-fail', 'no attempts left');

    function stored(stage: StoredResult['stage'], out: Map<string, string>, attempt: number, holdout?: HoldoutVerdict, mutationScore?: number): StoredResult {
      return {
        jobKey: prepared.key,
        specId: job.id,
        stage,
        model: writtenBy,
        provider: input.providerLabel,
        files: Object.fromEntries(out),
        attempt,
        ...(stage === 'candidate' ? { history } : {}),
        usage,
        costUsd: cost,
        durationMs: clock() - started,
        finishedAt: new Date(clock()).toISOString(),
        ...(holdout ? { holdout } : {}),
        ...(mutationScore !== undefined ? { mutationScore } : {}),
      };
    }
  };

  for (const job of input.plan.jobs) {
    const promise = runOne(job).then((outcome) => {
      settled.set(outcome.id, outcome);
      if (outcome.state !== 'fresh') {
        trace.write({
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
      input.onEvent?.({ type: 'job-end', outcome });
      return outcome;
    });
    outcomes.set(job.id, promise);
  }
  await Promise.all(outcomes.values());
  return settled;
}
