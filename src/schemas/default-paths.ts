/**
 * The workspace's default folders: what `paths` in speccc.config.json falls back to. One table for
 * the zod schema (schemas/config.ts) and for io/raw-config.ts, which reads paths without loading
 * zod so that start-up stays small; so this module imports nothing.
 */
export const DEFAULT_PATHS = {
  specs: 'specs',
  context: 'context',
  templates: 'templates',
  generated: 'generated',
  scenarios: 'scenarios',
} as const satisfies Record<string, string>;
