/** The Anthropic provider against a twin, for the tests of how speccc asks the model (test/phases/6-generate/anthropic/ and others). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFilesReply } from '../../src/api-twin/index.js';
import { createAnthropicAgent } from '../../src/phases/6-generate/anthropic/provider.js';
import { createBudget, type Budget } from '../../src/phases/6-generate/budget.js';
import { createRedactor, openTrace } from '../../src/io/trace.js';
import { priceOf } from '../../src/prices/pricing.js';

import { TEST_KEY } from './fixtures.js';
import { repo } from './workspaces.js';

export { repo } from './workspaces.js';
/** The key the twin is given in tests: the same as useTwin's. */
export const KEY = TEST_KEY;

/** What the money spec owns, as examples/replies/ writes it: the product's package.json and tsconfig.json too. */
export const money = {
  'package.json': readFileSync(path.join(repo, 'examples/replies/money/package.json'), 'utf8'),
  'tsconfig.json': readFileSync(path.join(repo, 'examples/replies/money/tsconfig.json'), 'utf8'),
  'src/money.ts': readFileSync(path.join(repo, 'examples/replies/money/src/money.ts'), 'utf8'),
  'src/money.test.ts': readFileSync(path.join(repo, 'examples/replies/money/src/money.test.ts'), 'utf8'),
};

/**
 * `money` with its tests' titles stripped of requirement ids (`[money#R-…]`): a build of it is
 * type-checked and its tests run as in any build, but it has no coverage to prove, so the gate's
 * coverage proof (the tests run once more per mutant: about 17 runs, ~5 s a build) does not run.
 * For tests of something else than the gate (prompts, warnings, the cache, the trace) that build
 * money; a test of coverage or of the gate uses `money`.
 */
export const moneyUnproven = { ...money, 'src/money.test.ts': money['src/money.test.ts'].replace(/\[money#[^\]]+\] /g, '') };

/**
 * Twin script rules answering each of the example's `specs` with its reply in examples/replies/,
 * its tests' titles stripped of requirement ids as in `moneyUnproven`: for tests that build several
 * of the example's specs for something else than the gate (resuming, caching).
 */
export function unprovenReplies(specs: string[]) {
  return specs.map((id) => {
    const dir = path.join(repo, 'examples/replies', id);
    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
    const reply = Object.fromEntries(files.map((f) => [f, readFileSync(path.join(dir, f), 'utf8').replace(/\[[a-z0-9-]+#[A-Za-z0-9-]+\] /g, '')]));
    return { match: { specId: id }, reply: writeFilesReply(reply) };
  });
}

export function agentFor(root: string, url: string, options: { budget?: Budget; maxTurns?: number; sleep?: (ms: number, signal: AbortSignal) => Promise<void>; timeoutMs?: number; contextEditing?: boolean } = {}) {
  const env = { ANTHROPIC_BASE_URL: url, ANTHROPIC_API_KEY: KEY };
  const redact = createRedactor(env);
  const trace = openTrace(root, redact, 'test-run');
  const agent = createAnthropicAgent({
    apiKey: KEY,
    baseURL: url,
    budget: options.budget ?? createBudget(null),
    trace,
    maxTurns: options.maxTurns ?? 8,
    redact,
    priceOf: (model) => priceOf(model),
    maxFileChars: 16_000 * 16,
    sleep: options.sleep ?? (() => Promise.resolve()), // retry-after is honoured in order, without waiting in tests
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.contextEditing === false ? { contextEditing: false } : {}),
  });
  return { agent, trace, env };
}


/** Spec ids the twin was asked about, sorted. */
export const specIds = (t: { messageRequests(): { rawBody: string }[] }) =>
  [...new Set(t.messageRequests().map((r) => /speccc-spec-id: ([a-z0-9-]+)/.exec(r.rawBody)?.[1]))].sort();
