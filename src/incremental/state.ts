/**
 * A session's state: the contents (bytes of every spec and context document), the current models
 * and their index, each rule's findings, the findings from outside the rules (config, inputs,
 * generated tree), coverage, and each file's composed findings. Made by session.ts, changed only
 * by update.ts and session.ts `rebuild`, read by the session's methods (index.ts).
 */
import type { Diagnostic, Member, MemberProblem, Spec, SpecccConfig, Workspace } from '../types/index.js';
import type { LoadedConfig } from '../config/parse.js';
import type { LineIndex } from '../phases/1-parse/line-index.js';
import type { CoverageState } from './coverage.js';
import type { SpecIndex } from './spec-index.js';
import type { IncrementalInputs } from './types.js';

export interface SessionState {
  readonly root: string;
  readonly loaded: LoadedConfig;
  readonly config: SpecccConfig;
  readonly inputs: Pick<IncrementalInputs, 'tree' | 'scenarios' | 'holdouts' | 'scenariosFolder' | 'adopted'>;
  /** A monorepo's members (none in a single workspace): whose folders a path is in, and how its spec is qualified. */
  readonly members: readonly Member[];
  readonly memberProblems: readonly MemberProblem[];
  readonly specBytes: Map<string, Uint8Array>;
  readonly contextBytes: Map<string, Uint8Array>;
  specsDirExists: boolean;
  workspace: Workspace;
  readonly idx: SpecIndex;
  /** Raw findings of each rule (before severities and suppressions), by rule id, then file. */
  readonly findings: Map<string, Map<string, Diagnostic[]>>;
  /** Findings from outside the rules: the config, a missing specs folder, the generated tree. */
  outside: Map<string, Diagnostic[]>;
  readonly coverage: CoverageState;
  /** Each file's findings as `check()` would list them, and a key to tell whether they changed. */
  readonly composed: Map<string, { list: Diagnostic[]; key: string }>;
  /** Line indexes, one per model, built on first use. */
  readonly lines: (spec: Spec) => LineIndex;
}
