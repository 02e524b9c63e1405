/**
 * Runs a plan's jobs: dependency order, a concurrency limit, stored results reused, agents
 * confined to a sandbox, visible checks with a bounded fix loop. Returns each job's outcome;
 * nothing here touches generated/ (promotion happens once, after every job has settled).
 */
import pLimit from 'p-limit';
import type { Agent, AgentOutcome, FailureClass, SpecccConfig, TokenUsage, Validator } from '../types.js';
import type { Plan, PlannedJob } from '../phases/4-plan/index.js';
import type { Manifest } from '../phases/4-plan/manifest.js';
import { prepareJob, type JobEnvironment, type PreparedJob } from '../phases/4-plan/prepare-job.js';
import { createSandbox } from '../phases/8-emit/sandbox.js';
import type { StoredResult } from '../io/results.js';

/** `staged`: passed every check but held back by `promotion.policy: "manual"` until `speccc promote`. */
export type JobState = 'fresh' | 'reused' | 'built' | 'staged' | 'stale' | 'failed' | 'skipped' | 'cancelled';

export interface JobOutcome {
  id: string;
  state: JobState;
  prepared: PreparedJob | null;
  /** Output path -> content without provenance header, for fresh/reused/built jobs. */
  files?: Map<string, string>;
  result?: StoredResult;
  failureClass?: FailureClass;
  error?: string;
  attempts: number;
  /** True when a dependency was rebuilt but this job's key did not change (early cut-off). */
  cutOff?: boolean;
}

export type BuildEvent =
  | { type: 'job-start'; id: string; attempt: number }
  | { type: 'job-end'; outcome: JobOutcome };

export interface RunJobsInput {
  root: string;
  config: SpecccConfig;
  plan: Plan;
  manifest: Manifest;
  env: JobEnvironment;
  /** Current generated files without headers (for fresh jobs' outputs). */
  current: ReadonlyMap<string, string>;
  /** Stored-result lookups and writes: the edge that makes paid work survive a crash. */
  results: { read(key: string): Promise<StoredResult | undefined>; write(result: StoredResult): Promise<void> };
  /** Null: plan only (`--check`), never call an agent. */
  agent: Agent | null;
  providerLabel: string;
  validator?: Validator;
  /** Writes a job's staged tree for the validator and returns its directory. */
  stage?: (id: string, files: ReadonlyMap<string, string>) => Promise<string>;
  renderFix: (job: PlannedJob, attempt: number, failures: { title: string; output: string }[]) => string;
  signal: AbortSignal;
  onEvent?: (event: BuildEvent) => void;
  clock?: () => number;
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
  switch (outcome.status) {
    case 'budget':
      return 'budget-exhausted';
    case 'aborted':
      return 'cancelled';
    case 'incomplete':
      return 'agent-gave-up';
    default:
      return 'api-error';
  }
}

