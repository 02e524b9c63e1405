/**
 * Validation (phase 7): verdicts on staged output, and the sealed runner that every run of
 * generated code goes through (type-check, the spec's own tests, holdout checks, verify).
 */

export type FailureClass =
  | 'missing-output'
  | 'does-not-compile'
  | 'tests-fail'
  /** The spec's own code or tests switch off or fool a visible check (`@ts-nocheck`, a mock of its own code, code that spots the test run). */
  | 'checks-weakened'
  | 'holdout-fails'
  | 'mutation-score-low'
  | 'unverified'
  | 'timeout'
  | 'crash'
  | 'sandbox-refused'
  | 'budget-exhausted'
  | 'agent-gave-up'
  | 'refused'
  | 'context-window-exceeded'
  | 'output-limit-reached'
  | 'api-error'
  | 'cancelled';

export interface ValidationRun {
  passed: boolean;
  failureClass?: FailureClass;
  /** Trimmed output. For visible checks it is fed back to the agent; for holdouts, to people only. */
  feedback: string;
  durationMs: number;
}

export interface ScenarioVerdict {
  name: string;
  /** Relative to the scenarios folder: `<spec-id>/<name>.test.ts`. */
  file: string;
  passed: boolean;
  /** Why it failed, as vitest says it (`its title: expected … to be …`); for people only, never an agent. */
  failure?: string;
  /** Every test of the check that failed, by full name (`describe › it`); for people only, never an agent. */
  failedTests?: string[];
  /** A property holdout (its check uses fast-check): the seed and run count it ran with, and how it failed. */
  property?: PropertyRun;
}

/** How a property holdout ran: replay a failure with the same seed and run count. */
export interface PropertyRun {
  seed: number;
  runs: number;
  /** counterexample: an input breaks the property; cannot-generate: too many pre-condition failures; timed-out: out of time. */
  failed?: 'counterexample' | 'cannot-generate' | 'timed-out';
  /** The shrunk input that breaks it, as fast-check prints it. */
  counterexample?: string;
}

export interface HoldoutRun extends ValidationRun {
  scenarios: ScenarioVerdict[];
}

/** A tree of files by path relative to its root (POSIX separators) -> content. */
export type FileTree = ReadonlyMap<string, string>;

/**
 * A digital twin of an external service that the code under test calls: built from a spec of
 * kind `twin`, started inside the same sandbox as the code (src/io/service-twins/), on loopback.
 */
export interface ServiceTwin {
  /** The twin spec's id. */
  id: string;
  /** Its entry module in the tree, `twins/<id>/server.ts`, exporting `start({ port, host, state? })`. */
  entry: string;
  /** The environment variable holding its base URL in the run, `SPECCC_TWIN_<ID>_URL`. */
  env: string;
}

export type SurvivorStatus = 'Survived' | 'NoCoverage';

/** A mutant no holdout scenario caught. */
export interface Survivor {
  /** Relative to the tree root (the generated root). */
  file: string;
  /** 1-based, where the mutated code starts. */
  line: number;
  /** 1-based. */
  column: number;
  /** Where the mutated code ends: 1-based line, 1-based column just past it (the mutant replaces `original`, from line:column to here). */
  end: { line: number; column: number };
  mutator: string;
  replacement: string;
  /** The code the mutant replaced. */
  original: string;
  /** Survived: scenarios ran the code and still passed; NoCoverage: no scenario ran it at all. */
  status: SurvivorStatus;
}

export interface MutationResult {
  /** (killed + timed out) / (killed + timed out + survived + no coverage), in percent; null without such mutants. */
  score: number | null;
  killed: number;
  survived: number;
  timedOut: number;
  noCoverage: number;
  /** Every mutant of the mutated files, whatever its status (compile and runtime errors, ignored ones included). */
  total: number;
  /** Mutants no scenario caught (Survived and NoCoverage), by file, line, column. */
  survivors: Survivor[];
}

export interface MutationRun {
  /** Null when nothing was scored: no holdout check, no file to mutate, or Stryker failed (`error` says why). */
  result: MutationResult | null;
  error?: string;
  failureClass?: FailureClass;
  durationMs: number;
}

/** The coverage proof of one spec (src/phases/7-validate/coverage-proof.ts). */
export interface ProofRun {
  /** Requirement id -> titles of its tests that failed on a mutant of its code; null when there was nothing to prove. */
  proven: Record<string, string[]> | null;
  mutants: number;
  /** Set when the proof could not run (a crash, a timeout): nothing is proven then. */
  error?: string;
  durationMs: number;
}

