/**
 * Step 1 of `speccc adopt`, pure: the project's files as read, the workspace's existing specs and
 * the user's options -> every file to write (one draft spec per group, the adoption record, the
 * config when there is none), or the located problems that stop it. Nothing is written unless
 * the whole skeleton is consistent: ids unique (among the new specs and with the existing ones),
 * every file of the generated root owned exactly once, every file parsed. The caller then checks
 * the result with `speccc check` before writing anything.
 */
import path from 'node:path';
import type { Diagnostic, Span } from '../types/index.js';
import { diagnostics as d } from '../diagnostics/messages.js';
import { sha256 } from '../hash.js';
import type { AdoptionPlan, Group, ModuleInfo, SourceText } from './types.js';
import { isCode, readModules } from './read-modules.js';
import { groupModules, idFromName } from './group.js';
import { outputsOf, skeletonSpec } from './skeleton.js';

export interface ExistingSpec {
  id: string;
  file: string;
  outputs: readonly string[];
}

export interface AdoptionRecord {
  format: 1;
  specs: Record<string, { files: Record<string, string> }>;
}

export interface PlanInput {
  /** Every file read: what the user named, and everything else in the generated root. */
  sources: readonly SourceText[];
  /** Files the user asked to adopt (workspace-relative). */
  selected: ReadonlySet<string>;
  /** Where the search started (`.`, `src`): where "nothing found" is reported. */
  searched: string;
  /** The config's `paths.generated` when speccc.config.json sets it; null to choose the code's own folder. */
  configuredRoot: string | null;
  specsDir: string;
  existing: readonly ExistingSpec[];
  /** Spec files that exist (any id), so a new spec never replaces one. */
  existingSpecFiles: ReadonlySet<string>;
  record: AdoptionRecord | null;
  /** The package.json `name`, for the id of a root `index` module. */
  packageName?: string;
  by: 'module' | 'dir';
  merge: string[][];
  rename: ReadonlyMap<string, string>;
}

export interface Planned extends AdoptionPlan {
  generatedRoot: string | null;
  /** Usage mistakes (an unknown id in --merge): one line each, exit 2. */
  usage: string[];
  modules: Map<string, ModuleInfo>;
}

const origin: Span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
export const RECORD_FILE = 'adopted.json';

export function planAdoption(input: PlanInput): Planned {
  const read = readModules(input.sources);
  const modules = new Map(read.modules.map((m) => [m.path, m]));
  const none = (problems: Diagnostic[], generatedRoot: string | null = null): Planned => ({ writes: new Map(), groups: [], alreadyOwned: new Map(), problems, generatedRoot, usage: [], modules });
  const code = read.modules.filter((m) => input.selected.has(m.path) && m.role === 'module');
  if (![...input.selected].some(isCode)) {
    return none([d.adoptNoSources({ file: input.searched, span: origin, message: `No TypeScript or JavaScript file found in \`${input.searched}\` (node_modules, build output and hidden folders are skipped); expected code to adopt` })]);
  }
  const root = generatedRootOf(code, input);
  if (typeof root !== 'string') return none([...read.problems, root]);
  const owner = ownersOf(input.existing, root);
  const problems = [...read.problems, ...reserved(input.sources, root), ...leftOut(input, root, owner)];
  const mine = read.modules.filter((m) => !owner.has(m.path) && (input.selected.has(m.path) || m.path.startsWith(`${root}/`)));
  const texts = new Map(input.sources.map((s) => [s.path, s.text]));
  const hashes = new Map(input.sources.map((s) => [s.path, s.hash ?? sha256(s.text)]));
  const grouped = groupModules(mine, {
    generatedRoot: root,
    by: input.by,
    merge: input.merge,
    rename: input.rename,
    rootName: idFromName(input.packageName),
    mentions: (file, name) => texts.get(file)?.includes(name) ?? false,
  });
  const groups = grouped.groups.map((g) => withExistingDependencies(g, modules, owner));
  problems.push(...grouped.problems, ...collisions(groups, input));
  if (problems.length > 0 || grouped.usage.length > 0) return { ...none(problems, root), usage: grouped.usage };
  const writes = new Map<string, string>();
  const importers = importersOf(groups, modules);
  for (const g of groups) {
    const specFile = `${input.specsDir}/${g.id}.md`;
    writes.set(specFile, skeletonSpec(g, { generatedRoot: root, specFile, modules, importedBy: importers.get(g.id) ?? [] }));
  }
  writes.set(`${input.specsDir}/${RECORD_FILE}`, recordJson(input.record, groups, root, hashes));
  return { writes, groups, alreadyOwned: owner, problems: [], generatedRoot: root, usage: [], modules };
}

/** The configured generated root, or the code's common folder; never the workspace root. */
function generatedRootOf(code: readonly ModuleInfo[], input: PlanInput): string | Diagnostic {
  const first = code[0];
  if (input.configuredRoot !== null) {
    const root = input.configuredRoot.replace(/^\.\/|\/$/g, '');
    const outside = code.find((m) => !m.path.startsWith(`${root}/`));
    if (!outside) return root;
    return d.adoptGeneratedRoot({ file: outside.path, span: origin, message: `\`${outside.path}\` is outside \`${root}\`, the generated root speccc.config.json names (paths.generated); expected every adopted module inside it` });
  }
  const root = commonFolder(code.map((m) => m.path));
  if (root) return root;
  const at = code.find((m) => !m.path.includes('/')) ?? first;
  return d.adoptGeneratedRoot({
    file: at?.path ?? input.searched,
    span: origin,
    message: `The adopted modules share no folder below the workspace root${at ? ` (\`${at.path}\` is ${at.path.includes('/') ? 'in another folder' : 'at the root'})` : ''}; expected the code in one folder, such as \`src/\`, to be the generated root`,
  });
}

