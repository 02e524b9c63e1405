/**
 * The types passed between speccc's phases. Every phase takes and returns values of these
 * types; no phase imports from a later one. Keep this file free of logic.
 */

// ---------------------------------------------------------------------------------------
// Positions and diagnostics
// ---------------------------------------------------------------------------------------

/**
 * A point in a source file. `line` is 1-based, `column` is 1-based and counts UTF-16 code
 * units of the decoded text (what unist/mdast report), `offset` is 0-based in the same units.
 */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

/** A half-open range: `end` points just past the last character. */
export interface Span {
  start: Point;
  end: Point;
}

export type Severity = 'error' | 'warning';

export interface RelatedLocation {
  /** Workspace-relative POSIX path. */
  file: string;
  span: Span;
  message: string;
}

/**
 * A problem found in a user's input. Never thrown: phases return these as data.
 * `code` is a stable kebab-case identifier listed in src/diagnostics/catalogue/.
 */
export interface Diagnostic {
  code: string;
  severity: Severity;
  /** Workspace-relative POSIX path (e.g. `specs/auth/login.md`). */
  file: string;
  span: Span;
  /** One line: what was found and what was expected. */
  message: string;
  /** One line: how to fix it. */
  hint: string;
  related?: RelatedLocation[];
}

// ---------------------------------------------------------------------------------------
// The spec model (phase 2 output)
// ---------------------------------------------------------------------------------------

export const SPEC_KINDS = ['feature', 'architecture', 'constraint'] as const;
export type SpecKind = (typeof SPEC_KINDS)[number];

export const SPEC_STATUSES = ['draft', 'ready', 'deprecated'] as const;
export type SpecStatus = (typeof SPEC_STATUSES)[number];

/** Canonical section names; headings are matched case-insensitively (see docs/spec-format.md). */
export const SECTION_NAMES = [
  'what',
  'who',
  'inputs',
  'outputs',
  'rules',
  'edge-cases',
  'evaluation',
  'constraints',
] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

/** Validated YAML frontmatter. */
export interface Frontmatter {
  id: string;
  kind: SpecKind;
  status: SpecStatus;
  depends_on: string[];
  /** Paths relative to the generated root, POSIX separators, owned by this spec. */
  outputs: string[];
  model?: string;
  budget_usd?: number;
  version?: string;
}

export interface Located<T> {
  value: T;
  span: Span;
}

/** Spans of the frontmatter's keys' values, and of each list item for list fields. */
export interface FrontmatterSpans {
  /** The whole frontmatter block, `---` to `---`. */
  block: Span;
  fields: Partial<Record<keyof Frontmatter | string, Span>>;
  depends_on: Span[];
  outputs: Span[];
}

export interface Section {
  /** Canonical name, or null when the H2 heading is not one of SECTION_NAMES. */
  name: SectionName | null;
  /** The heading text as written. */
  heading: string;
  headingSpan: Span;
  /** From the heading to just before the next H2 (or end of file). */
  span: Span;
  /** Plain text of the body (mdast-util-to-string of its nodes), without the heading. */
  text: string;
  /** The body's markdown source, exactly as written. */
  markdown: string;
  /** [start, end) offsets of `markdown` in the source. */
  bodyRange: [number, number];
}

export type StepKeyword = 'given' | 'when' | 'then';

export interface Step {
  keyword: StepKeyword;
  /** The step's text without its keyword ("And"/"But" continue the previous keyword). */
  text: string;
  span: Span;
}

export interface Scenario {
  name: string;
  /** `block` for `### Scenario: name`, `list` for a one-item Given/When/Then list entry. */
  form: 'block' | 'list';
  span: Span;
  given: Step[];
  when: Step[];
  then: Step[];
}

/** A markdown link from one spec to another spec's file. */
export interface SpecLink {
  href: string;
  /** The workspace-relative path the link resolves to. */
  target: string;
  span: Span;
}

/** A use of a glossary term, marked `[[Term]]` in prose. */
export interface TermUse {
  term: string;
  span: Span;
}

export interface Spec {
  /** Workspace-relative POSIX path. */
  file: string;
  /** sha256 (hex) of the file's bytes. */
  hash: string;
  /** The decoded source text (BOM removed, line endings as written). */
  source: string;
  /** Null when the frontmatter is missing or invalid (diagnostics say why). */
  frontmatter: Frontmatter | null;
  frontmatterSpans: FrontmatterSpans | null;
  title: Located<string> | null;
  /** H1 headings after the first (a spec has one title). */
  extraTitles: Span[];
  sections: Section[];
  scenarios: Scenario[];
  links: SpecLink[];
  terms: TermUse[];
  /** [start, end) offsets of code, inline code and HTML: prose rules skip these. */
  codeRanges: [number, number][];
}

