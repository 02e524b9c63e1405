/**
 * A rule's declared scope (phases/3-check/rule.ts RuleScope) and one update -> where the rule must
 * run again: nowhere, on some specs (and which further specs it must see to judge them exactly),
 * or over the whole workspace. Pure. Nothing here names a rule: a rule's reach is the union of
 * the reaches of what it declares it reads, so a new rule needs a scope and nothing else.
 *
 * A spec's own part: its whole model (a body edit re-judges it), its frontmatter only, or
 * nothing beyond its facts. Facts shared by every spec: the glossary changes with a context
 * document (then the rule runs everywhere); the config and the scenarios folder do not change
 * during a session. Facts about other specs: each names the specs whose findings an edit of E's
 * frontmatter can move (its namesakes, dependents, linkers, co-owners; the files the rule had
 * findings on when an id it hints with moved), and the specs a rule must see beside E to judge E.
 */
import type { Diagnostic, ModelledFile, Spec } from '../types/index.js';
import type { Rule, RuleScope, SharedFact, SpecFact } from '../phases/3-check/rule.js';
import { edgesKey, edgesOf, idOf, isTwin, outputsOf, renamed, union, type ChangedSpec } from './changed-spec.js';
import type { SpecIndex } from './spec-index.js';

export type Reach = Set<string> | 'all' | 'none';

/** Where a rule runs after an update: `judged` are the specs whose findings are replaced; `seen`, the specs the rule is given. */
export type RulePlan = { run: 'none' } | { run: 'all' } | { run: 'some'; judged: Set<string>; seen: Set<string> };

/** One update, as the reach of every fact sees it. */
export interface UpdateView {
  changed: readonly ChangedSpec[];
  contextChanged: boolean;
  idx: SpecIndex;
  byId: ReadonlyMap<string, Spec>;
}

interface FactReach {
  /** Specs whose findings this update can change through this fact. `previous`: the rule's findings before it, by file. */
  recheck(view: UpdateView, previous: ReadonlyMap<string, readonly Diagnostic[]>): Reach;
  /** Further specs the rule reads when judging `m` (their own findings are not kept). */
  context?(m: ModelledFile, idx: SpecIndex): Iterable<string>;
}

const withFrontmatter = (view: UpdateView) => view.changed.filter((c) => c.frontmatter);
/** For each spec whose frontmatter changed, the specs `map` lists under its old and new id. */
const underIds = (view: UpdateView, map: ReadonlyMap<string, Set<string>>) => union(...withFrontmatter(view).flatMap((c) => [map.get(idOf(c.before) ?? ''), map.get(idOf(c.after) ?? '')]));
const filesWithFindings = (previous: ReadonlyMap<string, readonly Diagnostic[]>) => new Set(previous.keys());

const SHARED: Readonly<Record<SharedFact, FactReach>> = {
  glossary: { recheck: (view) => (view.contextChanged ? 'all' : 'none') },
  // A session keeps its config and scenarios folder (a changed config opens a new session).
  config: { recheck: () => 'none' },
  scenarios: { recheck: () => 'none' },
};

const OF_SPECS: Readonly<Record<SpecFact, FactReach>> = {
  'same-id': {
    recheck: (view) => underIds(view, view.idx.withId),
    context: (m, idx) => idx.withId.get(idOf(m) ?? '') ?? [],
  },
  dependencies: { recheck: (view) => underIds(view, view.idx.dependents) },
  'twins-used': { recheck: (view) => underIds(view, view.idx.twinUsers) },
  'linked-specs': {
    recheck: (view) => union(...withFrontmatter(view).map((c) => view.idx.linkers.get(c.file))),
    context: (m) => (m.spec?.links ?? []).map((l) => l.target),
  },
  'output-owners': {
    recheck: (view) => union(...withFrontmatter(view).flatMap((c) => [...outputsOf(c.before), ...outputsOf(c.after)].map((o) => view.idx.owners.get(o)))),
    context: (m, idx) => union(...outputsOf(m).map((o) => idx.owners.get(o))),
  },
  // A changed set of ids can change any hint the rule gave.
  'spec-ids': { recheck: (view, previous) => (view.changed.some(renamed) ? filesWithFindings(previous) : 'none') },
  'twin-ids': {
    recheck: (view, previous) =>
      withFrontmatter(view).some((c) => (isTwin(c.before) || isTwin(c.after)) && (renamed(c) || isTwin(c.before) !== isTwin(c.after))) ? filesWithFindings(previous) : 'none',
  },
  'dependency-graph': { recheck: (view, previous) => (cycleMayHaveMoved(view, previous) ? 'all' : 'none') },
  'all-frontmatter': { recheck: (view) => (view.changed.some((c) => c.frontmatter) ? 'all' : 'none') },
};

