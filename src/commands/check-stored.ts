/**
 * What `speccc check` does before it knows whether anything changed, and how it prints a report:
 * the workspace's inputs by content, their key, and the report stored under it. Nothing here
 * loads the pipeline, so a second small bundle (src/quick-check.ts) can answer an unchanged
 * workspace with exactly the code `check` itself runs (commands/check.ts).
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { checkKey, readInputs, storedReport, type ReadInputs, type StoredReport } from '../fast-path.js';
import type { RawConfig } from '../io/raw-config.js';
import { readScenarioFiles, scenarioTextHashes, type ScenarioFiles } from '../io/holdouts.js';
import { formatText } from '../diagnostics/reporters/text.js';
import type { CliIo } from './shared.js';

export interface CheckFlags {
  root?: string;
  format: 'text' | 'json' | 'sarif';
  strict?: boolean;
  cache: boolean;
  since?: string;
}

/** `speccc check` with no argument: commander's defaults for check's options (test/commands/direct.test.ts holds them equal). */
export const BARE_CHECK_FLAGS: CheckFlags = { format: 'text', cache: true };

export interface CheckRequest {
  root: string;
  raw: RawConfig;
  paths: string[];
  cwd: string;
  useCache: boolean;
  changed?: readonly string[];
  member?: string;
}

/** What was read to decide: the inputs (absent under --no-cache); on a miss, the scenarios' text and the key the report is to be stored under. */
export interface CheckLookup {
  read?: ReadInputs;
  scenarioFiles?: ScenarioFiles;
  key?: string;
  stored?: StoredReport;
}

/**
 * Reads every input by content and looks for the report stored under their key. `warm: false`
 * leaves the parse workers unstarted even when every spec will be parsed (the caller stops at a
 * missing report).
 */
export async function lookUpCheck(request: CheckRequest, options: { warm?: boolean } = {}): Promise<CheckLookup> {
  if (!request.useCache) return {};
  const read = await readInputs(request.root, request.raw, { for: 'check', warm: options.warm ?? true });
  const since = [...(request.changed ? [`since:${request.changed.join('\0')}`] : []), ...(request.member !== undefined ? [`member:${request.member}`] : [])];
  const paths = [...request.paths.map((p) => path.resolve(request.cwd, p)), ...since];
  const stored = await storedReport(request.root, checkKey(read.inputs, paths, read.scenarios.texts));
  if (stored) return { read, stored };
  // The coverage trace (requirement-untested) also reads the scenarios' text (every member's too).
  // The report is stored under the hashes of the text it was made from: a scenario edited since
  // it was hashed above keys the report by what the check read, not by what it hashed.
  const scenarioFiles = await readScenarioFiles(read.scenarios.listing, read.scenarios.read);
  return { read, scenarioFiles, key: checkKey(read.inputs, paths, scenarioTextHashes(scenarioFiles)) };
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

/** Exit codes (commands/shared.ts's EXIT, which this file does not import: shared.ts loads the error classes of every command). */
const OK = 0;
const FAILED = 1;
const USAGE = 2;

/** Prints a report as `flags.format` asks and gives check's exit code. */
export async function printCheck(io: CliIo, root: string, report: StoredReport, flags: Pick<CheckFlags, 'format' | 'strict'>): Promise<number> {
  const summary = { specs: report.specs, errors: report.errors, warnings: report.warnings };
  if (flags.format === 'json') io.stdout((await import('../diagnostics/reporters/json.js')).formatJson(report.diagnostics, summary));
  else if (flags.format === 'sarif') io.stdout((await import('../diagnostics/reporters/sarif.js')).formatSarif(report.diagnostics, { root }));
  else io.stdout(formatText(report.diagnostics, summary, { color: io.color, ...(io.color ? { sourceOf: sourcesOf(root) } : {}) }));
  if (report.configBroken) return USAGE;
  const failing = report.errors + (flags.strict ? report.warnings : 0);
  return failing > 0 ? FAILED : OK;
}
