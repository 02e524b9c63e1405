import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  DEFAULT_PATHS
} from "./chunk-7ZPQIYN7.js";
import {
  EFFORT_LEVELS,
  SPEC_KINDS
} from "./chunk-GA32XAUT.js";
import {
  external_exports
} from "./chunk-SZ6YGT22.js";

// src/schemas/config.ts
var RULE_SEVERITIES = ["off", "warn", "error"], ConfigSchema = external_exports.strictObject({
  $schema: external_exports.string().optional(),
  paths: external_exports.strictObject({
    specs: external_exports.string().min(1).default(DEFAULT_PATHS.specs),
    context: external_exports.string().min(1).default(DEFAULT_PATHS.context),
    templates: external_exports.string().min(1).default(DEFAULT_PATHS.templates),
    generated: external_exports.string().min(1).default(DEFAULT_PATHS.generated).describe("Where generated code lives: a folder of its own inside the workspace."),
    scenarios: external_exports.string().min(1).default(DEFAULT_PATHS.scenarios).describe("Holdout scenarios; recommended outside the repository.")
  }).prefault({}),
  model: external_exports.strictObject({
    default: external_exports.string().min(1).default("claude-sonnet-5-5"),
    byKind: external_exports.partialRecord(external_exports.enum(SPEC_KINDS), external_exports.string().min(1)).default({}).describe("Per-kind routing; a spec's own `model:` wins over both."),
    maxOutputTokens: external_exports.number().int().min(256).max(128e3).default(16e3).describe("Per-request output token limit (max_tokens)."),
    promptCaching: external_exports.boolean().default(!0).describe("Mark the shared prefix and each job prompt for prompt caching (turn off only to compare bills)."),
    effort: external_exports.enum(EFFORT_LEVELS).default("high").describe("Effort level sent with every request; part of the job key."),
    effortByKind: external_exports.partialRecord(external_exports.enum(SPEC_KINDS), external_exports.enum(EFFORT_LEVELS)).default({}).describe("Per-kind effort; a spec's own `effort:` wins over both."),
    fallbackModel: external_exports.union([external_exports.string().min(1), external_exports.partialRecord(external_exports.enum(SPEC_KINDS), external_exports.string().min(1))]).optional().describe("Where a refusal goes: a job the model declines (stop_reason refusal) is tried once more on this model, priced and budgeted like any request. One model id for every kind, or one per kind (like byKind); none: a refusal ends the job."),
    prices: external_exports.record(
      external_exports.string().min(1),
      external_exports.strictObject({
        input: external_exports.number().nonnegative(),
        output: external_exports.number().nonnegative(),
        cacheWrite5m: external_exports.number().nonnegative().optional(),
        cacheWrite1h: external_exports.number().nonnegative().optional(),
        cacheRead: external_exports.number().nonnegative().optional()
      })
    ).default({}).describe("USD per million tokens for a model, replacing or adding to speccc's price table (cache rates default to 1.25x, 2x and 0.1x input).")
  }).prefault({}),
  members: external_exports.union([
    external_exports.literal("workspaces"),
    external_exports.array(external_exports.union([external_exports.string().min(1), external_exports.strictObject({ path: external_exports.string().min(1), name: external_exports.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).optional() })])).min(1)
  ]).optional().describe(
    'A monorepo: the member folders (each with its own specs, context and scenarios, and optionally its own speccc.config.json with `paths`), or "workspaces" to take them from package.json `workspaces` / pnpm-workspace.yaml. Ids are qualified across members (`billing:invoice`); one plan, budget, cache and report cover them all (docs/monorepo.md).'
  ),
  concurrency: external_exports.number().int().min(1).max(64).default(4).describe("Jobs run in parallel at most."),
  budgetUsd: external_exports.number().positive().nullable().default(null).describe("Run-wide spending cap in USD (null: none); `--max-cost` overrides."),
  agent: external_exports.strictObject({ maxTurns: external_exports.number().int().min(1).max(200).default(12).describe("Model turns per job attempt before the job counts as incomplete.") }).prefault({}),
  validation: external_exports.strictObject({
    typecheck: external_exports.boolean().default(!0).describe("Type-check TypeScript outputs with tsc before running tests."),
    testCommand: external_exports.array(external_exports.string()).min(1).default(["vitest", "run", "{files}"]).describe("Test command run in the staged tree; `{files}` expands to the spec's test outputs."),
    timeoutMs: external_exports.number().int().min(1e3).max(36e5).default(6e4).describe("Wall-clock limit for one check run, in milliseconds."),
    maxFixAttempts: external_exports.number().int().min(0).max(10).default(2),
    propertyRuns: external_exports.number().int().min(1).max(1e5).default(100).describe("Inputs a property holdout (a check that uses fast-check) tries per run; the seed is chosen per run and recorded with the verdict."),
    sandbox: external_exports.enum(["on", "off"]).default("on").describe("on: generated code runs in an OS sandbox (bubblewrap). off: an explicit opt-out, warned on every run and recorded in the manifest.")
  }).prefault({}),
  cache: external_exports.strictObject({
    remote: external_exports.strictObject({
      url: external_exports.string().min(1).refine((u) => remoteUrlProblem(u) === null, { message: "must be an http(s) URL without a user or password (the token comes from SPECCC_REMOTE_CACHE_TOKEN)" }).describe("Base URL of a Turborepo remote cache server (`/v8/artifacts`), e.g. https://cache.example.com."),
      team: external_exports.string().min(1).max(200).describe("Team id sent as ?teamId= and part of every signature."),
      timeoutMs: external_exports.number().int().min(100).max(12e4).default(1e4).describe("Per request, in milliseconds.")
    }).optional().describe("A shared result cache: passed results are looked up by job key before generating and uploaded after passing. The token (SPECCC_REMOTE_CACHE_TOKEN) and the signing key (SPECCC_REMOTE_CACHE_KEY) come from the environment, never from this file.")
  }).prefault({}),
  promotion: external_exports.strictObject({
    policy: external_exports.enum(["on-pass", "manual"]).default("on-pass").describe("on-pass: promote when visible checks and holdouts pass. manual: wait for `speccc promote`."),
    shareScenarioTitles: external_exports.boolean().default(!1).describe("Whether a failing holdout scenario's title (never its body) may be shown to the agent."),
    requireHoldouts: external_exports.boolean().default(!1).describe("Refuse to promote a spec that has no automated holdout check (an unverified spec)."),
    minMutationScore: external_exports.number().min(0).max(100).optional().describe("Refuse to promote a spec whose holdout scenarios kill less than this percentage of mutants of its generated code (Stryker, sealed; adds a mutation run to each build of a spec with holdouts; a spec without holdouts cannot meet it). `speccc verify --mutate` exits 1 below it.")
  }).prefault({}),
  rules: external_exports.record(external_exports.string(), external_exports.enum(RULE_SEVERITIES)).default({}).describe("Severity per diagnostic code of a check rule, eslint-style: off, warn or error (docs/diagnostics.md lists the codes).")
});
function remoteUrlProblem(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return "not a URL";
  }
  return parsed.protocol !== "http:" && parsed.protocol !== "https:" ? "not http or https" : parsed.username !== "" || parsed.password !== "" ? "holds a user or password" : null;
}

export {
  RULE_SEVERITIES,
  ConfigSchema
};