export async function runJobs(input: RunJobsInput): Promise<Map<string, JobOutcome>> {
  const limit = pLimit(input.config.concurrency);
  const clock = input.clock ?? Date.now;
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

  const runOne = async (job: PlannedJob): Promise<JobOutcome> => {
    const deps = await Promise.all(job.deps.map((d) => outcomes.get(d)!));
    // In plan mode a stale dependency does not block: its dependents are planned against current outputs.
    const blocked = deps.find((d) => !['fresh', 'reused', 'built', 'stale'].includes(d.state));
    if (blocked) {
      return { id: job.id, state: blocked.state === 'cancelled' ? 'cancelled' : 'skipped', prepared: null, attempts: 0, error: `dependency ${blocked.id} ${blocked.state}` };
    }
    return limit(() => buildJob(job, deps.some((d) => d.state !== 'fresh')));
  };

  const buildJob = async (job: PlannedJob, depRebuilt: boolean): Promise<JobOutcome> => {
    const prepared = job.prepared && !depRebuilt ? job.prepared : prepareJob({ ...input.env, outputOf }, job.spec, job.deps);
    const entry = input.manifest.specs[job.id];
    const keyUnchanged = entry?.jobKey === prepared.key;
    const onlyDepReason = job.reasons.every((r) => r === 'dependency-changed');
    if (keyUnchanged && (job.state === 'fresh' || (onlyDepReason && job.reasons.length > 0))) {
      const files = new Map(job.spec.frontmatter!.outputs.map((p) => [p, input.current.get(p) ?? '']));
      return { id: job.id, state: 'fresh', prepared, files, attempts: 0, cutOff: job.state === 'stale' };
    }
    // --force means "ask the agent again": neither the manifest nor the result store may answer.
    const stored = job.reasons.includes('forced') ? undefined : await input.results.read(prepared.key);
    if (stored) return { id: job.id, state: 'reused', prepared, files: new Map(Object.entries(stored.files)), result: stored, attempts: 0 };
    if (!input.agent) return { id: job.id, state: 'stale', prepared, attempts: 0 };
    if (signal.aborted) return { id: job.id, state: 'cancelled', prepared, attempts: 0, ...(stop.signal.aborted ? { error: String(stop.signal.reason) } : {}) };
    return generate(job, prepared, input.agent);
  };

  const generate = async (job: PlannedJob, prepared: PreparedJob, agent: Agent): Promise<JobOutcome> => {
    const started = clock();
    const outputs = job.spec.frontmatter!.outputs;
    const readable = new Map<string, string>();
    for (const dep of job.deps) for (const p of byId.get(dep)!.spec.frontmatter!.outputs) readable.set(p, outputOf(p) ?? '');
    const ownerOf = (p: string) => input.plan.jobs.find((j) => j.spec.frontmatter!.outputs.includes(p))?.id;
    const sandbox = createSandbox({ outputs, readable, ownerOf });
    let usage = ZERO;
    let cost = 0;
    let history: unknown;
    let prompt = prepared.prompt;
    const maxAttempts = 1 + input.config.validation.maxFixAttempts;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      input.onEvent?.({ type: 'job-start', id: job.id, attempt });
      const outcome = await agent.run(
        {
          specId: job.id,
          jobKey: prepared.key,
          model: prepared.model,
          maxOutputTokens: input.config.model.maxOutputTokens,
          system: input.env.systemPrompt,
          prompt,
          history,
          ...(job.spec.frontmatter!.budget_usd !== undefined ? { budgetUsd: job.spec.frontmatter!.budget_usd } : {}),
          signal,
        },
        sandbox,
      );
      if (outcome.fatal) stop.abort(`stopped: ${outcome.error ?? 'a fatal API error'}`);
      usage = addUsage(usage, outcome.usage);
      cost += outcome.costUsd;
      history = outcome.history;
      const fail = (failureClass: FailureClass, error: string): JobOutcome => ({ id: job.id, state: failureClass === 'cancelled' ? 'cancelled' : 'failed', prepared, failureClass, error, attempts: attempt });
      if (outcome.status !== 'done') return fail(classify(outcome), outcome.error ?? `agent stopped: ${outcome.status}`);
      const missing = outputs.filter((p) => !sandbox.written().has(p));
      if (missing.length > 0) return fail('missing-output', `the agent did not write ${missing.join(', ')}`);
      const files = new Map(outputs.map((p) => [p, sandbox.written().get(p)!]));
      if (input.validator && input.stage) {
        const tree = new Map(readable);
        for (const [p, c] of files) tree.set(p, c);
        const stageDir = await input.stage(job.id, tree);
        const visible = await input.validator.visible({ specId: job.id, stageDir, outputs, signal });
        if (!visible.passed) {
          if (attempt < maxAttempts && !signal.aborted) {
            prompt = input.renderFix(job, attempt, [{ title: visible.failureClass ?? 'checks failed', output: visible.feedback }]);
            continue;
          }
          return fail(visible.failureClass ?? 'tests-fail', `visible checks failed after ${attempt} attempt(s): ${visible.feedback.split('\n')[0]}`);
        }
        if (input.config.promotion.policy === 'on-pass') {
          // Holdout results go to people only: nothing from them is fed back to the agent.
          const holdout = await input.validator.holdout({ specId: job.id, stageDir, signal });
          if (!holdout.passed) return fail('holdout-fails', `holdout scenarios failed: ${holdout.scenarios.filter((s) => !s.passed).map((s) => s.name).join(', ')}`);
        }
      }
      const result: StoredResult = {
        jobKey: prepared.key,
        specId: job.id,
        model: prepared.model,
        provider: input.providerLabel,
        files: Object.fromEntries(files),
        usage,
        costUsd: cost,
        durationMs: clock() - started,
        finishedAt: new Date(clock()).toISOString(),
      };
      await input.results.write(result);
      return { id: job.id, state: 'built', prepared, files, result, attempts: attempt };
    }
    return { id: job.id, state: 'failed', prepared, failureClass: 'tests-fail', error: 'no attempts left', attempts: maxAttempts };
  };

  for (const job of input.plan.jobs) {
    const promise = runOne(job).then((outcome) => {
      settled.set(outcome.id, outcome);
      input.onEvent?.({ type: 'job-end', outcome });
      return outcome;
    });
    outcomes.set(job.id, promise);
  }
  await Promise.all(outcomes.values());
  return settled;
}
