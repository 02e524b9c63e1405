import { Option } from 'commander';
import { EXIT, inWorkspace, parseUsd, type CliIo, type RegisterCommand } from './shared.js';
import { requireStryker } from './stryker.js';

interface WatchFlags {
  root?: string;
  format: 'text' | 'json';
  build?: boolean;
  provider: 'anthropic' | 'replay';
  maxCost?: string;
  sessionMaxCost?: string;
}

export async function runWatch(io: CliIo, flags: WatchFlags): Promise<number> {
  return inWorkspace(io, flags.root, async (root) => {
    const perBuild = parseUsd('--max-cost', flags.maxCost);
    const perSession = parseUsd('--session-max-cost', flags.sessionMaxCost);
    const { watchWorkspace } = await import('../watch/watch.js');
    let builds: import('../pipeline/watch.js').WatchBuilds | null = null;
    if (flags.build) {
      const { watchBuilds } = await import('../pipeline/watch.js');
      const { takeCredentials } = await import('../runtime.js');
      builds = await watchBuilds({ root, credentials: takeCredentials(io.env), provider: flags.provider, ...(perBuild !== undefined ? { maxCostUsd: perBuild } : {}), ...(perSession !== undefined ? { sessionMaxCostUsd: perSession } : {}), requireTools });
      for (const warning of builds.warnings) io.stderr(`speccc: warning: ${warning}\n`);
    }
    const show = await watchOutput(io, flags.format === 'json', builds?.session, perBuild);
    await watchWorkspace({ root, signal: io.signal, runtimeForBuild: builds?.runtimeForBuild ?? null, onRound: show.round, onBuild: show.build, onReady: () => show.ready(root) });
    show.clear();
    return EXIT.ok;
  });
}

/** promotion.minMutationScore adds a Stryker run to every build of a spec with holdouts. */
const requireTools = (config: import('../types/index.js').SpecccConfig) => {
  if (config.promotion.minMutationScore !== undefined) requireStryker('promotion.minMutationScore');
};

/** How a watch session is shown: JSON lines, or rounds and builds with one status line (redrawn in place on a terminal). */
async function watchOutput(io: CliIo, json: boolean, session: import('../phases/6-generate/budget.js').Budget | undefined, perBuild: number | undefined) {
  const { formatDiagnostic } = await import('../diagnostics/reporters/text.js');
  const { formatBuildSummary } = await import('./build-output.js');
  type Options = Parameters<typeof import('../watch/watch.js').watchWorkspace>[0];
  const emit = (event: Record<string, unknown>) => io.stdout(JSON.stringify(event) + '\n');
  let statusShown = false;
  const clear = () => {
    if (io.isTTY && !json && statusShown) io.stdout('\r\u001b[2K');
    statusShown = false;
  };
  const caps = () => (session ? ` — session $${session.spent().toFixed(4)}${session.cap !== null ? ` of $${session.cap.toFixed(2)}` : ''}${perBuild !== undefined ? `, $${perBuild.toFixed(2)} a build` : ''}` : '');
  let lastStatus = '';
  const status = (text: string) => {
    lastStatus = text;
    if (io.isTTY && !json) {
      io.stdout(`\r\u001b[2K${text}${caps()}`);
      statusShown = true;
    } else io.stdout(`${text}\n`);
  };
  const round: Options['onRound'] = (round) => {
    if (json) {
      emit({ type: 'check', changed: round.changed, added: round.added, fixed: round.fixed, specs: round.specs, errors: round.errors, warnings: round.diagnostics.length - round.errors, durationMs: Math.round(round.durationMs) });
      emit({ type: 'status', text: round.status });
      return;
    }
    if (round.added.length > 0 || round.fixed.length > 0) clear();
    for (const d of round.fixed) io.stdout(`fixed: ${d.file}:${d.span.start.line}:${d.span.start.column} ${d.code}\n`);
    const sources = new Map(round.workspace.files.flatMap((f) => (f.spec ? [[f.file, f.spec.source] as const] : [])));
    for (const d of round.added) io.stdout(formatDiagnostic(d, { color: io.color, ...(io.color ? { sourceOf: (f: string) => sources.get(f) } : {}) }) + '\n');
    status(round.status);
  };
  const build: NonNullable<Options['onBuild']> = (event) => {
    if (json) {
      emit({ type: 'build', state: event.type, ...('runId' in event ? { run: event.runId } : {}), ...(event.type === 'error' ? { message: event.message } : {}), ...(event.type === 'done' && event.result.kind === 'built' ? { built: [...event.result.outcomes.values()].filter((o) => o.state === 'built' || o.state === 'reused').map((o) => o.id), failed: [...event.result.outcomes.values()].filter((o) => o.state === 'failed').map((o) => o.id) } : {}) });
      return;
    }
    clear();
    if (event.type === 'start') io.stdout(`building (run ${event.runId}) …\n`);
    else if (event.type === 'done') {
      const r = event.result;
      if (r.kind === 'up-to-date') io.stdout(`✔ ${r.specs} specs up to date\n`);
      else if (r.kind === 'blocked') io.stdout(`✖ build blocked: ${r.diagnostics.length} error(s)\n`);
      else if (r.kind === 'built') {
        for (const o of r.outcomes.values()) if (o.state === 'built' || o.state === 'reused' || o.state === 'failed') io.stdout(`  ${o.state === 'failed' ? '✖' : '✔'} ${o.id} ${o.state}${o.failureClass ? ` (${o.failureClass})` : ''}\n`);
        io.stdout(formatBuildSummary({ outcomes: r.outcomes, total: r.plan.jobs.length, change: r.change, cancelled: r.cancelled, runId: r.runId }, io.color));
      }
    } else if (event.type === 'error') io.stdout(`build failed: ${event.message}\n`);
    else if (event.type === 'cancelled') io.stdout('build cancelled by a newer change\n');
  };
  const ready = (root: string) => {
    if (json) return emit({ type: 'ready' });
    // The banner gets a line of its own; the status line is drawn again below it.
    const shown = statusShown;
    clear();
    io.stderr(`watching ${root} (Ctrl-C to stop)\n`);
    if (shown && lastStatus) status(lastStatus);
  };
  return { round, build, ready, clear };
}

export const registerWatch: RegisterCommand = (program, io, done) => {
  program
    .command('watch')
    .description('Re-check specs as they are saved; with --build, rebuild what a clean check makes stale, through the full gate.')
    .option('--root <dir>', 'workspace root (default: current directory)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--build', 'rebuild affected ready specs after each clean check')
    .option('--max-cost <usd>', 'with --build: the most each build may spend')
    .option('--session-max-cost <usd>', 'with --build: the most the whole watch session may spend')
    .addOption(new Option('--provider <name>', 'who writes the code with --build').choices(['anthropic', 'replay']).default('anthropic'))
    .action((flags: WatchFlags) => done(runWatch(io, flags)));
};
