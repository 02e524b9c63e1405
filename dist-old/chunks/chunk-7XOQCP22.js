import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  external_exports
} from "./chunk-SZ6YGT22.js";

// src/schemas/state.ts
var usage = external_exports.object({ inputTokens: external_exports.number(), outputTokens: external_exports.number(), cacheReadTokens: external_exports.number(), cacheWriteTokens: external_exports.number() }), holdout = external_exports.enum(["passed", "failed", "unverified"]), digest = external_exports.string().regex(/^[0-9a-f]{64}$/), PropertyRunSchema = external_exports.object({ seed: external_exports.number().int(), runs: external_exports.number().int(), failed: external_exports.enum(["counterexample", "cannot-generate", "timed-out"]).optional(), counterexample: external_exports.string().optional() }), VerdictSchema = external_exports.object({
  key: external_exports.object({ tree: digest, visible: digest, holdouts: digest, settings: digest }),
  admitted: external_exports.boolean(),
  holdout,
  scenarios: external_exports.array(
    external_exports.object({
      name: external_exports.string(),
      file: external_exports.string(),
      passed: external_exports.boolean(),
      failure: external_exports.string().optional(),
      property: PropertyRunSchema.optional()
    })
  ),
  mutationScore: external_exports.number().optional(),
  proof: external_exports.object({ mutants: external_exports.number(), proven: external_exports.record(external_exports.string(), external_exports.array(external_exports.string())), error: external_exports.string().optional() }).optional(),
  failureClass: external_exports.string().optional(),
  error: external_exports.string().optional(),
  at: external_exports.string()
}), ManifestEntrySchema = external_exports.object({
  file: external_exports.string(),
  jobKey: external_exports.string(),
  inputs: external_exports.object({ spec: external_exports.string(), system: external_exports.string(), templates: external_exports.string(), settings: external_exports.string(), dependencies: external_exports.string() }),
  model: external_exports.string(),
  provider: external_exports.string(),
  outputs: external_exports.record(external_exports.string(), external_exports.string()),
  usage,
  costUsd: external_exports.number(),
  durationMs: external_exports.number(),
  builtAt: external_exports.string(),
  holdout: holdout.optional(),
  sandbox: external_exports.string().optional(),
  trace: external_exports.array(
    external_exports.object({
      id: external_exports.string(),
      kind: external_exports.enum(["rule", "edge-case", "scenario", "property"]),
      tests: external_exports.array(external_exports.object({ file: external_exports.string(), title: external_exports.string(), proven: external_exports.boolean().optional() })),
      holdouts: external_exports.array(external_exports.string())
    })
  ).optional(),
  mutationScore: external_exports.number().optional(),
  verdict: VerdictSchema.optional()
}), ManifestFileSchema = external_exports.object({
  format: external_exports.number(),
  speccc: external_exports.string(),
  specs: external_exports.record(external_exports.string(), ManifestEntrySchema)
}), StoredResultSchema = external_exports.object({
  jobKey: external_exports.string(),
  specId: external_exports.string(),
  stage: external_exports.enum(["candidate", "passed", "failed"]),
  model: external_exports.string(),
  provider: external_exports.string(),
  files: external_exports.record(external_exports.string(), external_exports.string()),
  attempt: external_exports.number().int().min(1),
  history: external_exports.unknown().optional(),
  usage,
  costUsd: external_exports.number(),
  durationMs: external_exports.number(),
  finishedAt: external_exports.string(),
  holdout: holdout.optional(),
  mutationScore: external_exports.number().optional()
}), JournalSchema = external_exports.object({ generated: external_exports.string(), tree: external_exports.string(), old: external_exports.string() }), VerifyHistoryLineSchema = external_exports.object({
  at: external_exports.string(),
  /** Each scenario's verdict; `failure` (why it failed) and `property` (seed, runs, counterexample) as the validator gave them. */
  results: external_exports.array(external_exports.object({ spec: external_exports.string(), scenario: external_exports.string(), passed: external_exports.boolean(), failure: external_exports.string().optional(), property: PropertyRunSchema.optional() })),
  unverified: external_exports.array(external_exports.string()).optional(),
  /** `verify --mutate`: each scored spec's mutation score against its holdouts (null: no mutant could be judged). */
  mutation: external_exports.array(
    external_exports.object({
      spec: external_exports.string(),
      score: external_exports.number().nullable(),
      killed: external_exports.number(),
      survived: external_exports.number(),
      timedOut: external_exports.number(),
      noCoverage: external_exports.number(),
      total: external_exports.number(),
      durationMs: external_exports.number()
    })
  ).optional()
}), BatchRecordSchema = external_exports.strictObject({
  format: external_exports.literal(1),
  id: external_exports.string().regex(/^[A-Za-z0-9_-]{1,128}$/),
  submittedAt: external_exports.string().datetime(),
  requests: external_exports.array(
    external_exports.strictObject({
      customId: external_exports.string().regex(/^[0-9a-f]{64}$/),
      specId: external_exports.string().min(1),
      jobKey: external_exports.string().regex(/^[0-9a-f]{64}$/),
      turn: external_exports.number().int().min(1)
    })
  ).min(1)
}), AdoptionRecordSchema = external_exports.strictObject({
  format: external_exports.literal(1),
  specs: external_exports.record(external_exports.string(), external_exports.strictObject({ files: external_exports.record(external_exports.string(), external_exports.string().regex(/^[0-9a-f]{64}$/)) }))
}), AdoptCheckSchema = external_exports.strictObject({
  format: external_exports.literal(1),
  spec: external_exports.string().min(1),
  /** sha256 of the spec file the round trip built from. */
  specHash: external_exports.string().regex(/^[0-9a-f]{64}$/),
  faithful: external_exports.boolean(),
  checkedAt: external_exports.string().datetime(),
  costUsd: external_exports.number().nonnegative(),
  /** Existing tests the regenerated code failed, `file › test title: why`. */
  failing: external_exports.array(external_exports.string()),
  /** Why the round trip could not judge (the build failed before the tests ran), if it could not. */
  error: external_exports.string().optional()
}), LessonSchema = external_exports.object({
  /** Its number in `speccc lessons` (stable: never reused). */
  n: external_exports.number().int().positive(),
  /** What it is about: a digest of its failure class and signature, so the same failure is never proposed twice. */
  key: external_exports.string(),
  status: external_exports.enum(["proposed", "accepted", "rejected"]),
  failureClass: external_exports.string(),
  /** The failure's text with places taken out (the compiler error without its file and line, the failing test's line). */
  signature: external_exports.string(),
  /** The proposed wording. */
  text: external_exports.string(),
  evidence: external_exports.object({
    /** Failed attempts (and jobs that failed before any check ran) that showed it. */
    occurrences: external_exports.number().int().nonnegative(),
    failedJobs: external_exports.number().int().nonnegative(),
    specs: external_exports.array(external_exports.string()),
    runs: external_exports.array(external_exports.string())
  }),
  proposedAt: external_exports.string(),
  /** When a person accepted or rejected it. */
  decidedAt: external_exports.string().optional(),
  /** The words added to the rules, when accepted (the proposal's, or the person's own). */
  accepted: external_exports.string().optional()
}), LessonsFileSchema = external_exports.object({ version: external_exports.literal(1), lessons: external_exports.array(LessonSchema) }), SurvivorSchema = external_exports.strictObject({
  file: external_exports.string().min(1).max(1e3),
  line: external_exports.number().int().positive(),
  column: external_exports.number().int().positive(),
  end: external_exports.strictObject({ line: external_exports.number().int().positive(), column: external_exports.number().int().positive() }),
  mutator: external_exports.string().min(1).max(100),
  replacement: external_exports.string().max(1e4),
  original: external_exports.string().max(1e4),
  status: external_exports.enum(["Survived", "NoCoverage"]),
  requirements: external_exports.array(external_exports.string().max(300)).max(100)
}), SurvivorsFileSchema = external_exports.strictObject({
  at: external_exports.string(),
  specs: external_exports.array(
    external_exports.strictObject({
      spec: external_exports.string().min(1).max(300),
      score: external_exports.number().nullable(),
      files: external_exports.array(external_exports.string()),
      survivors: external_exports.array(SurvivorSchema).max(1e4)
    })
  )
}), DraftMutantSchema = external_exports.strictObject({
  version: external_exports.literal(1),
  spec: external_exports.string().min(1).max(300),
  proposedAt: external_exports.string(),
  mutant: SurvivorSchema
}), AcceptedDraftSchema = external_exports.strictObject({
  at: external_exports.string(),
  scenario: external_exports.string(),
  spec: external_exports.string(),
  mutant: external_exports.strictObject({ file: external_exports.string(), line: external_exports.number().int(), column: external_exports.number().int(), mutator: external_exports.string() }),
  check: digest
});

export {
  VerdictSchema,
  ManifestEntrySchema,
  ManifestFileSchema,
  StoredResultSchema,
  JournalSchema,
  VerifyHistoryLineSchema,
  BatchRecordSchema,
  AdoptionRecordSchema,
  AdoptCheckSchema,
  LessonSchema,
  LessonsFileSchema,
  SurvivorsFileSchema,
  DraftMutantSchema,
  AcceptedDraftSchema
};
