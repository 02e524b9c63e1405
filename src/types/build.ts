/**
 * The build's contracts: the plan (phase 5), job outcomes (phase 6), stored results, and the
 * manifest (phase 8). Every build entry point passes these between phases; keep them free of logic.
 */
import type { Spec } from './spec.js';
import type { TokenUsage } from './agent.js';
import type { FailureClass, ScenarioVerdict } from './validation.js';

/**
 * What a promotion verdict was given on. Output may be promoted, or called up to date, only
 * under a verdict whose key equals the key of the output as it is now: the same bytes, judged by
 * the same checks, under the same settings. Each field is a sha256 of canonical JSON.
 */
export interface VerdictKey {
  /** The tree the checks ran on: the job's outputs and its dependencies' and twins' files (path -> sha256 of the content, without provenance header). */
  tree: string;
  /** The visible checks: the spec's own test files, type-check on or off, the test command, the gate's format. */
  visible: string;
  /** The spec's holdout set: every check's name and content (the empty set has a digest too). */
  holdouts: string;
  /** Validation settings: sandbox mode, toolchain versions, time limit, promotion.requireHoldouts and minMutationScore. */
  settings: string;
}

/** A promotion verdict: what the gate found for one output under one key. */
export interface Verdict {
  key: VerdictKey;
  /** Whether the output may be promoted under what the key names. */
  admitted: boolean;
  holdout: HoldoutVerdict;
  scenarios: ScenarioVerdict[];
  /** The holdouts' mutation score (percent), when promotion.minMutationScore asked for one. */
  mutationScore?: number;
  /**
   * The coverage proof: requirement id -> the spec's own tests that failed on a mutant of the code
   * naming it (coverage-proof.ts). Absent when the spec's tests name no requirement.
   */
  proof?: { mutants: number; proven: Record<string, string[]>; error?: string };
  /** Why it was not admitted. */
  failureClass?: FailureClass;
  error?: string;
  /** When it was given (ISO 8601). */
  at: string;
}
import type { RequirementTrace } from './coverage.js';

/** Why a spec must be rebuilt. */
export type StaleReason =
  | 'never-built'
  | 'forced'
  | 'spec-changed'
  | 'dependency-changed'
  | 'context-changed'
  | 'template-changed'
  | 'config-changed'
  | 'speccc-changed'
  | 'output-edited'
  | 'output-missing'
  /** The output is unchanged, but its verdict was given under other holdouts, checks or validation settings. */
  | 'verdict-stale';

/**
 * Everything that can change what the agent writes for one job. The job key is the sha256 of
 * this record serialised canonically (sorted keys): equal keys mean the same request would be
 * sent, so stored output can be reused. Add a field here before adding an input anywhere else.
 */
export interface JobKeyInputs {
  /** JOB_FORMAT: invalidates every job when speccc's own behaviour changes. */
  format: number;
  /** The model the job runs on (after routing: spec > kind > default). */
  model: string;
  /** Effort level sent with every request (`low` … `max`): it changes what the model writes. */
  effort: string;
  /** max_tokens per request: a lower limit can cut a file short. */
  maxOutputTokens: number;
  /** Turns the agent gets per attempt. */
  maxTurns: number;
  /** The rendered system prompt: governance documents, constraint specs, system template. */
  systemPrompt: string;
  /** The rendered job prompt: the spec, its structure, dependency outputs, the file list. */
  jobPrompt: string;
  /** Tool definitions the agent is given. */
  tools: string;
  /** The fix template and validation settings: they shape the conversation after a failure. */
  fix: string;
  /** Files the job must write. */
  outputs: readonly string[];
  /**
   * Dependency outputs by path -> hash (also inside jobPrompt; listed so the record says it), and
   * the outputs of the service twins the spec's code is validated against (not in the prompt:
   * the agent sees a twin's spec, never its code).
   */
  dependencyOutputs: Record<string, string>;
}

/** Digests of each input of a job, kept in the manifest so a plan can say *why* a job is stale. */
export interface JobInputDigests {
  spec: string;
  /** The rendered system prompt: context documents and constraint specs. */
  system: string;
  templates: string;
  /** Model, effort, token limits, turn limit, tools, validation settings. */
  settings: string;
  /** Every dependency output's path and hash. */
  dependencies: string;
}

/** A job whose prompt is rendered and whose key is known. */
export interface PreparedJob {
  key: string;
  model: string;
  effort: string;
  prompt: string;
  inputs: JobInputDigests;
  keyInputs: JobKeyInputs;
}

export interface PlannedJob {
  id: string;
  spec: Spec;
  /** Ids of ready specs with outputs that this one depends on (constraint specs are in every system prompt). */
  deps: string[];
  /**
   * Every ready spec it builds on, directly or through others, in build order: their outputs are
   * in its staged tree, its type-check and its job key (distant ones as declarations in its prompt).
   */
  closure: string[];
  /** Ids of the ready twins this spec declares in `uses_twins`: built first, started beside its code in every sealed run. */
  twins: string[];
  state: 'fresh' | 'stale';
  reasons: StaleReason[];
  /** Known when every dependency is fresh; otherwise prepared once their rebuilt outputs are known. */
  prepared: PreparedJob | null;
  /** Output paths whose file differs from the manifest (hand edits). */
  drifted: string[];
}

