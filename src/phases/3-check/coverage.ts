/**
 * Requirement coverage, read from test files as data. Pure: callers hand in file texts.
 *
 * - readTests parses a test file with the TypeScript compiler API (never runs it) and lists its
 *   `it`/`test` calls: title, the requirement ids the title (or an enclosing `describe`) names in
 *   brackets, and whether the body asserts (calls `expect(…)`, `expect.soft(…)`, `assert(…)`,
 *   `assert.x(…)`). Skipped, todo and expected-to-fail tests are not listed, nor those a constant
 *   `skipIf`/`runIf` never runs or an empty `each` table never makes: they cover nothing.
 * - codeRequirements lists the declarations of generated code whose leading comment names ids,
 *   so a surviving mutant's line can be mapped to the requirements it sits in.
 * - traceRequirements: requirement -> the asserting generated tests and holdouts that name it.
 * - checkRequirementCoverage: `requirement-untested` for each requirement of a built spec that
 *   nothing covers.
 *
 * TypeScript is loaded on first use: a workspace with nothing built never pays for it.
 */
import { createRequire } from 'node:module';
import type TS from 'typescript';
import { yaml } from '../../yaml.js';
import type { CodeRequirements, Diagnostic, HoldoutCoverage, HoldoutText, Manifest, ManifestEntry, Requirement, RequirementTrace, Spec, TestCase, TestReader, Workspace } from '../../types/index.js';
import { diagnostics as d } from '../../diagnostics/messages.js';
import { closest } from '../../diagnostics/closest.js';
import { createLineIndex } from '../1-parse/line-index.js';

const require = createRequire(import.meta.url);
let loaded: typeof TS | undefined;
const ts = (): typeof TS => (loaded ??= require('typescript') as typeof TS);

export const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/;

/** A requirement id: `<kebab-case spec id>#<local>` (the spec id qualified `member:id` in a monorepo), the local part as pinned ids allow (src/phases/2-model/pinned.ts). */
const ID = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*:)?[a-z0-9]+(?:-[a-z0-9]+)*#[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
/** A bracketed list of ids: `[a#R-x]`, `[a#R-x, a#E-y]`. */
const BRACKETS = /\[([^\][\n]{1,2000})\]/g;

/** Requirement ids named in brackets in a text, in order, once each. */
export function idsIn(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(BRACKETS)) {
    const inside = m[1]!;
    // Every token of the bracket must be an id: `[see a#R-x]` is prose, not a reference.
    const tokens = inside.split(/[\s,]+/).filter(Boolean);
    if (tokens.length === 0 || !tokens.every((t) => ID.test(t))) continue;
    for (const t of tokens) out.add(t);
  }
  return [...out];
}

const TEST_NAMES = new Set(['it', 'test']);
const SUITE_NAMES = new Set(['describe', 'suite']);
const SKIPPED_ROOTS = new Set(['xit', 'xtest', 'xdescribe']);
/** Modifiers that mean the body never runs, or passes only when it fails. */
const NOT_RUN = new Set(['skip', 'todo', 'fails']);

/** `it`, `it.only`, `it.each(t)`, `test.concurrent.skipIf(c)`, …: the root name, every modifier, and the argument each called modifier took. */
function calleeChain(expr: TS.Expression): { root: string; mods: string[]; args: Map<string, TS.Expression | undefined> } | null {
  const t = ts();
  const mods: string[] = [];
  const args = new Map<string, TS.Expression | undefined>();
  let e: TS.Expression = expr;
  for (;;) {
    if (t.isIdentifier(e)) return { root: e.text, mods, args };
    if (t.isPropertyAccessExpression(e)) {
      mods.unshift(e.name.text);
      e = e.expression;
    } else if (t.isCallExpression(e)) {
      // it.each(table)(…), it.skipIf(x)(…): keep what the modifier was given
      if (t.isPropertyAccessExpression(e.expression)) args.set(e.expression.name.text, e.arguments[0]);
      e = e.expression;
    } else return null;
  }
}

