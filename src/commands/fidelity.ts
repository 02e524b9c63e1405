/**
 * `speccc verify --twin <id>`: replays the traffic recorded against the real service
 * (`<scenarios>/<id>/*.jsonl` or `*.har`, beside the twin's holdout scenarios) against the
 * built twin, sealed, and reports every difference. See docs/twins.md.
 */
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { REPLAY_REPORT, type SpecccConfig, type Workspace } from '../types/index.js';
import { EXIT, UsageError, type CliIo } from './shared.js';
import { closest } from '../diagnostics/closest.js';
import { readGeneratedTree } from '../io/generated-tree.js';
import { SPECCC_VERSION } from '../version.js';

const RECORDING = /\.(?:jsonl|har)$/;

export async function runFidelity(
  io: CliIo,
  options: { root: string; twin: string; config: SpecccConfig; workspace: Workspace; scenariosDir: string; format: 'text' | 'json' },
): Promise<number> {
  const [{ createGate, takeCredentials }, twins, fidelity, { replayFiles }] = await Promise.all([
    import('../runtime.js'),
    import('../phases/2-model/twins.js'),
    import('../phases/7-validate/fidelity.js'),
    import('../io/service-twins/index.js'),
  ]);
  const { root, config, workspace } = options;
  const spec = workspace.byId.get(options.twin);
  if (spec?.frontmatter?.kind !== 'twin') {
    const known = [...workspace.byId.values()].filter((s) => s.frontmatter?.kind === 'twin').map((s) => s.frontmatter!.id).sort();
    const near = closest(options.twin, known);
    throw new UsageError(`--twin ${options.twin}: no twin spec has that id${near ? `; did you mean \`${near}\`?` : known.length ? `; twins: ${known.join(', ')}` : ' (no spec of kind twin in this workspace)'}`);
  }
  const dir = path.join(options.scenariosDir, options.twin);
  const shown = (file: string) => path.relative(io.cwd, path.join(dir, file)).split(path.sep).join('/');
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => RECORDING.test(n)).sort();
  if (names.length === 0) throw new UsageError(`no recorded traffic for twin ${options.twin}: expected ${shown('*.jsonl')} or ${shown('*.har')} (docs/twins.md)`);
  const recordings = await Promise.all(names.map(async (n) => fidelity.parseRecording(shown(n), await fs.readFile(path.join(dir, n), 'utf8'))));

  const tree = await readGeneratedTree(path.join(root, config.paths.generated), SPECCC_VERSION);
  const twin = twins.serviceTwin(options.twin);
  if (!tree.files.has(twin.entry)) throw new UsageError(`twin ${options.twin} has not been built (${config.paths.generated}/${twin.entry} is missing); run \`speccc build\` first`);

  const gate = createGate({ config, credentials: takeCredentials(io.env) });
  for (const warning of gate.warnings) io.stderr(`speccc: warning: ${warning}\n`);
  const replay = await replayFiles(fidelity.replayPlan(recordings, twin.env), gate.runner.toolchain.node);
  const run = await gate.runner.run({
    files: new Map([...tree.files, ...replay.files]),
    argv: replay.argv,
    twins: [twin],
    timeoutMs: config.validation.timeoutMs,
    signal: io.signal,
    collect: [REPLAY_REPORT],
  });
  const report = fidelity.readReplayReport(run.collected.get(REPLAY_REPORT));
  if (!report) {
    const why = run.refused ?? (run.timedOut ? `it timed out after ${config.validation.timeoutMs} ms` : run.output.trim() || `it exited with ${run.exitCode ?? run.signal}`);
    io.stderr(`speccc: the replay against twin ${options.twin} did not finish: ${why}\n`);
    return EXIT.failed;
  }
  const result = fidelity.compareReplay(recordings, report);
  const problems = recordings.flatMap((r) => r.problems);
  const clean = result.differences.length === 0 && problems.length === 0;
  if (options.format === 'json') {
    io.stdout(
      JSON.stringify(
        { twin: options.twin, files: recordings.map((r) => r.file), exchanges: result.exchanges, differences: result.differences.map(fidelity.differenceJson), unreadable: problems },
        null,
        2,
      ) + '\n',
    );
  } else {
    const files = `${recordings.length} file${recordings.length === 1 ? '' : 's'}`;
    const n = result.differences.length;
    io.stdout(
      clean
        ? `✔ ${options.twin}: ${result.exchanges} recorded exchanges replayed, no difference (${files})\n`
        : `✖ ${options.twin}: ${n} difference${n === 1 ? '' : 's'} in ${result.exchanges} recorded exchanges (${files})\n`,
    );
    for (const d of result.differences) io.stdout(`  ${fidelity.formatDifference(d)}\n`);
    for (const p of problems) io.stdout(`  ${p.at}: not replayed: ${p.message}\n`);
  }
  return clean ? EXIT.ok : EXIT.failed;
}
