/**
 * Phase 7: a staged tree -> verdicts. Entry: createValidator. Visible checks (type-check, the
 * spec's own tests) produce feedback for the fix loop; holdout checks, handed in by the caller
 * from a folder no agent can read, produce verdicts for people only. Every command runs through
 * the injected SealedRunner: this phase decides what to run and reads the results; it never
 * touches the file system or spawns a process itself.
 */
import { JUDGE_RUNTIME, RESET_HOOK, type FileTree, type HoldoutRun, type MutationRun, type ProofRun, type SealedResult, type SealedRunner, type ServiceTwin, type SpecccConfig, type Toolchain, type ValidationRun, type Validator } from '../../types/index.js';
import { trimOutput } from './feedback.js';
import { twinResetHook } from './twin-hook.js';
import { planMutationRun, readMutationReport } from './mutation.js';
import { codeModules, exportNames, proxyModule } from './judge-modules.js';
import { weakenedChecks } from './honest-checks.js';
import { planProof, PROOF_DIR, PROOF_PLAN, PROOF_RESULT, provenCoverage, type ProofResult } from './coverage-proof.js';
import { chooseSeed, isPropertyCheck, JUDGE_TEST_TIMEOUT_MS, PROPERTY_SETTINGS, propertySettings } from './properties.js';
import { scenarioVerdicts } from './scenario-verdicts.js';

export const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/;
/** Where holdout checks are placed inside a staged tree; they import generated code as `../../<output>`. */
export const HOLDOUT_DIR = '.holdout';

/**
 * Where a holdout check is placed in the staged tree. A monorepo member's check
 * (`billing:invoice/<name>.test.ts`) goes to `billing/.holdout/invoice/`, beside its member's code,
 * so it imports it as `../../<output>` exactly as a single workspace's check does.
 */
export function holdoutPlacement(file: string): string {
  const m = /^([a-z0-9-]+):(.+)$/.exec(file);
  return m ? `${m[1]}/${HOLDOUT_DIR}/${m[2]}` : `${HOLDOUT_DIR}/${file}`;
}
export { twinResetHook } from './twin-hook.js';

export interface ValidatorOptions {
  config: SpecccConfig;
  runner: SealedRunner;
  /** The coverage proof's driver script (assets/prove/driver.mjs, read by io); without it nothing is proven. */
  proofDriver?: string;
  /** Stryker's test-runner processes in a mutation run (default 2; one when the code calls twins). */
  mutationConcurrency?: number;
}

/** A mutation run runs every holdout once per mutant: its limit is this many times `validation.timeoutMs`. */
export const MUTATION_TIMEOUT_FACTOR = 10;

function classify(result: SealedResult): ValidationRun['failureClass'] {
  if (result.refused) return 'sandbox-refused';
  if (result.timedOut) return 'timeout';
  if (result.exitCode === null) return 'crash';
  return undefined;
}

/** The holdout judge's vitest config, in the judge's tree (no code there: stand-ins that ask the code host). */
export const JUDGE_CONFIG = '.speccc-judge.config.mjs';

/** `vitest` (and, for property holdouts, `fast-check`) resolved to speccc's own copies. */
function aliases(toolchain: Toolchain): string {
  const alias: Record<string, string> = { vitest: `${toolchain.vitestDir}/dist/index.js` };
  if (toolchain.fastCheckDir) alias['fast-check'] = `${toolchain.fastCheckDir}/lib/fast-check.js`;
  return JSON.stringify(alias);
}

/**
 * The judge's tree: the holdout checks, a stand-in module at the path of every module of the code,
 * and the vitest config that runs them (its setup routes fetch() to the twins through the host).
 * `property`: the seed and run count fast-check is configured with, when a check is a property.
 */