/** A literal's truth, or undefined when it is not a constant (`true`, `0`, `''`, `!1`, `null`, `undefined`, `void 0`). */
function constantTruth(node: TS.Expression | undefined): boolean | undefined {
  const t = ts();
  if (!node) return undefined;
  while (t.isParenthesizedExpression(node)) node = node.expression;
  if (node.kind === t.SyntaxKind.TrueKeyword) return true;
  if (node.kind === t.SyntaxKind.FalseKeyword || node.kind === t.SyntaxKind.NullKeyword) return false;
  if (t.isIdentifier(node) && node.text === 'undefined') return false;
  if (t.isVoidExpression(node)) return false;
  if (t.isNumericLiteral(node)) return Number(node.text) !== 0;
  if (t.isStringLiteral(node) || t.isNoSubstitutionTemplateLiteral(node)) return node.text !== '';
  if (t.isPrefixUnaryExpression(node) && node.operator === t.SyntaxKind.ExclamationToken) {
    const inner = constantTruth(node.operand);
    return inner === undefined ? undefined : !inner;
  }
  return undefined;
}

/**
 * A modifier that means the body never runs: `skip`, `todo`, `fails`, `skipIf(<always true>)`,
 * `runIf(<always false>)`, `each([])` (an empty table makes no test).
 */
function neverRuns(chain: { mods: string[]; args: Map<string, TS.Expression | undefined> }): boolean {
  const t = ts();
  if (chain.mods.some((m) => NOT_RUN.has(m))) return true;
  if (chain.args.has('skipIf') && constantTruth(chain.args.get('skipIf')) === true) return true;
  if (chain.args.has('runIf') && constantTruth(chain.args.get('runIf')) === false) return true;
  const table = chain.args.get('each') ?? chain.args.get('for');
  return table !== undefined && t.isArrayLiteralExpression(table) && table.elements.length === 0;
}

function titleOf(arg: TS.Expression | undefined, source: TS.SourceFile): string {
  const t = ts();
  if (!arg) return '';
  if (t.isStringLiteral(arg) || t.isNoSubstitutionTemplateLiteral(arg)) return arg.text;
  if (t.isTemplateExpression(arg)) return arg.head.text + arg.templateSpans.map((s) => '${…}' + s.literal.text).join('');
  return arg.getText(source);
}

function isAssertion(call: TS.CallExpression): boolean {
  const t = ts();
  const callee = call.expression;
  if (t.isIdentifier(callee)) return ['expect', 'assert', 'expectTypeOf', 'assertType'].includes(callee.text);
  if (t.isPropertyAccessExpression(callee)) {
    const chain = calleeChain(callee);
    if (!chain) return false;
    if (chain.root === 'assert') return true;
    // expect.soft(x).toBe(y) and expect.poll(f) assert; expect.assertions(n), expect.objectContaining(…) do not by themselves.
    return chain.root === 'expect' && (chain.mods[0] === 'soft' || chain.mods[0] === 'poll');
  }
  return false;
}

