/**
 * speccc's own state files are input like any other: a crash can cut them, a person or a tool
 * can edit them. Each is parsed with one of these schemas; a file that does not match is
 * reported (or treated as a cache miss), never trusted and never a stack trace.
 */
import { z } from 'zod';

const usage = z.object({ inputTokens: z.number(), outputTokens: z.number(), cacheReadTokens: z.number(), cacheWriteTokens: z.number() });
const holdout = z.enum(['passed', 'failed', 'unverified']);
const digest = z.string().regex(/^[0-9a-f]{64}$/);

/** A promotion verdict (src/types/build.ts Verdict): in the manifest for promoted output, and in `.speccc/verdicts/`. */
/** How a property holdout ran (types/validation.ts `PropertyRun`). */
const PropertyRunSchema = z.object({ seed: z.number().int(), runs: z.number().int(), failed: z.enum(['counterexample', 'cannot-generate', 'timed-out']).optional(), counterexample: z.string().optional() });

export const VerdictSchema = z.object({
  key: z.object({ tree: digest, visible: digest, holdouts: digest, settings: digest }),
  admitted: z.boolean(),
  holdout,
  scenarios: z.array(
    z.object({
      name: z.string(),
      file: z.string(),
      passed: z.boolean(),
      failure: z.string().optional(),
      property: PropertyRunSchema.optional(),
    }),
  ),
  mutationScore: z.number().optional(),
  proof: z.object({ mutants: z.number(), proven: z.record(z.string(), z.array(z.string())), error: z.string().optional() }).optional(),
  failureClass: z.string().optional(),
  error: z.string().optional(),
  at: z.string(),
});

export const ManifestEntrySchema = z.object({
  file: z.string(),
  jobKey: z.string(),
  inputs: z.object({ spec: z.string(), system: z.string(), templates: z.string(), settings: z.string(), dependencies: z.string() }),
  model: z.string(),
  provider: z.string(),
  outputs: z.record(z.string(), z.string()),
  usage,
  costUsd: z.number(),
  durationMs: z.number(),
  builtAt: z.string(),
  holdout: holdout.optional(),
  sandbox: z.string().optional(),
  trace: z
    .array(
      z.object({
        id: z.string(),
        kind: z.enum(['rule', 'edge-case', 'scenario', 'property']),
        tests: z.array(z.object({ file: z.string(), title: z.string(), proven: z.boolean().optional() })),
        holdouts: z.array(z.string()),
      }),
    )
    .optional(),
  mutationScore: z.number().optional(),
  verdict: VerdictSchema.optional(),
});

export const ManifestFileSchema = z.object({
  format: z.number(),
  speccc: z.string(),
  specs: z.record(z.string(), ManifestEntrySchema),
});

export const StoredResultSchema = z.object({
  jobKey: z.string(),
  specId: z.string(),
  stage: z.enum(['candidate', 'passed', 'failed']),
  model: z.string(),
  provider: z.string(),
  files: z.record(z.string(), z.string()),
  attempt: z.number().int().min(1),
  history: z.unknown().optional(),
  usage,
  costUsd: z.number(),
  durationMs: z.number(),
  finishedAt: z.string(),
  holdout: holdout.optional(),
  mutationScore: z.number().optional(),
});

export const JournalSchema = z.object({ generated: z.string(), tree: z.string(), old: z.string() });

export const VerifyHistoryLineSchema = z.object({
  at: z.string(),
  /** Each scenario's verdict; `failure` (why it failed) and `property` (seed, runs, counterexample) as the validator gave them. */
  results: z.array(z.object({ spec: z.string(), scenario: z.string(), passed: z.boolean(), failure: z.string().optional(), property: PropertyRunSchema.optional() })),
  unverified: z.array(z.string()).optional(),
  /** `verify --mutate`: each scored spec's mutation score against its holdouts (null: no mutant could be judged). */
  mutation: z
    .array(
      z.object({
        spec: z.string(),
        score: z.number().nullable(),
        killed: z.number(),
        survived: z.number(),
        timedOut: z.number(),
        noCoverage: z.number(),
        total: z.number(),
        durationMs: z.number(),
      }),
    )
    .optional(),
});

/**
 * `.speccc/batches/<batch-id>.json`: one Message Batch this workspace submitted and which job and
 * turn each of its requests belongs to, so a build killed while the batch ran resumes polling it
 * instead of paying for the same requests again. `customId` is the sha256 of the request's body.
 */
