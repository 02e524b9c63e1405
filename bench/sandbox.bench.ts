/**
 * What sealing costs: the same validation of the example's money spec (tsc, then its vitest
 * tests) and the same empty command, in bubblewrap and unsealed (`validation.sandbox: "off"`);
 * what the type-check server saves against a fresh tsc process per validation; and what the warm
 * test runner saves (src/io/vitest-spare.ts), measured interleaved with the cold test run it
 * replaces, so that the machine's load weighs on both alike.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSealedRunner, warmTestRunner } from '../src/io/sealed-runner.js';
import { createValidator, toolConfigs, TSCONFIG } from '../src/phases/7-validate/index.js';
import { defaultConfig } from '../src/config/parse.js';
import type { SealedRunner } from '../src/types/index.js';
import { median, repo, type BenchResult } from './util.js';

const tree = new Map(['src/money.ts', 'src/money.test.ts'].map((p) => [p, readFileSync(path.join(repo, 'examples/replies/money', p), 'utf8')]));
const signal = new AbortController().signal;
const ROUNDS = Number(process.env.SANDBOX_BENCH_ROUNDS ?? 7);

/** The sealed runner without its warm test runner: its tests run cold, after the type-check (before the warm runner). */
const coldTests = (runner: SealedRunner): SealedRunner => ({ mode: runner.mode, toolchain: runner.toolchain, run: runner.run, judge: runner.judge, ...(runner.typecheck ? { typecheck: runner.typecheck } : {}) });

async function validate(runner: SealedRunner): Promise<number> {
  const t = performance.now();
  const v = await createValidator({ config: defaultConfig(), runner }).visible({ specId: 'money', tree, outputs: [...tree.keys()], signal });
  if (!v.passed) throw new Error(`money did not validate (${runner.mode}): ${v.feedback}`);
  return performance.now() - t;
}

async function measure(mode: 'bubblewrap' | 'off', server = true) {
  const sealedRunner = createSealedRunner({ mode, parentEnv: { PATH: process.env.PATH } });
  // Without the type-check server the validator runs a fresh tsc process per validation.
  const cold = coldTests(sealedRunner);
  const runner = server ? cold : { mode: cold.mode, toolchain: cold.toolchain, run: cold.run, judge: cold.judge };
  const empty: number[] = [];
  const visible: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await runner.run({ files: new Map(), argv: [runner.toolchain.node, '-e', ''], timeoutMs: 10_000, signal });
    empty.push(performance.now() - t);
    visible.push(await validate(runner));
  }
  return { empty: median(empty), visible: median(visible) };
}

/**
 * Warm against cold, round by round in alternating order: cold (tests after the type-check, a
 * fresh vitest), warm tests after the type-check, warm tests beside it (what validation does now).
 * Each warm run starts once its spare is loaded, as a job does that arrives while the agent works.
 */
async function interleaved() {
  const sealed = createSealedRunner({ mode: 'bubblewrap', parentEnv: { PATH: process.env.PATH } });
  // How each warm run went: on a spare that loaded vitest, made its instance too, or cold after a warm failure.
  const ways = new Map<string, number>();
  const test: SealedRunner['test'] = async (command) => {
    const result = await sealed.test!(command);
    ways.set(result.warm ?? 'cold', (ways.get(result.warm ?? 'cold') ?? 0) + 1);
    return result;
  };
  const runner: SealedRunner = { ...sealed, test };
  const variants: Record<'cold' | 'warmAfter' | 'warm', SealedRunner> = {
    cold: coldTests(runner),
    warmAfter: { ...coldTests(runner), run: test },
    warm: runner,
  };
  const times: Record<keyof typeof variants, number[]> = { cold: [], warmAfter: [], warm: [] };
  const load: number[] = [];
  const typecheck: number[] = [];
  await validate(runner); // starts the type-check server: every variant shares it
  for (let round = 0; round < ROUNDS; round++) {
    const order = (Object.keys(variants) as (keyof typeof variants)[])[round % 2 ? 'reverse' : 'slice']();
    for (const name of order) {
      if (name !== 'cold' && !(await warmTestRunner(sealed))) throw new Error('the warm test runner did not start');
      load.push(os.loadavg()[0]!);
      times[name].push(await validate(variants[name]));
    }
    // The type-check alone: with the tests beside it, a warm validation is the longer of the two.
    const t = performance.now();
    await sealed.typecheck!({ files: new Map([...tree, ...toolConfigs(sealed.toolchain)]), config: TSCONFIG, timeoutMs: 60_000, signal });
    typecheck.push(performance.now() - t);
  }
  return {
    cold: median(times.cold),
    warmAfter: median(times.warmAfter),
    warm: median(times.warm),
    typecheck: median(typecheck),
    load: `load average ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)} on ${os.cpus().length} cores`,
    ways: [...ways].map(([way, n]) => `${n} ${way}`).join(', '),
  };
}

export async function run(): Promise<BenchResult[]> {
  const warm = await interleaved();
  const sealed = await measure('bubblewrap');
  const open = await measure('off');
  const freshTsc = await measure('bubblewrap', false);
  return [
    { name: 'empty command, sealed (bubblewrap)', value: sealed.empty, unit: 'ms', note: `unsealed ${open.empty.toFixed(0)} ms` },
    { name: 'visible validation of money (tsc + vitest), sealed', value: sealed.visible, unit: 'ms', note: `cold vitest; unsealed ${open.visible.toFixed(0)} ms; overhead ${(sealed.visible - open.visible).toFixed(0)} ms` },
    { name: 'the same, tsc as a fresh process each time', value: freshTsc.visible, unit: 'ms', note: 'no type-check server' },
    { name: 'interleaved: cold vitest after the type-check', value: warm.cold, unit: 'ms', note: `${ROUNDS} rounds; ${warm.load}` },
    { name: 'interleaved: warm vitest after the type-check', value: warm.warmAfter, unit: 'ms', note: `warm runs: ${warm.ways}` },
    { name: 'interleaved: warm vitest beside the type-check', value: warm.warm, unit: 'ms', note: 'what visible validation does now; goal <= 300 ms', row: 'validation of one spec, warm', tool: 'speccc' },
    { name: 'interleaved: the type-check alone (warm server)', value: warm.typecheck, unit: 'ms' },
  ];
}
