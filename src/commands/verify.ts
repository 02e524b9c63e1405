import path from 'node:path';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { Option } from 'commander';
import type { MutationResult, ScenarioVerdict, Survivor } from '../types/index.js';
import type { VerifyHistoryLine } from '../io/verify-history.js';
import { EXIT, inWorkspace, readyIdUnknown, UsageError, type CliIo, type RegisterCommand } from './shared.js';
import { closest } from '../diagnostics/closest.js';
import { requireStryker } from './stryker.js';
import { readGeneratedTree } from '../io/generated-tree.js';
import { recoverUnderLock } from '../io/recover.js';
import { SPECCC_VERSION } from '../version.js';

interface VerifyFlags {
  root?: string;
  scenarios?: string;
  format: 'text' | 'json';
  history?: boolean;
  mutate?: boolean;
  twin?: string;
  seed?: string;
}

interface SpecVerdict {
  spec: string;
  scenarios: ScenarioVerdict[];
  passed: boolean;
  mutation?: SpecMutation;
}

/** `verify --mutate`: one spec's mutation score (the Stryker run's counts), or why it has none. */
interface SpecMutation extends Omit<MutationResult, 'survivors'> {
  files: string[];
  durationMs: number;
  /** Mutants no holdout caught, each with the requirement ids of the code it sits in (from the code's `[id]` comments). */
  survivors: (Survivor & { requirements: string[] })[];
  /** Set when nothing was scored. */
  error?: string;
  /** Below `promotion.minMutationScore`. */
  belowMinimum?: boolean;
}