export function judgeTree(tree: FileTree, placed: readonly [string, string][], toolchain: Toolchain, twins: readonly ServiceTwin[], property?: { seed: number; runs: number }): Map<string, string> {
  const setup = [`./${JUDGE_RUNTIME}/setup.mjs`, ...(twins.length > 0 ? [`./${RESET_HOOK}`] : [])];
  const config = `export default { cacheDir: '.vite-cache', resolve: { alias: ${aliases(toolchain)} }, test: { watch: false, pool: 'forks', testTimeout: ${JUDGE_TEST_TIMEOUT_MS}, setupFiles: ${JSON.stringify(setup)}${twins.length > 0 ? ', fileParallelism: false' : ''} } };\n`;
  return new Map([
    ...placed,
    ...codeModules(tree).map((m): [string, string] => [m, proxyModule(m, exportNames(tree, m))]),
    [JUDGE_CONFIG, config],
    ...(property && toolchain.fastCheckDir ? [[`${JUDGE_RUNTIME}/${PROPERTY_SETTINGS}`, propertySettings(property.seed, property.runs)] as [string, string]] : []),
    ...(twins.length > 0 ? [[RESET_HOOK, twinResetHook(twins)] as [string, string]] : []),
  ]);
}

/** speccc's own tool configs in every staged tree, named so they never replace the product's own tsconfig.json or vitest config. */
export const TSCONFIG = '.speccc-tsconfig.json';
export const VITEST_CONFIG = '.speccc-vitest.config.mjs';

/**
 * tsconfig and vitest config written into every staged tree, so it runs wherever it is copied.
 * With twins, test files run one at a time (they share the twins) and each test starts with
 * fresh ones.
 */
export function toolConfigs(toolchain: Toolchain, twins: readonly ServiceTwin[] = []): [string, string][] {
  const twinTest = twins.length > 0 ? `, fileParallelism: false, setupFiles: [${JSON.stringify(`./${RESET_HOOK}`)}]` : '';
  return [
    [
      TSCONFIG,
      JSON.stringify({
        compilerOptions: {
          strict: true,
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          noEmit: true,
          skipLibCheck: true,
          // node's own types only (its modules, process.env): nothing else installed is visible.
          types: toolchain.typeRoot ? ['node'] : [],
          ...(toolchain.typeRoot ? { typeRoots: [toolchain.typeRoot] } : {}),
          // The declarations file itself: a folder mapping resolves only for CommonJS packages, and a
          // generated package may well be `"type": "module"`.
          paths: { vitest: [`${toolchain.vitestDir}/dist/index.d.ts`] },
        },
        include: ['**/*.ts', '**/*.tsx', '**/*.mts'],
        exclude: [HOLDOUT_DIR, `*/${HOLDOUT_DIR}`, 'node_modules'],
      }),
    ],
    // Alias `vitest` to speccc's copy; keep vite's caches inside the scratch tree.
    [
      VITEST_CONFIG,
      // requireAssertions: a test that asserts nothing fails, rather than passing for free.
      `export default { cacheDir: '.vite-cache', resolve: { alias: ${aliases(toolchain)} }, test: { watch: false, pool: 'forks', testTimeout: 10000, expect: { requireAssertions: true }${twinTest} } };\n`,
    ],
    ...(twins.length > 0 ? [[RESET_HOOK, twinResetHook(twins)] as [string, string]] : []),
  ];
}

function withTools(tree: FileTree, toolchain: Toolchain, extra: [string, string][] = [], twins: readonly ServiceTwin[] = []): Map<string, string> {
  return new Map([...tree, ...toolConfigs(toolchain, twins), ...extra]);
}

const IMPORT_SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"\n]+)\1/g;

/**
 * Product code never imports a twin: the twin exists only in tests, and code built on it would
 * pass them and fail against the real service. Lines for the fix prompt, one per import.
 */
