/**
 * Modules -> groups, one spec each. By default one per module with its tests (`--group dir`: one
 * per folder); modules that import each other in a cycle always share a spec (specs may not
 * depend on each other in a cycle), and `--merge a,b` joins groups by id. Pure.
 */
import path from 'node:path';
import type { Diagnostic, Span } from '../types/index.js';
import { diagnostics as d } from '../diagnostics/messages.js';
import { KEBAB_CASE } from '../schemas/frontmatter.js';
import type { Group, ModuleInfo } from './types.js';
import { TEST_FILE } from './read-modules.js';

export interface GroupOptions {
  /** Workspace-relative generated root (`src`): ids and outputs are relative to it. */
  generatedRoot: string;
  by: 'module' | 'dir';
  /** Groups to join, by id (`--merge a,b`). */
  merge: string[][];
  /** A module's (or, by folder, a folder's) workspace-relative path -> the id it gets (`--rename`). */
  rename: ReadonlyMap<string, string>;
  /** The id of the generated root's own `index` module or folder: the package's name. */
  rootName: string;
  /** Whether a file's text names another file (by its base name): where data files go. */
  mentions: (file: string, name: string) => boolean;
}

export interface Grouped {
  groups: Group[];
  problems: Diagnostic[];
  /** Usage mistakes (an unknown id in --merge): one line each. */
  usage: string[];
}