const FACTS: Readonly<Record<SharedFact | SpecFact, FactReach>> = { ...SHARED, ...OF_SPECS };

/** A scope as what of the judged spec it reads and which facts. */
function normalised(scope: RuleScope): { own: 'spec' | 'frontmatter' | 'none'; reads: readonly (SharedFact | SpecFact)[] } {
  if (scope.kind === 'spec-local') return { own: 'spec', reads: [] };
  if (scope.kind === 'file') return { own: 'spec', reads: scope.reads };
  return scope;
}

/** Where `rule` must run after the update `view`, given its findings before it. */
export function planRule(rule: Rule, view: UpdateView, previous: ReadonlyMap<string, readonly Diagnostic[]>): RulePlan {
  const { own, reads } = normalised(rule.scope);
  const reaches: Reach[] = reads.map((fact) => FACTS[fact].recheck(view, previous));
  if (reaches.includes('all')) return { run: 'all' };
  const mine = own === 'spec' ? view.changed : own === 'frontmatter' ? withFrontmatter(view) : [];
  const judged = [...union(mine.map((c) => c.file), ...reaches.map((r) => (r === 'none' ? undefined : r)))].filter((f) => view.idx.byFile.has(f));
  if (judged.length === 0) return { run: 'none' };
  const contexts = reads.flatMap((fact) => {
    const context = FACTS[fact].context;
    return context ? judged.map((f) => context(view.idx.byFile.get(f)!, view.idx)) : [];
  });
  return { run: 'some', judged: new Set(judged), seen: union(judged, ...contexts) };
}

/** Whether any rule reads the glossary (then a changed context document re-runs it everywhere). */
export const readsGlossary = (rule: Rule): boolean => normalised(rule.scope).reads.includes('glossary');

/**
 * The dependency graph's findings move only when a cycle may have appeared (a changed spec now
 * reaches itself) or gone (it was in one), or when ids moved.
 */
function cycleMayHaveMoved(view: UpdateView, previous: ReadonlyMap<string, readonly Diagnostic[]>): boolean {
  const inCycle = new Set([...previous.values()].flat().flatMap((d) => [d.file, ...(d.related ?? []).map((r) => r.file)]));
  return view.changed.some((c) => {
    if (!c.frontmatter) return false;
    if (inCycle.has(c.file)) return true;
    if (!renamed(c) && edgesKey(c.before) === edgesKey(c.after)) return false;
    // A renamed spec may take an id (and its place in the graph) from a spec in a cycle, or hand
    // its old id, and that spec's edges, to another spec with the same id.
    const namesakes = [...(view.idx.withId.get(idOf(c.before) ?? '') ?? []), ...(view.idx.withId.get(idOf(c.after) ?? '') ?? [])];
    if (renamed(c) && namesakes.some((f) => inCycle.has(f))) return true;
    const heir = renamed(c) ? view.byId.get(idOf(c.before) ?? '') : undefined;
    return (c.after.spec !== null && reachesItself(c.after.spec, view.byId)) || (heir !== undefined && reachesItself(heir, view.byId));
  });
}

/** Whether following depends_on from this spec (as the dependency-cycle rule resolves ids) leads back to it. */
function reachesItself(spec: Spec, byId: ReadonlyMap<string, Spec>): boolean {
  const id = spec.frontmatter?.id;
  if (!id || byId.get(id) !== spec) return false;
  const seen = new Set<string>([id]);
  const stack = edgesOf(spec);
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next === id) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    const target = byId.get(next);
    for (const dep of target ? edgesOf(target) : []) if (dep !== next) stack.push(dep);
  }
  return false;
}
