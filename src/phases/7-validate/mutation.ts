/**
 * Mutation testing of generated code against a spec's holdout scenarios (StrykerJS with its
 * vitest runner): which behaviour of the code no scenario pins down. Pure: planMutationRun says
 * what to write into a staged tree and what to run there; readMutationReport turns Stryker's
 * JSON report (mutation-testing-report-schema) into counts and the mutants no scenario caught.
 * The validator (index.ts, `mutate`) runs the plan through the SealedRunner.
 *
 * Everything Stryker writes stays inside the tree: its sandboxes (`.stryker/<spec>/tmp`), its
 * report, its incremental file (when given relative); no html or dashboard reporter. The tree
 * needs no node_modules of its own: tests import `vitest` through an alias to speccc's copy, and
 * a `node_modules/vitest` link to the same copy makes the vitest runner — which prefers a vitest
 * found upward from its working directory — use that copy too, even when the tree sits inside a
 * project with a vitest of its own (two copies of vitest would find no tests).
 */
import path from 'node:path';
import { SERVICE_TWIN_DIR, type MutationResult, type ServiceTwin } from '../../types/index.js';
import { twinResetHook } from './twin-hook.js';
import { propertySettings } from './properties.js';

export interface MutationInput {
  specId: string;
  /** Generated files of that spec to mutate, relative to the tree root, e.g. ['src/money.ts']. */
  mutate: string[];
  /** Holdout tests inside the tree, relative to its root, e.g. ['.holdout/money/negative-ties.test.ts']. */
  holdoutFiles: string[];
  /** Absolute paths: the node binary, @stryker-mutator/core's bin/stryker.js, vitest's package directory. */
  toolchain: { node: string; strykerBin: string; vitestDir: string; fastCheckDir?: string };
  /** For property holdouts: fast-check's seed and run count, the same for every mutant so that each is judged on the same inputs. */
  property?: { seed: number; runs: number };
  /** Wall-clock limit of the whole run (the runner kills it after); also bounds Stryker's dry run. */
  timeoutMs: number;
  /** Stryker's test-runner processes. */
  concurrency: number;
  /** Stryker's incremental file, relative to the tree root (or absolute): a rerun on unchanged code and scenarios reuses its results. */
  incrementalFile?: string;
  /**
   * Service twins the code calls (the sealed runner starts them around Stryker): the
   * scenarios then run one at a time in one runner, each test with fresh twins.
   */
  twins?: readonly ServiceTwin[];
}

export interface MutationPlan {
  /** Files to write into the tree (relative path -> content): the Stryker config and the vitest config it uses. */
  files: Map<string, string>;
  /** Symbolic links to make in the tree (relative path -> absolute target). */
  links: Map<string, string>;
  /** The command to run with cwd = the tree root. */
  argv: string[];
  /** Where, relative to the tree root, Stryker writes its JSON report. */
  reportPath: string;
}

export type { MutationResult, Survivor, SurvivorStatus } from '../../types/index.js';

/** Where a spec's mutation run keeps its config, report and sandboxes inside the tree. */
export const MUTATION_DIR = '.stryker';

