/**
 * The warm test runner of visible validation (src/io/vitest-spare.ts through the sealed runner's
 * `test`): warm and cold give the same verdict and feedback, one job's code leaves nothing for the
 * next job's tests, and a spare that dies mid-run falls back to the cold run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeWarmTestRunners, createSealedRunner, warmTestRunner } from '../../src/io/sealed-runner.js';
import { createVitestSpares, MAX_WARM_FAILURES } from '../../src/io/vitest-spare.js';
import { createValidator } from '../../src/phases/7-validate/index.js';
import { defaultConfig } from '../../src/config/parse.js';
import type { SealedResult, SealedRunner, ValidationRun } from '../../src/types/index.js';
import { buildWith, view } from '../helpers/runtime.js';
import { fakeAgent } from '../helpers/fake-agent.js';
import { exampleReplies } from '../helpers/example-replies.js';
import { useTempWorkspace } from '../helpers/fixtures.js';
import { processTable } from '../helpers/processes.js';

const runner = createSealedRunner({ mode: 'bubblewrap', parentEnv: process.env });
/** A runner without its warm test runner: what validation did before it. */
const withoutWarm = (r: SealedRunner): SealedRunner => ({ mode: r.mode, toolchain: r.toolchain, run: r.run, judge: r.judge, ...(r.typecheck ? { typecheck: r.typecheck } : {}) });
const signal = new AbortController().signal;
const LONG = 240_000;
const workspaces = useTempWorkspace();
afterAll(closeWarmTestRunners);

/** Validates a tree's visible checks; `warm` records, for each test run, whether it ran warm. */
async function visible(files: Record<string, string>, on: SealedRunner, warm: Warm[] = []): Promise<ValidationRun> {
  const spied: SealedRunner = on.test ? { ...on, test: async (command) => record(await on.test!(command), warm) } : on;
  const tree = new Map(Object.entries(files));
  return createValidator({ config: defaultConfig(), runner: spied }).visible({ specId: 'job', tree, outputs: [...tree.keys()], signal });
}

/** How a test run ran: cold, or on a spare that had loaded vitest (`loaded`), made its instance too (`prepared`), or also started the process its tests ran in (`forked`). */
type Warm = SealedResult['warm'] | 'cold';

function record(result: SealedResult, warm: Warm[]): SealedResult {
  warm.push(result.warm ?? 'cold');
  return result;
}

/**
 * Feedback without what differs between any two runs, cold or warm: durations, and the order in
 * which lines of vitest's stdout (the summary) and stderr (the failures) reach speccc through
 * their two pipes.
 */
const steady = (feedback: string) => feedback.replace(/\d+ ?ms\b/g, '<ms>').split('\n').sort().join('\n');

const code = 'export function half(n: number): number {\n  return n / 2;\n}\n';
const passing = { 'src/half.ts': code, 'src/half.test.ts': "import { expect, it } from 'vitest';\nimport { half } from './half.js';\n\nit('halves', () => {\n  expect(half(4)).toBe(2);\n});\n" };
const failing = { 'src/half.ts': code, 'src/half.test.ts': "import { expect, it } from 'vitest';\nimport { half } from './half.js';\n\nit('halves', () => {\n  expect(half(5)).toBe(2);\n});\n" };

