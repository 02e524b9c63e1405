/**
 * Step 3 of `speccc adopt`, pure: the temporary workspace in which one drafted spec is built
 * alone. The spec is made ready and speccc's own; every other spec is made hand-owned, so nothing
 * else is built (its files stay as the code it builds on); the spec's own files are removed, so
 * the agent writes them from the spec alone; and the project's existing tests of those files
 * become the spec's holdout checks (`<scenarios>/<id>/*.test.ts`, imports rewritten for
 * `<generated root>/.holdout/<id>/`), which the generating agent never sees.
 */
import path from 'node:path';
import type { SourceText } from './types.js';
import { isCode, resolveImport, TEST_FILE } from './read-modules.js';

export interface RoundTripSpec {
  id: string;
  file: string;
  source: string;
  status: string;
  owner?: string | undefined;
  kind: string;
  outputs: readonly string[];
}

export interface RoundTripInput {
  spec: RoundTripSpec;
  /** Every spec of the workspace with valid frontmatter, the one under test included. */
  specs: readonly RoundTripSpec[];
  generatedRoot: string;
  /** Every file of the project the tests could import (workspace-relative). */
  files: ReadonlySet<string>;
  /** The existing tests of the spec's files: its own test outputs and the tests its Evaluation links to. */
  tests: readonly SourceText[];
  /** speccc.config.json as written, or null when there is none. */
  rawConfig: string | null;
}

export interface RoundTripWorkspace {
  /** Workspace-relative path -> content written into the temporary workspace (specs, config, holdouts). */
  edits: Map<string, string>;
  /** Workspace-relative files removed from it (the spec's own files). */
  remove: string[];
  /** Each existing test placed as a holdout: its path in the project -> the check's name in the scenarios folder. */
  placed: Map<string, string>;
  /** Existing tests that cannot run as holdouts, and why. */
  unplaced: { test: string; why: string }[];
}

/** The scenarios folder inside the temporary workspace. */
export const ROUND_TRIP_SCENARIOS = 'scenarios';
/** Files under these folders are test support (fixtures, data), never code a build writes. */
export const TEST_SUPPORT = /(?:^|\/)(?:__tests__|__mocks__|__fixtures__|tests?|fixtures|spec)\//;

/** A spec's existing tests: its own test outputs, and the tests its text links to (tests outside the generated root). */
export function testsOfSpec(spec: { file: string; source: string; outputs: readonly string[] }, generatedRoot: string): string[] {
  const owned = spec.outputs.filter((o) => TEST_FILE.test(o)).map((o) => `${generatedRoot}/${o}`);
  const linked = [...spec.source.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(spec.file), m[1]!))).filter((p) => TEST_FILE.test(p) && !p.startsWith('..'));
  return [...new Set([...owned, ...linked])];
}

export function roundTripWorkspace(input: RoundTripInput): RoundTripWorkspace {
  const { spec, generatedRoot } = input;
  const edits = new Map<string, string>();
  const code = spec.outputs.filter((o) => isCode(o) && !TEST_FILE.test(o) && !TEST_SUPPORT.test(o));
  const tests = spec.outputs.filter((o) => TEST_FILE.test(o));
  // Ready and speccc's: code and fresh tests at the same paths; data and test support are not the agent's to write.
  edits.set(spec.file, editFrontmatter(spec.source, { status: 'ready', owner: null, outputs: [...code, ...tests] }));
  for (const other of input.specs) {
    if (other.id === spec.id || other.kind === 'constraint' || other.owner === 'hand') {
      if (other.id !== spec.id && other.owner === 'hand' && other.status !== 'ready') edits.set(other.file, editFrontmatter(other.source, { status: 'ready' }));
      continue;
    }
    // Built by speccc already: in this workspace its files are simply there, never built again.
    edits.set(other.file, editFrontmatter(other.source, { owner: 'hand', status: 'ready' }));
  }
  const placed = new Map<string, string>();
  const unplaced: RoundTripWorkspace['unplaced'] = [];
  const names = new Set<string>();
  for (const test of input.tests) {
    const check = holdoutOf(test, input);
    if ('why' in check) {
      unplaced.push({ test: test.path, why: check.why });
      continue;
    }
    let name = path.posix.basename(test.path);
    if (names.has(name)) name = `${path.posix.dirname(test.path).replace(/[^A-Za-z0-9]+/g, '-')}-${name}`;
    names.add(name);
    placed.set(test.path, name);
    edits.set(`${ROUND_TRIP_SCENARIOS}/${spec.id}/${name}`, check.content);
  }
  edits.set('speccc.config.json', configWithScenarios(input.rawConfig, generatedRoot));
  return { edits, remove: spec.outputs.map((o) => `${generatedRoot}/${o}`), placed, unplaced };
}

/** The config with the scenarios folder inside the temporary workspace (the real one may be anywhere). */
function configWithScenarios(raw: string | null, generatedRoot: string): string {
  let json: Record<string, unknown> = {};
  try {
    json = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  } catch {
    json = {};
  }
  const paths = { ...((json.paths as Record<string, unknown> | undefined) ?? {}), generated: generatedRoot, scenarios: ROUND_TRIP_SCENARIOS };
  return `${JSON.stringify({ ...json, paths }, null, 2)}\n`;
}

