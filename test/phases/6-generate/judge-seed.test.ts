/**
 * The gate judges property holdouts with a seed drawn from the verdict key: the same output under
 * the same holdouts and settings meets the same inputs, so its verdict and mutation score do not
 * flip between builds; any change to what is judged draws another seed.
 */
import { describe, expect, it } from 'vitest';
import { gateSeed, judge } from '../../../src/phases/6-generate/judge.js';
import type { PlannedJob, SpecccConfig, Validator, VerdictKey } from '../../../src/types/index.js';

const digest = (c: string) => c.repeat(64);
const key = (tree: string, holdouts = 'b'): VerdictKey => ({ tree: digest(tree), visible: digest('0'), holdouts: digest(holdouts), settings: digest('c') });

function recordingValidator(seeds: (number | undefined)[]): Validator {
  const ok = { passed: true, feedback: '', durationMs: 1 };
  return {
    visible: async () => ok,
    holdout: async ({ seed }) => {
      seeds.push(seed);
      return { ...ok, scenarios: [{ name: 'p', file: 'money/p.test.ts', passed: true, property: { seed: seed!, runs: 100 } }] };
    },
    mutate: async ({ seed }) => {
      seeds.push(seed);
      return { result: { score: 80, killed: 8, survived: 2, timedOut: 0, noCoverage: 0, total: 10, survivors: [] }, durationMs: 1 };
    },
    prove: async () => ({ proven: null, mutants: 0, durationMs: 1 }),
  } as Validator;
}

const job = { id: 'money', spec: { frontmatter: { outputs: ['src/money.ts'] }, requirements: [] } } as unknown as PlannedJob;
const config = { promotion: { requireHoldouts: false, minMutationScore: 50 } } as unknown as SpecccConfig;
const trace = { write() {} } as never;

async function seedsOf(k: VerdictKey): Promise<(number | undefined)[]> {
  const seeds: (number | undefined)[] = [];
  const verdict = await judge({ job, key: k, tree: new Map(), twins: [], checks: [], config, validator: recordingValidator(seeds), trace, attempt: 1, signal: new AbortController().signal });
  expect(verdict.admitted).toBe(true);
  return seeds;
}

describe('the gate: property seeds', () => {
  it('judges the same output under the same key with the same seed, holdouts and mutation run alike', async () => {
    const first = await seedsOf(key('a'));
    expect(first).toEqual([gateSeed(key('a')), gateSeed(key('a'))]);
    expect(await seedsOf(key('a'))).toEqual(first);
    expect(first[0]).toBeGreaterThanOrEqual(0);
    expect(first[0]).toBeLessThanOrEqual(0x7fffffff);
  });

  it('draws another seed when the output or the holdouts change', () => {
    expect(gateSeed(key('d'))).not.toBe(gateSeed(key('a')));
    expect(gateSeed(key('a', 'e'))).not.toBe(gateSeed(key('a')));
  });
});