/** A spec file after phases 1 and 2: its model (if the file could be read as text) and problems. */
export interface ModelledFile {
  file: string;
  hash: string;
  spec: Spec | null;
  diagnostics: Diagnostic[];
}

/** Context documents (context/*.md), read as text. */
export interface ContextDoc {
  /** Workspace-relative path. */
  file: string;
  hash: string;
  text: string;
}

export interface GlossaryTerm {
  term: string;
  /** Lower-cased term and aliases, for matching. */
  keys: string[];
  file: string;
  span: Span;
}

/** Everything the checker and planner need about the workspace's specs. */
export interface Workspace {
  /** Absolute path of the workspace root. */
  root: string;
  files: ModelledFile[];
  /** Specs with valid frontmatter, keyed by id (first occurrence wins on duplicates). */
  byId: Map<string, Spec>;
  context: ContextDoc[];
  glossary: GlossaryTerm[];
}

// ---------------------------------------------------------------------------------------
// The agent interface (phase 6). Providers: anthropic (real SDK), replay (cassettes), fake.
// ---------------------------------------------------------------------------------------

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
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
}

export interface AgentTask {
  specId: string;
  jobKey: string;
  model: string;
  maxOutputTokens: number;
  /** The stable prefix shared by every job in a build: governance documents and constraint specs. */
  system: string;
  /** This turn's user message: the job prompt, or a fix-after-failure prompt. */
  prompt: string;
  /** Provider-specific transcript of this job's earlier turns (fix loop); undefined on the first. */
  history?: unknown;
  /** The spec's own spending cap (`budget_usd`), on top of the run's. */
  budgetUsd?: number;
  signal: AbortSignal;
}

export type AgentStatus =
  | 'done' // ended its turn with every declared output written
  | 'incomplete' // ended without writing every output, or hit the turn limit
  | 'budget' // stopped because the next request could break a budget
  | 'aborted' // AbortSignal fired
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
}

export interface Agent {
  /** Provider name recorded in the manifest (e.g. `anthropic`, `replay`, `fake`). */
  readonly name: string;
  run(task: AgentTask, sandbox: JobSandbox): Promise<AgentOutcome>;
}

// ---------------------------------------------------------------------------------------
// Configuration (speccc.config.json, validated by src/config/). All paths are relative to the
// workspace root unless absolute; `scenarios` is recommended to live outside the repository.
// ---------------------------------------------------------------------------------------

export interface SpecccConfig {
  paths: {
    specs: string;
    context: string;
    templates: string;
    generated: string;
    scenarios: string;
  };
  model: {
    default: string;
    /** Per-kind routing; a spec's own `model:` wins over both. */
    byKind: Partial<Record<SpecKind, string>>;
    /** Per-request output token limit (max_tokens). */
    maxOutputTokens: number;
  };
  /** Jobs run in parallel at most. */
  concurrency: number;
  /** Run-wide spending cap in USD (null: none); `--max-cost` overrides. */
  budgetUsd: number | null;
  agent: {
    /** Model turns per job attempt before the job counts as incomplete. */
    maxTurns: number;
  };
  validation: {
    /** Type-check TypeScript outputs with tsc before running tests. */
    typecheck: boolean;
    /** Test command run in the staged tree; `{files}` expands to the spec's test outputs. */
    testCommand: string[];
    /** Wall-clock limit for one check run, in milliseconds. */
    timeoutMs: number;
    maxFixAttempts: number;
  };
  promotion: {
    /** on-pass: promote when visible checks and the spec's holdout scenarios pass. manual: wait for `speccc promote`. */
    policy: 'on-pass' | 'manual';
    /** Whether a failing holdout scenario's title (never its body) may be shown to the agent. */
    shareScenarioTitles: boolean;
  };
}

// ---------------------------------------------------------------------------------------
// Validation (phase 7)
// ---------------------------------------------------------------------------------------

export type FailureClass =
  | 'missing-output'
  | 'does-not-compile'
  | 'tests-fail'
  | 'holdout-fails'
  | 'timeout'
  | 'crash'
  | 'budget-exhausted'
  | 'agent-gave-up'
  | 'api-error'
  | 'cancelled';

export interface ValidationRun {
  passed: boolean;
  failureClass?: FailureClass;
  /** Trimmed output. For visible checks it is fed back to the agent; for holdouts, to people only. */
  feedback: string;
  durationMs: number;
}

export interface HoldoutRun extends ValidationRun {
  scenarios: { name: string; file: string; passed: boolean }[];
}

export interface Validator {
  /** Type-check and run the spec's own tests inside a staged tree (the whole tree: deps included). */
  visible(input: { specId: string; stageDir: string; outputs: readonly string[]; signal: AbortSignal }): Promise<ValidationRun>;
  /** Run the spec's holdout scenarios against a staged tree. Never shown to a generating agent. */
  holdout(input: { specId: string; stageDir: string; signal: AbortSignal }): Promise<HoldoutRun>;
}