function asserts(body: TS.Node): boolean {
  const t = ts();
  let found = false;
  const visit = (node: TS.Node) => {
    if (found) return;
    if (t.isCallExpression(node) && isAssertion(node)) {
      found = true;
      return;
    }
    t.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

const scriptKind = (file: string) => (/\.[cm]?[jt]sx$/.test(file) ? ts().ScriptKind.TSX : /\.[cm]?js$/.test(file) ? ts().ScriptKind.JS : ts().ScriptKind.TS);

/** The tests of one file. A file that does not parse yields what the parser recovered (possibly nothing). */
export function readTests(file: string, text: string): TestCase[] {
  const t = ts();
  const source = t.createSourceFile(file, text, t.ScriptTarget.Latest, true, scriptKind(file));
  const out: TestCase[] = [];
  const visit = (node: TS.Node, suites: { title: string; ids: string[] }[]) => {
    if (t.isCallExpression(node)) {
      const chain = calleeChain(node.expression);
      const fn = node.arguments.find((a) => t.isFunctionExpression(a) || t.isArrowFunction(a));
      if (chain && (TEST_NAMES.has(chain.root) || SUITE_NAMES.has(chain.root) || SKIPPED_ROOTS.has(chain.root))) {
        const skipped = SKIPPED_ROOTS.has(chain.root) || neverRuns(chain);
        const title = titleOf(node.arguments[0], source);
        const ids = idsIn(title);
        if (SUITE_NAMES.has(chain.root) || chain.root === 'xdescribe') {
          if (skipped) return; // nothing inside a skipped suite runs
          if (fn) t.forEachChild(fn, (child) => visit(child, [...suites, { title, ids }]));
          return;
        }
        if (!skipped && fn) {
          const inherited = suites.flatMap((s) => s.ids);
          out.push({
            title: [...suites.map((s) => s.title), title].join(' › '),
            ids: [...new Set([...inherited, ...ids])],
            asserts: asserts(fn.body),
            line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
          });
        }
        return; // tests do not nest
      }
    }
    t.forEachChild(node, (child) => visit(child, suites));
  };
  visit(source, []);
  return out;
}

/** Declarations whose leading comment names requirement ids, with their line ranges. */
export function codeRequirements(file: string, text: string): CodeRequirements[] {
  const t = ts();
  const source = t.createSourceFile(file, text, t.ScriptTarget.Latest, true, scriptKind(file));
  const out: CodeRequirements[] = [];
  const visit = (node: TS.Node) => {
    if (
      t.isFunctionDeclaration(node) || t.isClassDeclaration(node) || t.isMethodDeclaration(node) || t.isConstructorDeclaration(node) ||
      t.isVariableStatement(node) || t.isGetAccessorDeclaration(node) || t.isSetAccessorDeclaration(node) || t.isPropertyDeclaration(node)
    ) {
      const comments = t.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
      const ids = idsIn(comments.map((c) => text.slice(c.pos, c.end)).join('\n'));
      if (ids.length > 0) {
        out.push({
          startLine: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
          endLine: source.getLineAndCharacterOfPosition(node.getEnd()).line + 1,
          ids,
        });
      }
    }
    t.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The requirement ids of the innermost commented declaration around a line (none when no comment names any). */
export function requirementsAtLine(spans: readonly CodeRequirements[], line: number): string[] {
  let best: CodeRequirements | undefined;
  for (const s of spans) {
    if (line < s.startLine || line > s.endLine) continue;
    if (!best || s.endLine - s.startLine < best.endLine - best.startLine) best = s;
  }
  return best?.ids ?? [];
}

/** `covers:` of a scenario's markdown frontmatter: a list of ids (or one id). Anything else covers nothing. */
export function scenarioCovers(markdown: string): string[] {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?(?:\n|$)/.exec(markdown);
  if (!m) return [];
  let data: unknown;
  try {
    data = yaml().parse(m[1]!, { maxAliasCount: 0 });
  } catch {
    return [];
  }
  const covers = data && typeof data === 'object' ? (data as { covers?: unknown }).covers : undefined;
  const list = typeof covers === 'string' ? [covers] : Array.isArray(covers) ? covers : [];
  return [...new Set(list.filter((c): c is string => typeof c === 'string').map((c) => c.trim()).filter(Boolean))];
}

export function holdoutCoverage(texts: readonly HoldoutText[], read: TestReader = readTests): HoldoutCoverage[] {
  return texts.map((h) => ({
    spec: h.spec,
    name: h.name,
    check: h.check,
    covers: h.markdown === null ? [] : scenarioCovers(h.markdown),
    tests: h.check !== null && h.code !== null ? read(h.check, h.code) : [],
  }));
}

/** Which ids a holdout covers: those its asserting tests name, and its `covers:` list when at least one of its tests asserts. */
export function holdoutIds(h: HoldoutCoverage): string[] {
  const asserting = h.tests.filter((t) => t.asserts);
  if (asserting.length === 0) return [];
  return [...new Set([...h.covers, ...asserting.flatMap((t) => t.ids)])];
}

export interface GeneratedTests {
  /** Relative to the generated root. */
  file: string;
  tests: TestCase[];
}

/** A build's coverage proof: requirement id -> titles of the tests that failed on a mutant of code naming it (Verdict.proof). */
export type CoverageProof = Readonly<Record<string, readonly string[]>>;

/** The coverage proof a promoted spec's build recorded; undefined when none ran or it could not run (a crash proves nothing either way). */
export function recordedProof(entry: ManifestEntry | undefined): CoverageProof | undefined {
  const proof = entry?.verdict?.proof;
  return proof && proof.error === undefined ? proof.proven : undefined;
}

/** Whether a test proved `id` by the proof (undefined: no proof ran, so nothing says either way). */
const provenBy = (proof: CoverageProof | undefined, id: string, title: string) => (proof === undefined ? undefined : (proof[id] ?? []).includes(title));

export function traceRequirements(requirements: readonly Requirement[], generated: readonly GeneratedTests[], holdouts: readonly HoldoutCoverage[], proof?: CoverageProof): RequirementTrace[] {
  const byId = new Map<string, RequirementTrace>(requirements.map((r) => [r.id, { id: r.id, kind: r.kind, tests: [], holdouts: [] }]));
  for (const g of generated) {
    for (const test of g.tests) {
      if (!test.asserts) continue;
      for (const id of test.ids) {
        const proven = provenBy(proof, id, test.title);
        byId.get(id)?.tests.push({ file: g.file, title: test.title, ...(proven === undefined ? {} : { proven }) });
      }
    }
  }
  for (const h of holdouts) for (const id of holdoutIds(h)) byId.get(id)?.holdouts.push(`${h.spec}/${h.name}`);
  return [...byId.values()];
}

/**
 * The specs whose trace can be judged: ready, with outputs, built (in the manifest), and with
 * every recorded output on disk as recorded (drift and deletions are reported as such).
 */
export function builtSpecs(workspace: Workspace, manifest: Manifest, hashes: ReadonlyMap<string, string>): Spec[] {
  return [...workspace.byId.values()].filter((spec) => {
    const fm = spec.frontmatter!;
    if (fm.status !== 'ready' || fm.kind === 'constraint' || fm.outputs.length === 0) return false;
    const entry = manifest.specs.get(fm.id);
    return entry !== undefined && Object.entries(entry.outputs).every(([p, hash]) => hashes.get(p) === hash);
  });
}

/**
 * The built specs whose coverage `check` judges: not those whose id another spec shares, since
 * which of the namesakes the manifest's entry and its tests belong to is unknown (duplicate-id).
 */
export function judgedSpecs(workspace: Workspace, manifest: Manifest, hashes: ReadonlyMap<string, string>): Spec[] {
  return builtSpecs(workspace, manifest, hashes).filter((spec) => !workspace.sharedIds.has(spec.frontmatter!.id));
}

/** Every generated test file of the given specs, parsed. */
export function generatedTestsOf(specs: readonly Spec[], files: ReadonlyMap<string, string>, read: TestReader = readTests): GeneratedTests[] {
  return specs
    .flatMap((s) => s.frontmatter!.outputs)
    .filter((p) => TEST_FILE.test(p) && files.has(p))
    .sort()
    .map((file) => ({ file, tests: read(file, files.get(file)!) }));
}

const KIND_WORDS = { rule: 'rule', 'edge-case': 'edge case', scenario: 'scenario', property: 'property' } as const;

/** Where a test file (or a holdout's markdown) names requirement ids, with its text to locate them in. */
export interface NamingFile {
  /** Workspace-relative path. */
  file: string;
  text: string;
  /** Ids its tests (or its `covers:` list) name, in order. */
  ids: readonly string[];
  /** A generated test file (rebuilt from the spec) or a holdout (written by hand). */
  kind: 'generated' | 'holdout';
}

/** The files whose ids are judged: the generated tests of the judged specs, and every holdout check and scenario. */
export function namingFiles(workspace: Workspace, generated: readonly GeneratedTests[], files: ReadonlyMap<string, string>, holdouts: readonly HoldoutCoverage[], texts: readonly HoldoutText[]): NamingFile[] {
  const out: NamingFile[] = [];
  const { generated: generatedRoot, scenarios } = workspace.folders;
  for (const g of generated) out.push({ file: `${generatedRoot}/${g.file}`, text: files.get(g.file) ?? '', ids: g.tests.flatMap((t) => t.ids), kind: 'generated' });
  const raws = new Map(texts.map((h) => [`${h.spec}/${h.name}`, h]));
  for (const h of holdouts) {
    const raw = raws.get(`${h.spec}/${h.name}`);
    if (h.check !== null) out.push({ file: `${scenarios}/${h.check}`, text: raw?.code ?? '', ids: h.tests.flatMap((t) => t.ids), kind: 'holdout' });
    if (h.covers.length > 0 && raw?.markdown) out.push({ file: `${scenarios}/${h.spec}/${h.name}.md`, text: raw.markdown, ids: h.covers, kind: 'holdout' });
  }
  return out;
}

/**
 * `requirement-id-unknown` for each id a test or holdout names that no spec has (a rule removed
 * after the build, a typo in a hand-written check): once per file and id, at the id's first
 * mention, with the nearest id of the same spec as the likely intent.
 */
export function unknownRequirementIds(workspace: Workspace, naming: readonly NamingFile[]): Diagnostic[] {
  const known = new Set<string>();
  const bySpec = new Map<string, string[]>();
  for (const { spec } of workspace.files) {
    for (const r of spec?.requirements ?? []) {
      known.add(r.id);
      const prefix = r.id.slice(0, r.id.indexOf('#'));
      let list = bySpec.get(prefix);
      if (!list) bySpec.set(prefix, (list = []));
      list.push(r.id);
    }
  }
  const out: Diagnostic[] = [];
  for (const n of naming) {
    const unknown = [...new Set(n.ids)].filter((id) => !known.has(id));
    if (unknown.length === 0) continue;
    const lines = createLineIndex(n.text);
    for (const id of unknown) {
      const at = n.text.indexOf(id);
      const siblings = bySpec.get(id.slice(0, id.indexOf('#')));
      const near = closest(id, siblings ?? known);
      // With nothing close, the spec's current ids (a few) say what the test could name instead.
      const current = siblings ? ` (its spec has ${siblings.slice(0, 4).map((s) => `\`${s}\``).join(', ')}${siblings.length > 4 ? ', …' : ''})` : '';
      out.push(
        d.requirementIdUnknown({
          file: n.file,
          span: at < 0 ? lines.span(0, 0) : lines.span(at, at + id.length),
          message: `${n.kind === 'generated' ? 'Generated test' : 'Holdout'} names requirement \`${id}\`, which no spec has; expected the id of a current rule, edge case or scenario`,
          hint: near
            ? `Did you mean \`${near}\`?`
            : n.kind === 'generated'
              ? `Rebuild the spec (\`speccc build\`): its tests then name its current ids${current}.`
              : `Correct the id${current}, or remove it if the requirement is gone.`,
        }),
      );
    }
  }
  return out;
}