export function twinImports(tree: FileTree, outputs: readonly string[]): string[] {
  const found: string[] = [];
  for (const output of outputs) {
    if (TEST_FILE.test(output) || output.startsWith('twins/') || !/\.[cm]?[jt]sx?$/.test(output)) continue;
    for (const m of (tree.get(output) ?? '').matchAll(IMPORT_SPECIFIER)) {
      const specifier = m[2]!;
      if (!specifier.startsWith('.')) continue;
      const parts: string[] = [];
      for (const part of [...output.split('/').slice(0, -1), ...specifier.split('/')]) {
        if (part === '..') parts.pop();
        else if (part !== '.' && part !== '') parts.push(part);
      }
      if (parts[0] === 'twins') found.push(`${output} imports ${specifier} (${parts.join('/')}): a twin exists only in tests; call the service over HTTP at its base URL instead`);
    }
  }
  return found;
}

function testArgv(config: SpecccConfig, toolchain: Toolchain, files: string[]): string[] {
  const [head, ...rest] = config.validation.testCommand;
  const args = rest.flatMap((a) => (a === '{files}' ? files : [a]));
  // `vitest` means speccc's own vitest; any other command runs as given (inside the sandbox).
  return head === 'vitest' ? [toolchain.node, toolchain.vitest, ...args, '--config', VITEST_CONFIG] : [head!, ...args];
}

export function createValidator(options: ValidatorOptions): Validator {
  return {
    visible: (input) => checkVisible(options, input),
    prepare: () => prepareTests(options),
    holdout: (input) => judgeHoldouts(options, input),
    prove: (input) => proveCoverage(options, input),
    mutate: (input) => mutationRun(options, input),
  };
}

/** Gets a warm test runner ready for speccc's own vitest, with the config of a job without twins (one with twins runs cold). */
function prepareTests({ config, runner }: ValidatorOptions): void {
  if (config.validation.testCommand[0] !== 'vitest' || !runner.prepareTests) return;
  runner.prepareTests({ name: VITEST_CONFIG, content: toolConfigs(runner.toolchain).find(([name]) => name === VITEST_CONFIG)![1] });
}

/** The code's own checks: no twin imported, no check weakened, a type-check, then its tests, sealed. */
async function checkVisible(options: ValidatorOptions, { tree, outputs, twins = [], signal }: Parameters<Validator['visible']>[0]): Promise<ValidationRun> {
  const { config, runner } = options;
  const { toolchain } = runner;
  const timeoutMs = config.validation.timeoutMs;
  const started = Date.now();
  const imports = twinImports(tree, outputs);
  if (imports.length > 0) return { passed: false, failureClass: 'tests-fail', feedback: imports.join('\n'), durationMs: Date.now() - started };
  const weakened = weakenedChecks(tree, outputs);
  if (weakened.length > 0) return { passed: false, failureClass: 'checks-weakened', feedback: weakened.map((f) => `${f.file}:${f.line}: ${f.message}`).join('\n'), durationMs: Date.now() - started };
  const files = withTools(tree, toolchain, [], twins);
  const tests = outputs.filter((o) => TEST_FILE.test(o));
  const typecheck = config.validation.typecheck && outputs.some((o) => /\.[cm]?tsx?$/.test(o));
  // With a warm test runner the tests start beside the type-check (two processes, two cores);
  // their result counts only if the code compiles, as when they run after it.
  const stopTests = new AbortController();
  const testsSignal = AbortSignal.any([signal, stopTests.signal]);
  const testRun = { files, argv: testArgv(config, toolchain, tests), timeoutMs, signal: testsSignal, ...(twins.length > 0 ? { twins } : {}) };
  const runTests = () => (runner.test ? runner.test(testRun) : runner.run(testRun));
  const early = runner.test && typecheck && tests.length > 0 ? runTests() : undefined;
  if (typecheck) {
    const tsc = runner.typecheck
      ? await runner.typecheck({ files, config: TSCONFIG, timeoutMs, signal })
      : await runner.run({ files, argv: [toolchain.node, toolchain.tsc, '-p', TSCONFIG, '--pretty', 'false'], timeoutMs, signal });
    if (tsc.exitCode !== 0) {
      stopTests.abort();
      await early;
      return { passed: false, failureClass: classify(tsc) ?? 'does-not-compile', feedback: trimOutput(tsc.refused ?? tsc.output), durationMs: Date.now() - started };
    }
  }
  if (tests.length === 0) return { passed: true, feedback: '', durationMs: Date.now() - started };
  const result = await (early ?? runTests());
  const passed = result.exitCode === 0 && !result.timedOut;
  return { passed, ...(passed ? {} : { failureClass: classify(result) ?? 'tests-fail' }), feedback: passed ? '' : trimOutput(result.refused ?? result.output), durationMs: Date.now() - started };
}

