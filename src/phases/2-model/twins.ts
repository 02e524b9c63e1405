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
 */
export function twinsUsedBy(spec: Spec, workspace: Workspace): ServiceTwin[] {
  const fm = spec.frontmatter;
  if (!fm) return [];
  if (fm.kind === 'twin') return [serviceTwin(fm.id)];
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

/** The twins a spec declares itself (`uses_twins`), as opposed to those it inherits from its dependencies. */
export function declaredTwins(spec: Spec, workspace: Workspace): ServiceTwin[] {
  return (spec.frontmatter?.uses_twins ?? []).filter((id) => isReadyTwin(workspace.byId.get(id))).sort().map(serviceTwin);
}