export async function runVerify(io: CliIo, specId: string | undefined, flags: VerifyFlags): Promise<number> {
  return inWorkspace(io, flags.root, async (root) => {
    if (flags.history) return showHistory(io, root, flags.format);
    if (flags.mutate) requireStryker();
    await recoverUnderLock(root, null);
    const { check } = await import('../compile.js');
    const { createGate, takeCredentials } = await import('../runtime.js');
    const { appendVerifyHistory } = await import('../io/verify-history.js');
    const { buildableInOrder } = await import('../phases/5-plan/index.js');
    const checked = await check({ root });
    if (checked.configBroken) throw new UsageError('speccc.config.json is invalid; run `speccc check` to see where');
    const { config } = checked;
    const scenariosDir = path.resolve(flags.scenarios ? io.cwd : root, flags.scenarios ?? config.paths.scenarios);
    if (!(await fs.stat(scenariosDir).then((s) => s.isDirectory(), () => false))) {
      throw new UsageError(`scenarios folder ${scenariosDir} does not exist; pass --scenarios DIR or set paths.scenarios`);
    }
    if (flags.twin !== undefined) {
      const { runFidelity } = await import('./fidelity.js');
      return runFidelity(io, { root, twin: flags.twin, config, workspace: checked.workspace, scenariosDir, format: flags.format });
    }
    const { twinsUsedBy } = await import('../phases/2-model/twins.js');
    const buildable = buildableInOrder(checked.workspace);
    if (specId !== undefined && !buildable.some((s) => s.frontmatter!.id === specId)) {
      throw new UsageError(readyIdUnknown(specId, buildable.map((s) => s.frontmatter!.id)));
    }
    const gate = createGate({
      config,
      credentials: takeCredentials(io.env),
      mutationConcurrency: Math.max(1, Math.min(4, os.availableParallelism())),
    });
    for (const warning of gate.warnings) io.stderr(`speccc: warning: ${warning}\n`);
    const { readHoldoutSet } = await import('../io/holdouts.js');
    const [tree, holdouts] = await Promise.all([readGeneratedTree(path.join(root, config.paths.generated), SPECCC_VERSION), readHoldoutSet(scenariosDir)]);
    const specs = buildable.filter((s) => specId === undefined || s.frontmatter!.id === specId).sort((a, b) => (a.frontmatter!.id < b.frontmatter!.id ? -1 : 1));
    const verdicts: SpecVerdict[] = [];
    const unverified: string[] = [];
    const minimum = config.promotion.minMutationScore;
    const seed = seedOf(flags.seed);
    for (const spec of specs) {
      const id = spec.frontmatter!.id;
      const twins = twinsUsedBy(spec, checked.workspace);
      const checks = holdouts.get(id) ?? [];
      const run = await gate.validator.holdout({ specId: id, checks, tree: tree.files, twins, signal: io.signal, ...(seed !== undefined ? { seed } : {}) });
      if (run.scenarios.length === 0) {
        unverified.push(id);
        continue;
      }
      const verdict: SpecVerdict = { spec: id, scenarios: run.scenarios, passed: run.passed };
      if (flags.mutate) {
        const files = mutationTargets(spec.frontmatter!.outputs, tree.files);
        if (!run.passed) verdict.mutation = notScored(files, 'its holdout scenarios fail: mutants are judged only against passing scenarios');
        else {
          io.stderr(`… mutation testing ${id} (${files.join(', ') || 'no file'}) against ${run.scenarios.length} holdout scenario${run.scenarios.length === 1 ? '' : 's'}\n`);
          const m = await gate.validator.mutate({ specId: id, checks, tree: tree.files, mutate: files, twins, signal: io.signal, ...(seed !== undefined ? { seed } : {}) });
          verdict.mutation = m.result ? await scored(files, m.result, m.durationMs, tree.files, minimum) : notScored(files, m.error ?? 'not scored', m.durationMs);
        }
      }
      verdicts.push(verdict);
    }
    // Hidden folders are not spec folders: the recommended scenarios repository has .git/ (and often .github/).
    const folders = (await fs.readdir(scenariosDir, { withFileTypes: true })).filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => d.name);
    const unknown = specId === undefined ? folders.filter((f) => !checked.workspace.byId.has(f)).sort() : [];

    const all = verdicts.flatMap((v) => v.scenarios);
    const passed = all.filter((s) => s.passed).length;
    const mutated = verdicts.filter((v) => v.mutation && v.mutation.error === undefined);
    const line: VerifyHistoryLine = {
      at: new Date().toISOString(),
      results: verdicts.flatMap((v) => v.scenarios.map((s) => ({ spec: v.spec, scenario: s.name, passed: s.passed, ...(s.failure ? { failure: s.failure } : {}), ...(s.property ? { property: s.property } : {}) }))),
      unverified,
      ...(mutated.length > 0
        ? { mutation: mutated.map(({ spec, mutation: m }) => ({ spec, score: m!.score, killed: m!.killed, survived: m!.survived, timedOut: m!.timedOut, noCoverage: m!.noCoverage, total: m!.total, durationMs: m!.durationMs })) }
        : {}),
    };
    await appendVerifyHistory(root, line);
    if (flags.mutate) await writeSurvivors(root, line.at, verdicts);

    const mutationFails = verdicts.some((v) => v.mutation && (v.mutation.error !== undefined || v.mutation.belowMinimum));
    if (flags.format === 'json') {
      io.stdout(JSON.stringify({ specs: verdicts, unverified, passed, failed: all.length - passed, total: all.length, unknownSpecs: unknown, ...(minimum !== undefined ? { minMutationScore: minimum } : {}) }, null, 2) + '\n');
    } else {
      for (const v of verdicts) {
        const ok = v.scenarios.filter((s) => s.passed).length;
        const failedNames = v.scenarios.filter((s) => !s.passed).map((s) => s.name);
        io.stdout(`${v.passed ? '✔' : '✖'} ${v.spec}: ${ok}/${v.scenarios.length} scenarios pass${failedNames.length ? ` — failing: ${failedNames.join(', ')}` : ''}\n`);
        for (const s of v.scenarios) if (!s.passed && s.failure) io.stdout(`    ${s.name}: ${s.failure.split('\n').join('\n      ')}\n`);
        const property = v.scenarios.find((s) => s.property)?.property;
        if (property) io.stdout(`    properties ran ${property.runs} inputs each with seed ${property.seed} (replay: speccc verify ${v.spec} --seed ${property.seed})\n`);
        if (v.mutation) printMutation(io, v.mutation, minimum);
      }
      for (const u of unverified) io.stdout(`⚠ ${u}: unverified — no automated holdout check (write one, or run \`speccc scenarios generate ${u}\`)${flags.mutate ? '; no mutation score' : ''}\n`);
      for (const u of unknown) {
        const near = closest(u, checked.workspace.byId.keys());
        io.stdout(`⚠ ${path.relative(io.cwd, path.join(scenariosDir, u))}/ names no spec in this workspace; its scenarios were not run${near ? ` (did you mean ${near}/?)` : ''}\n`);
      }
      const share = all.length === 0 ? 0 : Math.round((100 * passed) / all.length);
      const tail = unverified.length > 0 ? `; ${unverified.length} of ${specs.length} specs unverified` : '';
      io.stdout(`${passed === all.length && all.length > 0 ? '✔' : '✖'} ${passed} of ${all.length} scenarios pass (satisfaction ${all.length === 0 ? 'unknown' : `${share}%`})${tail}\n`);
    }
    return passed === all.length && all.length > 0 && !mutationFails ? EXIT.ok : EXIT.failed;
  });
}