export function checkRequirementCoverage(input: {
  workspace: Workspace;
  manifest: Manifest;
  hashes: ReadonlyMap<string, string>;
  /** Generated files by path (headers included, as on disk). */
  files: ReadonlyMap<string, string>;
  holdouts: readonly HoldoutText[];
  read?: TestReader;
}): Diagnostic[] {
  const built = judgedSpecs(input.workspace, input.manifest, input.hashes);
  // With nothing built no test file is parsed (TypeScript is not even loaded), holdouts included.
  if (built.length === 0) return [];
  const generated = generatedTestsOf(built, input.files, input.read);
  const holdouts = holdoutCoverage(input.holdouts, input.read);
  return [
    ...built.flatMap((spec) => untestedRequirements(spec, generated, holdouts, recordedProof(input.manifest.specs.get(spec.frontmatter!.id)))),
    ...unknownRequirementIds(input.workspace, namingFiles(input.workspace, generated, input.files, holdouts, input.holdouts)),
  ];
}

/** A test covers a requirement when it asserts and names it, and — when the build proved coverage — failed on a mutant of the code naming it. */
const counts = (t: RequirementTrace['tests'][number]) => t.proven !== false;

/**
 * `requirement-untested` for each requirement of one built spec that no holdout covers and no
 * asserting test names — or, when the build proved coverage (`proof`), that no test naming it
 * failed on a mutant of the code naming it: such tests assert nothing about it.
 */
