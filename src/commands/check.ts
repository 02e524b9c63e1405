import path from 'node:path';
import { promises as fs } from 'node:fs';
import { Option } from 'commander';
import { EXIT, type CliIo, type RegisterCommand } from './shared.js';

export interface CheckFlags {
  root?: string;
  format: 'text' | 'json' | 'sarif';
  strict?: boolean;
  cache: boolean;
}

/** Resolves --root (default: the current directory) and checks it is a directory; else one sentence for the user. */
export async function resolveRoot(io: CliIo, root: string | undefined): Promise<string | { error: string }> {
  const abs = path.resolve(io.cwd, root ?? '.');
  try {
    if ((await fs.stat(abs)).isDirectory()) return abs;
  } catch {
    // fall through
  }
  return { error: `speccc: workspace root ${abs} is not a directory` };
}

export async function runCheck(io: CliIo, paths: string[], flags: CheckFlags): Promise<number> {
  const root = await resolveRoot(io, flags.root);
  if (typeof root !== 'string') {
    io.stderr(`${root.error}\n`);
    return EXIT.usage;
  }
  // Loaded on use: start-up time is part of every check, and most of speccc is not needed for it.
  const { checkReport } = await import('../check-report.js');
  const result = await checkReport({ root, paths, cwd: io.cwd, useCache: flags.cache });
  const summary = { specs: result.specs, errors: result.errors, warnings: result.warnings };
  if (flags.format === 'json') io.stdout((await import('../diagnostics/reporters/json.js')).formatJson(result.diagnostics, summary));
  else if (flags.format === 'sarif') io.stdout((await import('../diagnostics/reporters/sarif.js')).formatSarif(result.diagnostics));
  else io.stdout((await import('../diagnostics/reporters/text.js')).formatText(result.diagnostics, summary, { color: io.color }));
  if (result.configBroken) return EXIT.usage;
  const failing = result.errors + (flags.strict ? result.warnings : 0);
  return failing > 0 ? EXIT.failed : EXIT.ok;
}

export const registerCheck: RegisterCommand = (program, io, done) => {
  program
    .command('check')
    .description('Check that every spec is complete, unambiguous and consistent (no model calls).')
    .argument('[paths...]', 'only report on these spec files or folders')
    .option('--root <dir>', 'workspace root (default: current directory)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .option('--strict', 'warnings fail the check too')
    .option('--no-cache', 'ignore and do not update the parse cache under .speccc/')
    .action((paths: string[], flags: CheckFlags) => done(runCheck(io, paths, flags)));
};
