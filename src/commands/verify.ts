import path from 'node:path';
import os from 'node:os';
import { Option } from 'commander';
import type { SpecMutation, SpecVerdict } from '../pipeline/verify.js';
import type { Member } from '../types/index.js';
import { EXIT, inWorkspace, readyIdUnknown, UsageError, type CliIo, type RegisterCommand } from './shared.js';
import { closest } from '../diagnostics/closest.js';
import { requireStryker } from './stryker.js';

interface VerifyFlags {
  root?: string;
  scenarios?: string;
  format: 'text' | 'json';
  history?: boolean;
  mutate?: boolean;
  twin?: string;
  seed?: string;
}

export async function runVerify(io: CliIo, specId: string | undefined, flags: VerifyFlags): Promise<number> {
  return inWorkspace(io, flags.root, async (root) => {
    if (flags.history) return showHistory(io, root, flags.format);
    if (flags.mutate) requireStryker();
    const seed = seedOf(flags.seed);
    const { readForVerify, judgeSpecs, specsToVerify, historyLine, readyIds } = await import('../pipeline/verify.js');
    const { createGate, takeCredentials } = await import('../runtime.js');
    const { appendVerifyHistory } = await import('../io/verify-history.js');
    const { snapshot, checked } = await readForVerify(root, flags.scenarios ? path.resolve(io.cwd, flags.scenarios) : undefined);
    if (checked.configBroken) throw new UsageError('speccc.config.json is invalid; run `speccc check` to see where');
    const { config } = checked;
    const scenariosDir = snapshot.scenarios.dir;
    // A monorepo's holdouts live in its members' scenarios folders (read into the snapshot with the root's); the root may have none.
    if (snapshot.members.members.length === 0 && !snapshot.scenarios.exists) throw new UsageError(`scenarios folder ${scenariosDir} does not exist; pass --scenarios DIR or set paths.scenarios`);
    if (flags.twin !== undefined) {
      const { runFidelity } = await import('./fidelity.js');
      return runFidelity(io, { root, twin: flags.twin, config, workspace: checked.workspace, scenariosDir, format: flags.format });
    }
    const specs = specsToVerify(checked, specId);
    if (specId !== undefined && specs.length === 0) throw new UsageError(readyIdUnknown(specId, readyIds(checked)));
    const gate = createGate({ config, credentials: takeCredentials(io.env), mutationConcurrency: Math.max(1, Math.min(4, os.availableParallelism())) });
    for (const warning of gate.warnings) io.stderr(`speccc: warning: ${warning}\n`);
    const onMutating = (id: string, files: string[], n: number) => io.stderr(`… mutation testing ${id} (${files.join(', ') || 'no file'}) against ${n} holdout scenario${n === 1 ? '' : 's'}\n`);
    const { verdicts, unverified } = await judgeSpecs({ snapshot, checked, specs, validator: gate.validator, mutate: Boolean(flags.mutate), signal: io.signal, onMutating, ...(seed !== undefined ? { seed } : {}) });
    const unknown = specId === undefined ? snapshot.scenarios.folders.filter((f) => !checked.workspace.byId.has(f)).sort() : [];
    const line = historyLine(verdicts, unverified, new Date());
    await appendVerifyHistory(root, line);
    if (flags.mutate) await writeSurvivors(root, line.at, verdicts);
    const report: VerifyReport = { verdicts, unverified, unknown, specs: specs.length, minimum: config.promotion.minMutationScore, folderOf: folderOf(root, scenariosDir, snapshot.members.members), byId: checked.workspace.byId };
    if (flags.format === 'json') printJson(io, report);
    else printText(io, report, Boolean(flags.mutate));
    const all = verdicts.flatMap((v) => v.scenarios);
    const passed = all.filter((s) => s.passed).length;
    const mutationFails = verdicts.some((v) => v.mutation && (v.mutation.error !== undefined || v.mutation.belowMinimum));
    return passed === all.length && all.length > 0 && !mutationFails ? EXIT.ok : EXIT.failed;
  });
}

/**
 * The last mutation run's survivors, whole (file, start and end, mutator, the code replaced and
 * its replacement, requirement ids), for people and for `scenarios propose`, which turns them into
 * draft holdout scenarios. Replaced by every `verify --mutate` run; never read by a generating agent.
 */
