/**
 * Mutation testing of the whole example: every generated file of a spec with holdout scenarios,
 * against those scenarios (what `speccc verify --mutate` does for all specs), with Stryker's
 * defaults (all mutators) at concurrency 2. Cold: a fresh staged tree, spec after spec; warm: the
 * same again with the incremental files of the cold run. Also one Stryker run that mutates all
 * four files against all scenarios at once. line-items has no scenarios of its own: per spec it is
 * skipped, in the single run it is covered through invoice-totals' scenario.
 * Run alone: node --import tsx bench/run.ts mutation
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runMutation, specccToolchain } from '../src/io/mutation-runner.js';
import type { MutationResult } from '../src/phases/7-validate/mutation.js';
import { repo, type BenchResult } from './util.js';

const SPECS = ['money', 'line-items', 'discount-codes', 'invoice-totals'];
const toolchain = specccToolchain();

function stagedTree(): string {
  const tree = mkdtempSync(path.join(tmpdir(), 'speccc-bench-mutation-'));
  cpSync(path.join(repo, 'generated'), tree, { recursive: true });
  for (const spec of SPECS) {
    const dir = path.join(repo, 'scenarios', spec);
    if (!existsSync(dir)) continue;
    mkdirSync(path.join(tree, '.holdout', spec), { recursive: true });
    for (const n of readdirSync(dir).filter((f) => f.endsWith('.test.ts'))) cpSync(path.join(dir, n), path.join(tree, '.holdout', spec, n));
  }
  return tree;
}

const holdoutsOf = (tree: string, spec: string) =>
  existsSync(path.join(tree, '.holdout', spec)) ? readdirSync(path.join(tree, '.holdout', spec)).map((n) => `.holdout/${spec}/${n}`) : [];

async function perSpec(tree: string): Promise<{ ms: number; results: Map<string, MutationResult> }> {
  const started = performance.now();
  const results = new Map<string, MutationResult>();
  for (const spec of SPECS) {
    const holdoutFiles = holdoutsOf(tree, spec);
    if (holdoutFiles.length === 0) continue;
    const mutate = [`src/${spec}.ts`];
    results.set(spec, await runMutation({ specId: spec, mutate, holdoutFiles, toolchain, timeoutMs: 180_000, concurrency: 2, treeDir: tree, incrementalFile: `.stryker/${spec}/incremental.json` }));
  }
  return { ms: performance.now() - started, results };
}

const summary = (results: Map<string, MutationResult>) =>
  [...results].map(([spec, r]) => `${spec} ${r.score?.toFixed(0)}% of ${r.total}, ${r.survivors.length} unkilled`).join('; ');

export async function run(): Promise<BenchResult[]> {
  const tree = stagedTree();
  try {
    const cold = await perSpec(tree);
    const warm = await perSpec(tree);
    const allStarted = performance.now();
    const all = await runMutation({
      specId: 'all',
      mutate: SPECS.map((s) => `src/${s}.ts`),
      holdoutFiles: SPECS.flatMap((s) => holdoutsOf(tree, s)),
      toolchain,
      timeoutMs: 180_000,
      concurrency: 2,
      treeDir: tree,
    });
    const allMs = performance.now() - allStarted;
    return [
      { name: 'mutation, 3 specs with scenarios, one by one: cold', value: cold.ms, unit: 'ms', note: `budget 180000; ${summary(cold.results)}` },
      { name: 'mutation, the same again: incremental', value: warm.ms, unit: 'ms', note: summary(warm.results) },
      { name: 'mutation, all 4 files vs all scenarios, one run', value: allMs, unit: 'ms', note: `${all.score?.toFixed(0)}% of ${all.total}, ${all.survivors.length} unkilled` },
    ];
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}