export function untestedRequirements(spec: Spec, generated: readonly GeneratedTests[], holdouts: readonly HoldoutCoverage[], proof?: CoverageProof): Diagnostic[] {
  const out: Diagnostic[] = [];
  const traces = new Map(traceRequirements(spec.requirements, generated, holdouts, proof).map((t) => [t.id, t]));
  for (const r of spec.requirements) {
    const t = traces.get(r.id)!;
    if (t.tests.some(counts) || t.holdouts.length > 0) continue;
    const named = t.tests.length;
    out.push(
      d.requirementUntested({
        file: spec.file,
        span: r.span,
        message:
          named === 0
            ? `Requirement \`${r.id}\` (${KIND_WORDS[r.kind]}) is covered by no generated test that asserts and no holdout scenario`
            : `Requirement \`${r.id}\` (${KIND_WORDS[r.kind]}) is named by ${named} generated test${named === 1 ? '' : 's'}, but none failed when the code that names it was mutated: ${named === 1 ? 'it does' : 'they do'} not pin it down`,
        hint:
          named === 0
            ? `Rebuild the spec (its tests must name \`[${r.id}]\`), or write a holdout scenario with \`covers: [${r.id}]\`.`
            : `Rebuild the spec: the function that implements it must name \`[${r.id}]\` in its comment, and a test naming it must assert what it returns; or write a holdout scenario with \`covers: [${r.id}]\`.`,
      }),
    );
  }
  return out;
}

