/**
 * Phase 3: the workspace model -> diagnostics. Entry: checkWorkspace. Pure: every rule reads the
 * model and returns findings; all are collected, none stops the others. Then the author's
 * decisions apply (suppressions.ts): the config's `rules` map and suppression comments.
 */
import type { Diagnostic, ModelledFile } from '../../types/index.js';
import { linesOf } from '../1-parse/line-index.js';
import type { CheckContext, Rule } from './rule.js';
import { RULE_CODES, RULES, SPEC_LOCAL_RULES } from './rules/index.js';
import { applySuppressions } from './suppressions.js';

const SPEC_LOCAL: ReadonlySet<Rule> = new Set(SPEC_LOCAL_RULES);

export function checkWorkspace(input: Omit<CheckContext, 'lines'>, rules: readonly Rule[] = RULES): Diagnostic[] {
  const lines = linesOf;
  const context: CheckContext = { ...input, lines };
  // Spec-local rules' findings came with most models (modelled with them, or from the cache); the rules run on the rest.
  const unchecked: ModelledFile[] = [];
  const cached = new Map<string, Diagnostic[]>();
  for (const file of input.workspace.files) {
    if (!file.checked) unchecked.push(file);
    else {
      for (const id in file.checked) {
        let list = cached.get(id);
        if (!list) cached.set(id, (list = []));
        list.push(...file.checked[id]!);
      }
    }
  }
  const local: CheckContext = { ...context, workspace: { ...input.workspace, files: unchecked } };
  const found = dedupe(
    rules.flatMap((rule) =>
      SPEC_LOCAL.has(rule) ? [...(cached.get(rule.id) ?? []), ...(unchecked.length > 0 ? rule.check(local) : [])] : rule.check(context),
    ),
  );
  const specs = input.workspace.files.flatMap((f) => (f.spec ? [f.spec] : []));
  return sortDiagnostics(applySuppressions(found, specs, lines, input.config, RULE_CODES));
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.span.start.line - b.span.start.line ||
      a.span.start.column - b.span.start.column ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/** One finding per file, place, code and message. */
export function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.file}:${d.span.start.offset}:${d.span.end.offset}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
