import { describe, expect, it } from 'vitest';
import { summariseRun } from '../../../src/commands/log.js';
import type { TracedEvent } from '../../../src/types/index.js';

describe('speccc log: the per-spec summary of a run', () => {
  it('gives a failed job (no result, so no recorded duration) the time from its first attempt to its end', () => {
    const events: TracedEvent[] = [
      { at: '2026-11-25T10:00:00.000Z', type: 'job-start', spec: 'a', attempt: 1, jobKey: 'k' },
      { at: '2026-11-25T10:00:01.000Z', type: 'request', spec: 'a', job: 'k', model: 'claude-sonnet-5-5', effort: 'medium', promptHash: 'p', fingerprint: '', inputTokens: 10, outputTokens: 5, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0.01, latencyMs: 900, requestId: null, stopReason: 'end_turn' },
      { at: '2026-11-25T10:00:02.000Z', type: 'job-start', spec: 'a', attempt: 2, jobKey: 'k' },
      { at: '2026-11-25T10:00:04.500Z', type: 'job', spec: 'a', state: 'failed', attempts: 2, costUsd: 0.02, failureClass: 'tests-fail' },
      { at: '2026-11-25T10:00:05.000Z', type: 'job', spec: 'b', state: 'built', attempts: 1, costUsd: 0.01, durationMs: 1234 },
    ] as TracedEvent[];
    const [a, b] = summariseRun(events);
    expect(a).toMatchObject({ spec: 'a', state: 'failed', failureClass: 'tests-fail', requests: 1, durationMs: 4500 });
    expect(b).toMatchObject({ spec: 'b', state: 'built', durationMs: 1234 });
  });
});