/** Where the last `verify --mutate` run keeps its surviving mutants, each with where it sits and the requirements it touches. */
export const SURVIVORS_FILE = path.join('.speccc', 'verify', 'survivors.json');

/**
 * The last mutation run's survivors, whole (file, start and end, mutator, the code replaced and
 * its replacement, requirement ids), for people and tools that turn them into new holdout
 * scenarios. Replaced by every `verify --mutate` run; never read by a generating agent.
 */
async function writeSurvivors(root: string, at: string, verdicts: SpecVerdict[]): Promise<void> {
  const { writeInside } = await import('../io/safe-write.js');
  const specs = verdicts.filter((v) => v.mutation && v.mutation.error === undefined).map((v) => ({ spec: v.spec, score: v.mutation!.score, files: v.mutation!.files, survivors: v.mutation!.survivors }));
  await writeInside(root, SURVIVORS_FILE, `${JSON.stringify({ at, specs }, null, 2)}\n`, { atomic: true });
}

/** `--seed`: fast-check's seed for property holdouts, to replay a run; a 32-bit integer. */
function seedOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d{1,10}$/.test(text) || Math.abs(Number(text)) > 0x7fffffff) throw new UsageError(`--seed ${text} is not a 32-bit integer; expected the seed a property run printed`);
  return Number(text);
}

/** What a mutation run mutates: the spec's generated TypeScript and JavaScript, never its tests. */
function mutationTargets(outputs: readonly string[], files: ReadonlyMap<string, string>): string[] {
  return outputs.filter((o) => /\.[cm]?[jt]sx?$/.test(o) && !/\.(?:test|spec)\.[cm]?[jt]sx?$/.test(o) && !/\.d\.ts$/.test(o) && files.has(o));
}

function notScored(files: string[], error: string, durationMs = 0): SpecMutation {
  return { files, score: null, killed: 0, survived: 0, timedOut: 0, noCoverage: 0, total: 0, durationMs, survivors: [], error };
}

async function scored(files: string[], r: MutationResult, durationMs: number, tree: ReadonlyMap<string, string>, minimum: number | undefined): Promise<SpecMutation> {
  const { codeRequirements, requirementsAtLine } = await import('../phases/3-check/coverage.js');
  const spans = new Map(files.map((f) => [f, codeRequirements(f, tree.get(f) ?? '')]));
  return {
    files,
    score: r.score,
    killed: r.killed,
    survived: r.survived,
    timedOut: r.timedOut,
    noCoverage: r.noCoverage,
    total: r.total,
    durationMs,
    survivors: r.survivors.map((s) => ({ ...s, requirements: requirementsAtLine(spans.get(s.file) ?? [], s.line) })),
    ...(minimum !== undefined && (r.score === null || r.score < minimum) ? { belowMinimum: true } : {}),
  };
}

const percent = (score: number | null) => (score === null ? 'none' : `${score.toFixed(score % 1 === 0 ? 0 : 1)}%`);

function printMutation(io: CliIo, m: SpecMutation, minimum: number | undefined): void {
  if (m.error !== undefined) {
    io.stdout(`  ✖ mutation score: not scored — ${m.error.split('\n')[0]}\n`);
    return;
  }
  const gate = minimum === undefined ? '' : m.belowMinimum ? ` — below promotion.minMutationScore ${minimum}%` : ` (minimum ${minimum}%)`;
  io.stdout(
    `  ${m.belowMinimum ? '✖' : m.survivors.length ? '⚠' : '✔'} mutation score ${percent(m.score)} of ${m.files.join(', ')}: ${m.killed + m.timedOut} of ${m.killed + m.timedOut + m.survived + m.noCoverage} mutants killed (${m.survived} survived, ${m.noCoverage} never run by a scenario; ${(m.durationMs / 1000).toFixed(1)} s)${gate}\n`,
  );
  for (const s of m.survivors) {
    const original = s.original.replace(/\s+/g, ' ');
    io.stdout(
      `    ${s.file}:${s.line}:${s.column} ${s.status === 'Survived' ? 'survived' : 'not run'} ${s.mutator}: \`${original.length > 50 ? `${original.slice(0, 47)}…` : original}\` → \`${s.replacement.replace(/\s+/g, ' ').slice(0, 50)}\`${s.requirements.length ? ` [${s.requirements.join(', ')}]` : ' (in no requirement-tagged code)'}\n`,
    );
  }
}

