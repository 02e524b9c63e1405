import path from 'node:path';
import { promises as fs } from 'node:fs';
import { Option } from 'commander';
import { EXIT, type CliIo, type RegisterCommand } from './shared.js';
import { resolveRoot } from './check.js';

interface VerifyFlags {
  root?: string;
  scenarios?: string;
  format: 'text' | 'json';
  history?: boolean;
}

interface SpecVerdict {
  spec: string;
  scenarios: { name: string; file: string; passed: boolean }[];
  passed: boolean;
  output: string;
}

interface HistoryLine {
  at: string;
  results: { spec: string; scenario: string; passed: boolean }[];
}

const HISTORY = path.join('.speccc', 'verify', 'history.jsonl');

export async function runVerify(io: CliIo, flags: VerifyFlags): Promise<number> {
  const root = await resolveRoot(io, flags.root);
  if (typeof root !== 'string') {
    io.stderr(`${root.error}\n`);
    return EXIT.usage;
  }
  if (flags.history) return showHistory(io, root, flags.format);

  const { check } = await import('../compile.js');
  const { createValidator } = await import('../phases/7-validate/index.js');
  const checked = await check({ root });
  if (checked.configBroken) {
    io.stderr('speccc: speccc.config.json is invalid; run `speccc check` to see where\n');
    return EXIT.usage;
  }
  const config = checked.config;
  const scenariosDir = path.resolve(flags.scenarios ? io.cwd : root, flags.scenarios ?? config.paths.scenarios);
  try {
    await fs.access(scenariosDir);
  } catch {
    io.stderr(`speccc: scenarios folder ${scenariosDir} does not exist; pass --scenarios DIR or set paths.scenarios\n`);
    return EXIT.usage;
  }
  const generatedDir = path.join(root, config.paths.generated);
  const stageDir = path.join(root, '.speccc', 'verify', `run-${process.pid}-${Date.now()}`);
  await fs.rm(stageDir, { recursive: true, force: true });
  await fs.cp(generatedDir, stageDir, { recursive: true }).catch(() => fs.mkdir(stageDir, { recursive: true }));

  const validator = createValidator({ config, scenariosDir, parentEnv: io.env });
  const specIds = (await fs.readdir(scenariosDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const verdicts: SpecVerdict[] = [];
  const unknown: string[] = [];
  try {
    for (const spec of specIds) {
      if (!checked.workspace.byId.has(spec)) {
        unknown.push(spec);
        continue;
      }
      const run = await validator.holdout({ specId: spec, stageDir, signal: io.signal });
      if (run.scenarios.length > 0) verdicts.push({ spec, scenarios: run.scenarios, passed: run.passed, output: run.feedback });
    }
  } finally {
    await fs.rm(stageDir, { recursive: true, force: true });
  }

  const all = verdicts.flatMap((v) => v.scenarios);
  const passed = all.filter((s) => s.passed).length;
  const line: HistoryLine = { at: new Date().toISOString(), results: verdicts.flatMap((v) => v.scenarios.map((s) => ({ spec: v.spec, scenario: s.name, passed: s.passed }))) };
  await fs.mkdir(path.join(root, path.dirname(HISTORY)), { recursive: true });
  await fs.appendFile(path.join(root, HISTORY), JSON.stringify(line) + '\n');

  if (flags.format === 'json') {
    io.stdout(JSON.stringify({ specs: verdicts.map(({ output: _o, ...v }) => v), passed, failed: all.length - passed, total: all.length, unknownSpecs: unknown }, null, 2) + '\n');
  } else {
    for (const v of verdicts) {
      const ok = v.scenarios.filter((s) => s.passed).length;
      const failedNames = v.scenarios.filter((s) => !s.passed).map((s) => s.name);
      io.stdout(`${v.passed ? '✔' : '✖'} ${v.spec}: ${ok}/${v.scenarios.length} scenarios pass${failedNames.length ? ` — failing: ${failedNames.join(', ')}` : ''}\n`);
    }
    for (const u of unknown) io.stdout(`⚠ scenarios/${u}/ names no spec in this workspace; its scenarios were not run\n`);
    const share = all.length === 0 ? 100 : Math.round((100 * passed) / all.length);
    io.stdout(`${passed === all.length ? '✔' : '✖'} ${passed} of ${all.length} scenarios pass (satisfaction ${share}%)\n`);
  }
  return passed === all.length ? EXIT.ok : EXIT.failed;
}

async function showHistory(io: CliIo, root: string, format: 'text' | 'json'): Promise<number> {
  let lines: HistoryLine[];
  try {
    lines = (await fs.readFile(path.join(root, HISTORY), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as HistoryLine);
  } catch {
    io.stderr('speccc: no verify runs recorded yet; run `speccc verify` first\n');
    return EXIT.usage;
  }
  const bySpec = new Map<string, { runs: number; passed: number; last: boolean }>();
  for (const line of lines) {
    for (const r of line.results) {
      const s = bySpec.get(r.spec) ?? { runs: 0, passed: 0, last: true };
      s.runs++;
      if (r.passed) s.passed++;
      s.last = r.passed;
      bySpec.set(r.spec, s);
    }
  }
  const rows = [...bySpec].sort(([a], [b]) => (a < b ? -1 : 1)).map(([spec, s]) => ({ spec, scenarioRuns: s.runs, satisfaction: s.runs ? s.passed / s.runs : 1 }));
  if (format === 'json') io.stdout(JSON.stringify({ runs: lines.length, specs: rows }, null, 2) + '\n');
  else {
    io.stdout(`${lines.length} verify runs since ${lines[0]?.at ?? '-'}\n`);
    for (const r of rows) io.stdout(`  ${r.spec}: satisfaction ${(100 * r.satisfaction).toFixed(0)}% over ${r.scenarioRuns} scenario runs\n`);
  }
  return EXIT.ok;
}

export const registerVerify: RegisterCommand = (program, io, done) => {
  program
    .command('verify')
    .description('Run every holdout scenario against the current generated/ tree and report satisfaction.')
    .option('--root <dir>', 'workspace root (default: current directory)')
    .option('--scenarios <dir>', 'holdout scenarios folder (default from config: scenarios/)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--history', 'show satisfaction per spec over every recorded verify run')
    .action((flags: VerifyFlags) => done(runVerify(io, flags)));
};