describe('the warm test runner (sealed)', () => {
  it('gives the verdict and feedback of the cold run, for a job whose tests pass and one whose tests fail, on a spare that loaded vitest, or made its instance and started its test process too', { timeout: LONG }, async () => {
    // The first spare knows no config yet: it loads vitest only. Later ones make the instance for
    // the last job's config, except for a job with a root-level file of its own (vite reads a root's
    // package.json as the instance is made): that one runs through vitest's CLI in its spare.
    // A runner of its own (another environment): spares are per process, and test files share one.
    const own = createSealedRunner({ mode: 'bubblewrap', parentEnv: { PATH: process.env.PATH, TZ: 'Etc/UTC' } });
    const ownCold = withoutWarm(own);
    const withPackage = { ...failing, 'package.json': '{ "type": "module" }\n' };
    const jobs: [Record<string, string>, Warm][] = [[passing, 'loaded'], [failing, 'forked'], [passing, 'forked'], [withPackage, 'loaded'], [withPackage, 'loaded']];
    for (const [files, how] of jobs) {
      expect(await warmTestRunner(own)).toBe(true);
      const warmRuns: Warm[] = [];
      const warm = await visible(files, own, warmRuns);
      const before = await visible(files, ownCold);
      expect(warmRuns).toEqual([how]);
      expect({ ...warm, durationMs: 0, feedback: steady(warm.feedback) }).toEqual({ ...before, durationMs: 0, feedback: steady(before.feedback) });
    }
    const failed = await visible(failing, runner);
    expect(failed).toMatchObject({ passed: false, failureClass: 'tests-fail' });
    expect(failed.feedback).toContain('AssertionError: expected 2.5 to be 2');
    expect(failed.feedback).toContain('src/half.test.ts:5:');
  });

  it("leaves nothing of one job's code for the next job's tests: files, a running process, globals, module state, environment", { timeout: LONG }, async () => {
    const writer = "setInterval(() => require('fs').writeFileSync('/tmp/late-from-a', 'a'), 20)";
    const jobA = {
      'src/state.ts': 'export const seen: string[] = [];\n',
      'src/a.test.ts': [
        "import { execFileSync, spawn } from 'node:child_process';",
        "import { existsSync, writeFileSync } from 'node:fs';",
        "import { homedir } from 'node:os';",
        "import { expect, it } from 'vitest';",
        "import { seen } from './state.js';",
        '',
        "it('writes and sets everything it can', async () => {",
        "  writeFileSync('left-by-a', 'a');",
        "  writeFileSync('../left-by-a', 'a');",
        "  writeFileSync('/tmp/left-by-a', 'a');",
        "  writeFileSync(`${homedir()}/left-by-a`, 'a');",
        "  (globalThis as Record<string, unknown>).leftByA = true;",
        "  process.env.LEFT_BY_A = '1';",
        "  seen.push('a');",
        `  spawn(process.execPath, ['-e', ${JSON.stringify(writer)}], { detached: true, stdio: 'ignore' }).unref();`,
        "  await new Promise((r) => setTimeout(r, 300));",
        "  expect(existsSync('/tmp/late-from-a') && existsSync('/tmp/left-by-a') && existsSync('left-by-a')).toBe(true);",
        "  expect(execFileSync('ls', ['/proc']).toString()).toMatch(/\\d/);",
        '});',
        '',
      ].join('\n'),
    };
    const jobB = {
      'src/state.ts': 'export const seen: string[] = [];\n',
      'src/b.test.ts': [
        "import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';",
        "import { homedir } from 'node:os';",
        "import { expect, it } from 'vitest';",
        "import { seen } from './state.js';",
        '',
        "it('sees nothing of job A', async () => {",
        "  rmSync('/tmp/late-from-a', { force: true });",
        "  await new Promise((r) => setTimeout(r, 300));",
        "  const found = ['left-by-a', '../left-by-a', '/tmp/left-by-a', `${homedir()}/left-by-a`, '/tmp/late-from-a'].filter((f) => existsSync(f));",
        "  const processes = readdirSync('/proc').filter((p) => /^\\d+$/.test(p)).map((p) => { try { return readFileSync(`/proc/${p}/cmdline`, 'utf8'); } catch { return ''; } });",
        "  expect({ found, writer: processes.some((c) => c.includes('late-from-a')), global: (globalThis as Record<string, unknown>).leftByA, env: process.env.LEFT_BY_A, seen }).toEqual({ found: [], writer: false, global: undefined, env: undefined, seen: [] });",
        '});',
        '',
      ].join('\n'),
    };
    // The control: B's test after A's in one job (one file, one process) sees every one of them.
    const together = jobA['src/a.test.ts'].replace("import { seen } from './state.js';", "import { readdirSync, readFileSync, rmSync } from 'node:fs';\nimport { seen } from './state.js';") + jobB['src/b.test.ts'].split('\n').slice(5).join('\n');
    const control = await visible({ 'src/state.ts': jobA['src/state.ts'], 'src/a.test.ts': together }, runner);
    expect(control.passed).toBe(false);
    for (const leftover of ['"env": "1"', '"../left-by-a"', '"/tmp/left-by-a"', '"/tmp/late-from-a"', '"global": true', '"writer": true']) expect(control.feedback).toContain(leftover);
    const warmRuns: Warm[] = [];
    expect(await warmTestRunner(runner)).toBe(true);
    expect(await visible(jobA, runner, warmRuns)).toMatchObject({ passed: true });
    expect(await warmTestRunner(runner)).toBe(true);
    const b = await visible(jobB, runner, warmRuns);
    expect(b.feedback).toBe('');
    expect(b.passed).toBe(true);
    expect(warmRuns).toHaveLength(2);
    expect(warmRuns).not.toContain('cold');
  });

  it('falls back to the cold run when the spare dies mid-run, and still gives the right verdict; the next run is warm again', { timeout: LONG }, async () => {
    const slow = (assertion: string) => ({
      'src/slow.ts': 'export const slow = 1;\n',
      'src/slow.test.ts': `import { expect, it } from 'vitest';\nimport { slow } from './slow.js';\n\nit('waits, then checks', async () => {\n  await new Promise((r) => setTimeout(r, 3000));\n  ${assertion};\n});\n`,
    });
    for (const [files, passed] of [[slow('expect(slow).toBe(1)'), true], [slow('expect(slow).toBe(2)'), false]] as const) {
      expect(await warmTestRunner(runner)).toBe(true);
      const warmRuns: Warm[] = [];
      const validation = visible(files, runner, warmRuns);
      // Once the job's test worker runs inside the spare, kill the spare's whole sandbox.
      const spare = await until(() => spareRunningTests('src/slow.test.ts'));
      process.kill(-spare, 'SIGKILL');
      const result = await validation;
      expect(warmRuns).toEqual(['cold']);
      expect(result.passed).toBe(passed);
      if (!passed) expect(result.feedback).toContain('AssertionError: expected 1 to be 2');
    }
    const warmRuns: Warm[] = [];
    expect(await warmTestRunner(runner)).toBe(true);
    expect(await visible(passing, runner, warmRuns)).toMatchObject({ passed: true });
    expect(warmRuns).toHaveLength(1);
    expect(warmRuns).not.toContain('cold');
  });
});

