/**
 * promotion.minMutationScore in the build's holdout step: output whose holdouts kill too few
 * mutants is not promoted (and nothing of it reaches the agent); a spec without holdouts cannot
 * meet a minimum; output above it is promoted with its score in the manifest. The validator's
 * mutation runs are scripted here (a real one is test/commands/verify/mutation-cli.test.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MutationRun, Validator } from '../../../src/types/index.js';
import { fakeAgent } from '../../helpers/fake-agent.js';
import { exampleReplies } from '../../helpers/example-replies.js';
import { buildWith, view } from '../../helpers/runtime.js';
import { moneyOnly } from '../../helpers/workspaces.js';
import { useTempWorkspace } from '../../helpers/fixtures.js';

const workspaces = useTempWorkspace({ scope: 'all' });

const scored = (score: number): MutationRun => ({ result: { score, killed: score, survived: 100 - score, timedOut: 0, noCoverage: 0, total: 100, survivors: [] }, durationMs: 5 });

function validator(mutation: MutationRun, holdouts = 1): Validator & { mutated: string[][] } {
  const mutated: string[][] = [];
  return {
    mutated,
    visible: async () => ({ passed: true, feedback: '', durationMs: 0 }),
    holdout: async () => ({ passed: true, feedback: '', durationMs: 0, scenarios: Array.from({ length: holdouts }, () => ({ name: 'negative-ties', file: 'money/negative-ties.test.ts', passed: true })) }),
    mutate: async ({ mutate }) => {
      mutated.push([...mutate]);
      return mutation;
    },
    prove: async () => ({ proven: null, mutants: 0, durationMs: 0 }),
  };
}

function workspace(minimum: number): string {
  const root = workspaces.moneyOnly();
  writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ promotion: { minMutationScore: minimum } }));
  return root;
}

const agent = () => fakeAgent(() => ({ files: exampleReplies().money! }));

describe('promotion.minMutationScore', () => {
  it('refuses output whose holdouts kill too few mutants, and says how to see the survivors', async () => {
    const root = workspace(80);
    const weak = validator(scored(50));
    const { agent: a, tasks } = agent();
    const result = view(await buildWith(root, a, { validator: weak }));
    const money = result.outcomes.get('money')!;
    expect(money).toMatchObject({ state: 'failed', failureClass: 'mutation-score-low' });
    expect(money.error).toContain('50.0% of mutants');
    expect(money.error).toContain('speccc verify --mutate money');
    expect(weak.mutated).toEqual([['src/money.ts']]);
    expect(tasks).toHaveLength(1); // no fix turn: mutation results never reach the agent
    expect(existsSync(path.join(root, 'generated/src/money.ts'))).toBe(false);
  });

  it('refuses a spec without holdouts to score against', async () => {
    const root = workspace(80);
    const result = view(await buildWith(root, agent().agent, { validator: validator(scored(100), 0) }));
    expect(result.outcomes.get('money')).toMatchObject({ state: 'failed', failureClass: 'unverified' });
  });

  it('promotes output at or above the minimum and records its score', async () => {
    const root = workspace(80);
    const result = view(await buildWith(root, agent().agent, { validator: validator(scored(90)) }));
    expect(result.outcomes.get('money')!.state).toBe('built');
    const manifest = JSON.parse(readFileSync(path.join(root, 'generated/.speccc/manifest.json'), 'utf8')) as { specs: Record<string, { mutationScore?: number }> };
    expect(manifest.specs.money!.mutationScore).toBe(90);
  });
});