async function showHistory(io: CliIo, root: string, format: 'text' | 'json'): Promise<number> {
  const { readVerifyHistory, VERIFY_HISTORY } = await import('../io/verify-history.js');
  const history = await readVerifyHistory(root);
  if (!history) throw new UsageError('no verify runs recorded yet; run `speccc verify` first');
  for (const p of history.problems) io.stderr(`speccc: ${VERIFY_HISTORY}:${p.line}: ${p.message}\n`);
  const { lines } = history;
  const bySpec = new Map<string, { runs: number; passed: number; scores: { at: string; score: number | null }[] }>();
  const of = (spec: string) => {
    let s = bySpec.get(spec);
    if (!s) bySpec.set(spec, (s = { runs: 0, passed: 0, scores: [] }));
    return s;
  };
  for (const line of lines) {
    for (const r of line.results) {
      const s = of(r.spec);
      s.runs++;
      if (r.passed) s.passed++;
    }
    for (const m of line.mutation ?? []) of(m.spec).scores.push({ at: line.at, score: m.score });
  }
  const unverified = [...new Set(lines.at(-1)?.unverified ?? [])].sort();
  const rows = [...bySpec]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([spec, s]) => ({ spec, scenarioRuns: s.runs, satisfaction: s.runs ? s.passed / s.runs : null, mutationScore: s.scores.at(-1)?.score ?? null, mutationScores: s.scores }));
  // Over time: each run's satisfaction and mutation scores.
  const runs = lines.map((line) => {
    const ok = line.results.filter((r) => r.passed).length;
    return { at: line.at, scenarioRuns: line.results.length, satisfaction: line.results.length ? ok / line.results.length : null, mutation: (line.mutation ?? []).map((m) => ({ spec: m.spec, score: m.score })) };
  });
  if (format === 'json') io.stdout(JSON.stringify({ runs: lines.length, specs: rows, unverified, timeline: runs }, null, 2) + '\n');
  else {
    const pct = (x: number | null) => (x === null ? 'unknown' : `${(100 * x).toFixed(0)}%`);
    io.stdout(`${plural(lines.length, 'verify run')} since ${lines[0]?.at ?? '-'}\n`);
    for (const r of rows) {
      const trend = r.mutationScores.length === 0 ? '' : `; mutation score ${percent(r.mutationScore)}${r.mutationScores.length > 1 ? ` (${r.mutationScores.map((m) => percent(m.score)).join(' → ')})` : ''}`;
      io.stdout(`  ${r.spec}: satisfaction ${pct(r.satisfaction)} over ${plural(r.scenarioRuns, 'scenario run')}${trend}\n`);
    }
    for (const u of unverified) io.stdout(`  ${u}: unverified (no holdout check in the last run)\n`);
    io.stdout('over time:\n');
    for (const r of runs) {
      const scores = r.mutation.length ? `; mutation ${r.mutation.map((m) => `${m.spec} ${percent(m.score)}`).join(', ')}` : '';
      io.stdout(`  ${r.at.replace(/\.\d+Z$/, 'Z')}  satisfaction ${pct(r.satisfaction)} (${plural(r.scenarioRuns, 'scenario run')})${scores}\n`);
    }
  }
  return EXIT.ok;
}

export const registerVerify: RegisterCommand = (program, io, done) => {
  program
    .command('verify')
    .description('Run every holdout scenario against the current generated/ tree, sealed (each with the twins its code uses), and report satisfaction; --mutate also scores how much of the code the scenarios pin down; --twin checks a twin against recorded traffic.')
    .argument('[spec-id]', 'only this spec')
    .option('--root <dir>', 'workspace root (default: current directory)')
    .option('--scenarios <dir>', 'holdout scenarios folder (default: paths.scenarios from speccc.config.json)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--history', 'show satisfaction and mutation scores per spec over every recorded verify run')
    .option('--mutate', 'mutation-test each spec\'s generated code against its holdout scenarios (Stryker, sealed): a score per spec and every surviving mutant')
    .option('--seed <n>', 'seed for property holdouts (fast-check): replays the run that printed it')
    .option('--twin <id>', "replay the traffic recorded against a twin's real service (<scenarios>/<id>/*.jsonl, *.har) against the twin, sealed, and report every difference")
    .action((specId: string | undefined, flags: VerifyFlags) => done(runVerify(io, specId, flags)));
};

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
