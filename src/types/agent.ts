/** The agent interface (phase 6). Providers: anthropic (real SDK), replay (cassettes), test fakes. */
import type { FailureClass } from './validation.js';

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  /** Every cache write (5-minute and 1-hour). */
  cacheWriteTokens: number;
  /** The part of cacheWriteTokens written to the 1-hour cache (billed at 2× input instead of 1.25×). */
  cacheWrite1hTokens?: number;
}

/** What a provider may do to the job's staging area. Enforces ownership; never throws. */
export interface JobSandbox {
  /** Paths (relative to the generated root) this job must write. */
  readonly outputs: readonly string[];
  /** Write one owned file into staging. Refused (ok: false) for any path the spec does not own. */
  write(path: string, content: string): { ok: true } | { ok: false; error: string };
  /** Read a file the agent may see (its own staged outputs, dependency outputs, context). */
  read(path: string): { ok: true; content: string } | { ok: false; error: string };
  /** Files written so far in this job. */
  written(): ReadonlyMap<string, string>;
  /**
   * Runs a call of one of the task's own tools (AgentTask.tools), e.g. triage's record_decision.
   * Absent for a build job, whose only tools are write_file and read_file.
   */
  call?(name: string, input: unknown): { ok: true; content: string } | { ok: false; error: string };
  /** What to tell a model that ended its turn with an output still missing (default: asks for the files with write_file). */
  readonly reminder?: string;
}

/** A tool in the Messages API's format. Strict (`strict: true`): the API samples every call's input under its schema. */
export interface ToolDefinition {
  name: string;
  strict?: boolean;
  description: string;
  input_schema: Record<string, unknown>;
}

export interface AgentTask {
  specId: string;
  jobKey: string;
  model: string;
  /** Effort level (`low` … `max`) sent as output_config.effort. */
  effort: string;
  maxOutputTokens: number;
  /** The stable prefix shared by every job in a build: governance documents and constraint specs. */
  system: string;
  /** This turn's user message: the job prompt, or a fix-after-failure prompt. */
  prompt: string;
  /** Provider-specific transcript of this job's earlier turns (fix loop); undefined on the first. */
  history?: unknown;
  /** The spec's own spending cap (`budget_usd`), on top of the run's. */
  budgetUsd?: number;
  /**
   * Where a refusal goes (`model.fallbackModel` for the spec's kind): a job the model declines is
   * tried once more on this model, priced and budgeted like any request. Undefined: a refusal ends the job.
   */
  fallbackModel?: string;
  /**
   * The tools this conversation offers in place of write_file and read_file (triage's
   * record_decision and read_spec); their calls go to JobSandbox.call. Build jobs leave it unset.
   */
  tools?: readonly ToolDefinition[];
  /** Model turns this conversation may take, when fewer than the provider's (agent.maxTurns): a triage decision needs a few. */
  maxTurns?: number;
  signal: AbortSignal;
}

export type AgentStatus =
  | 'done' // ended its turn with every declared output written
  | 'incomplete' // ended without writing every output, or hit the turn limit
  | 'budget' // stopped because the next request could break a budget
  | 'aborted' // AbortSignal fired
  | 'refused' // the model declined (stop_reason refusal)
  | 'failed'; // a non-retryable API error or retries exhausted

export interface AgentOutcome {
  status: AgentStatus;
  usage: TokenUsage;
  costUsd: number;
  requests: number;
  /** Pass back as AgentTask.history to continue the same conversation. */
  history: unknown;
  /** For people: why it did not finish (never contains secrets). */
  error?: string;
  /** Nothing else in this run can succeed either (spend limit reached, key refused): stop the build. */
  fatal?: boolean;
  /** A failure the provider could name more precisely than its status (a full context window, max_tokens inside a tool call). */
  failureClass?: FailureClass;
  /** The model that wrote the outcome when it is not the task's (the fallback after a refusal). */
  model?: string;
}

export interface Agent {
  /** Provider name recorded in the manifest (e.g. `anthropic`, `replay`, `fake`). */
  readonly name: string;
  run(task: AgentTask, sandbox: JobSandbox): Promise<AgentOutcome>;
}


/** What the Models API says about a model a build uses that is going away (or gone). */
export interface ModelNotice {
  model: string;
  lifecycle: 'active' | 'deprecated' | 'retired';
  /** YYYY-MM-DD, or null when the API gives none. */
  deprecatedAt: string | null;
  /** YYYY-MM-DD: the scheduled retirement, or null. */
  retiresAt: string | null;
  /** The model to move to: the API's suggestion, else the newest of the same line speccc knows, else null. */
  successor: string | null;
}

/** The Models API check before a build: ids it does not know, and models that are deprecated, due to retire or retired. */
export interface ModelCheck {
  unknown: { id: string; error: string }[];
  notices: ModelNotice[];
}

export interface BatchRequestRef {
  /** sha256 (hex) of the request body: the same turn of the same job has the same id in every build. */
  customId: string;
  specId: string;
  jobKey: string;
  /** The conversation's turn this request asks for (1 = the job prompt; fix turns continue the count). */
  turn: number;
}

export interface BatchRecord {
  format: 1;
  id: string;
  submittedAt: string;
  requests: BatchRequestRef[];
}

/** Where submitted batches are recorded (io/batch-state.ts). `load` throws a located error for a corrupt file. */
export interface BatchStateStore {
  readonly where: string;
  load(): Promise<BatchRecord[]>;
  save(record: BatchRecord): Promise<void>;
  remove(id: string): Promise<void>;
}

export interface Cassette {
  jobKey: string;
  specId: string;
  model: string;
  recordedWith: string;
  recordedAt: string;
  /** One entry per attempt: the files written, in order. */
  attempts: { path: string; content: string }[][];
}

export interface CassetteStore {
  /** Where the cassettes live, for messages. */
  readonly where: string;
  read(key: string): Cassette | undefined;
  write(cassette: Cassette): void;
}
