import type { Diagnostic, Workspace } from '../../types.js';

export interface CheckContext {
  workspace: Workspace;
  /** The generated root, workspace-relative (default `generated`). */
  generatedRoot: string;
}

/** One check rule: one file in rules/, named after its id. Pure: reads the model, returns findings. */
export interface Rule {
  id: string;
  /** Every code this rule can emit (each must be in the catalogue). */
  codes: readonly string[];
  check(context: CheckContext): Diagnostic[];
}
