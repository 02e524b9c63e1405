import { z } from 'zod';
import { SPEC_KINDS } from '../types.js';

/**
 * speccc.config.json. Every field has a default, so the default layout needs no file.
 * The published JSON Schema (schemas/config.schema.json, `npm run schema`) comes from this.
 */
export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  paths: z
    .strictObject({
      specs: z.string().min(1).default('specs'),
      context: z.string().min(1).default('context'),
      templates: z.string().min(1).default('templates'),
      generated: z.string().min(1).default('generated'),
      scenarios: z.string().min(1).default('scenarios').describe('Holdout scenarios; recommended outside the repository.'),
    })
    .prefault({}),
  model: z
    .strictObject({
      default: z.string().min(1).default('claude-sonnet-4-6'),
      byKind: z.partialRecord(z.enum(SPEC_KINDS), z.string().min(1)).default({}),
      maxOutputTokens: z.number().int().min(256).max(128_000).default(16_000),
    })
    .prefault({}),
  concurrency: z.number().int().min(1).max(64).default(4),
  budgetUsd: z.number().positive().nullable().default(null),
  agent: z.strictObject({ maxTurns: z.number().int().min(1).max(200).default(12) }).prefault({}),
  validation: z
    .strictObject({
      typecheck: z.boolean().default(true),
      testCommand: z.array(z.string()).min(1).default(['vitest', 'run', '{files}']),
      timeoutMs: z.number().int().min(1000).max(3_600_000).default(60_000),
      maxFixAttempts: z.number().int().min(0).max(10).default(2),
    })
    .prefault({}),
  promotion: z
    .strictObject({
      policy: z.enum(['on-pass', 'manual']).default('on-pass'),
      shareScenarioTitles: z.boolean().default(false),
    })
    .prefault({}),
});

export { CONFIG_FILE } from './raw-paths.js';

export function configJsonSchema(): unknown {
  return {
    ...z.toJSONSchema(ConfigSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: 'https://speccc.dev/schemas/config.schema.json',
    title: 'speccc.config.json',
  };
}
