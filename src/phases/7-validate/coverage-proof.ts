/**
 * Coverage that a test proves, not claims. A generated test that names a requirement (`[id]` in its
 * title) covers it only when it fails on at least one mutant of the code that names the same
 * requirement (`[id]` in a declaration's comment): a test that asserts nothing, asserts under a
 * false `if`, returns early or swallows its own failure passes every mutant, and covers nothing.
 *
 * A cheap, bounded pass: for each commented declaration, one mutant that changes every value it
 * returns or stores on `this` (`returns`), then one per condition it tests, negated (`conditions`),
 * MAX_PROOF_MUTANTS in all — compiled into the one copy of the code behind switches, and a small
 * driver (assets/prove/driver.mjs) runs the spec's own tests once per mutant in one vitest
 * process, inside the sandbox. Pure here: this module plans the run and reads its result; the
 * runner runs it.
 */
import { createRequire } from 'node:module';
import type TS from 'typescript';
import type { FileTree } from '../../types/index.js';
import { codeRequirements, idsIn } from '../3-check/coverage.js';

const require = createRequire(import.meta.url);
let loaded: typeof TS | undefined;
const tsc = (): typeof TS => (loaded ??= require('typescript') as typeof TS);

/** Where the proof keeps its plan, the active mutant and its result, inside the scratch tree. */
export const PROOF_DIR = '.speccc-prove';
export const PROOF_PLAN = `${PROOF_DIR}/plan.json`;
export const PROOF_RESULT = `${PROOF_DIR}/result.json`;
/** The most mutants one spec's proof runs: it bounds the proof to a few seconds. */
export const MAX_PROOF_MUTANTS = 16;

const SOURCE = /\.(?:[cm]?ts|tsx)$/;
const TEST = /\.(?:test|spec)\.[cm]?[jt]sx?$/;

export interface ProofMutant {
  id: number;
  file: string;
  /** 1-based line of the declaration. */
  line: number;
  operator: 'returns' | 'conditions';
  /** The requirement ids the declaration's comment names. */
  ids: string[];
}

export interface ProofPlan {
  /** Instrumented sources, replacing the originals in the tree. */
  files: Map<string, string>;
  mutants: ProofMutant[];
  /** The spec's test files the driver runs. */
  tests: string[];
}

/** What runs every mutant's switch, and what a switched-on mutant returns instead. Prepended to each instrumented file. */
const PRELUDE = `import { readFileSync as __spcRead } from 'node:fs';
const __spcActive: number = (() => { try { return Number(__spcRead('${PROOF_DIR}/active', 'utf8')) || 0; } catch { return 0; } })();
function __spcMutate(v: any, depth = 0): any {
  if (typeof v === 'number') return Number.isNaN(v) ? 0 : v + 1;
  if (typeof v === 'bigint') return v + 1n;
  if (typeof v === 'string') return v.length > 0 ? v.slice(1) : 'x';
  if (typeof v === 'boolean') return !v;
  if (v === null || v === undefined) return depth > 0 ? 1 : {};
  if (typeof v === 'function') return (...args: any[]) => __spcMutate(v(...args), depth + 1);
  if (v instanceof Promise) return v.then((x) => __spcMutate(x, depth + 1));
  if (Array.isArray(v)) return v.length > 0 ? v.slice(1) : [undefined];
  if (v instanceof Map) return new Map([...v, [Symbol('mutant'), 1]]);
  if (v instanceof Set) return new Set([...v, Symbol('mutant')]);
  if (v instanceof Date) return new Date(v.getTime() + 1);
  if (typeof v === 'object' && depth < 3) {
    const keys = Object.keys(v);
    if (keys.length === 0) return { mutant: 1 };
    const copy = Object.assign(Object.create(Object.getPrototypeOf(v)), v);
    copy[keys[0]!] = __spcMutate(v[keys[0]!], depth + 1);
    return copy;
  }
  return v;
}
function __spcR<T,>(k: number, v: T): T { return (k === __spcActive ? __spcMutate(v) : v) as T; }
function __spcC(k: number, c: unknown): boolean { return k === __spcActive ? !c : Boolean(c); }
`;

/** A node wrapped in a mutant's switch: `fn(k, <node>)`. */
interface Edit {
  start: number;
  end: number;
  fn: string;
  k: number;
}

/** What a declaration can be mutated at: the values it returns or stores on `this`, and each condition it tests. */
interface Sites {
  returns: TS.Node[];
  conditions: TS.Node[];
}

function sitesIn(ts: typeof TS, source: TS.SourceFile, from: number, to: number): Sites {
  const sites: Sites = { returns: [], conditions: [] };
  const visit = (node: TS.Node) => {
    if (node.getEnd() <= from || node.getStart(source) >= to) return;
    if (ts.isReturnStatement(node) && node.expression) sites.returns.push(node.expression);
    else if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) sites.returns.push(node.body);
    // `this.code = code` in a constructor or method: what an object holds is what it gives back.
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && node.left.expression.kind === ts.SyntaxKind.ThisKeyword) sites.returns.push(node.right);
    else if ((ts.isIfStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node)) && node.expression) sites.conditions.push(node.expression);
    else if (ts.isConditionalExpression(node)) sites.conditions.push(node.condition);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return sites;
}

/**
 * The wraps written into the text, nested as the nodes are: where several open at one place the
 * outermost opens first, where several close at one place the innermost closes first, and a close
 * comes before an open at the same place.
 */
