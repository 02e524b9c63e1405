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
  /**
   * Plain-language holdout scenarios, whether each has an automated check, and for one that states
   * a property whether it has For any and Then steps (file names and that shape: never their text).
   */
  scenarios: readonly { spec: string; name: string; file: string; hasCheck: boolean; property?: { generator: boolean; assertion: boolean } }[];
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
