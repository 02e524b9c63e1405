/**
 * Cassettes: what an agent wrote for a job, recorded by job key so the job can be rebuilt later
 * with no network (`--record`, then `--provider replay`). Recording wraps the sandbox, not the
 * provider, so any provider can be recorded; every attempt of the job (fix turns included) is
 * kept in order. Content passes through the redactor before it is stored. Where cassettes are
 * kept is the caller's business (io/cassettes.ts).
 */
import type { Agent, Cassette, CassetteStore, JobSandbox } from '../../types/index.js';

export function recordingAgent(inner: Agent, store: CassetteStore, redact: (text: string) => string, clock: () => number): Agent {
  const cassettes = new Map<string, Cassette>();
  return {
    name: inner.name,
    async run(task, sandbox) {
      const writes: { path: string; content: string }[] = [];
      const recording: JobSandbox = {
        outputs: sandbox.outputs,
        write(p, content) {
          const verdict = sandbox.write(p, content);
          if (verdict.ok) writes.push({ path: p, content: redact(content) });
          return verdict;
        },
        read: (p) => sandbox.read(p),
        written: () => sandbox.written(),
      };
      const outcome = await inner.run(task, recording);
      const cassette = cassettes.get(task.jobKey) ?? {
        jobKey: task.jobKey,
        specId: task.specId,
        model: task.model,
        recordedWith: inner.name,
        recordedAt: new Date(clock()).toISOString(),
        attempts: [],
      };
      cassette.attempts.push(writes);
      cassettes.set(task.jobKey, cassette);
      store.write(cassette);
      return outcome;
    },
  };
}

export function createReplayAgent(store: CassetteStore): Agent {
  const attemptsSeen = new Map<string, number>();
  return {
    name: 'replay',
    async run(task, sandbox) {
      const usage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };
      const cassette = store.read(task.jobKey);
      if (!cassette) {
        return {
          status: 'failed',
          usage,
          costUsd: 0,
          requests: 0,
          history: task.history,
          error: `no cassette for spec ${task.specId} (job ${task.jobKey.slice(0, 12)}) in ${store.where}; record one with \`speccc build --record\``,
        };
      }
      const n = attemptsSeen.get(task.jobKey) ?? 0;
      attemptsSeen.set(task.jobKey, n + 1);
      const attempt = cassette.attempts[Math.min(n, cassette.attempts.length - 1)] ?? [];
      for (const w of attempt) sandbox.write(w.path, w.content);
      return { status: 'done', usage, costUsd: 0, requests: 0, history: task.history };
    },
  };
}
