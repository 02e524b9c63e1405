/**
 * The session's findings: one rule's raw findings over some specs, the findings from outside the
 * rules, and one file's findings composed as `check()` lists them (the author's severities and
 * suppression comments applied over every rule's findings at once, as checkWorkspace applies them).
 */
import type { Diagnostic, Workspace } from '../types/index.js';
import type { ReadFile, WorkspaceFiles } from '../io/workspace-files.js';
import { inputProblems } from '../pipeline-steps.js';
import { memberDiagnostics } from '../config/members.js';
import { dedupe, sortDiagnostics } from '../phases/3-check/index.js';
import { applySuppressions } from '../phases/3-check/suppressions.js';
import { checkGeneratedTree } from '../phases/3-check/generated-drift.js';
import type { Rule } from '../phases/3-check/rule.js';
import { RULE_CODES, RULES } from '../phases/3-check/rules/index.js';
import { groupByFile } from './by-file.js';
import { union } from './changed-spec.js';
import { coverageOn } from './coverage.js';
import type { SessionState } from './state.js';

/** Runs `rule` over `ws` and keeps its raw findings for `keep` (every file when 'all'). */
export function runRule(state: SessionState, rule: Rule, ws: Workspace, keep: ReadonlySet<string> | 'all'): void {
  const { config, loaded, inputs, lines } = state;
  const found = groupByFile(dedupe(rule.check({ workspace: ws, generatedRoot: config.paths.generated, config, configSpans: loaded.spans, scenarios: inputs.scenarios, lines })));
  const mine = state.findings.get(rule.id)!;
  if (keep === 'all') mine.clear();
  else for (const f of keep) mine.delete(f);
  for (const [file, list] of found) if (keep === 'all' || keep.has(file)) mine.set(file, list);
}

/** The config's problems, the inputs' (a missing specs or scenarios folder), and the generated tree's drift. */
export function outsideFindings(state: SessionState): Map<string, Diagnostic[]> {
  const { loaded, config, inputs, workspace } = state;
  const { tree } = inputs;
  const files: WorkspaceFiles<ReadFile> = { specsDirExists: state.specsDirExists, specs: [], context: [] };
  const scenarios = inputs.scenariosFolder ?? { configured: loaded.spans.get('value:paths.scenarios') ?? null, state: inputs.holdouts.length > 0 ? 'present' : 'missing' };
  return groupByFile([
    ...loaded.diagnostics,
    ...memberDiagnostics(state.memberProblems, loaded.spans),
    ...inputProblems(files, config, scenarios),
    ...checkGeneratedTree({ workspace, generatedRoot: config.paths.generated, manifest: tree.manifest, manifestProblem: tree.manifestProblem, hashes: tree.hashes, adopted: inputs.adopted ?? null }),
  ]);
}

/** Composes `file`'s findings again; true when they differ from before. */
export function compose(state: SessionState, file: string): boolean {
  const model = state.idx.byFile.get(file);
  const ruled = RULES.flatMap((r) => state.findings.get(r.id)!.get(file) ?? []);
  const list = sortDiagnostics([
    ...(state.outside.get(file) ?? []),
    ...coverageOn(state.coverage, file),
    ...(model?.diagnostics ?? []),
    ...applySuppressions(ruled, model?.spec ? [model.spec] : [], state.lines, state.config, RULE_CODES),
  ]);
  const key = JSON.stringify(list);
  const before = state.composed.get(file);
  if ((before?.key ?? '[]') === key) return false;
  if (list.length === 0) state.composed.delete(file);
  else state.composed.set(file, { list, key });
  return true;
}

/** Every file that has, or had, a finding of any kind. */
export function filesWithAnyFinding(state: SessionState): Set<string> {
  const { idx, outside, coverage, findings, composed } = state;
  return union(idx.byFile.keys(), outside.keys(), coverage.unknownIds.keys(), ...[...findings.values()].map((m) => m.keys()), composed.keys());
}
