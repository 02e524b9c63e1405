/** The template set a build renders with: speccc's defaults, overridden file by file by the workspace. */
import type { TemplateSource } from '../../types/index.js';

export const TEMPLATE_NAMES = ['system', 'job', 'fix'] as const;

export interface TemplateSet {
  /** By name; workspace templates replace defaults of the same name. */
  byName: Map<string, TemplateSource>;
  /** Compiled templates, filled on first use: a build renders a thousand prompts from one set. */
  compiled: Map<string, (data: unknown) => string>;
}

export function mergeTemplates(defaults: TemplateSource[], overrides: TemplateSource[]): TemplateSet {
  const byName = new Map<string, TemplateSource>();
  for (const t of [...defaults, ...overrides]) byName.set(t.name, t);
  return { byName, compiled: new Map() };
}
