/**
 * Phase 7: a staged tree -> verdicts. Entry: createValidator. Visible checks (type-check, the
 * spec's own tests) produce feedback for the fix loop; holdout scenarios, copied in from a
 * directory no agent can read, produce verdicts for people only.
 */
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { HoldoutRun, SpecccConfig, ValidationRun, Validator } from '../../types.js';
import { runChild, type ChildResult } from '../../io/run-child.js';
import { trimOutput } from './feedback.js';

const require = createRequire(import.meta.url);
/** speccc's own tools, so a staged tree needs nothing installed. */
const TSC = require.resolve('typescript/bin/tsc');
const VITEST_DIR = path.dirname(require.resolve('vitest/package.json'));
const VITEST = path.join(VITEST_DIR, 'vitest.mjs');

export const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/;
/** Where holdout checks are placed inside a staged tree; they import generated code as `../../<output>`. */
export const HOLDOUT_DIR = '.holdout';

export interface ValidatorOptions {
  config: SpecccConfig;
  /** Absolute scenarios directory (config.paths.scenarios resolved against the root). */
  scenariosDir: string;
  parentEnv?: NodeJS.ProcessEnv;
}

function classify(result: ChildResult): ValidationRun['failureClass'] {
  if (result.timedOut) return 'timeout';
  if (result.exitCode === null) return 'crash';
  return undefined;
}

async function writeToolConfigs(stageDir: string): Promise<void> {
  await fs.writeFile(
    path.join(stageDir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        noEmit: true,
        skipLibCheck: true,
        types: [],
        paths: { vitest: [VITEST_DIR] },
      },
      include: ['**/*.ts', '**/*.tsx', '**/*.mts'],
      exclude: [HOLDOUT_DIR, 'node_modules'],
    }),
  );
  // Alias `vitest` to speccc's copy so tests run wherever the staged tree lives.
  await fs.writeFile(
    path.join(stageDir, 'vitest.config.mjs'),
    `export default { resolve: { alias: { vitest: ${JSON.stringify(path.join(VITEST_DIR, 'dist/index.js'))} } }, test: { watch: false, pool: 'forks', testTimeout: 10000 } };\n`,
  );
}

function testCommand(config: SpecccConfig, files: string[]): { command: string; args: string[] } {
  const [head, ...rest] = config.validation.testCommand;
  const args = rest.flatMap((a) => (a === '{files}' ? files : [a]));
  // `vitest` means speccc's own vitest; any other command runs as given.
  return head === 'vitest' ? { command: process.execPath, args: [VITEST, ...args] } : { command: head!, args };
}

export function createValidator(options: ValidatorOptions): Validator {
  const { config } = options;
  const run = (stageDir: string, command: string, args: string[], signal: AbortSignal) =>
    runChild({ command, args, cwd: stageDir, timeoutMs: config.validation.timeoutMs, signal, ...(options.parentEnv ? { parentEnv: options.parentEnv } : {}) });

  return {
    async visible({ stageDir, outputs, signal }): Promise<ValidationRun> {
      const started = Date.now();
      await writeToolConfigs(stageDir);
      if (config.validation.typecheck && outputs.some((o) => /\.[cm]?tsx?$/.test(o))) {
        const tsc = await run(stageDir, process.execPath, [TSC, '-p', 'tsconfig.json', '--pretty', 'false'], signal);
        if (tsc.exitCode !== 0) {
          return { passed: false, failureClass: classify(tsc) ?? 'does-not-compile', feedback: trimOutput(tsc.output), durationMs: Date.now() - started };
        }
      }
      const tests = outputs.filter((o) => TEST_FILE.test(o));
      if (tests.length === 0) return { passed: true, feedback: '', durationMs: Date.now() - started };
      const { command, args } = testCommand(config, tests);
      const result = await run(stageDir, command, args, signal);
      const passed = result.exitCode === 0 && !result.timedOut;
      return { passed, ...(passed ? {} : { failureClass: classify(result) ?? 'tests-fail' }), feedback: passed ? '' : trimOutput(result.output), durationMs: Date.now() - started };
    },

    async holdout({ specId, stageDir, signal }): Promise<HoldoutRun> {
      const started = Date.now();
      const source = path.join(options.scenariosDir, specId);
      let names: string[] = [];
      try {
        names = (await fs.readdir(source)).filter((n) => TEST_FILE.test(n)).sort();
      } catch {
        names = [];
      }
      if (names.length === 0) return { passed: true, feedback: '', durationMs: 0, scenarios: [] };
      const target = path.join(stageDir, HOLDOUT_DIR, specId);
      await fs.mkdir(target, { recursive: true });
      for (const n of names) await fs.copyFile(path.join(source, n), path.join(target, n));
      await writeToolConfigs(stageDir);
      const report = path.join(stageDir, HOLDOUT_DIR, `${specId}.report.json`);
      const files = names.map((n) => path.posix.join(HOLDOUT_DIR, specId, n));
      const result = await run(stageDir, process.execPath, [VITEST, 'run', ...files, '--reporter=json', `--outputFile=${report}`], signal);
      const perFile = new Map<string, boolean>();
      try {
        const json = JSON.parse(await fs.readFile(report, 'utf8')) as { testResults: { name: string; status: string }[] };
        for (const r of json.testResults) perFile.set(path.basename(r.name), r.status === 'passed');
      } catch {
        // no report: the run crashed or timed out; every scenario counts as failed
      }
      const scenarios = names.map((n) => ({ name: n.replace(TEST_FILE, ''), file: path.posix.join(specId, n), passed: perFile.get(n) === true }));
      const passed = result.exitCode === 0 && scenarios.every((s) => s.passed);
      return {
        passed,
        ...(passed ? {} : { failureClass: classify(result) ?? 'holdout-fails' }),
        feedback: passed ? '' : trimOutput(result.output),
        durationMs: Date.now() - started,
        scenarios,
      };
    },
  };
}
