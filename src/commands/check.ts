// What an unchanged workspace needs is imported statically (one chunk of the bundle, loaded with
// this command; a bare check is answered by src/quick-check.ts, a bundle of its own, from the same
// code); the pipeline, for a workspace that changed, is loaded on use.
import { storeReport, type StoredReport } from '../fast-path.js';
import { recoverUnderLock } from '../io/recover.js';
import { readRawConfig } from '../io/raw-config.js';
import { enclosingMonorepo } from '../io/members.js';
import { changedFiles, inWorkspace, type CliIo, type RegisterCommand } from './shared.js';
import { lookUpCheck, printCheck, type CheckFlags, type CheckLookup, type CheckRequest } from './check-stored.js';

export type { CheckFlags } from './check-stored.js';

/** `speccc check`'s report: stored when no input changed since the last run (the pipeline is not even loaded), else a full check, then stored. */
async function checkReport(request: CheckRequest, looked?: CheckLookup): Promise<StoredReport> {
  const { read, scenarioFiles, key, stored } = looked ?? (await lookUpCheck(request));
  if (stored) return stored;
  const [{ readSnapshot }, { checkSnapshot }] = await Promise.all([import('../pipeline/snapshot.js'), import('../pipeline/check.js')]);
  const snapshot = await readSnapshot(request.root, read ? { inputs: read, scenarioFiles: scenarioFiles! } : {});
  const result = await checkSnapshot(snapshot, { paths: request.paths, cwd: request.cwd, useCache: request.useCache, ...(request.changed ? { changed: request.changed } : {}), ...(request.member !== undefined ? { member: request.member } : {}) });
  const report: StoredReport = { diagnostics: result.diagnostics, specs: result.specs, errors: result.errors, warnings: result.warnings, configBroken: result.configBroken };
  if (key && read) await storeReport(request.root, key, report, read.files);
  return report;
}

/**
 * `looked`: what a bare check's small bundle (src/quick-check.ts) already read and found no stored
 * report for, so that a changed workspace is not listed and hashed twice.
 */
export async function runCheck(io: CliIo, paths: string[], flags: CheckFlags, looked?: CheckLookup): Promise<number> {
  return inWorkspace(io, flags.root, async (folder) => {
    // Inside a monorepo's member: the member and what it depends on, checked at the monorepo's root.
    const mono = await enclosingMonorepo(folder);
    const root = mono?.root ?? folder;
    // A promotion a crash cut between its two renames is finished first, so the tree checked is the real one.
    const raw = await readRawConfig(root);
    await recoverUnderLock(root, raw, false);
    const changed = flags.since === undefined ? undefined : await changedFiles(root, flags.since);
    const result = await checkReport({ root, raw, paths, cwd: io.cwd, useCache: flags.cache, ...(changed ? { changed } : {}), ...(mono ? { member: mono.member.name } : {}) }, looked);
    return printCheck(io, root, result, flags);
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
