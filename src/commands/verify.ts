import path from 'node:path';
import { promises as fs } from 'node:fs';
import { Option } from 'commander';
import type { ScenarioVerdict } from '../types/index.js';
import { EXIT, inWorkspace, UsageError, type CliIo, type RegisterCommand } from './shared.js';

interface VerifyFlags {
  root?: string;
  scenarios?: string;
  format: 'text' | 'json';
  history?: boolean;
  twin?: string;
}

interface SpecVerdict {
  spec: string;
  scenarios: ScenarioVerdict[];
  passed: boolean;
}

export async function runVerify(io: CliIo, flags: VerifyFlags): Promise<number> {
  return inWorkspace(io, flags.root, async (root) => {
    if (flags.history) return showHistory(io, root, flags.format);
    await (await import('../pipeline-steps.js')).recoverUnderLock(root, null);
    const { check } = await import('../compile.js');
    const { createGate, takeCredentials } = await import('../runtime.js');
    const { readGeneratedTree } = await import('../io/generated-tree.js');
    const { buildableInOrder } = await import('../phases/5-plan/index.js');
    const { SPECCC_VERSION } = await import('../version.js');
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
    const gate = createGate({ root, config: { ...config, paths: { ...config.paths, scenarios: path.relative(root, scenariosDir) || '.' } }, credentials: takeCredentials(io.env) });
    for (const warning of gate.warnings) io.stderr(`speccc: warning: ${warning}\n`);
    const tree = await readGeneratedTree(path.join(root, config.paths.generated), SPECCC_VERSION);
    const buildable = buildableInOrder(checked.workspace);
    const ready = buildable.map((s) => s.frontmatter!.id).sort();
    const verdicts: SpecVerdict[] = [];
    const unverified: string[] = [];
    for (const spec of ready) {
      const twins = twinsUsedBy(checked.workspace.byId.get(spec)!, checked.workspace);
      const run = await gate.validator.holdout({ specId: spec, tree: tree.files, twins, signal: io.signal });
      if (run.scenarios.length === 0) unverified.push(spec);
      else verdicts.push({ spec, scenarios: run.scenarios, passed: run.passed });
    }
    // Hidden folders are not spec folders: the recommended scenarios repository has .git/ (and often .github/).
    const folders = (await fs.readdir(scenariosDir, { withFileTypes: true })).filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => d.name);
    const unknown = folders.filter((f) => !checked.workspace.byId.has(f)).sort();

    const all = verdicts.flatMap((v) => v.scenarios);
    const passed = all.filter((s) => s.passed).length;
    const { appendVerifyHistory } = await import('../io/verify-history.js');
    await appendVerifyHistory(root, { at: new Date().toISOString(), results: verdicts.flatMap((v) => v.scenarios.map((s) => ({ spec: v.spec, scenario: s.name, passed: s.passed }))), unverified });

    if (flags.format === 'json') {
      io.stdout(JSON.stringify({ specs: verdicts, unverified, passed, failed: all.length - passed, total: all.length, unknownSpecs: unknown }, null, 2) + '\n');
    } else {
      for (const v of verdicts) {
        const ok = v.scenarios.filter((s) => s.passed).length;
        const failedNames = v.scenarios.filter((s) => !s.passed).map((s) => s.name);
        io.stdout(`${v.passed ? '✔' : '✖'} ${v.spec}: ${ok}/${v.scenarios.length} scenarios pass${failedNames.length ? ` — failing: ${failedNames.join(', ')}` : ''}\n`);
      }
      for (const u of unverified) io.stdout(`⚠ ${u}: unverified — no automated holdout check (write one, or run \`speccc scenarios generate ${u}\`)\n`);
      for (const u of unknown) io.stdout(`⚠ ${path.relative(io.cwd, path.join(scenariosDir, u))}/ names no spec in this workspace; its scenarios were not run\n`);
      const share = all.length === 0 ? 0 : Math.round((100 * passed) / all.length);
      const tail = unverified.length > 0 ? `; ${unverified.length} of ${ready.length} specs unverified` : '';
      io.stdout(`${passed === all.length && all.length > 0 ? '✔' : '✖'} ${passed} of ${all.length} scenarios pass (satisfaction ${all.length === 0 ? 'unknown' : `${share}%`})${tail}\n`);
    }
    return passed === all.length && all.length > 0 ? EXIT.ok : EXIT.failed;
  });
}

async function showHistory(io: CliIo, root: string, format: 'text' | 'json'): Promise<number> {
  const { readVerifyHistory, VERIFY_HISTORY } = await import('../io/verify-history.js');
  const history = await readVerifyHistory(root);
  if (!history) throw new UsageError('no verify runs recorded yet; run `speccc verify` first');
  for (const p of history.problems) io.stderr(`speccc: ${VERIFY_HISTORY}:${p.line}: ${p.message}\n`);
  const { lines } = history;
  const bySpec = new Map<string, { runs: number; passed: number }>();
  for (const line of lines) {
    for (const r of line.results) {
      const s = bySpec.get(r.spec) ?? { runs: 0, passed: 0 };
      s.runs++;
      if (r.passed) s.passed++;
      bySpec.set(r.spec, s);
    }
  }
  const unverified = [...new Set(lines.at(-1)?.unverified ?? [])].sort();
  const rows = [...bySpec].sort(([a], [b]) => (a < b ? -1 : 1)).map(([spec, s]) => ({ spec, scenarioRuns: s.runs, satisfaction: s.runs ? s.passed / s.runs : null }));
  if (format === 'json') io.stdout(JSON.stringify({ runs: lines.length, specs: rows, unverified }, null, 2) + '\n');
  else {
    io.stdout(`${lines.length} verify runs since ${lines[0]?.at ?? '-'}\n`);
    for (const r of rows) io.stdout(`  ${r.spec}: satisfaction ${r.satisfaction === null ? 'unknown' : `${(100 * r.satisfaction).toFixed(0)}%`} over ${r.scenarioRuns} scenario runs\n`);
    for (const u of unverified) io.stdout(`  ${u}: unverified (no holdout check in the last run)\n`);
  }
  return EXIT.ok;
}

export const registerVerify: RegisterCommand = (program, io, done) => {
  program
    .command('verify')
    .description('Run every holdout scenario against the current generated/ tree, sealed (each with the twins its code uses), and report satisfaction; --twin checks a twin against recorded traffic.')
    .option('--root <dir>', 'workspace root (default: current directory)')
    .option('--scenarios <dir>', 'holdout scenarios folder (default: paths.scenarios from speccc.config.json)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--history', 'show satisfaction per spec over every recorded verify run')
    .option('--twin <id>', "replay the traffic recorded against a twin's real service (<scenarios>/<id>/*.jsonl, *.har) against the twin, sealed, and report every difference")
    .action((flags: VerifyFlags) => done(runVerify(io, flags)));
};