export interface Validator {
  /**
   * Type-check and run the spec's own tests in a sealed copy of the staged tree (dependencies'
   * outputs included), with `twins` (their outputs in the tree) running beside them.
   */
  visible(input: { specId: string; tree: FileTree; outputs: readonly string[]; twins?: readonly ServiceTwin[]; signal: AbortSignal }): Promise<ValidationRun>;
  /** Gets `visible`'s warm test runner ready while an agent works (returns at once; absent or a no-op when there is none). */
  prepare?(): void;
  /**
   * Run the spec's holdout `checks` (from the run's holdout set: exactly the checks its verdict
   * key names) against a fresh sealed copy of the tree, twins beside it. Never shown to a
   * generating agent.
   */
  /** `seed`: fast-check's seed for property holdouts (default: chosen for this run, recorded in each property scenario's verdict). */
  holdout(input: { specId: string; checks: readonly HoldoutCheck[]; tree: FileTree; twins?: readonly ServiceTwin[]; signal: AbortSignal; seed?: number }): Promise<HoldoutRun>;
  /**
   * Mutation testing (Stryker) of `mutate` (paths in the tree) against the spec's holdout checks,
   * in a fresh sealed copy of the tree, `twins` beside it: which behaviour of the code no holdout
   * pins down. Never shown to a generating agent.
   */
  mutate(input: { specId: string; checks: readonly HoldoutCheck[]; tree: FileTree; mutate: readonly string[]; twins?: readonly ServiceTwin[]; signal: AbortSignal; seed?: number }): Promise<MutationRun>;
  /**
   * The coverage proof: which of `requirements` the spec's own tests prove, by failing on a mutant
   * of the code that names them, in a fresh sealed copy of the tree.
   */
  prove(input: { specId: string; tree: FileTree; outputs: readonly string[]; requirements: readonly string[]; twins?: readonly ServiceTwin[]; signal: AbortSignal }): Promise<ProofRun>;
}

/** Holdout checks of one spec: read by io from the scenarios folder, handed to the validator only. */
export interface HoldoutCheck {
  /** Scenario name: the file name without `.test.ts`. */
  name: string;
  /** Relative to the scenarios folder: `<spec-id>/<name>.test.ts`. */
  file: string;
  content: string;
}

/**
 * Every holdout check of the scenarios folder, by spec id, read once per run: the validator runs
 * these and the verdict keys digest these, so what was judged is what was named.
 */
export type HoldoutSet = ReadonlyMap<string, readonly HoldoutCheck[]>;

/** Versions of the tools a sealed run uses (node, typescript, vitest, Stryker when installed): an upgrade can change a verdict. */
export type ToolchainVersions = Record<string, string>;

/** Absolute paths of the tools a sealed run may use: mounted read-only inside the sandbox. */
export interface Toolchain {
  node: string;
  tsc: string;
  vitest: string;
  /** vitest's package folder: staged trees alias `vitest` to it. */
  vitestDir: string;
  /**
   * The `@types` folder holding `@types/node`, so generated code that uses node's own modules
   * (a service twin's `node:http`, `process.env`) type-checks; absent when it is not installed.
   */
  typeRoot?: string;
  /** @stryker-mutator/core's `bin/stryker.js`, for mutation testing (absent: the runner cannot mutate). */
  stryker?: string;
  /** fast-check's package folder: property holdouts import `fast-check`, aliased to it like `vitest` (absent: they cannot run). */
  fastCheckDir?: string;
}

export interface SealedCommand {
  /** The tree the command runs in, materialised in a fresh scratch folder that is deleted afterwards. */
  files: FileTree;
  argv: readonly string[];
  /** Wall-clock limit, in milliseconds. */
  timeoutMs: number;
  signal: AbortSignal;
  /** Files to read back from the scratch folder after the run (reports), relative paths. */
  collect?: readonly string[];
  /**
   * Symbolic links to make in the scratch folder (relative path -> absolute target). A target
   * must lie inside the toolchain's read-only mounts (e.g. `node_modules/vitest` -> speccc's
   * vitest, which Stryker's vitest runner looks for upward from its working directory); any
   * other link is refused.
   */
  links?: ReadonlyMap<string, string>;
  /**
   * Service twins to start inside the sandbox before `argv`, each on a loopback port with its URL
   * in its environment variable; stopped with it. Their modules must be in `files`.
   */
  twins?: readonly ServiceTwin[];
}

