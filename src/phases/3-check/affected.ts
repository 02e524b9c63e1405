/**
 * What a change reaches (`check --since`, `build --since`): changed files -> the specs whose
 * findings or build may differ, closed over everything downstream. Pure: the changed files come
 * from git through io/git.ts.
 *
 * A spec file reaches its spec. The config (the root's or a member's), a context document or a
 * template reaches every spec: context documents, constraint specs and templates make the one
 * system prompt every job of the monorepo shares (one cached prefix), so a change to any of
 * them changes every job key. A generated file reaches the spec that owns it (an edit by hand, or
 * a deleted output); the manifest reaches every spec. A file in a scenarios folder reaches the
 * spec it is a holdout of (a verdict holds only under the holdouts it was given under). A spec
 * file that no longer exists reaches every spec with a dependency no spec has any more. Then
 * every spec that depends on, or uses as a twin, a reached spec is reached too, transitively.
 */
import path from 'node:path';
import type { Diagnostic, Member, Spec, Workspace } from '../../types/index.js';

export interface AffectedInput {
  workspace: Workspace;
  /** Changed, added or deleted files, workspace-relative POSIX. */
  changed: readonly string[];
  /** The root's folders and its config file name, workspace-relative. */
  paths: { specs: string; context: string; templates: string; generated: string; scenarios: string };
  configFile: string;
}

export interface Affected {
  /** Ids of the specs the change reaches. */
  ids: Set<string>;
  /** Their files (a spec without a valid id is reached by its file alone). */
  files: Set<string>;
  /** Why each spec was reached first: the changed file, or the spec it depends on. */
  why: Map<string, string>;
}

const norm = (p: string) => path.posix.normalize(p).replace(/^\.\/?/, '').replace(/\/$/, '');
const inside = (file: string, dir: string) => {
  const d = norm(dir);
  return d === '' || d === '.' ? true : file === d || file.startsWith(`${d}/`);
};

export function affectedSpecs(input: AffectedInput): Affected {
  const { workspace } = input;
  const specs = workspace.files.flatMap((f) => (f.spec ? [f.spec] : []));
  const out: Affected = { ids: new Set(), files: new Set(), why: new Map() };
  const reach = (spec: Spec, why: string) => {
    if (out.files.has(spec.file)) return;
    out.files.add(spec.file);
    const id = spec.frontmatter?.id;
    if (id) out.ids.add(id);
    out.why.set(spec.file, why);
  };
  const members = workspace.members ?? [];
  for (const file of input.changed.map(norm)) {
    for (const spec of reachedBy(file, input, specs, members)) reach(spec, file);
    // A spec file by itself reaches its spec even when its frontmatter is broken.
    for (const f of workspace.files) if (f.file === file && !f.spec) out.files.add(f.file);
  }
  closeOverDependants(specs, out, reach);
  return out;
}

/** The specs one changed file reaches directly. */
function reachedBy(file: string, input: AffectedInput, specs: readonly Spec[], members: readonly Member[]): readonly Spec[] {
  const { paths, workspace } = input;
  const everything = () => specs;
  const memberConfig = members.some((m) => file === `${m.dir}/${input.configFile}`);
  if (file === input.configFile || memberConfig) return everything();
  if (inside(file, paths.context) || inside(file, paths.templates) || members.some((m) => inside(file, m.context))) return everything();
  if (inside(file, paths.generated)) {
    const rel = file.slice(norm(paths.generated).length + 1);
    if (rel === '.speccc/manifest.json') return everything();
    return specs.filter((s) => s.frontmatter?.outputs.includes(rel));
  }
  const holdoutOf = scenarioSpec(file, paths.scenarios, members);
  if (holdoutOf !== null) return specs.filter((s) => s.frontmatter?.id === holdoutOf);
  const own = specs.filter((s) => s.file === file);
  if (own.length > 0) return own;
  const inSpecs = file.endsWith('.md') && (inside(file, paths.specs) || members.some((m) => inside(file, m.specs)));
  // A deleted (or renamed) spec: whoever depended on it now names an id no spec has.
  if (inSpecs) return specs.filter((s) => [...(s.frontmatter?.depends_on ?? []), ...(s.frontmatter?.uses_twins ?? [])].some((d) => !workspace.byId.has(d)));
  return [];
}

/** The spec id a file of a scenarios folder is a holdout of (`<id>/<name>`; qualified in a member's folder), or null. */
function scenarioSpec(file: string, rootScenarios: string, members: readonly Member[]): string | null {
  const member = members.find((m) => inside(file, m.scenarios));
  const dir = member ? member.scenarios : inside(file, rootScenarios) ? rootScenarios : null;
  if (dir === null) return null;
  const rel = file.slice(norm(dir).length + 1);
  const id = rel.split('/')[0];
  if (!id || rel === id) return null;
  return member ? `${member.name}:${id}` : id;
}

function closeOverDependants(specs: readonly Spec[], out: Affected, reach: (spec: Spec, why: string) => void): void {
  const dependants = new Map<string, Spec[]>();
  for (const s of specs) {
    for (const d of [...(s.frontmatter?.depends_on ?? []), ...(s.frontmatter?.uses_twins ?? [])]) dependants.set(d, [...(dependants.get(d) ?? []), s]);
  }
  const queue = [...out.ids];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const s of dependants.get(id) ?? []) {
      const before = out.files.size;
      reach(s, `depends on ${id}`);
      if (out.files.size > before && s.frontmatter?.id) queue.push(s.frontmatter.id);
    }
  }
}

/**
 * The findings `--since` reports: those in a spec the change reaches, and those in no spec file at
 * all (the config, the folders, generated/), which hold for the whole workspace.
 */
export function withinAffected(diagnostics: readonly Diagnostic[], workspace: Workspace, affected: Pick<Affected, 'files'>): Diagnostic[] {
  const specFiles = new Set(workspace.files.map((f) => f.file));
  return diagnostics.filter((d) => !specFiles.has(d.file) || affected.files.has(d.file));
}

/**
 * `check` inside a member: the member's spec files and those of every spec they depend on or use
 * as a twin, directly or not, in any member (what the member's code is built against).
 */
export function memberAndDependencies(workspace: Workspace, member: string): Set<string> {
  const files = new Set<string>();
  const queue = workspace.files.flatMap((f) => (f.spec?.member === member ? [f.spec] : []));
  for (const f of workspace.files) if (f.file.startsWith(`${(workspace.members ?? []).find((m) => m.name === member)?.specs ?? '\0'}/`)) files.add(f.file);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const spec = queue.shift()!;
    files.add(spec.file);
    for (const d of [...(spec.frontmatter?.depends_on ?? []), ...(spec.frontmatter?.uses_twins ?? [])]) {
      const target = workspace.byId.get(d);
      if (target && !seen.has(d)) {
        seen.add(d);
        queue.push(target);
      }
    }
  }
  return files;
}
