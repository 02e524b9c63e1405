import type { Diagnostic, Span, Spec, SpecccConfig, Workspace } from '../../types/index.js';
import type { DiagnosticCode } from '../../diagnostics/messages.js';
import type { LineIndex } from '../1-parse/line-index.js';

export interface CheckContext {
  workspace: Workspace;
  /** The generated root, workspace-relative (default `generated`). */
  generatedRoot: string;
  config: SpecccConfig;
  /** Where each config key and value sits in speccc.config.json (`key:model.default`, `value:model.default`). */
  configSpans: ReadonlyMap<string, Span>;
  /** Plain-language holdout scenarios and whether each has an automated check (file names only: never their text). */
  scenarios: readonly { spec: string; name: string; file: string; hasCheck: boolean }[];
  /** The spec's line index, built once per check run and shared by the rules. */
  lines: (spec: Spec) => LineIndex;
}

/** One check rule: one file in rules/, named after its id. Pure: reads the model, returns findings. */
export interface Rule {
  id: string;
  /** Every code this rule can emit (each must be in the catalogue). */
  codes: readonly DiagnosticCode[];
  check(context: CheckContext): Diagnostic[];
}