/** A check's last known result: from the latest verify run, or from the build that promoted its spec. */
export interface KnownResult {
  passed: boolean;
  at: string;
  source: 'build' | 'verify';
}

export interface TracedTest {
  /** Relative to the generated root. */
  file: string;
  line: number;
  title: string;
  /** Whether the build's coverage proof saw it fail on a mutant of the code naming the requirement; null when no proof ran. */
  proven: boolean | null;
  /** A promoted spec's own tests passed when it was built. */
  result: KnownResult | null;
}

export interface TracedHoldout {
  /** `<spec>/<name>`. */
  name: string;
  /** Relative to the scenarios folder, or null when it has no automated check. */
  check: string | null;
  result: KnownResult | null;
}

export interface TracedRequirement {
  id: string;
  kind: Requirement['kind'];
  text: string;
  /** 1-based line in the spec. */
  line: number;
  tests: TracedTest[];
  holdouts: TracedHoldout[];
}

export interface TracedSpec {
  spec: string;
  file: string;
  /** `drifted`: generated files differ from the manifest, so their tests are not counted. */
  state: 'built' | 'not-built' | 'drifted';
  builtAt: string | null;
  requirements: TracedRequirement[];
}

/** `speccc trace`: for each spec, each requirement with the tests and holdouts that cover it and their last results. */
export function traceReport(input: {
  specs: readonly Spec[];
  workspace: Workspace;
  manifest: Manifest;
  hashes: ReadonlyMap<string, string>;
  files: ReadonlyMap<string, string>;
  holdouts: readonly HoldoutText[];
  /** `<spec>/<scenario>` -> its result in the latest verify run that ran it. */
  lastVerified: ReadonlyMap<string, { passed: boolean; at: string }>;
}): TracedSpec[] {
  const built = builtSpecs(input.workspace, input.manifest, input.hashes);
  const builtIds = new Set(built.map((s) => s.frontmatter!.id));
  const ownerOf = new Map(built.flatMap((s) => s.frontmatter!.outputs.map((o) => [o, s.frontmatter!.id] as const)));
  const generated = generatedTestsOf(built, input.files);
  const holdouts = holdoutCoverage(input.holdouts);
  const builtAt = (id: string) => input.manifest.specs.get(id)?.builtAt ?? null;
  const holdoutResult = (h: HoldoutCoverage): KnownResult | null => {
    const verified = input.lastVerified.get(`${h.spec}/${h.name}`);
    const entry = input.manifest.specs.get(h.spec);
    // Promotion waits for holdouts: a spec promoted with holdouts passed had every check pass then.
    const atBuild = entry?.holdout === 'passed' ? { passed: true, at: entry.builtAt, source: 'build' as const } : null;
    if (verified && (!atBuild || verified.at >= atBuild.at)) return { ...verified, source: 'verify' };
    return atBuild;
  };
  return input.specs.map((spec) => {
    const id = spec.frontmatter!.id;
    const state = builtIds.has(id) ? 'built' : input.manifest.specs.has(id) ? 'drifted' : 'not-built';
    return {
      spec: id,
      file: spec.file,
      state,
      builtAt: builtAt(id),
      requirements: spec.requirements.map((r) => ({
        id: r.id,
        kind: r.kind,
        text: r.text,
        line: r.span.start.line,
        tests: generated.flatMap((g) =>
          g.tests
            .filter((t) => t.asserts && t.ids.includes(r.id))
            .map((t) => {
              const owner = ownerOf.get(g.file);
              const at = owner ? builtAt(owner) : null;
              const proven = provenBy(recordedProof(input.manifest.specs.get(id)), r.id, t.title);
              return { file: g.file, line: t.line, title: t.title, proven: proven ?? null, result: at ? { passed: true, at, source: 'build' as const } : null };
            }),
        ),
        holdouts: holdouts.filter((h) => holdoutIds(h).includes(r.id)).map((h) => ({ name: `${h.spec}/${h.name}`, check: h.check, result: holdoutResult(h) })),
      })),
    };
  });
}
