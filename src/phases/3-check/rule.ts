import type { Diagnostic, Spec, Workspace } from '../../types/index.js';
import type { LineIndex } from '../1-parse/line-index.js';

export interface CheckContext {
  workspace: Workspace;
  /** The generated root, workspace-relative (default `generated`). */
  generatedRoot: string;
  /** The spec's line index, built once per check run and shared by the rules. */
  lines: (spec: Spec) => LineIndex;
}

/** One check rule: one file in rules/, named after its id. Pure: reads the model, returns findings. */
export interface Rule {
  id: string;
  /** Every code this rule can emit (each must be in the catalogue). */
  codes: readonly string[];
  check(context: CheckContext): Diagnostic[];
}