const origin: Span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/** A kebab-case id from a path relative to the generated root: `utils/parseURL.ts` -> `utils-parse-url`. */
export function idFromPath(rel: string, rootName: string): string {
  const stem = rel.replace(/\.[^./]+$/, '').replace(/(?:^|\/)index$/, '');
  const words = stem
    .split('/')
    .filter(Boolean)
    .flatMap((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2').toLowerCase().split(/[^a-z0-9]+/))
    .filter(Boolean);
  return words.length > 0 ? words.join('-') : rootName;
}

/** A package name as an id: `@scope/my_pkg` -> `my-pkg`. */
export function idFromName(name: string | undefined): string {
  const id = (name ?? '').replace(/^@[^/]+\//, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return KEBAB_CASE.test(id) ? id : 'package';
}

interface Unit {
  id: string;
  /** The module (or folder) the id was made from: where a collision is reported. */
  from: string;
  modules: Set<string>;
  tests: Set<string>;
  externalTests: Set<string>;
  others: Set<string>;
}

const inside = (root: string, p: string) => p.startsWith(`${root}/`);
const rel = (root: string, p: string) => p.slice(root.length + 1);

export function groupModules(modules: readonly ModuleInfo[], options: GroupOptions): Grouped {
  const root = options.generatedRoot;
  const code = modules.filter((m) => m.role === 'module' && inside(root, m.path));
  const { units, problems } = unitsOf(code, options);
  const unitOf = new Map<string, Unit>();
  for (const u of units) for (const m of u.modules) unitOf.set(m, u);
  placeTests(modules, code, unitOf, units, options);
  placeOthers(modules, unitOf, units, options);
  const usage: string[] = [];
  const merged = joinAll(units, modules, unitOf, options.merge, usage);
  return { groups: merged.map((u) => toGroup(u, modules, unitOf)).sort((a, b) => (a.id < b.id ? -1 : 1)), problems, usage };
}

/** One unit per module (or folder), with ids checked for collisions. */
function unitsOf(code: readonly ModuleInfo[], options: GroupOptions): { units: Unit[]; problems: Diagnostic[] } {
  const byKey = new Map<string, Unit>();
  for (const m of code) {
    const key = options.by === 'dir' ? path.posix.dirname(m.path) : m.path;
    let unit = byKey.get(key);
    if (!unit) {
      const made = key === options.generatedRoot ? options.rootName : idFromPath(options.by === 'dir' ? `${rel(options.generatedRoot, key)}/index` : rel(options.generatedRoot, key), options.rootName);
      unit = { id: options.rename.get(key) ?? made, from: key, modules: new Set(), tests: new Set(), externalTests: new Set(), others: new Set() };
      byKey.set(key, unit);
    }
    unit.modules.add(m.path);
  }
  const units = [...byKey.values()];
  const problems: Diagnostic[] = [];
  const seen = new Map<string, Unit>();
  for (const u of units) {
    const first = seen.get(u.id);
    if (!first) {
      seen.set(u.id, u);
      continue;
    }
    problems.push(
      d.adoptIdCollision({
        file: u.from,
        span: origin,
        message: `\`${u.from}\` would be adopted as spec \`${u.id}\`, the id \`${first.from}\` gets too; expected one id per spec`,
        hint: `Give one of them its own id (\`--rename ${u.from}=<id>\`), or put both in one spec (\`--merge\`).`,
        related: [{ file: first.from, span: origin, message: `also adopted as \`${u.id}\`` }],
      }),
    );
  }
  return { units, problems };
}

/** Tests go with the module of the same name (nearest first), else with the first module they import. */
function placeTests(modules: readonly ModuleInfo[], code: readonly ModuleInfo[], unitOf: Map<string, Unit>, units: Unit[], options: GroupOptions): void {
  const root = options.generatedRoot;
  const stem = (p: string) => path.posix.basename(p).replace(TEST_FILE, '').replace(/\.[^.]+$/, '');
  for (const t of modules.filter((m) => m.role === 'test')) {
    const named = code.filter((m) => stem(m.path) === stem(t.path)).sort((a, b) => distance(t.path, a.path) - distance(t.path, b.path) || (a.path < b.path ? -1 : 1));
    const target = named[0]?.path ?? t.imports.find((i) => i.target && unitOf.has(i.target))?.target;
    let unit = target ? unitOf.get(target) : undefined;
    if (!unit) {
      // A test of nothing the project holds as code: a spec of its own, so it is still owned.
      unit = { id: options.rename.get(t.path) ?? idFromPath(inside(root, t.path) ? rel(root, t.path).replace(TEST_FILE, '') : stem(t.path), options.rootName), from: t.path, modules: new Set(), tests: new Set(), externalTests: new Set(), others: new Set() };
      units.push(unit);
    }
    (inside(root, t.path) ? unit.tests : unit.externalTests).add(t.path);
    unitOf.set(t.path, unit);
  }
  for (const s of modules.filter((m) => m.role === 'test-support' && inside(root, m.path))) {
    const user = modules.filter((m) => m.role === 'test' && m.imports.some((i) => i.target === s.path)).map((m) => m.path).sort()[0];
    const unit = user ? unitOf.get(user) : undefined;
    if (unit) {
      unit.tests.add(s.path);
      unitOf.set(s.path, unit);
    }
  }
}

/** Folders between two files: how near a test is to a module of its name. */
function distance(a: string, b: string): number {
  return path.posix.relative(path.posix.dirname(a), path.posix.dirname(b)).split('/').filter(Boolean).length;
}

/** Data files go with the first file that names them, else with the first module of their folder or the nearest above. */
function placeOthers(modules: readonly ModuleInfo[], unitOf: Map<string, Unit>, units: Unit[], options: GroupOptions): void {
  const root = options.generatedRoot;
  const placed = modules.filter((m) => unitOf.has(m.path)).map((m) => m.path).sort();
  for (const o of modules.filter((m) => inside(root, m.path) && !unitOf.has(m.path))) {
    const name = path.posix.basename(o.path);
    let owner = placed.find((p) => options.mentions(p, name));
    for (let dir = path.posix.dirname(o.path); !owner && dir !== '.' && (dir === root || inside(root, dir)); dir = path.posix.dirname(dir)) {
      owner = placed.find((p) => path.posix.dirname(p) === dir);
    }
    const unit = (owner ? unitOf.get(owner) : undefined) ?? units[0];
    unit?.others.add(o.path);
  }
}

/** Joins what `--merge` names, then every import cycle, until the groups depend on each other without one. */
function joinAll(units: Unit[], modules: readonly ModuleInfo[], unitOf: Map<string, Unit>, merge: string[][], usage: string[]): Unit[] {
  let current = units;
  for (const ids of merge) {
    const members = ids.map((id) => current.find((u) => u.id === id));
    const unknown = ids.filter((_, i) => !members[i]);
    if (unknown.length > 0) {
      usage.push(`--merge names no adopted spec: ${unknown.map((id) => `\`${id}\``).join(', ')}; adopted: ${current.map((u) => u.id).join(', ')}`);
      continue;
    }
    current = join(current, members as Unit[], unitOf);
  }
  for (const cycle of cyclesOf(current, modules, unitOf)) current = join(current, cycle, unitOf);
  return current;
}

function join(units: Unit[], members: Unit[], unitOf: Map<string, Unit>): Unit[] {
  const [into, ...rest] = members;
  if (!into || rest.length === 0) return units;
  for (const u of rest) {
    for (const key of ['modules', 'tests', 'externalTests', 'others'] as const) for (const p of u[key]) into[key].add(p);
  }
  for (const [p, u] of unitOf) if (rest.includes(u)) unitOf.set(p, into);
  return units.filter((u) => !rest.includes(u));
}

/** The groups' import graph's strongly connected components of more than one group (Tarjan). */
function cyclesOf(units: Unit[], modules: readonly ModuleInfo[], unitOf: Map<string, Unit>): Unit[][] {
  const edges = new Map(units.map((u) => [u, new Set<Unit>()]));
  for (const m of modules) {
    const from = m.role === 'module' ? unitOf.get(m.path) : undefined;
    for (const i of m.imports) {
      const to = i.target ? unitOf.get(i.target) : undefined;
      if (from && to && to !== from && modules.find((x) => x.path === i.target)?.role === 'module') edges.get(from)!.add(to);
    }
  }
  const index = new Map<Unit, number>();
  const low = new Map<Unit, number>();
  const stack: Unit[] = [];
  const out: Unit[][] = [];
  const visit = (u: Unit) => {
    index.set(u, index.size);
    low.set(u, index.get(u)!);
    stack.push(u);
    for (const v of edges.get(u)!) {
      if (!index.has(v)) {
        visit(v);
        low.set(u, Math.min(low.get(u)!, low.get(v)!));
      } else if (stack.includes(v)) low.set(u, Math.min(low.get(u)!, index.get(v)!));
    }
    if (low.get(u) === index.get(u)) {
      const component: Unit[] = [];
      let v: Unit;
      do {
        v = stack.pop()!;
        component.push(v);
      } while (v !== u);
      // The joined spec takes the id of its highest folder's unit (a package's root, not a leaf).
      const depth = (x: Unit) => x.from.split('/').length;
      if (component.length > 1) out.push(component.sort((a, b) => depth(a) - depth(b) || (a.id < b.id ? -1 : 1)));
    }
  };
  for (const u of units) if (!index.has(u)) visit(u);
  return out;
}

function toGroup(u: Unit, modules: readonly ModuleInfo[], unitOf: Map<string, Unit>): Group {
  const deps = new Set<string>();
  for (const m of modules) {
    if (!u.modules.has(m.path)) continue;
    for (const i of m.imports) {
      const to = i.target ? unitOf.get(i.target) : undefined;
      if (to && to !== u && to.modules.has(i.target!)) deps.add(to.id);
    }
  }
  const sorted = (s: Set<string>) => [...s].sort();
  return { id: u.id, modules: sorted(u.modules), tests: sorted(u.tests), externalTests: sorted(u.externalTests), others: sorted(u.others), dependsOn: sorted(deps) };
}