export const BatchRecordSchema = z.strictObject({
  format: z.literal(1),
  id: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/),
  submittedAt: z.string().datetime(),
  requests: z
    .array(
      z.strictObject({
        customId: z.string().regex(/^[0-9a-f]{64}$/),
        specId: z.string().min(1),
        jobKey: z.string().regex(/^[0-9a-f]{64}$/),
        turn: z.number().int().min(1),
      }),
    )
    .min(1),
});

/**
 * `<specs>/adopted.json` (committed with the specs): for each spec `speccc adopt` wrote with
 * `owner: hand`, the hash of each of its files as adopted (paths relative to the generated
 * root), so `check` can say when a hand-owned file changed since (`adopted-file-changed`).
 */
export const AdoptionRecordSchema = z.strictObject({
  format: z.literal(1),
  specs: z.record(z.string(), z.strictObject({ files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)) })),
});

/**
 * `.speccc/adopt/<spec-id>.json` (this machine's state): the last round trip of a drafted spec
 * (`speccc adopt --check`): the spec's hash when it ran, whether code built from the spec alone
 * passed the project's existing tests, and the tests it failed. `adopt --take` reads it.
 */
export const AdoptCheckSchema = z.strictObject({
  format: z.literal(1),
  spec: z.string().min(1),
  /** sha256 of the spec file the round trip built from. */
  specHash: z.string().regex(/^[0-9a-f]{64}$/),
  faithful: z.boolean(),
  checkedAt: z.string().datetime(),
  costUsd: z.number().nonnegative(),
  /** Existing tests the regenerated code failed, `file › test title: why`. */
  failing: z.array(z.string()),
  /** Why the round trip could not judge (the build failed before the tests ran), if it could not. */
  error: z.string().optional(),
});

/** One lesson in the review file (`triage/lessons.json`, src/lessons/): proposed from failures in the traces, then accepted or rejected by a person. */
export const LessonSchema = z.object({
  /** Its number in `speccc lessons` (stable: never reused). */
  n: z.number().int().positive(),
  /** What it is about: a digest of its failure class and signature, so the same failure is never proposed twice. */
  key: z.string(),
  status: z.enum(['proposed', 'accepted', 'rejected']),
  failureClass: z.string(),
  /** The failure's text with places taken out (the compiler error without its file and line, the failing test's line). */
  signature: z.string(),
  /** The proposed wording. */
  text: z.string(),
  evidence: z.object({
    /** Failed attempts (and jobs that failed before any check ran) that showed it. */
    occurrences: z.number().int().nonnegative(),
    failedJobs: z.number().int().nonnegative(),
    specs: z.array(z.string()),
    runs: z.array(z.string()),
  }),
  proposedAt: z.string(),
  /** When a person accepted or rejected it. */
  decidedAt: z.string().optional(),
  /** The words added to the rules, when accepted (the proposal's, or the person's own). */
  accepted: z.string().optional(),
});

export const LessonsFileSchema = z.object({ version: z.literal(1), lessons: z.array(LessonSchema) });

/** One surviving mutant as `verify --mutate` keeps it (types/validation.ts `Survivor`, with the requirement ids it touches). */
const SurvivorSchema = z.strictObject({
  file: z.string().min(1).max(1000),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  end: z.strictObject({ line: z.number().int().positive(), column: z.number().int().positive() }),
  mutator: z.string().min(1).max(100),
  replacement: z.string().max(10_000),
  original: z.string().max(10_000),
  status: z.enum(['Survived', 'NoCoverage']),
  requirements: z.array(z.string().max(300)).max(100),
});

/** `.speccc/verify/survivors.json`: the last `verify --mutate` run's surviving mutants, by spec (commands/verify.ts writes it). */
export const SurvivorsFileSchema = z.strictObject({
  at: z.string(),
  specs: z.array(
    z.strictObject({
      spec: z.string().min(1).max(300),
      score: z.number().nullable(),
      files: z.array(z.string()),
      survivors: z.array(SurvivorSchema).max(10_000),
    }),
  ),
});

/** `<scenarios>/.proposed/<spec>/<name>.mutant.json`: the mutant a draft scenario was proposed to kill (speccc writes it beside the draft). */
export const DraftMutantSchema = z.strictObject({
  version: z.literal(1),
  spec: z.string().min(1).max(300),
  proposedAt: z.string(),
  mutant: SurvivorSchema,
});

/** One line of `<scenarios>/.proposed/accepted.jsonl`: a draft a person accepted, after it passed on the promoted code and killed its mutant. */
export const AcceptedDraftSchema = z.strictObject({
  at: z.string(),
  scenario: z.string(),
  spec: z.string(),
  mutant: z.strictObject({ file: z.string(), line: z.number().int(), column: z.number().int(), mutator: z.string() }),
  check: digest,
});
