/**
 * Run traces: `.speccc/runs/<run-id>.jsonl`, one event per line. This union is the only shape
 * the writer accepts and the reader returns; `speccc log` and `speccc report` read it.
 * Every event carries `at` (ISO 8601) when written. Text fields pass through the redactor.
 */
import type { TokenUsage } from './agent.js';
import type { FailureClass, ScenarioVerdict } from './validation.js';
import type { HoldoutVerdict, JobState } from './build.js';

/** One named part of the shared prompt prefix and a digest of its text (phases/4-render/prefix-blocks.ts). */
export interface PrefixBlock {
  /** `tools`, `template (default)/system.hbs`, `context file context/glossary.md`, `constraint spec …`, `system prompt`. */
  name: string;
  /** sha256 prefix (16 hex digits). */
  digest: string;
}

export type TraceEvent =
  | { type: 'run-start'; command: string; provider: string; sandbox: string; speccc: string; maxCostUsd: number | null }
  | { type: 'run-end'; outcome: 'done' | 'failed' | 'cancelled' | 'blocked'; spentUsd: number }
  | { type: 'job-start'; spec: string; attempt: number; jobKey: string }
  | {
      type: 'job';
      spec: string;
      state: JobState;
      attempts: number;
      failureClass?: FailureClass;
      error?: string;
      jobKey?: string;
      usage?: TokenUsage;
      /** Every request this job paid for, failed attempts included (USD). */
      costUsd: number;
      durationMs?: number;
      holdout?: HoldoutVerdict;
    }
  | {
      type: 'budget';
      spec: string;
      reserveUsd: number;
      ok: boolean;
      reason?: string;
      /** Input tokens the reservation assumed: the request's byte size, or its counted tokens plus a margin when that is less. */
      inputTokens?: number;
      /** What count_tokens said the request's input is, when it was counted. */
      countedInputTokens?: number;
    }
  /**
   * The run's shared prompt prefix, block by block, written before its first job: the next run
   * compares it with its own to say which block changed when it missed the prompt cache.
   * `ttl`: the prefix's cache lifetime; `caching`: whether it was marked for caching at all.
   */
  | { type: 'prefix'; blocks: PrefixBlock[]; ttl: '5m' | '1h'; caching: boolean }
  | {
      type: 'request';
      spec: string;
      job: string;
      model: string;
      effort?: string;
      /** sha256 prefix of the request's messages: identical prompts have identical hashes. */
      promptHash: string;
      /** A Bloom filter of the request's hashed word shingles (never its text): for `speccc audit`. */
      fingerprint?: string;
      inputTokens: number;
      outputTokens: number;
      cacheReadTokens: number;
      cacheWriteTokens: number;
      costUsd: number;
      latencyMs: number;
      requestId: string | null;
      stopReason: string | null;
      /** Sent through the Message Batches API (billed at batch prices); latencyMs then includes the wait for the batch. */
      batch?: boolean;
      batchId?: string;
      /**
       * The advisory task budget sent (tokens: the job's at its first request, and what was left),
       * and what the reply's usage said was left after it. The hard cap is the `budget` event before.
       */
      taskBudget?: { total: number; remaining: number; reportedRemaining?: number };
      /** count_tokens' figure for this request, when counted: the estimate its billed input is set against. */
      countedInputTokens?: number;
      /** The worst case reserved for this request before it was sent (USD). */
      reservedUsd?: number;
    }
  | {
      type: 'batch';
      /** The Message Batch id. */
      id: string;
      /** submitted; resumed (found in .speccc/batches/ from an earlier build); ended; canceled (by this build); lost (could not be read). */
      op: 'submitted' | 'resumed' | 'ended' | 'canceled' | 'lost';
      requests: number;
      counts?: Record<string, number>;
      reason?: string;
    }
  | {
      type: 'cache';
      spec: string;
      jobKey: string;
      /** get: looked up before generating; put: uploaded after passing. */
      op: 'get' | 'put';
      status: 'hit' | 'miss' | 'refused' | 'error' | 'stored';
      detail?: string;
    }
  | { type: 'tool'; spec: string; tool: string; path: string | null; ok: boolean; error?: string }
  /**
   * `speccc triage` settled one request (`spec` is `triage:<request id>`): its decision and who
   * took it (`pre-check` or the model's id), its record, or (decision null) why it was not decided.
   */
  | { type: 'triage'; spec: string; request: string; decision: string | null; by: string | null; record: string | null; costUsd: number; error?: string }
  | { type: 'error'; spec: string; attempt: number; reason: string; retry: boolean; requestId?: string | null }
  | { type: 'retry'; spec: string; attempt: number; delayMs: number }
  /** A warning the run printed (a model that is deprecated or past its retirement date). */
  | { type: 'warning'; message: string }
  /** The model declined a job (stop_reason refusal), with the API's stop_details; `fallback`: the job goes on there. */
  | { type: 'refusal'; spec: string; model: string; category: string | null; explanation: string | null; fallback?: string }
  /** One try of the Models API check before the first job generates (`retry`: another try follows). */
  | { type: 'models-check'; model: string; ok: boolean; attempts: number; reason?: string; requestId?: string | null; retry?: boolean }
  | {
      type: 'validation';
      spec: string;
      stage: 'visible' | 'holdout' | 'mutation' | 'proof';
      attempt: number;
      passed: boolean;
      failureClass?: FailureClass;
      durationMs: number;
      scenarios?: ScenarioVerdict[];
      /** stage `mutation`: the holdouts' mutation score in percent (null: nothing scored). */
      mutationScore?: number | null;
      /**
       * stage `visible`, failed: the first compiler error or failing test of the spec's own checks
       * (failure-line.ts), what `speccc lessons` groups failures by. Never set for holdouts: their
       * text stays out of every prompt, and an accepted lesson is part of every prompt.
       */
      detail?: string;
    };

/** An event as stored: with the time it was written. */
export type TracedEvent = TraceEvent & { at: string };

/** Where a run's events go. Writers pass typed events; the sink adds `at` and redacts secrets. */
export interface TraceSink {
  readonly runId: string;
  /** The trace file, or null when tracing is off. */
  readonly file: string | null;
  write(event: TraceEvent): void;
}
