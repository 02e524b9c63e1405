import path from 'node:path';
import { readFileSync } from 'node:fs';
// What an unchanged workspace needs is imported statically (one chunk of the bundle, loaded with
// this command); the pipeline, for a workspace that changed, is loaded on use.
import { checkDigest, readInputs, storedReport, storeReport, type StoredReport } from '../fast-path.js';
import { recoverUnderLock } from '../io/recover.js';
import { readRawConfig, type RawConfig } from '../io/raw-config.js';
import { holdoutTextsDigest, holdoutTextsOf, readScenarioFiles } from '../io/holdouts.js';
import { enclosingMonorepo } from '../io/members.js';
import { formatText } from '../diagnostics/reporters/text.js';
import { changedFiles, EXIT, inWorkspace, type CliIo, type RegisterCommand } from './shared.js';

export interface CheckFlags {
  root?: string;
  format: 'text' | 'json' | 'sarif';
  strict?: boolean;
  cache: boolean;
  since?: string;
}

/** `speccc check`'s report: stored when no input changed since the last run (the pipeline is not even loaded), else a full check, then stored. */
async function checkReport(options: { root: string; raw: RawConfig; paths: string[]; cwd: string; useCache: boolean; changed?: readonly string[]; member?: string }): Promise<StoredReport> {
  const read = options.useCache ? await readInputs(options.root, options.raw, { for: 'check' }) : undefined;
  // The coverage trace (requirement-untested) also reads the scenarios' text (every member's too), which the fast path's inputs list by name only.
  const scenarioFiles = read ? await readScenarioFiles(read.scenarios.listing, read.scenarios.read) : undefined;
  const holdouts = read ? holdoutTextsDigest(holdoutTextsOf(read.scenarios.listing, scenarioFiles!)) : '';
  const since = [...(options.changed ? [`since:${options.changed.join('\0')}`] : []), ...(options.member !== undefined ? [`member:${options.member}`] : [])];
  const digest = read ? checkDigest(read.inputs, [...options.paths.map((p) => path.resolve(options.cwd, p)), `scenarios:${holdouts}`, ...since]) : undefined;
  const stored = digest ? await storedReport(options.root, digest) : undefined;
  if (stored) return stored;
  const [{ readSnapshot }, { checkSnapshot }] = await Promise.all([import('../pipeline/snapshot.js'), import('../pipeline/check.js')]);
  const snapshot = await readSnapshot(options.root, read ? { inputs: read, scenarioFiles: scenarioFiles! } : {});
  const result = await checkSnapshot(snapshot, { paths: options.paths, cwd: options.cwd, useCache: options.useCache, ...(options.changed ? { changed: options.changed } : {}), ...(options.member !== undefined ? { member: options.member } : {}) });
  const report: StoredReport = { diagnostics: result.diagnostics, specs: result.specs, errors: result.errors, warnings: result.warnings, configBroken: result.configBroken };
  if (digest) await storeReport(options.root, digest, report);
  return report;
}

/** Reported files' text for code frames, read on demand (only on a terminal). */
function sourcesOf(root: string): (file: string) => string | undefined {
  const seen = new Map<string, string | undefined>();
  return (file) => {
    if (!seen.has(file)) {
      try {
        seen.set(file, readFileSync(path.join(root, file), 'utf8'));
      } catch {
        seen.set(file, undefined);
      }
    }
    return seen.get(file);
  };
}

export async function runCheck(io: CliIo, paths: string[], flags: CheckFlags): Promise<number> {
  return inWorkspace(io, flags.root, async (folder) => {
    // Inside a monorepo's member: the member and what it depends on, checked at the monorepo's root.
    const mono = await enclosingMonorepo(folder);
    const root = mono?.root ?? folder;
    // A promotion a crash cut between its two renames is finished first, so the tree checked is the real one.
    const raw = await readRawConfig(root);
    await recoverUnderLock(root, raw, false);
    const changed = flags.since === undefined ? undefined : await changedFiles(root, flags.since);
    const result = await checkReport({ root, raw, paths, cwd: io.cwd, useCache: flags.cache, ...(changed ? { changed } : {}), ...(mono ? { member: mono.member.name } : {}) });
    const summary = { specs: result.specs, errors: result.errors, warnings: result.warnings };
    if (flags.format === 'json') io.stdout((await import('../diagnostics/reporters/json.js')).formatJson(result.diagnostics, summary));
    else if (flags.format === 'sarif') io.stdout((await import('../diagnostics/reporters/sarif.js')).formatSarif(result.diagnostics, { root }));
    else io.stdout(formatText(result.diagnostics, summary, { color: io.color, ...(io.color ? { sourceOf: sourcesOf(root) } : {}) }));
    if (result.configBroken) return EXIT.usage;
    const failing = result.errors + (flags.strict ? result.warnings : 0);
    return failing > 0 ? EXIT.failed : EXIT.ok;
  });
}

// commander is not imported here (createOption instead of new Option): a bare `speccc check`
// runs runCheck without loading it (commands/direct.ts).
export const registerCheck: RegisterCommand = (program, io, done) => {
  const command = program.command('check');
  command
    .description('Check that every spec is complete, unambiguous and consistent (no model calls).')
    .argument('[paths...]', 'only report on these spec files or folders')
    .option('--root <dir>', 'workspace root (default: current directory)')
    .addOption(command.createOption('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .option('--strict', 'warnings fail the check too')
    .option('--no-cache', 'ignore and do not update the parse cache under .speccc/')
    .option('--since <ref>', 'only findings in the specs a change since this git ref reaches (committed, staged, unstaged and untracked), and everything downstream')
    .action((paths: string[], flags: CheckFlags) => done(runCheck(io, paths, flags)));
};
