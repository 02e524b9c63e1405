/**
 * Phase 2 for a monorepo member: a member's modelled spec -> the same spec with its ids qualified
 * by the member's name. Ids are unique per member and qualified across (`billing:invoice`), so
 * every later phase (references, cycles, the plan, job keys, the manifest) sees one namespace in
 * which equal ids of two members never meet. An entry of `depends_on` or `uses_twins` without a
 * `:` names a spec of the same member; one with a `:` names a member's spec as written. Outputs
 * move under `<member>/`: generated/ holds every member's code side by side, so a dependency's
 * files are staged, promoted and imported at one path (`../../billing/src/invoice.js` from
 * `shop/src/cart.ts`). Pure; idempotent (a qualified model is returned as it is).
 */
import type { ModelledFile, Spec } from '../../types/index.js';

export const QUALIFIER = ':';

/** `billing:invoice` for `invoice` in member `billing`; a qualified id as it is. */
export const qualifyId = (member: string, id: string): string => (id.includes(QUALIFIER) ? id : `${member}${QUALIFIER}${id}`);

/** The member a qualified id names, and its id there; null for an unqualified id. */
export function splitId(id: string): { member: string; local: string } | null {
  const at = id.indexOf(QUALIFIER);
  return at < 0 ? null : { member: id.slice(0, at), local: id.slice(at + 1) };
}

export function qualifySpec(spec: Spec, member: string): Spec {
  const fm = spec.frontmatter;
  if (spec.member !== undefined || !fm) return spec.member !== undefined ? spec : { ...spec, member };
  const id = qualifyId(member, fm.id);
  return {
    ...spec,
    member,
    frontmatter: {
      ...fm,
      id,
      depends_on: fm.depends_on.map((d) => qualifyId(member, d)),
      uses_twins: fm.uses_twins.map((t) => qualifyId(member, t)),
      outputs: fm.outputs.map((o) => `${member}/${o}`),
    },
    requirements: spec.requirements.map((r) => ({ ...r, id: `${id}#${r.local}` })),
  };
}

export function qualifyFile(file: ModelledFile, member: string): ModelledFile {
  return file.spec ? { ...file, spec: qualifySpec(file.spec, member) } : file;
}
