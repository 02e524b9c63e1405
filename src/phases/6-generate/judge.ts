/**
 * The gate, run on one output: visible checks (unless the fix loop just ran them), then the
 * holdout checks, then `promotion.requireHoldouts` and `promotion.minMutationScore`. Its result
 * is a Verdict; verdictFor (verdict.ts) decides when it must run. Holdout results go to people
 * only: nothing from them reaches an agent.
 */
import type { FileTree, HoldoutCheck, HoldoutVerdict, PlannedJob, ServiceTwin, SpecccConfig, TraceSink, ValidationRun, Validator, Verdict, VerdictKey } from '../../types/index.js';
import { failureLine } from './failure-line.js';

export interface JudgeInput {
  job: PlannedJob;
  key: VerdictKey;
  tree: FileTree;
  twins: readonly ServiceTwin[];
  /** The spec's holdout checks, from the run's holdout set (the set `key.holdouts` digests). */
  checks: readonly HoldoutCheck[];
  config: SpecccConfig;
  validator: Validator;
  trace: TraceSink;
  /** The attempt whose output this is (1 for output judged again). */
  attempt: number;
  signal: AbortSignal;
  /** The visible checks' run on this very tree, when the fix loop has just made it. */
  visible?: ValidationRun;
  clock?: () => number;
}

/** Source files a mutation run mutates: the spec's code, not its tests or declarations. */
export const mutationTargets = (outputs: readonly string[]) => outputs.filter((p) => /\.[cm]?[jt]sx?$/.test(p) && !/\.(?:test|spec)\.[cm]?[jt]sx?$/.test(p) && !/\.d\.ts$/.test(p));

/**
 * fast-check's seed for the gate's property holdouts, from the verdict key: the same output under
 * the same holdouts and settings is judged on the same inputs, so a verdict (and a mutation score
 * against promotion.minMutationScore) does not flip from one build to the next. `verify` still
 * picks a new seed per run to explore (`--seed` replays one).
 */
export const gateSeed = (key: VerdictKey): number => (parseInt(key.tree.slice(0, 8), 16) ^ parseInt(key.holdouts.slice(0, 8), 16) ^ parseInt(key.settings.slice(0, 8), 16)) & 0x7fffffff;

export async function judge(input: JudgeInput): Promise<Verdict> {
  const { job, validator, trace, attempt, signal } = input;
  const at = () => new Date((input.clock ?? Date.now)()).toISOString();
  const outputs = job.spec.frontmatter!.outputs;
  const verdict = (admitted: boolean, holdout: HoldoutVerdict, extra: Partial<Verdict> = {}): Verdict => ({ key: input.key, admitted, holdout, scenarios: [], at: at(), ...extra });

  const visible = input.visible ?? (await validator.visible({ specId: job.id, tree: input.tree, outputs, twins: input.twins, signal }));
  if (!input.visible) trace.write({ type: 'validation', spec: job.id, stage: 'visible', attempt, passed: visible.passed, ...(visible.failureClass ? { failureClass: visible.failureClass } : {}), durationMs: visible.durationMs, ...(visible.passed ? {} : { detail: failureLine(visible.feedback) }) });
  if (!visible.passed) {
    const failureClass = signal.aborted ? 'cancelled' : (visible.failureClass ?? 'tests-fail');
    return verdict(false, 'failed', { failureClass, error: `visible checks fail: ${failureLine(visible.feedback)}` });
  }

  const seed = gateSeed(input.key);
  const holdout = await validator.holdout({ specId: job.id, checks: input.checks, tree: input.tree, twins: input.twins, signal, seed });
  const result: HoldoutVerdict = holdout.scenarios.length === 0 ? 'unverified' : holdout.passed ? 'passed' : 'failed';
  trace.write({ type: 'validation', spec: job.id, stage: 'holdout', attempt, passed: result !== 'failed', ...(holdout.failureClass ? { failureClass: holdout.failureClass } : {}), durationMs: holdout.durationMs, scenarios: holdout.scenarios });
  const scenarios = holdout.scenarios;
  if (result === 'failed') {
    const failing = scenarios.filter((s) => !s.passed).map((s) => s.name).join(', ') || holdout.feedback.split('\n')[0];
    return verdict(false, result, { scenarios, failureClass: signal.aborted ? 'cancelled' : (holdout.failureClass ?? 'holdout-fails'), error: `holdout scenarios failed: ${failing}` });
  }
  if (result === 'unverified' && input.config.promotion.requireHoldouts) {
    return verdict(false, result, { failureClass: 'unverified', error: 'no automated holdout check covers this spec, and promotion.requireHoldouts refuses unverified output' });
  }
  // Which requirements the spec's own tests prove (never blocks promotion: check reports what is unproven).
  const proved = await validator.prove({ specId: job.id, tree: input.tree, outputs, requirements: job.spec.requirements.map((r) => r.id), twins: input.twins, signal });
  trace.write({ type: 'validation', spec: job.id, stage: 'proof', attempt, passed: proved.error === undefined, durationMs: proved.durationMs });
  const proof = proved.proven === null ? {} : { proof: { mutants: proved.mutants, proven: proved.proven, ...(proved.error ? { error: proved.error.split('\n')[0]! } : {}) } };
  const minimum = input.config.promotion.minMutationScore;
  if (minimum === undefined) return verdict(true, result, { scenarios, ...proof });
  if (result === 'unverified') {
    return verdict(false, result, { ...proof, failureClass: 'unverified', error: `promotion.minMutationScore (${minimum}%) needs holdout checks to score the code against, and this spec has none` });
  }
  // The holdouts must kill enough mutants of the code. Like holdout results, this never reaches the agent.
  const m = await validator.mutate({ specId: job.id, checks: input.checks, tree: input.tree, mutate: mutationTargets(outputs), twins: input.twins, signal, seed });
  const score = m.result?.score ?? null;
  trace.write({ type: 'validation', spec: job.id, stage: 'mutation', attempt, passed: score !== null && score >= minimum, ...(m.failureClass ? { failureClass: m.failureClass } : {}), durationMs: m.durationMs, mutationScore: score });
  if (signal.aborted) return verdict(false, result, { scenarios, failureClass: 'cancelled', error: 'cancelled during mutation testing' });
  if (score === null) return verdict(false, result, { scenarios, failureClass: m.failureClass ?? 'mutation-score-low', error: `mutation testing scored nothing: ${(m.error ?? 'no mutant could be judged').split('\n')[0]}` });
  if (score < minimum) {
    const unkilled = (m.result?.survived ?? 0) + (m.result?.noCoverage ?? 0);
    return verdict(false, result, {
      scenarios,
      mutationScore: score,
      failureClass: 'mutation-score-low',
      error: `the holdouts kill ${score.toFixed(1)}% of mutants (${unkilled} survive), below promotion.minMutationScore ${minimum}%; strengthen the scenarios (speccc verify --mutate ${job.id} lists the survivors)`,
    });
  }
  return verdict(true, result, { scenarios, mutationScore: score, ...proof });
}
