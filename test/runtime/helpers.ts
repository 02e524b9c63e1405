import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAnthropicAgent } from '../../src/phases/6-generate/anthropic/provider.js';
import { createBudget, type Budget } from '../../src/phases/6-generate/budget.js';
import { createRedactor, openTrace } from '../../src/io/trace.js';

export const repo = path.resolve(import.meta.dirname, '../..');
export const KEY = 'sk-ant-test-9f8e7d6c5b4a';

export function tempRoot(temps: string[], parts: string[] = ['specs', 'context']): string {
  const root = mkdtempSync(path.join(tmpdir(), 'speccc-rt-'));
  temps.push(root);
  for (const p of parts) cpSync(path.join(repo, p), path.join(root, p), { recursive: true });
  return root;
}

/** A workspace with only the money spec and the constraint: one job per build. */
export function moneyRoot(temps: string[]): string {
  const root = mkdtempSync(path.join(tmpdir(), 'speccc-rt-'));
  temps.push(root);
  mkdirSync(path.join(root, 'specs'), { recursive: true });
  cpSync(path.join(repo, 'specs/core'), path.join(root, 'specs/core'), { recursive: true });
  cpSync(path.join(repo, 'specs/constraints'), path.join(root, 'specs/constraints'), { recursive: true });
  cpSync(path.join(repo, 'context'), path.join(root, 'context'), { recursive: true });
  return root;
}

export const money = {
  'src/money.ts': readFileSync(path.join(repo, 'examples/replies/money/src/money.ts'), 'utf8'),
  'src/money.test.ts': readFileSync(path.join(repo, 'examples/replies/money/src/money.test.ts'), 'utf8'),
};

export function agentFor(root: string, url: string, options: { budget?: Budget; maxTurns?: number } = {}) {
  const env = { ANTHROPIC_BASE_URL: url, ANTHROPIC_API_KEY: KEY };
  const trace = openTrace(root, env, 'test-run');
  const agent = createAnthropicAgent({
    env,
    budget: options.budget ?? createBudget(null),
    trace,
    maxTurns: options.maxTurns ?? 8,
    redact: createRedactor(env),
    sleep: () => Promise.resolve(), // retry-after is honoured in order, without waiting in tests
  });
  return { agent, trace, env };
}

export const cleanup = (temps: string[]) => temps.splice(0).forEach((t) => rmSync(t, { recursive: true, force: true }));