const toPosix = (p: string) => p.replace(/\\/g, '/').replace(/^\.\//, '');

/** A spec id as one safe path segment. */
function segment(specId: string): string {
  const s = specId.replace(/[^A-Za-z0-9._-]/g, '_');
  return s === '' || s === '.' || s === '..' ? `_${s}` : s;
}

export function planMutationRun(input: MutationInput): MutationPlan {
  if (input.mutate.length === 0) throw new RangeError(`mutation testing of ${input.specId}: no files to mutate`);
  if (input.holdoutFiles.length === 0) {
    // Stryker writes no report when no test runs; a spec without scenarios has nothing to be judged by.
    throw new RangeError(`mutation testing of ${input.specId}: the spec has no holdout scenarios`);
  }
  const { toolchain } = input;
  const key = segment(input.specId);
  const dir = path.posix.join(MUTATION_DIR, key);
  const reportPath = path.posix.join(dir, 'mutation.json');
  const strykerConfigPath = path.posix.join(dir, 'stryker.config.json');
  // The vitest config is read inside Stryker's sandbox copies, so it must not live under MUTATION_DIR
  // (ignored when copying); vitest's root is the sandbox, the working directory.
  const vitestConfigPath = `vitest.mutation-${key}.config.mjs`;
  const vitestIndex = path.join(toolchain.vitestDir, 'dist/index.js');

  const twins = input.twins ?? [];
  const resetHook = `${SERVICE_TWIN_DIR}/reset.mjs`;
  const aliases = [`{ find: /^vitest$/, replacement: ${JSON.stringify(vitestIndex)} }`];
  if (toolchain.fastCheckDir) aliases.push(`{ find: /^fast-check$/, replacement: ${JSON.stringify(path.join(toolchain.fastCheckDir, 'lib/fast-check.js'))} }`);
  // Property holdouts: fast-check configured before each test file, as in the judge (properties.ts).
  const propertySetup = `vitest.mutation-${key}.property.mjs`;
  const property = input.property && toolchain.fastCheckDir ? input.property : undefined;
  const setupFiles = [...(twins.length > 0 ? [`./${resetHook}`] : []), ...(property ? [`./${propertySetup}`] : [])];
  const vitestConfig = [
    '// Written by speccc for mutation testing: only the holdout scenarios judge the mutants.',
    'export default {',
    `  resolve: { alias: [${aliases.join(', ')}] },`,
    `  test: { include: ${JSON.stringify(input.holdoutFiles.map(toPosix))}, watch: false, testTimeout: 10000${twins.length > 0 ? ', fileParallelism: false' : ''}${setupFiles.length > 0 ? `, setupFiles: ${JSON.stringify(setupFiles)}` : ''} },`,
    '};',
    '',
  ].join('\n');

  const strykerConfig = {
    testRunner: 'vitest',
    // Resolved from @stryker-mutator/core's own node_modules, not the tree's.
    plugins: ['@stryker-mutator/vitest-runner'],
    // related: false — run the holdouts named in the vitest config, not those vite's module graph links to the mutated file.
    vitest: { configFile: vitestConfigPath, related: false },
    mutate: input.mutate.map(toPosix),
    coverageAnalysis: 'perTest',
    // Twins are shared by every test runner: one runner, so no scenario resets another's twin.
    concurrency: twins.length > 0 ? 1 : Math.max(1, Math.floor(input.concurrency)),
    reporters: ['json'],
    jsonReporter: { fileName: reportPath },
    tempDirName: path.posix.join(dir, 'tmp'),
    cleanTempDir: 'always',
    ignorePatterns: [`/${MUTATION_DIR}`],
    symlinkNodeModules: false,
    dryRunTimeoutMinutes: Math.max(1, Math.ceil(input.timeoutMs / 60_000)),
    thresholds: { high: 80, low: 60, break: null },
    logLevel: 'info',
    fileLogLevel: 'off',
    allowConsoleColors: false,
    ...(input.incrementalFile !== undefined ? { incremental: true, incrementalFile: toPosix(input.incrementalFile) } : {}),
  };

  return {
    files: new Map([
      [strykerConfigPath, `${JSON.stringify(strykerConfig, null, 2)}\n`],
      [vitestConfigPath, vitestConfig],
      ...(property ? [[propertySetup, `import fc from 'fast-check';\nfc.configureGlobal(${propertySettings(property.seed, property.runs).trim()});\n`] as [string, string]] : []),
      ...(twins.length > 0 ? [[resetHook, twinResetHook(twins)] as [string, string]] : []),
    ]),
    links: new Map([['node_modules/vitest', toolchain.vitestDir]]),
    argv: [toolchain.node, toolchain.strykerBin, 'run', strykerConfigPath],
    reportPath,
  };
}

interface ReportPosition {
  line: number;
  column: number;
}
interface ReportMutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: ReportPosition; end: ReportPosition };
}
interface Report {
  files: Record<string, { source: string; mutants: ReportMutant[] }>;
}

/** The source between two 1-based positions (the end column exclusive), as the report gives them. */
function excerpt(lines: string[], start: ReportPosition, end: ReportPosition): string {
  if (start.line === end.line) return (lines[start.line - 1] ?? '').slice(start.column - 1, end.column - 1);
  const parts = [(lines[start.line - 1] ?? '').slice(start.column - 1)];
  for (let l = start.line + 1; l < end.line; l++) parts.push(lines[l - 1] ?? '');
  parts.push((lines[end.line - 1] ?? '').slice(0, end.column - 1));
  return parts.join('\n');
}

export function readMutationReport(json: string, mutate: string[]): MutationResult {
  const report = JSON.parse(json) as Report;
  if (typeof report !== 'object' || report === null || typeof report.files !== 'object' || report.files === null) {
    throw new Error('not a mutation testing report: it has no files');
  }
  const wanted = new Set(mutate.map(toPosix));
  const result: MutationResult = { score: null, killed: 0, survived: 0, timedOut: 0, noCoverage: 0, total: 0, survivors: [] };
  for (const [name, file] of Object.entries(report.files)) {
    const fileName = toPosix(name);
    if (wanted.size > 0 && !wanted.has(fileName)) continue;
    const lines = (file.source ?? '').split('\n');
    for (const m of file.mutants ?? []) {
      result.total++;
      if (m.status === 'Killed') result.killed++;
      else if (m.status === 'Timeout') result.timedOut++;
      else if (m.status === 'Survived' || m.status === 'NoCoverage') {
        if (m.status === 'Survived') result.survived++;
        else result.noCoverage++;
        result.survivors.push({
          file: fileName,
          line: m.location.start.line,
          column: m.location.start.column,
          end: { line: m.location.end.line, column: m.location.end.column },
          mutator: m.mutatorName,
          replacement: m.replacement ?? m.mutatorName,
          original: excerpt(lines, m.location.start, m.location.end),
          status: m.status,
        });
      }
    }
  }
  const detected = result.killed + result.timedOut;
  const valid = detected + result.survived + result.noCoverage;
  result.score = valid === 0 ? null : (100 * detected) / valid;
  result.survivors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  return result;
}