async function writeSurvivors(root: string, at: string, verdicts: SpecVerdict[]): Promise<void> {
  const { writeInside } = await import('../io/safe-write.js');
  const { SURVIVORS_FILE } = await import('../io/proposal-files.js');
  const specs = verdicts.filter((v) => v.mutation && v.mutation.error === undefined).map((v) => ({ spec: v.spec, score: v.mutation!.score, files: v.mutation!.files, survivors: v.mutation!.survivors }));
  await writeInside(root, SURVIVORS_FILE, `${JSON.stringify({ at, specs }, null, 2)}\n`, { atomic: true });
}

/** `--seed`: fast-check's seed for property holdouts, to replay a run; a 32-bit integer. */
function seedOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d{1,10}$/.test(text) || Math.abs(Number(text)) > 0x7fffffff) throw new UsageError(`--seed ${text} is not a 32-bit integer; expected the seed a property run printed`);
  return Number(text);
}

/** What verify found, for printing. */
interface VerifyReport {
  verdicts: SpecVerdict[];
  unverified: string[];
  /** Folders of the scenarios folder that name no spec. */
  unknown: string[];
  /** Specs verified. */
  specs: number;
  minimum: number | undefined;
  /** Where a folder of the scenarios is: a member's (`billing:invoic`) is in that member's scenarios folder. */
  folderOf: (folder: string) => string;
  byId: ReadonlyMap<string, unknown>;
}

function folderOf(root: string, scenariosDir: string, members: readonly Member[]): (folder: string) => string {
  return (folder) => {
    const q = /^([^:]+):(.+)$/.exec(folder);
    const member = q ? members.find((m) => m.name === q[1]) : undefined;
    return member ? path.join(root, member.scenarios, q![2]!) : path.join(scenariosDir, folder);
  };
}

function printJson(io: CliIo, r: VerifyReport): void {
  const all = r.verdicts.flatMap((v) => v.scenarios);
  const passed = all.filter((s) => s.passed).length;
  io.stdout(JSON.stringify({ specs: r.verdicts, unverified: r.unverified, passed, failed: all.length - passed, total: all.length, unknownSpecs: r.unknown, ...(r.minimum !== undefined ? { minMutationScore: r.minimum } : {}) }, null, 2) + '\n');
}

function printText(io: CliIo, r: VerifyReport, mutate: boolean): void {
  for (const v of r.verdicts) {
    const ok = v.scenarios.filter((s) => s.passed).length;
    const failedNames = v.scenarios.filter((s) => !s.passed).map((s) => s.name);
    io.stdout(`${v.passed ? '✔' : '✖'} ${v.spec}: ${ok}/${v.scenarios.length} scenarios pass${failedNames.length ? ` — failing: ${failedNames.join(', ')}` : ''}\n`);
    for (const s of v.scenarios) if (!s.passed && s.failure) io.stdout(`    ${s.name}: ${s.failure.split('\n').join('\n      ')}\n`);
    const property = v.scenarios.find((s) => s.property)?.property;
    if (property) io.stdout(`    properties ran ${property.runs} inputs each with seed ${property.seed} (replay: speccc verify ${v.spec} --seed ${property.seed})\n`);
    if (v.mutation) printMutation(io, v.mutation, r.minimum);
  }
  for (const u of r.unverified) io.stdout(`⚠ ${u}: unverified — no automated holdout check (write one, or run \`speccc scenarios generate ${u}\`)${mutate ? '; no mutation score' : ''}\n`);
  for (const u of r.unknown) {
    // A member's folder is named without its member: so is the guess.
    const member = /^[^:]+:/.exec(u)?.[0];
    const near = closest(u, r.byId.keys())?.replace(member ?? '', '');
    io.stdout(`⚠ ${path.relative(io.cwd, r.folderOf(u))}/ names no spec in this workspace; its scenarios were not run${near ? ` (did you mean ${near}/?)` : ''}\n`);
  }
  const all = r.verdicts.flatMap((v) => v.scenarios);
  const passed = all.filter((s) => s.passed).length;
  const share = all.length === 0 ? 0 : Math.round((100 * passed) / all.length);
  const tail = r.unverified.length > 0 ? `; ${r.unverified.length} of ${r.specs} specs unverified` : '';
  io.stdout(`${passed === all.length && all.length > 0 ? '✔' : '✖'} ${passed} of ${all.length} scenarios pass (satisfaction ${all.length === 0 ? 'unknown' : `${share}%`})${tail}\n`);
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