/** The deepest folder every path lies in, or null when that is the workspace root. */
export function commonFolder(paths: readonly string[]): string | null {
  const dirs = paths.map((p) => path.posix.dirname(p).split('/'));
  const common: string[] = [];
  for (let i = 0; dirs.length > 0 && dirs.every((p) => p[i] !== undefined && p[i] === dirs[0]![i]); i++) common.push(dirs[0]![i]!);
  const root = common.join('/');
  return root && root !== '.' ? root : null;
}

/** Workspace-relative file -> the existing spec that owns it. */
function ownersOf(existing: readonly ExistingSpec[], root: string): Map<string, string> {
  const owner = new Map<string, string>();
  for (const s of existing) for (const o of s.outputs) owner.set(`${root}/${o}`, s.id);
  return owner;
}

/** speccc writes `README.md` and `.speccc/` at the top of the generated root: a project file there would be replaced. */
function reserved(sources: readonly SourceText[], root: string): Diagnostic[] {
  return sources
    .filter((s) => s.path === `${root}/README.md` || s.path.startsWith(`${root}/.speccc/`))
    .map((s) => d.adoptReservedFile({ file: s.path, span: origin, message: `\`${s.path}\` is where speccc writes its own ${s.path.endsWith('README.md') ? 'README of the generated root' : 'state'}; expected no project file there` }));
}

/** A file of the generated root that would be neither adopted nor owned: a build would remove it. */
function leftOut(input: PlanInput, root: string, owner: ReadonlyMap<string, string>): Diagnostic[] {
  return input.sources
    .filter((s) => s.path.startsWith(`${root}/`) && !input.selected.has(s.path) && !owner.has(s.path) && s.path !== `${root}/README.md` && !s.path.startsWith(`${root}/.speccc/`))
    .map((s) =>
      d.adoptFileLeftOut({
        file: s.path,
        span: origin,
        message: `\`${s.path}\` is in the generated root \`${root}\` but neither adopted nor owned by a spec; expected every file there owned (a build removes the others)`,
      }),
    );
}

/** An import of a file an existing spec owns is a dependency on that spec. */
function withExistingDependencies(g: Group, modules: ReadonlyMap<string, ModuleInfo>, owner: ReadonlyMap<string, string>): Group {
  const extra = g.modules.flatMap((p) => (modules.get(p)?.imports ?? []).flatMap((i) => (i.target && owner.has(i.target) ? [owner.get(i.target)!] : [])));
  return extra.length === 0 ? g : { ...g, dependsOn: [...new Set([...g.dependsOn, ...extra])].sort() };
}

/** A new id an existing spec has, or a spec file that exists: never overwritten. */
function collisions(groups: readonly Group[], input: PlanInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const g of groups) {
    const at = g.modules[0] ?? g.tests[0] ?? g.externalTests[0]!;
    const existing = input.existing.find((s) => s.id === g.id);
    const file = `${input.specsDir}/${g.id}.md`;
    if (existing || input.existingSpecFiles.has(file) || seen.has(g.id)) {
      const other = existing?.file ?? file;
      out.push(
        d.adoptIdCollision({
          file: at,
          span: origin,
          message: `\`${at}\` would be adopted as spec \`${g.id}\`, but ${seen.has(g.id) ? 'another adopted group has that id' : `\`${other}\` ${existing ? 'already has that id' : 'exists'}`}; expected a new id (existing specs are never overwritten)`,
          hint: `Give it another id with \`--rename ${at}=<id>\`.`,
          ...(seen.has(g.id) ? {} : { related: [{ file: other, span: origin, message: `the existing spec` }] }),
        }),
      );
    }
    seen.add(g.id);
  }
  return out;
}

function importersOf(groups: readonly Group[], modules: ReadonlyMap<string, ModuleInfo>): Map<string, string[]> {
  const groupOf = new Map<string, string>();
  for (const g of groups) for (const p of g.modules) groupOf.set(p, g.id);
  const out = new Map<string, Set<string>>();
  for (const g of groups) {
    for (const p of g.modules) {
      for (const i of modules.get(p)?.imports ?? []) {
        const to = i.target ? groupOf.get(i.target) : undefined;
        if (to && to !== g.id) out.set(to, (out.get(to) ?? new Set()).add(g.id));
      }
    }
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}

/** The record with every new spec's files and their hashes as adopted, the existing entries kept. */
function recordJson(record: AdoptionRecord | null, groups: readonly Group[], root: string, hashes: ReadonlyMap<string, string>): string {
  const specs: AdoptionRecord['specs'] = { ...(record?.specs ?? {}) };
  for (const g of groups) {
    const files: Record<string, string> = {};
    for (const o of outputsOf(g, root)) files[o] = hashes.get(`${root}/${o}`) ?? sha256('');
    specs[g.id] = { files };
  }
  const sorted = Object.fromEntries(Object.entries(specs).sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify({ format: 1, specs: sorted }, null, 2) + '\n';
}