export interface Plan {
  /** Ready, buildable specs in dependency order. */
  jobs: PlannedJob[];
  /** Files recorded in the manifest or present in generated/ that no ready spec owns any more. */
  orphans: string[];
  /** Files of hand-owned specs (`owner: hand`): kept in the tree exactly as they are, never written or removed. */
  handOwned?: string[];
}

/** What the plan decides for a job once its dependencies have settled (phase 5 decides, phase 6 carries it out). */
export type JobDecision =
  | { action: 'fresh'; prepared: PreparedJob; cutOff: boolean }
  | { action: 'reuse'; prepared: PreparedJob; result: StoredResult }
  /** The output in generated/ is the output of this key, but its verdict is stale: judge it again, with no request. */
  | { action: 'rejudge'; prepared: PreparedJob }
  /** `candidate`: an agent reply paid for by an earlier, interrupted build; validate it before asking again. */
  | { action: 'generate'; prepared: PreparedJob; candidate?: StoredResult }
  | { action: 'leave-stale'; prepared: PreparedJob };

/** Where finished and candidate results live (`.speccc/results/`): the edge that makes paid work survive a crash. */
export interface ResultStore {
  /** `context` names the job asking: a store that reaches beyond this machine checks what it fetches against it. */
  read(key: string, context?: { specId: string; outputs?: readonly string[] }): Promise<StoredResult | undefined>;
  write(result: StoredResult): Promise<void>;
}

export type ForceSpec = 'all' | ReadonlySet<string> | null;

/** How a holdout gate judged a spec: `unverified` means no automated holdout check exists for it. */
export type HoldoutVerdict = 'passed' | 'failed' | 'unverified';

/**
 * A job's stored result, by job key under `.speccc/results/`. `candidate` is the agent's reply,
 * stored before validation so a crash during validation never buys it again; `passed` is output
 * that passed every check; `failed` marks a reply that failed for good (the next build asks afresh).
 */
export interface StoredResult {
  jobKey: string;
  specId: string;
  stage: 'candidate' | 'passed' | 'failed';
  model: string;
  provider: string;
  /** Output path -> content as the agent wrote it (no provenance header). */
  files: Record<string, string>;
  /** The attempt that wrote these files (1 = first answer; higher = after fix turns). */
  attempt: number;
  /** Provider transcript so a resumed job can continue its fix loop (candidates only). */
  history?: unknown;
  usage: TokenUsage;
  costUsd: number;
  durationMs: number;
  finishedAt: string;
  holdout?: HoldoutVerdict;
  /** The holdouts' mutation score (percent) when `promotion.minMutationScore` gated this output. */
  mutationScore?: number;
}

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
  /** Every request this job paid for, settled, including attempts that failed (USD). */
  spentUsd: number;
  /** True when a dependency was rebuilt but this job's key did not change (early cut-off). */
  cutOff?: boolean;
  holdout?: HoldoutVerdict;
  scenarios?: ScenarioVerdict[];
  /** The promotion verdict its output was admitted under (built, reused, or fresh and judged again). */
  verdict?: Verdict;
  /** A fresh job whose unchanged output was judged again (its verdict was stale). */
  rejudged?: boolean;
  /** Under manual promotion: promoted because the named spec, which was asked for, builds on it. */
  promotedFor?: string;
  /** Built: false when its outputs were not type-checked (`validation.typecheck` off), so the build does not say they were. */
  typechecked?: boolean;
  /** How long a job that ended without a result (failed, cancelled) worked on it; a result carries its own. */
  durationMs?: number;
}

export type BuildEvent =
  | { type: 'job-start'; id: string; attempt: number }
  | { type: 'job-end'; outcome: JobOutcome };

export interface ManifestEntry {
  file: string;
  jobKey: string;
  inputs: JobInputDigests;
  model: string;
  /** Who wrote the outputs: `anthropic`, `anthropic (twin at 127.0.0.1)`, `replay`, … */
  provider: string;
  /** Path (relative to the generated root) -> sha256 of the file as written, header included. */
  outputs: Record<string, string>;
  usage: TokenUsage;
  costUsd: number;
  durationMs: number;
  builtAt: string;
  /** Whether holdout checks gated this output; `unverified` when the spec had none. */
  holdout?: HoldoutVerdict;
  /** How generated code ran during validation: `off` only under the documented opt-out. */
  sandbox?: string;
  /** At promotion: what covered each requirement of the spec (asserting generated tests, holdout scenarios). */
  trace?: RequirementTrace[];
  /** The holdouts' mutation score (percent) when `promotion.minMutationScore` gated this output. */
  mutationScore?: number;
  /** The verdict the outputs were promoted under: `build` calls them up to date only while its key still holds. */
  verdict?: Verdict;
}

/** generated/.speccc/manifest.json in memory. Specs by id in a Map: an id such as `__proto__` is data, never a key of a plain object. */
export interface Manifest {
  format: number;
  speccc: string;
  specs: ReadonlyMap<string, ManifestEntry>;
}

export interface TemplateSource {
  /** Name without extension; also the partial name (`{{> governance}}`). */
  name: string;
  /** Where it came from: `(default)/job.hbs` or the workspace-relative path. */
  file: string;
  text: string;
}
