/**
 * Which model a refused job moves to: `model.fallbackModel` in speccc.config.json, one id for
 * every spec kind or one per kind. None, or the job's own model: a refusal ends the job.
 */
import type { SpecccConfig } from '../types/index.js';

export function fallbackModelFor(config: SpecccConfig, kind: string | undefined, primary: string): string | undefined {
  const setting = config.model.fallbackModel;
  const model = typeof setting === 'string' ? setting : kind !== undefined ? (setting as Record<string, string | undefined> | undefined)?.[kind] : undefined;
  return model !== undefined && model !== primary ? model : undefined;
}
