import path from 'node:path';
import { readFileSync } from 'node:fs';
import { Option } from 'commander';
// What an unchanged workspace needs is imported statically (one chunk of the bundle, loaded with
// this command); the pipeline, for a workspace that changed, is loaded on use.
import { checkDigest, readInputs, storedReport, storeReport, type StoredReport } from '../fast-path.js';
import { recoverUnderLock } from '../io/recover.js';
import { readRawConfig, type RawConfig } from '../io/raw-config.js';
import { holdoutTextsDigest, holdoutTextsOf, readScenarioFiles } from '../io/holdouts.js';
import { formatText } from '../diagnostics/reporters/text.js';
import { EXIT, inWorkspace, type CliIo, type RegisterCommand } from './shared.js';

export interface CheckFlags {
  root?: string;
  format: 'text' | 'json' | 'sarif';
  strict?: boolean;
  cache: boolean;
}

/** `speccc check`'s report: stored when no input changed since the last run (the pipeline is not even loaded), else a full check, then stored. */
async function checkReport(options: { root: string; raw: RawConfig; paths: string[]; cwd: string; useCache: boolean }): Promise<StoredReport> {
  const read = options.useCache ? await readInputs(options.root, options.raw) : undefined;
  // The coverage trace (requirement-untested) also reads the scenarios' text, which the fast path's inputs list by name only.
  const scenarioFiles = read ? await readScenarioFiles(read.scenarios.listing, read.scenarios.read) : undefined;
  const holdouts = read ? holdoutTextsDigest(holdoutTextsOf(read.scenarios.listing, scenarioFiles!)) : '';
  const digest = read ? checkDigest(read.inputs, [...options.paths.map((p) => path.resolve(options.cwd, p)), `scenarios:${holdouts}`]) : undefined;
  const stored = digest ? await storedReport(options.root, digest) : undefined;
  if (stored) return stored;
  const [{ readSnapshot }, { checkSnapshot }] = await Promise.all([import('../pipeline/snapshot.js'), import('../pipeline/check.js')]);
  const snapshot = await readSnapshot(options.root, read ? { inputs: read, scenarioFiles: scenarioFiles! } : {});
  const result = await checkSnapshot(snapshot, { paths: options.paths, cwd: options.cwd, useCache: options.useCache });
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
  return inWorkspace(io, flags.root, async (root) => {
    // A promotion a crash cut between its two renames is finished first, so the tree checked is the real one.
    const raw = await readRawConfig(root);
    await recoverUnderLock(root, raw, false);
    const result = await checkReport({ root, raw, paths, cwd: io.cwd, useCache: flags.cache });
    const summary = { specs: result.specs, errors: result.errors, warnings: result.warnings };
    if (flags.format === 'json') io.stdout((await import('../diagnostics/reporters/json.js')).formatJson(result.diagnostics, summary));
    else if (flags.format === 'sarif') io.stdout((await import('../diagnostics/reporters/sarif.js')).formatSarif(result.diagnostics, { root }));
    else io.stdout(formatText(result.diagnostics, summary, { color: io.color, ...(io.color ? { sourceOf: sourcesOf(root) } : {}) }));
    if (result.configBroken) return EXIT.usage;
    const failing = result.errors + (flags.strict ? result.warnings : 0);
    return failing > 0 ? EXIT.failed : EXIT.ok;
  });
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