export interface SealedResult {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** Captured stdout and stderr, capped (head and tail kept). */
  output: string;
  durationMs: number;
  collected: Map<string, string>;
  /** Set when the sandbox itself could not start the command (never the command's own failure). */
  refused?: string;
  /**
   * Set when the command ran on a warm test runner (SealedRunner.test) rather than cold: on a spare
   * that had loaded vitest's code (`loaded`), had also made the vitest instance (`prepared`), or
   * had also started the process the tests ran in (`forked`).
   */
  warm?: 'loaded' | 'prepared' | 'forked';
}

/**
 * A holdout run in two sandboxes (docs/security.md, "Holdouts in their own process"): the code
 * host runs `code` (the tree under test, no holdout byte in it) and the twins; the judge runs
 * `argv` in `judge` (the holdout checks and stand-in modules, no code in it) and reaches the code
 * only through the host's socket, as plain data.
 */
export interface JudgeCommand {
  code: FileTree;
  judge: FileTree;
  /** The judge's command (vitest over the holdout checks), run in the judge's tree. */
  argv: readonly string[];
  timeoutMs: number;
  signal: AbortSignal;
  /** Files to read back from the judge's tree (its report). */
  collect?: readonly string[];
  /** Service twins, started beside the code (their modules must be in `code`). */
  twins?: readonly ServiceTwin[];
}

/** How generated code is isolated: `bubblewrap` (Linux namespaces), or `off` (an explicit, warned opt-out). */
export type SandboxMode = 'bubblewrap' | 'off';

export interface SealedRunner {
  readonly mode: SandboxMode;
  readonly toolchain: Toolchain;
  run(command: SealedCommand): Promise<SealedResult>;
  /**
   * `tsc -p <config> --pretty false` on a tree, sealed like `run`, through a server that keeps
   * the toolchain's parsed declarations between trees (absent: the validator runs tsc itself).
   */
  typecheck?(command: { files: FileTree; config: string; timeoutMs: number; signal: AbortSignal }): Promise<SealedResult>;
  /**
   * A visible test run: the same result as `run`, sealed as `run` is, but on a warm test runner
   * when it can be (absent: the validator uses `run`).
   */
  test?(command: SealedCommand): Promise<SealedResult>;
  /**
   * Starts loading a warm test runner for `test` if none is waiting, without waiting for it;
   * `config`: the vitest config file the coming runs will name (the runner may prepare for it).
   */
  prepareTests?(config?: { name: string; content: string }): void;
  /** A holdout run with the checks and the code in two sandboxes (JudgeCommand). */
  judge(command: JudgeCommand): Promise<SealedResult>;
}

/** What the replayer inside the sandbox runs: for each file, its steps in order. */
export interface ReplayPlan {
  /** The environment variable holding the twin's URL. */
  env: string;
  files: {
    file: string;
    steps: (
      | { at: string; state: unknown }
      | { at: string; request: { method: string; path: string; headers: Record<string, string>; body?: string }; captures: { pointer: string; recorded: string }[] }
    )[];
  }[];
}

/*
 * The sealed tree's layout: where speccc's own files sit inside a tree it runs. Phase 7 names them
 * in what it asks to run; io copies the runtimes there (the judge's and host's from assets/judge/,
 * the service-twin launcher and replayer). A contract between the two, so neither imports the other.
 */

/** Where speccc's judge runtime sits in the judge's tree (assets/judge/, copied by io). */
export const JUDGE_RUNTIME = '.speccc-judge';

/** Where the code host's runtime and the tree as JavaScript sit in the code's tree. */
export const HOST_RUNTIME = '.speccc-host';

/** Where a run with service twins keeps what speccc adds for them: the launcher (io), the vitest reset hook (phase 7's twin-hook.ts). */
export const SERVICE_TWIN_DIR = '.speccc-twins';
export const RESET_HOOK = `${SERVICE_TWIN_DIR}/reset.mjs`;

/** Where the replay plan and the replayer's report live inside the sealed tree. */
export const REPLAY_PLAN = `${SERVICE_TWIN_DIR}/replay.json`;
export const REPLAY_REPORT = `${SERVICE_TWIN_DIR}/replay-report.json`;
