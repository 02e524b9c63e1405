/**
 * The data `speccc report` renders. Collected elsewhere (run traces, result store, verify
 * results); the renderers in this folder (html.ts, graph.ts, markdown.ts) are pure functions of
 * it. Every string in it may come from a user's spec and is escaped by the renderers.
 * Keep this file free of logic.
 */

/**
 * What a spec author needs to know about one spec, in one word. `constraint`: a ready constraint
 * spec that check finds no error in; it has no outputs, and its rules are in every job's system prompt.
 */
export type SpecState = 'promoted' | 'stale' | 'failing' | 'unverified' | 'draft' | 'blocked' | 'constraint';

/** Every state, in the order the report lists them (worst news is not first: counts read left to right). */
export const SPEC_STATES: readonly SpecState[] = ['promoted', 'stale', 'failing', 'unverified', 'draft', 'blocked', 'constraint'];

/**
 * Where a spec stands between a request and shipped code (docs/triage.md, "The spec queue"):
 * proposed (drafted by triage) and draft as people set them; ready (waiting to be built), building,
 * built (promoted, no holdout check), verified (holdouts pass) and failed, derived; blocked: check
 * errors, or a dependency that failed.
 */
export type Lifecycle = 'proposed' | 'draft' | 'ready' | 'blocked' | 'building' | 'built' | 'verified' | 'failed';

export interface QueueEntry {
  id: string;
  title: string;
  stage: Lifecycle;
  /** 0 is the most urgent; `high` is 1, `normal` 2 (a spec without a priority), `low` 3. */
  priority: number;
  /** Why it is there, in words (the spec's state in the report). */
  why: string;
  /** failed: the class of its last failure. */
  failureClass?: string;
  /** building: the run building it. */
  run?: string;
}

export interface ReportModel {
  /** ISO 8601 time the model was collected. */
  generatedAt: string;
  /** The workspace's name or path, as shown to people. */
  workspace: string;
  specccVersion: string;
  summary: {
    promoted: number;
    stale: number;
    failing: number;
    unverified: number;
    total: number;
    /** Across all runs, in US dollars. */
    spentUsd: number;
    /** 0..1, the latest verify run's mean over specs; null when nothing was verified yet. */
    satisfaction: number | null;
  };
  /** Every recorded run, oldest first. */
  runs: RunSummary[];
  /** The last run's jobs; startMs/endMs are relative to the run's start. */
  lastRun: null | {
    id: string;
    at: string;
    /** How the run ended (its trace's run-end); null when the trace has no end (killed, or still going). */
    outcome: RunSummary['outcome'];
    /** Why it stopped before its jobs finished, in words (cancelled, a fatal error, cut off); null when it did not. */
    stopped: string | null;
    jobs: {
      spec: string;
      startMs: number;
      endMs: number;
      attempts: number;
      retries: number;
      costUsd: number;
      /** The job's end state in words (e.g. built, failed, reused). */
      state: string;
      failureClass?: string;
      /** For a cancelled or skipped job: what stopped it, from its trace (e.g. `dependency money failed`). */
      note?: string;
    }[];
    /** Its first request wrote the shared prompt prefix instead of reading it: why (src/report/cache-miss.ts). */
    cacheMiss?: { line: string; changed: string[] };
  };
  /**
   * Failure taxonomy: failed jobs and failed holdouts across runs (verify runs included), plus
   * specs whose check errors block the build now (`spec-incomplete`); each with the specs it hit
   * and a one-line hint on what to strengthen in the spec.
   */
  failureClasses: { class: string; label: string; count: number; specs: string[]; hint: string }[];
  /** The spec queue, each section most urgent first (constraints and deprecated specs are in none). */
  queue: {
    /** Ready and not up to date: what `build --next N` takes, from the top. */
    waiting: QueueEntry[];
    /** In the build running now. */
    running: QueueEntry[];
    /** The last job failed and nothing has changed since (or a verify run after promotion fails): a person acts before it is built again. */
    failed: QueueEntry[];
    /** Promoted: built (no holdout check) or verified. */
    shipped: QueueEntry[];
    /** Not buildable yet: proposed and draft specs a person makes ready, and blocked specs. */
    held: QueueEntry[];
  };
  specs: {
    id: string;
    /** Workspace-relative path of the spec file. */
    file: string;
    kind: string;
    title: string;
    state: SpecState;
    /** Why it is in that state, in words. */
    why: string;
    dependsOn: string[];
    /**
     * Holdout scenarios by name; passed is null when no recorded run (trace or verify) has a result
     * for it; failure, why the latest run failed it (a property's names its counterexample and seed).
     */
    scenarios: { name: string; passed: boolean | null; failure?: string }[];
    /** 0..1 per verify run, oldest first. */
    satisfaction: { at: string; value: number }[];
    /** Null when not measured (the page then names the command that measures it: `speccc trace`). */
    coverage: null | { requirements: number; covered: number; untested: string[] };
    /** 0..1: the latest of `speccc verify --mutate` and a promotion gated by promotion.minMutationScore; null when neither scored it. */
    mutationScore: number | null;
    /** 0..1, oldest first: every scored `verify --mutate` run of the spec (before and after new holdouts: properties, accepted proposals). */
    mutationHistory: number[];
    diagnostics: { code: string; severity: 'error' | 'warning'; line: number; column: number; message: string }[];
    /** Per run that spent on this spec, oldest first. */
    cost: { run: string; at: string; costUsd: number; inputTokens: number; outputTokens: number }[];
  }[];
}

export interface RunSummary {
  id: string;
  at: string;
  costUsd: number;
  jobs: number;
  failed: number;
  /** How the run ended (its trace's run-end); null when the trace has no end (killed, or still going). */
  outcome: 'done' | 'failed' | 'cancelled' | 'blocked' | null;
  /** Why it stopped before its jobs finished, in words (cancelled, a fatal error, cut off); null when it did not. */
  stopped: string | null;
}

export type ReportSpec = ReportModel['specs'][number];
export type ReportJob = NonNullable<ReportModel['lastRun']>['jobs'][number];
