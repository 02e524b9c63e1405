import { Option } from 'commander';
import { EXIT, type CliIo, type RegisterCommand } from './shared.js';
import { resolveRoot } from './check.js';

interface WatchFlags {
  root?: string;
  format: 'text' | 'json';
  build?: boolean;
  provider: string;
}

export async function runWatch(io: CliIo, flags: WatchFlags): Promise<number> {
  const root = await resolveRoot(io, flags.root);
  if (typeof root !== 'string') {
    io.stderr(`${root.error}\n`);
    return EXIT.usage;
  }
  const { watchWorkspace } = await import('../watch/watch.js');
  const { formatDiagnostic } = await import('../diagnostics/reporters/text.js');
  const { formatBuildSummary } = await import('./build-output.js');
  let agent: import('../types/index.js').Agent | null = null;
  let label: string | undefined;
  if (flags.build) {
    const { loadConfig } = await import('../config/load.js');
    const { lazyAgent, providerLabel } = await import('./agent-factory.js');
    agent = lazyAgent(flags.provider, io.env, (await loadConfig(root)).config, root);
    label = providerLabel(flags.provider, io.env);
  }
  const json = flags.format === 'json';
  const emit = (event: Record<string, unknown>) => io.stdout(JSON.stringify(event) + '\n');
  // On a terminal the status line is redrawn in place; in logs every round is a plain line.
  const status = (text: string) => (io.isTTY && !json ? io.stdout(`\r\u001b[2K${text}`) : io.stdout(`${text}\n`));

  await watchWorkspace({
    root,
    signal: io.signal,
    agent,
    ...(label ? { providerLabel: label } : {}),
    onRound: (round) => {
      if (json) {
        emit({ type: 'check', changed: round.changed, added: round.added, fixed: round.fixed, specs: round.specs, errors: round.errors, warnings: round.diagnostics.length - round.errors, durationMs: Math.round(round.durationMs) });
        emit({ type: 'status', text: round.status });
        return;
      }
      if (io.isTTY && (round.added.length > 0 || round.fixed.length > 0)) io.stdout('\r\u001b[2K');
      for (const d of round.fixed) io.stdout(`fixed: ${d.file}:${d.span.start.line}:${d.span.start.column} ${d.code}\n`);
      for (const d of round.added) io.stdout(formatDiagnostic(d, { color: io.color }) + '\n');
      status(round.status);
    },
    onBuild: (event) => {
      if (json) emit({ type: 'build', state: event.type, ...(event.type === 'error' ? { message: event.message } : {}) });
      else if (event.type === 'done') io.stdout(`\n${formatBuildSummary(event.result, io.color)}`);
      else if (event.type === 'error') io.stdout(`\nbuild failed: ${event.message}\n`);
      else if (event.type === 'cancelled') io.stdout('\nbuild cancelled by a newer change\n');
    },
    onReady: () => {
      if (!json) io.stderr(`watching ${root} (Ctrl-C to stop)\n`);
    },
  });
  if (io.isTTY && !json) io.stdout('\n');
  return EXIT.ok;
}

export const registerWatch: RegisterCommand = (program, io, done) => {
  program
    .command('watch')
    .description('Re-check specs as they are saved; with --build, rebuild what a clean check makes stale.')
    .option('--root <dir>', 'workspace root (default: current directory)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--build', 'rebuild affected ready specs after each clean check')
    .addOption(new Option('--provider <name>', 'who writes the code with --build').choices(['anthropic', 'replay']).default('anthropic'))
    .action((flags: WatchFlags) => done(runWatch(io, flags)));
};
