import { z } from 'zod';
import { EFFORT_LEVELS, SPEC_KINDS } from './frontmatter.js';
import { DEFAULT_PATHS } from './default-paths.js';

/** What the `rules` map may set a code to. */
export const RULE_SEVERITIES = ['off', 'warn', 'error'] as const;

/**
 * speccc.config.json. Every field has a default, so the default layout needs no file. The
 * SpecccConfig type (src/types/config.ts) and the published JSON Schema
 * (schemas/config.schema.json, `npm run docs`) both come from this. All paths are relative to
 * the workspace root.
 */
export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  paths: z
    .strictObject({
      specs: z.string().min(1).default(DEFAULT_PATHS.specs),
      context: z.string().min(1).default(DEFAULT_PATHS.context),
      templates: z.string().min(1).default(DEFAULT_PATHS.templates),
      generated: z.string().min(1).default(DEFAULT_PATHS.generated).describe('Where generated code lives: a folder of its own inside the workspace.'),
      scenarios: z.string().min(1).default(DEFAULT_PATHS.scenarios).describe('Holdout scenarios; recommended outside the repository.'),
    })
    .prefault({}),
  model: z
    .strictObject({
      default: z.string().min(1).default('claude-sonnet-5-5'),
      byKind: z.partialRecord(z.enum(SPEC_KINDS), z.string().min(1)).default({}).describe("Per-kind routing; a spec's own `model:` wins over both."),
      maxOutputTokens: z.number().int().min(256).max(128_000).default(16_000).describe('Per-request output token limit (max_tokens).'),
      promptCaching: z.boolean().default(true).describe('Mark the shared prefix and each job prompt for prompt caching (turn off only to compare bills).'),
      effort: z.enum(EFFORT_LEVELS).default('high').describe('Effort level sent with every request; part of the job key.'),
      effortByKind: z.partialRecord(z.enum(SPEC_KINDS), z.enum(EFFORT_LEVELS)).default({}).describe("Per-kind effort; a spec's own `effort:` wins over both."),
      fallbackModel: z
        .union([z.string().min(1), z.partialRecord(z.enum(SPEC_KINDS), z.string().min(1))])
        .optional()
        .describe('Where a refusal goes: a job the model declines (stop_reason refusal) is tried once more on this model, priced and budgeted like any request. One model id for every kind, or one per kind (like byKind); none: a refusal ends the job.'),
      prices: z
        .record(
          z.string().min(1),
          z.strictObject({
            input: z.number().nonnegative(),
            output: z.number().nonnegative(),
            cacheWrite5m: z.number().nonnegative().optional(),
            cacheWrite1h: z.number().nonnegative().optional(),
            cacheRead: z.number().nonnegative().optional(),
          }),
        )
        .default({})
        .describe('USD per million tokens for a model, replacing or adding to speccc\'s price table (cache rates default to 1.25x, 2x and 0.1x input).'),
    })
    .prefault({}),
  members: z
    .union([
      z.literal('workspaces'),
      z.array(z.union([z.string().min(1), z.strictObject({ path: z.string().min(1), name: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).optional() })])).min(1),
    ])
    .optional()
    .describe(
      'A monorepo: the member folders (each with its own specs, context and scenarios, and optionally its own speccc.config.json with `paths`), or "workspaces" to take them from package.json `workspaces` / pnpm-workspace.yaml. Ids are qualified across members (`billing:invoice`); one plan, budget, cache and report cover them all (docs/monorepo.md).',
    ),
  concurrency: z.number().int().min(1).max(64).default(4).describe('Jobs run in parallel at most.'),
  budgetUsd: z.number().positive().nullable().default(null).describe('Run-wide spending cap in USD (null: none); `--max-cost` overrides.'),
  agent: z.strictObject({ maxTurns: z.number().int().min(1).max(200).default(12).describe('Model turns per job attempt before the job counts as incomplete.') }).prefault({}),
  validation: z
    .strictObject({
      typecheck: z.boolean().default(true).describe('Type-check TypeScript outputs with tsc before running tests.'),
      testCommand: z.array(z.string()).min(1).default(['vitest', 'run', '{files}']).describe("Test command run in the staged tree; `{files}` expands to the spec's test outputs."),
      timeoutMs: z.number().int().min(1000).max(3_600_000).default(60_000).describe('Wall-clock limit for one check run, in milliseconds.'),
      maxFixAttempts: z.number().int().min(0).max(10).default(2),
      propertyRuns: z.number().int().min(1).max(100_000).default(100).describe('Inputs a property holdout (a check that uses fast-check) tries per run; the seed is chosen per run and recorded with the verdict.'),
      sandbox: z
        .enum(['on', 'off'])
        .default('on')
        .describe('on: generated code runs in an OS sandbox (bubblewrap). off: an explicit opt-out, warned on every run and recorded in the manifest.'),
    })
    .prefault({}),
  cache: z
    .strictObject({
      remote: z
        .strictObject({
          url: z
            .string()
            .min(1)
            .refine((u) => remoteUrlProblem(u) === null, { message: 'must be an http(s) URL without a user or password (the token comes from SPECCC_REMOTE_CACHE_TOKEN)' })
            .describe('Base URL of a Turborepo remote cache server (`/v8/artifacts`), e.g. https://cache.example.com.'),
          team: z.string().min(1).max(200).describe('Team id sent as ?teamId= and part of every signature.'),
          timeoutMs: z.number().int().min(100).max(120_000).default(10_000).describe('Per request, in milliseconds.'),
        })
        .optional()
        .describe('A shared result cache: passed results are looked up by job key before generating and uploaded after passing. The token (SPECCC_REMOTE_CACHE_TOKEN) and the signing key (SPECCC_REMOTE_CACHE_KEY) come from the environment, never from this file.'),
    })
    .prefault({}),
  promotion: z
    .strictObject({
      policy: z.enum(['on-pass', 'manual']).default('on-pass').describe('on-pass: promote when visible checks and holdouts pass. manual: wait for `speccc promote`.'),
      shareScenarioTitles: z.boolean().default(false).describe("Whether a failing holdout scenario's title (never its body) may be shown to the agent."),
      requireHoldouts: z.boolean().default(false).describe('Refuse to promote a spec that has no automated holdout check (an unverified spec).'),
      minMutationScore: z
        .number()
        .min(0)
        .max(100)
        .optional()
        .describe("Refuse to promote a spec whose holdout scenarios kill less than this percentage of mutants of its generated code (Stryker, sealed; adds a mutation run to each build of a spec with holdouts; a spec without holdouts cannot meet it). `speccc verify --mutate` exits 1 below it."),
    })
    .prefault({}),
  rules: z
    .record(z.string(), z.enum(RULE_SEVERITIES))
    .default({})
    .describe('Severity per diagnostic code of a check rule, eslint-style: off, warn or error (docs/diagnostics.md lists the codes).'),
});

/** Why `url` cannot be a remote cache's base URL, or null. */
export function remoteUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'not http or https';
  if (parsed.username !== '' || parsed.password !== '') return 'holds a user or password';
  return null;
}

export function configJsonSchema(): unknown {
  return {
    ...z.toJSONSchema(ConfigSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: 'https://speccc.dev/schemas/config.schema.json',
    title: 'speccc.config.json',
  };
}
