/**
 * Service twins in the model: where a twin spec's entry point lives, the environment variable
 * that carries its address, and which twins a spec's code needs running beside it. Pure; every
 * later phase (check, render, plan, validate) and speccc verify read twins through here, so the
 * names a job prompt promises are the names the sealed run sets. See docs/twins.md.
 */
import type { ServiceTwin, Spec, Workspace } from '../../types/index.js';

/** The module a twin spec must own: `twins/<id>/server.ts`, exporting `start`. */
export function twinEntry(id: string): string {
  return `twins/${id}/server.ts`;
}

/** `payments` -> `SPECCC_TWIN_PAYMENTS_URL`: the twin's base URL inside every sealed run that starts it. */
export function twinEnvVar(id: string): string {
  return `SPECCC_TWIN_${id.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_URL`;
}

export function serviceTwin(id: string): ServiceTwin {
  return { id, entry: twinEntry(id), env: twinEnvVar(id) };
}

const isReadyTwin = (spec: Spec | undefined): spec is Spec => spec?.frontmatter?.kind === 'twin' && spec.frontmatter.status === 'ready';

/**
 * The twins a spec's code runs against, sorted by id: a twin spec runs against itself; any other
 * spec against the ready twins it declares in `uses_twins` and those its dependencies use (their
 * code calls the service when this spec's tests call it). Unknown ids, specs that are not ready
 * twins and cycles are the checker's to report; here they are skipped.
 *
 * Asked once per job by the renderer and the planner: walking each spec's whole dependency
 * closure made that quadratic (a chain of 10,000 specs took minutes), so the twins reachable
 * from each id are computed once per workspace (reachableTwins).
 */
export function twinsUsedBy(spec: Spec, workspace: Workspace): ServiceTwin[] {
  const fm = spec.frontmatter;
  if (!fm) return [];
  if (fm.kind === 'twin') return [serviceTwin(fm.id)];
  // A spec that shares its id with another is not the one its id resolves to: walk it alone, so
  // that (as always) the walk never enters the namesake.
  if (workspace.byId.get(fm.id) !== spec) return walkTwins(spec, workspace);
  return [...(reachableTwins(workspace).get(fm.id) ?? [])].sort().map(serviceTwin);
}

/** The walk, from one spec: its ready twins, and those of every non-twin spec it depends on. */
function walkTwins(spec: Spec, workspace: Workspace): ServiceTwin[] {
  const found = new Set<string>();
  const seen = new Set<string>();
  const visit = (s: Spec) => {
    const f = s.frontmatter;
    if (!f || seen.has(f.id)) return;
    seen.add(f.id);
    for (const id of f.uses_twins) if (isReadyTwin(workspace.byId.get(id))) found.add(id);
    for (const dep of f.depends_on) {
      const target = workspace.byId.get(dep);
      if (target && target.frontmatter?.kind !== 'twin') visit(target);
    }
  };
  visit(spec);
  return [...found].sort().map(serviceTwin);
}

/**
 * Id -> the ready twins named by it and by every id it reaches through depends_on (never entering
 * a twin), for every id of the workspace: Tarjan's strongly connected components, so that the
 * ids of a cycle share one answer, each id's answer the union of its component's and of the
 * components it depends on. Kept per workspace object (a workspace is never changed once built;
 * the incremental session builds a new one on every edit).
 */
const reachable = new WeakMap<Workspace, Map<string, ReadonlySet<string>>>();

function reachableTwins(workspace: Workspace): Map<string, ReadonlySet<string>> {
  const known = reachable.get(workspace);
  if (known) return known;
  const edges = (id: string): string[] => (workspace.byId.get(id)?.frontmatter?.depends_on ?? []).filter((dep) => workspace.byId.has(dep) && workspace.byId.get(dep)!.frontmatter?.kind !== 'twin');
  const own = (id: string): string[] => (workspace.byId.get(id)?.frontmatter?.uses_twins ?? []).filter((t) => isReadyTwin(workspace.byId.get(t)));
  const result = new Map<string, ReadonlySet<string>>();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;
  // Iterative, so a chain of 10,000 dependencies does not exhaust the call stack.
  for (const root of workspace.byId.keys()) {
    if (index.has(root)) continue;
    const frames: { id: string; next: number; deps: string[] }[] = [];
    const open = (id: string) => {
      index.set(id, counter);
      low.set(id, counter++);
      stack.push(id);
      onStack.add(id);
      frames.push({ id, next: 0, deps: edges(id) });
    };
    open(root);
    while (frames.length > 0) {
      const frame = frames.at(-1)!;
      if (frame.next < frame.deps.length) {
        const dep = frame.deps[frame.next++]!;
        if (!index.has(dep)) open(dep);
        else if (onStack.has(dep)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(dep)!));
        continue;
      }
      frames.pop();
      const parent = frames.at(-1);
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      // frame.id roots a component: its members, and the union of what they and their dependencies name.
      const members: string[] = [];
      for (let id = stack.pop()!; ; id = stack.pop()!) {
        onStack.delete(id);
        members.push(id);
        if (id === frame.id) break;
      }
      const twins = new Set<string>();
      for (const id of members) {
        for (const t of own(id)) twins.add(t);
        for (const dep of edges(id)) for (const t of result.get(dep) ?? []) twins.add(t);
      }
      for (const id of members) result.set(id, twins);
    }
  }
  reachable.set(workspace, result);
  return result;
}

/** The twins a spec declares itself (`uses_twins`), as opposed to those it inherits from its dependencies. */
export function declaredTwins(spec: Spec, workspace: Workspace): ServiceTwin[] {
  return (spec.frontmatter?.uses_twins ?? []).filter((id) => isReadyTwin(workspace.byId.get(id))).sort().map(serviceTwin);
}
