import { z } from 'zod';

export const SPEC_KINDS = ['feature', 'architecture', 'constraint', 'twin'] as const;
/** `proposed`: drafted by `speccc triage` from a request, waiting for a person to make it ready. */
export const SPEC_STATUSES = ['proposed', 'draft', 'ready', 'deprecated'] as const;
/** Priority words, most urgent first; a number works too (0 is the most urgent). */
export const PRIORITY_WORDS = ['high', 'normal', 'low'] as const;
/** Who owns a spec's outputs: speccc (the default), or the team's own hands (adopted code not yet handed over). */
export const SPEC_OWNERS = ['hand', 'speccc'] as const;
export const EFFORT_LEVELS = ['low', 'medium', 'high', 'xhigh', 'max'] as const;

export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The frontmatter schema: the single source for validation and for the published JSON Schema
 * (schemas/frontmatter.schema.json, `npm run schema`). Strict: unknown keys are errors.
 */
export const FrontmatterSchema = z.strictObject({
  id: z.string().regex(KEBAB_CASE).describe('Unique kebab-case id of the spec.'),
  kind: z
    .enum(SPEC_KINDS)
    .describe('feature: user-visible behaviour; architecture: shared structure; constraint: rules for every job; twin: a behavioural clone of an external service, started for every sealed run of the code that uses it.'),
  status: z.enum(SPEC_STATUSES).describe('Only ready specs are built; proposed: drafted by `speccc triage`, waiting for a person.'),
  priority: z
    .union([z.number().int().nonnegative(), z.enum(PRIORITY_WORDS)])
    .optional()
    .describe('Where the spec stands in the queue `speccc build --next` takes from: high, normal (the default) or low, or a whole number, 0 the most urgent (high is 1, normal 2, low 3). Not part of the job key.'),
  depends_on: z.array(z.string()).default([]).describe('Ids of the specs this one builds on.'),
  outputs: z.array(z.string()).default([]).describe('Files this spec owns, relative to the generated root.'),
  uses_twins: z.array(z.string()).default([]).describe('Ids of the twin specs of the external services this spec\'s code calls; each runs beside it in every sealed run.'),
  model: z.string().min(1).optional().describe('Model for this spec; overrides the configured routing.'),
  effort: z.enum(EFFORT_LEVELS).optional().describe('Effort level for this spec; overrides the configured effort.'),
  budget_usd: z.number().positive().optional().describe('The most a build of this spec may spend, in US dollars.'),
  owner: z
    .enum(SPEC_OWNERS)
    .optional()
    .describe('Who owns the files listed in outputs. hand: the team\'s own code, adopted by `speccc adopt` and not yet handed over: no build writes, removes or regenerates them, and the spec is never built. Absent or speccc: speccc builds them.'),
  version: z.union([z.string(), z.number()]).transform(String).optional().describe('Free-form version, recorded in the manifest.'),
});

export const FRONTMATTER_FIELDS = Object.keys(FrontmatterSchema.shape);

export function frontmatterJsonSchema(): unknown {
  return {
    ...z.toJSONSchema(FrontmatterSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: 'https://speccc.dev/schemas/frontmatter.schema.json',
    title: 'speccc spec frontmatter',
  };
}