/** The holdout checks, judged in a sealed copy of their own that meets the code only as plain data. */
async function judgeHoldouts(options: ValidatorOptions, { specId, checks, tree, twins = [], signal, seed }: Parameters<Validator['holdout']>[0]): Promise<HoldoutRun> {
  const { config, runner } = options;
  const { toolchain } = runner;
  const timeoutMs = config.validation.timeoutMs;
  const started = Date.now();
  if (checks.length === 0) return { passed: true, feedback: '', durationMs: 0, scenarios: [] };
  const placed = checks.map((c) => [holdoutPlacement(c.file), c.content] as [string, string]);
  const report = `${HOLDOUT_DIR}/${specId}.report.json`;
  const property = checks.some((c) => isPropertyCheck(c.content)) ? { seed: seed ?? chooseSeed(), runs: config.validation.propertyRuns } : undefined;
  // Two fresh sealed copies: the code (and its twins) in one, the checks in the other; they meet only as plain data.
  const result = await runner.judge({
    code: tree,
    judge: judgeTree(tree, placed, toolchain, twins, property),
    argv: [toolchain.node, toolchain.vitest, 'run', ...placed.map(([p]) => p), '--config', JUDGE_CONFIG, '--reporter=json', `--outputFile=${report}`],
    timeoutMs,
    signal,
    collect: [report],
    ...(twins.length > 0 ? { twins } : {}),
  });
  const scenarios = scenarioVerdicts(checks, result.collected.get(report), { property, stoppedAtMs: result.timedOut ? timeoutMs : undefined });
  const passed = result.exitCode === 0 && scenarios.every((s) => s.passed);
  return {
    passed,
    ...(passed ? {} : { failureClass: classify(result) ?? 'holdout-fails' }),
    feedback: passed ? '' : trimOutput(result.refused ?? result.output),
    durationMs: Date.now() - started,
    scenarios,
  };
}

/** Which requirement-tagged tests kill which mutants of the code (the coverage proof), in one sealed vitest process. */
async function proveCoverage(options: ValidatorOptions, { tree, outputs, requirements, twins = [], signal }: Parameters<Validator['prove']>[0]): Promise<ProofRun> {
  const { config, runner } = options;
  const { toolchain } = runner;
  const timeoutMs = config.validation.timeoutMs;
  const started = Date.now();
  const plan = planProof(tree, outputs, new Set(requirements));
  if (!plan) return { proven: null, mutants: 0, durationMs: 0 };
  if (!options.proofDriver) return { proven: {}, mutants: plan.mutants.length, error: 'this speccc has no proof driver', durationMs: 0 };
  const driver = `${PROOF_DIR}/driver.mjs`;
  const files = withTools(new Map([...tree, ...plan.files]), toolchain, [[PROOF_PLAN, JSON.stringify({ tests: plan.tests, mutants: plan.mutants.map((m) => m.id) })], [driver, options.proofDriver]], twins);
  // One vitest process for the baseline and every mutant; the limit grows with them.
  const limit = timeoutMs * Math.min(MUTATION_TIMEOUT_FACTOR, 1 + plan.mutants.length);
  const result = await runner.run({ files, argv: [toolchain.node, driver, toolchain.vitestDir, VITEST_CONFIG], timeoutMs: limit, signal, collect: [PROOF_RESULT], ...(twins.length > 0 ? { twins } : {}) });
  const text = result.collected.get(PROOF_RESULT);
  let parsed: ProofResult | null = null;
  try {
    parsed = text === undefined ? null : (JSON.parse(text) as ProofResult);
  } catch {
    parsed = null;
  }
  // The code under test could have written the result: read it as data, and a bad one proves nothing.
  if (!parsed || typeof parsed !== 'object' || !Array.isArray(parsed['0'])) {
    const why = result.refused ?? (result.timedOut ? `timed out after ${limit} ms` : `the proof driver exited with ${result.exitCode ?? result.signal} and wrote no result`);
    return { proven: {}, mutants: plan.mutants.length, error: `${why}\n${trimOutput(result.output)}`.trim(), durationMs: Date.now() - started };
  }
  return { proven: Object.fromEntries(provenCoverage(plan, parsed)), mutants: plan.mutants.length, durationMs: Date.now() - started };
}

