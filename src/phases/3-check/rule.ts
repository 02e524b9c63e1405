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
   * `folder`: workspace-relative, when not `<paths.scenarios>/<spec>` (a monorepo member's).
   */
  scenarios: readonly { spec: string; name: string; file: string; hasCheck: boolean; folder?: string; property?: { generator: boolean; assertion: boolean } }[];
  /** The spec's line index, built once per check run and shared by the rules. */
  lines: (spec: Spec) => LineIndex;
}

/**
 * What a rule reads that every spec shares: the context documents' glossary, the config, the
 * scenarios folder. A session keeps the config and the scenarios for its whole life; the glossary
 * changes with a context document.
 */
export type SharedFact = 'glossary' | 'config' | 'scenarios';

/**
 * What a rule reads of specs other than the one it judges (all of it frontmatter, links, or
 * whether a spec file exists). The incremental check (src/incremental/reach.ts) knows, for each,
 * which specs' findings an edit can change, and which further specs a rule must see to judge one.
 */
export type SpecFact =
  /** The specs that share the judged spec's id. */
  | 'same-id'
  /** Kind, status and id of the specs its depends_on names (through byId and sharedIds). */
  | 'dependencies'
  /** Kind, status and id of the specs its uses_twins names. */
  | 'twins-used'
  /** The spec files its links point at: whether each exists, and its frontmatter. */
  | 'linked-specs'
  /** The specs that declare one of its outputs. */
  | 'output-owners'
  /** Every spec's id (a "did you mean" hint). */
  | 'spec-ids'
  /** Every twin's id (a "did you mean" hint). */
  | 'twin-ids'
  /** The whole depends_on and uses_twins graph (the judged spec's own edges included). */
  | 'dependency-graph'
  /** Every spec's frontmatter at once (the judged spec's own included). */
  | 'all-frontmatter';

/**
 * Which inputs a rule's findings depend on: stated once, here, by the rule. Everything that must
 * know it derives from it: which rules run beside modelling and are cached with the model
 * (rules/index.ts SPEC_LOCAL_RULES), and what the incremental check re-runs after an edit.
 */
export type RuleScope =
  /** The judged spec's model and nothing else (spec-local.ts enforces it: the rest of the context throws). */
  | { kind: 'spec-local' }
  /** One spec at a time, plus facts every spec shares. */
  | { kind: 'file'; reads: readonly SharedFact[] }
  /**
   * Other specs, through the facts listed. `own`: what of the judged spec itself its findings
   * depend on beyond those facts: its whole model, its frontmatter only, or nothing (a rule
   * whose facts already include the spec, or that judges no spec).
   */
  | { kind: 'workspace'; own: 'spec' | 'frontmatter' | 'none'; reads: readonly (SharedFact | SpecFact)[] };

/** One check rule: one file in rules/, named after its id. Pure: reads the model, returns findings. */
export interface Rule {
  id: string;
  /** Every code this rule can emit (each must be in the catalogue). */
  codes: readonly DiagnosticCode[];
  /** What its findings depend on (see RuleScope). A rule that reads more than it declares makes the incremental check miss findings. */
  scope: RuleScope;
  check(context: CheckContext): Diagnostic[];
}