function apply(text: string, edits: readonly Edit[]): string {
  const at = new Map<number, { closes: Edit[]; opens: Edit[] }>();
  const slot = (p: number) => at.get(p) ?? at.set(p, { closes: [], opens: [] }).get(p)!;
  for (const e of edits) {
    slot(e.start).opens.push(e);
    slot(e.end).closes.push(e);
  }
  let out = text;
  for (const p of [...at.keys()].sort((a, b) => b - a)) {
    const { closes, opens } = at.get(p)!;
    const insert = closes.sort((a, b) => b.start - a.start).map(() => ')').join('') + opens.sort((a, b) => b.end - a.end).map((e) => `${e.fn}(${e.k}, `).join('');
    out = out.slice(0, p) + insert + out.slice(p);
  }
  return out;
}

/** One commented declaration to mutate: where it is, what it names, what can be mutated in it. */
interface Target {
  file: string;
  source: TS.SourceFile;
  line: number;
  ids: string[];
  sites: Sites;
}

/** The spec's commented declarations that name one of `requirements`, innermost first; a node belongs to the innermost that holds it. */
function targetsOf(ts: typeof TS, tree: FileTree, outputs: readonly string[], requirements: ReadonlySet<string>): Target[] {
  const targets: Target[] = [];
  for (const file of outputs.filter((o) => SOURCE.test(o) && !TEST.test(o) && !o.endsWith('.d.ts') && tree.has(o))) {
    const text = tree.get(file)!;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const lines = source.getLineStarts();
    const spans = codeRequirements(file, text).filter((s) => s.ids.some((id) => requirements.has(id))).sort((a, b) => a.endLine - a.startLine - (b.endLine - b.startLine));
    const taken: [number, number][] = [];
    for (const span of spans) {
      const from = lines[span.startLine - 1]!;
      const to = span.endLine < lines.length ? lines[span.endLine]! : text.length;
      const outside = (n: TS.Node) => !taken.some(([a, b]) => n.getStart(source) >= a && n.getStart(source) < b);
      const all = sitesIn(ts, source, from, to);
      const sites = { returns: all.returns.filter(outside), conditions: all.conditions.filter(outside) };
      taken.push([from, to]);
      if (sites.returns.length + sites.conditions.length > 0) targets.push({ file, source, line: span.startLine, ids: span.ids, sites });
    }
  }
  return targets;
}

/**
 * The proof's plan for one spec: its commented declarations that name one of `requirements` and
 * their mutants — first one per declaration that changes every value it returns, then one per
 * condition it tests, taken a declaration at a time so each gets its share (MAX_PROOF_MUTANTS at
 * most) — and its test files. No plan when nothing is to be proved.
 */
export function planProof(tree: FileTree, outputs: readonly string[], requirements: ReadonlySet<string>): ProofPlan | null {
  const tests = outputs.filter((o) => TEST.test(o) && tree.has(o));
  const named = tests.some((t) => idsIn(tree.get(t)!).some((id) => requirements.has(id)));
  if (!named) return null;
  const targets = targetsOf(tsc(), tree, outputs, requirements);
  const mutants: ProofMutant[] = [];
  const edits = new Map<string, Edit[]>();
  const add = (t: Target, operator: ProofMutant['operator'], nodes: TS.Node[], fn: string) => {
    const k = mutants.length + 1;
    mutants.push({ id: k, file: t.file, line: t.line, operator, ids: t.ids });
    const list = edits.get(t.file) ?? edits.set(t.file, []).get(t.file)!;
    for (const n of nodes) list.push({ start: n.getStart(t.source), end: n.getEnd(), fn, k });
  };
  for (const t of targets) if (t.sites.returns.length > 0 && mutants.length < MAX_PROOF_MUTANTS) add(t, 'returns', t.sites.returns, '__spcR');
  for (let i = 0; mutants.length < MAX_PROOF_MUTANTS; i++) {
    const round = targets.filter((t) => i < t.sites.conditions.length);
    if (round.length === 0) break;
    for (const t of round) if (mutants.length < MAX_PROOF_MUTANTS) add(t, 'conditions', [t.sites.conditions[i]!], '__spcC');
  }
  if (mutants.length === 0) return null;
  const files = new Map([...edits].map(([file, list]) => [file, PRELUDE + apply(tree.get(file)!, list)]));
  return { files, mutants, tests };
}

/** The driver's result: for the baseline (mutant 0) and each mutant, every test's full name and whether it passed. */
export type ProofResult = Record<string, { name: string; passed: boolean }[]>;

/**
 * Requirement id -> the titles (suites joined with ` › `, as in the trace) of the tests naming it
 * that failed on a mutant of code naming it, having passed on the unmutated code.
 */
export function provenCoverage(plan: ProofPlan, result: ProofResult): Map<string, string[]> {
  const baseline = new Map((result['0'] ?? []).map((t) => [t.name, t.passed]));
  const proven = new Map<string, Set<string>>();
  for (const mutant of plan.mutants) {
    for (const test of result[String(mutant.id)] ?? []) {
      if (test.passed || baseline.get(test.name) !== true) continue;
      for (const id of idsIn(test.name)) {
        if (!mutant.ids.includes(id)) continue;
        const set = proven.get(id) ?? new Set();
        set.add(test.name.split(' > ').join(' › '));
        proven.set(id, set);
      }
    }
  }
  return new Map([...proven].map(([id, titles]) => [id, [...titles].sort()]));
}