describe('a spare started while an agent works', () => {
  it("the validator's prepare starts one spare, once, without waiting for it, made for speccc's config; the next run is warm on it", { timeout: LONG }, async () => {
    // A runner of its own (another environment): its spares are not the other tests'.
    const own = createSealedRunner({ mode: 'bubblewrap', parentEnv: { PATH: process.env.PATH, TZ: 'UTC' } });
    const validator = createValidator({ config: defaultConfig(), runner: own });
    const before = ourSpares();
    validator.prepare!();
    validator.prepare!();
    const started = ourSpares().filter((pid) => !before.includes(pid));
    expect(started).toHaveLength(1);
    const warmRuns: Warm[] = [];
    expect(await visible(passing, own, warmRuns)).toMatchObject({ passed: true });
    expect(warmRuns).toEqual(['forked']);
    // The run took that spare (and threw it away), rather than starting one of its own.
    expect(ourSpares()).not.toContain(started[0]);
  });
});

describe('a warm test runner that keeps failing', () => {
  it(`is dropped after ${MAX_WARM_FAILURES} failures in a row: no more spares are started, every run is cold`, async () => {
    let started = 0;
    // A "sandbox" that exits at once: every spare stops before it has its job.
    const spares = createVitestSpares({ toolchain: runner.toolchain, parentEnv: process.env, wrapper: () => (started++, ['/bin/false']) });
    const command = { files: new Map(), argv: [runner.toolchain.node, runner.toolchain.vitest, 'run'], timeoutMs: 10_000, signal };
    for (let i = 0; i < MAX_WARM_FAILURES + 2; i++) expect(await spares.run(command, async () => new Map())).toBeNull();
    expect(started).toBe(MAX_WARM_FAILURES);
    expect(await spares.ready()).toBe(false);
    expect(started).toBe(MAX_WARM_FAILURES);
  });
});

describe('a build whose warm test runner dies', () => {
  it('falls back to cold runs and still fixes, then promotes, the job: the failure reaches the fix prompt', { timeout: 2 * LONG }, async () => {
    const good = exampleReplies().money!;
    // The wait gives the killer time to find the spare's test worker. The coverage proof runs the
    // same tests once per mutant in a process of its own (no spare to kill): there it does not wait.
    const slowTest =
      "\nimport { existsSync } from 'node:fs';\nit('waits a moment', async () => {\n  if (!existsSync('.speccc-prove/active')) await new Promise((r) => setTimeout(r, 3000));\n  expect(1).toBe(1);\n});\n";
    const slow = { ...good, 'src/money.test.ts': good['src/money.test.ts']! + slowTest };
    const broken = { ...slow, 'src/money.ts': good['src/money.ts']!.replace('return sign * rounded + 0;', 'return sign * quotient + 0;') };
    const fake = fakeAgent((_task, call) => ({ files: call === 1 ? broken : slow }));
    // Every spare that gets as far as running a test worker is killed, for the whole build.
    let kills = 0;
    const killer = setInterval(() => {
      const spare = spareRunningTests('src/money.test.ts');
      if (spare === undefined) return;
      process.kill(-spare, 'SIGKILL');
      kills++;
    }, 50);
    try {
      const root = workspaces.moneyOnly();
      const result = view(await buildWith(root, fake.agent, { validator: 'sealed', env: { PATH: process.env.PATH } }));
      expect(result.outcomes.get('money')).toMatchObject({ state: 'built', attempts: 2 });
      expect(fake.tasks[1]!.prompt).toMatch(/half-even rounding of a tie/);
      expect(readFileSync(`${root}/generated/src/money.ts`, 'utf8')).toContain('return sign * rounded + 0;');
    } finally {
      clearInterval(killer);
    }
    expect(kills).toBeGreaterThanOrEqual(2);
  });
});

/** Polls `find` every 50 ms until it answers. */
async function until<T>(find: () => T | undefined): Promise<T> {
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** This process's spares: its children whose command names the spare script. */
function ourSpares(): number[] {
  const { parents, commands } = processTable();
  return [...parents].filter(([pid, parent]) => parent === process.pid && commands.get(pid)?.includes('vitest-spare')).map(([pid]) => pid);
}

/**
 * This process's spare (a child whose command names the spare script) once the vitest test worker
 * under it has `testFile` in its folder: a prepared spare starts its worker before it has a job,
 * and another spare may be waiting beside the one running a job.
 */
function spareRunningTests(testFile: string): number | undefined {
  const { parents, commands, under } = processTable();
  const spares = [...parents].filter(([pid, parent]) => parent === process.pid && commands.get(pid)?.includes('vitest-spare')).map(([pid]) => pid);
  return spares.find((spare) => [...commands].some(([pid, command]) => command.includes('workers/forks.js') && under(pid, spare) && existsSync(`/proc/${pid}/cwd/${testFile}`)));
}