/** A Stryker run of the code against its holdout checks, sealed; its report read as untrusted data. */
async function mutationRun(options: ValidatorOptions, { specId, checks, tree, mutate, twins = [], signal, seed }: Parameters<Validator['mutate']>[0]): Promise<MutationRun> {
  const { config, runner } = options;
  const { toolchain } = runner;
  const timeoutMs = config.validation.timeoutMs;
  const started = Date.now();
  const none = (error: string, failureClass?: MutationRun['failureClass']): MutationRun => ({ result: null, error, ...(failureClass ? { failureClass } : {}), durationMs: Date.now() - started });
  const targets = mutate.filter((p) => tree.has(p));
  if (targets.length === 0) return none('no generated file to mutate');
  if (!toolchain.stryker) return none('this sandbox has no Stryker toolchain', 'sandbox-refused');
  if (checks.length === 0) return none('no holdout check to judge the mutants');
  const placed = checks.map((c) => [holdoutPlacement(c.file), c.content] as [string, string]);
  const limit = timeoutMs * MUTATION_TIMEOUT_FACTOR;
  const plan = planMutationRun({
    specId,
    mutate: targets,
    holdoutFiles: placed.map(([p]) => p),
    toolchain: { node: toolchain.node, strykerBin: toolchain.stryker, vitestDir: toolchain.vitestDir, ...(toolchain.fastCheckDir ? { fastCheckDir: toolchain.fastCheckDir } : {}) },
    ...(checks.some((c) => isPropertyCheck(c.content)) ? { property: { seed: seed ?? chooseSeed(), runs: config.validation.propertyRuns } } : {}),
    timeoutMs: limit,
    concurrency: options.mutationConcurrency ?? 2,
    ...(twins.length > 0 ? { twins } : {}),
  });
  // A fresh sealed copy, as for every run of generated code: Stryker, the mutants and any twins run inside the sandbox.
  const result = await runner.run({
    files: withTools(tree, toolchain, [...placed, ...plan.files], twins),
    argv: plan.argv,
    timeoutMs: limit,
    signal,
    collect: [plan.reportPath],
    links: plan.links,
    ...(twins.length > 0 ? { twins } : {}),
  });
  const report = result.collected.get(plan.reportPath);
  if (report === undefined) {
    const why = result.refused ?? (result.timedOut ? `timed out after ${limit} ms` : `Stryker exited with ${result.exitCode ?? result.signal} and wrote no report`);
    return none(`${why}\n${trimOutput(result.output)}`.trim(), classify(result) ?? 'crash');
  }
  try {
    // The code under test could have written the report: readMutationReport checks its shape.
    return { result: readMutationReport(report, targets), durationMs: Date.now() - started };
  } catch (error) {
    return none(`Stryker's report is unusable: ${error instanceof Error ? error.message : String(error)}`, 'crash');
  }
}
