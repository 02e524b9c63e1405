/**
 * What sealing costs: the same validation of the example's money spec (tsc, then its vitest
 * tests) and the same empty command, in bubblewrap and unsealed (`validation.sandbox: "off"`);
 * and what the type-check server saves against a fresh tsc process per validation.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createSealedRunner } from '../src/io/sealed-runner.js';
import { createValidator } from '../src/phases/7-validate/index.js';
import { defaultConfig } from '../src/config/parse.js';
import { median, repo, type BenchResult } from './util.js';

const tree = new Map(['src/money.ts', 'src/money.test.ts'].map((p) => [p, readFileSync(path.join(repo, 'examples/replies/money', p), 'utf8')]));
const signal = new AbortController().signal;

async function measure(mode: 'bubblewrap' | 'off', server = true) {
  const sealedRunner = createSealedRunner({ mode, parentEnv: { PATH: process.env.PATH } });
  // Without the type-check server the validator runs a fresh tsc process per validation.
  const runner = server ? sealedRunner : { mode: sealedRunner.mode, toolchain: sealedRunner.toolchain, run: sealedRunner.run.bind(sealedRunner), judge: sealedRunner.judge.bind(sealedRunner) };
  const validator = createValidator({ config: defaultConfig(), runner });
  const empty: number[] = [];
  const visible: number[] = [];
  for (let i = 0; i < 5; i++) {
    let t = performance.now();
    await runner.run({ files: new Map(), argv: [runner.toolchain.node, '-e', ''], timeoutMs: 10_000, signal });
    empty.push(performance.now() - t);
    t = performance.now();
    const v = await validator.visible({ specId: 'money', tree, outputs: [...tree.keys()], signal });
    if (!v.passed) throw new Error(`money did not validate (${mode}): ${v.feedback}`);
    visible.push(performance.now() - t);
  }
  return { empty: median(empty), visible: median(visible) };
}

export async function run(): Promise<BenchResult[]> {
  const sealed = await measure('bubblewrap');
  const open = await measure('off');
  const freshTsc = await measure('bubblewrap', false);
  return [
    { name: 'empty command, sealed (bubblewrap)', value: sealed.empty, unit: 'ms', note: `unsealed ${open.empty.toFixed(0)} ms` },
    { name: 'visible validation of money (tsc + vitest), sealed', value: sealed.visible, unit: 'ms', note: `unsealed ${open.visible.toFixed(0)} ms; overhead ${(sealed.visible - open.visible).toFixed(0)} ms` },
    { name: 'the same, tsc as a fresh process each time', value: freshTsc.visible, unit: 'ms', note: 'no type-check server' },
  ];
}
