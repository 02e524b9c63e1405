/**
 * Modelled specs -> the findings of the spec-local rules (rules/index.ts SPEC_LOCAL_RULES) on
 * each, by rule id. Pure. Whichever thread models a batch of specs (src/phases/3-check/model-and-check.ts)
 * runs this right after, so these rules run on every core, and their findings travel and are
 * cached with the model (ModelledFile.checked); checkWorkspace runs them itself only for a model
 * that came without.
 */
import type { Diagnostic, ModelledFile, Workspace } from '../../types/index.js';
import { linesOf } from '../1-parse/line-index.js';
import type { CheckContext } from './rule.js';
import { SPEC_LOCAL_RULES } from './rules/index.js';

/** A field a spec-local rule must not read: reading it throws, so a rule that starts to fails its test and never caches a wrong finding. */
const outOfReach = (what: string): never => {
  throw new Error(`a spec-local rule read ${what}`);
};

/** The context a spec-local rule sees: these specs, and nothing else. */
export function specLocalContext(files: readonly ModelledFile[]): CheckContext {
  const workspace = {
    files,
    get root() { return outOfReach('the workspace root'); },
    get byId() { return outOfReach('other specs'); },
    get context() { return outOfReach('the context documents'); },
    get glossary() { return outOfReach('the glossary'); },
  } as unknown as Workspace;
  return {
    workspace,
    lines: linesOf,
    get generatedRoot() { return outOfReach('the generated root'); },
    get config() { return outOfReach('the config'); },
    get configSpans() { return outOfReach('the config'); },
    get scenarios() { return outOfReach('the scenarios folder'); },
  };
}

/** The spec-local findings on each of `files`, by rule id (rules with no finding are left out). */
export function checkSpecsLocally(files: readonly ModelledFile[]): Record<string, Diagnostic[]>[] {
  const checked = files.map((): Record<string, Diagnostic[]> => ({}));
  const at = new Map(files.map((f, i) => [f.file, i]));
  const context = specLocalContext(files);
  for (const rule of SPEC_LOCAL_RULES) {
    for (const finding of rule.check(context)) {
      const index = at.get(finding.file);
      if (index === undefined) throw new Error(`spec-local rule ${rule.id} reported on ${finding.file}, a file it was not given`);
      (checked[index]![rule.id] ??= []).push(finding);
    }
  }
  return checked;
}
