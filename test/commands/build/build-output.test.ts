import { describe, expect, it } from 'vitest';
import { formatOutcome } from '../../../src/commands/build-output.js';
import type { JobOutcome } from '../../../src/types/index.js';

const built = (typechecked: boolean): JobOutcome => ({
  id: 'money',
  state: 'built',
  prepared: null,
  attempts: 1,
  spentUsd: 0.0123,
  typechecked,
  holdout: 'passed',
  scenarios: [{ name: 'negative-ties', file: 'money/negative-ties.test.ts', passed: true }],
  result: { jobKey: 'k', specId: 'money', stage: 'passed', model: 'm', provider: 'p', files: {}, attempt: 1, usage: { inputTokens: 100, outputTokens: 20, cacheReadTokens: 0, cacheWriteTokens: 0 }, costUsd: 0.0123, durationMs: 1500, finishedAt: '2026-12-07T00:00:00Z' },
});

describe('build output: a built job', () => {
  it('says it was type-checked only when validation.typecheck is on', () => {
    expect(formatOutcome(built(true), false)).toMatch(/^✔ money built: type-checked, its tests passed, /);
    expect(formatOutcome(built(false), false)).toMatch(/^✔ money built: its tests passed, /);
  });
});