const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+|\b(?:vi|jest)\.(?:mock|doMock|unmock|importActual)\s*\(\s*)(['"])(\.{1,2}\/[^'"\n]*)\2/g;
const GLOBALS = ['describe', 'it', 'test', 'expect', 'beforeEach', 'afterEach', 'beforeAll', 'afterAll', 'vi'] as const;

/**
 * An existing test as a holdout check at `<generated root>/.holdout/<id>/`: relative imports of
 * the code point two levels up; jest's globals come from vitest. A test that imports anything
 * but the code (test data, helpers outside it) cannot run there.
 */
export function holdoutOf(test: SourceText, input: Pick<RoundTripInput, 'generatedRoot' | 'files'>): { content: string } | { why: string } {
  const root = input.generatedRoot;
  let why: string | undefined;
  let content = test.text.replace(SPECIFIER, (whole, head: string, quote: string, specifier: string) => {
    const target = resolveImport(test.path, specifier, input.files);
    if (!target || !target.startsWith(`${root}/`) || !isCode(target) || TEST_FILE.test(target) || TEST_SUPPORT.test(target.slice(root.length + 1))) {
      why ??= `it imports \`${specifier}\`, ${target ? `\`${target}\`, which is not code of the generated root` : 'which is no file of the project'}: a holdout check reaches only the code`;
      return whole;
    }
    return `${head}${quote}${holdoutSpecifier(specifier, target.slice(root.length + 1))}${quote}`;
  });
  if (why) return { why };
  content = content.replace(/(['"])@jest\/globals\1/g, "'vitest'").replace(/\bjest\.(fn|spyOn|mocked|useFakeTimers|useRealTimers|advanceTimersByTime|clearAllMocks|restoreAllMocks)\b/g, 'vi.$1');
  if (!/from\s*['"]vitest['"]/.test(content)) {
    const used = GLOBALS.filter((g) => new RegExp(`(?<![\\w.])${g}\\s*[.(]`).test(content));
    if (used.length > 0) content = `import { ${used.join(', ')} } from 'vitest';\n${content}`;
  }
  return { content };
}

/** `./x` (no extension) stays without one, `./x.js` keeps `.js`, a folder import keeps the folder. */
function holdoutSpecifier(original: string, target: string): string {
  const last = original.split('/').pop()!;
  if (/\.[cm]?[jt]sx?$/.test(last)) {
    const ext = last.slice(last.lastIndexOf('.'));
    return `../../${target.replace(/\.[cm]?[jt]sx?$/, ext)}`;
  }
  if (/(?:^|\/)index\.[cm]?[jt]sx?$/.test(target) && last !== 'index') return `../../${path.posix.dirname(target)}`;
  return `../../${target.replace(/\.[cm]?[jt]sx?$/, '')}`;
}

/**
 * Frontmatter fields rewritten in place, line by line (the rest of the file as written): `status`,
 * `owner` (null removes it), `outputs` (as a block list).
 */
export function editFrontmatter(source: string, edit: { status?: string; owner?: string | null; outputs?: readonly string[] }): string {
  const m = /^(---\r?\n)([\s\S]*?\r?\n)(---(?:\r?\n|$))/.exec(source);
  if (!m) return source;
  let lines = m[2]!.replace(/\r?\n$/, '').split(/\r?\n/);
  const keyAt = (key: string) => lines.findIndex((l) => new RegExp(`^${key}\\s*:`).test(l));
  const drop = (key: string) => {
    const at = keyAt(key);
    if (at < 0) return -1;
    let end = at + 1;
    while (end < lines.length && /^(?:\s+\S|-\s)/.test(lines[end]!)) end++;
    lines = [...lines.slice(0, at), ...lines.slice(end)];
    return at;
  };
  const set = (key: string, value: string[]) => {
    const at = drop(key);
    lines.splice(at < 0 ? lines.length : at, 0, ...value);
  };
  if (edit.status !== undefined) set('status', [`status: ${edit.status}`]);
  if (edit.owner === null) drop('owner');
  else if (edit.owner !== undefined) set('owner', [`owner: ${edit.owner}`]);
  if (edit.outputs) set('outputs', edit.outputs.length === 0 ? ['outputs: []'] : ['outputs:', ...edit.outputs.map((o) => `  - ${/^[A-Za-z0-9_.][\w./-]*$/.test(o) ? o : JSON.stringify(o)}`)]);
  return `${m[1]}${lines.join('\n')}\n${m[3]}${source.slice(m[0].length)}`;
}

/**
 * The files a failed type-check names that are none of the spec's outputs (paths relative to the
 * generated root, as tsc prints them in the sandbox). When every error is in such a file, the
 * building agent could not have fixed it: it is hand-owned code (or another spec's) that does not
 * type-check under speccc's settings, and the round trip judged nothing about this spec.
 */
export function typeErrorsElsewhere(error: string, outputs: readonly string[]): string[] {
  const named = [...new Set([...error.matchAll(/(?:^|[\s:])([^\s():]+\.[cm]?tsx?)\(\d+,\d+\): error TS\d+/gm)].map((m) => m[1]!))];
  if (named.length === 0 || named.some((f) => outputs.includes(f))) return [];
  return named.sort();
}
