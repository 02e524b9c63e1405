import type { Agent, AgentOutcome, AgentTask, JobSandbox } from '../../src/types/index.js';

export type FakeReply =
  | { files: Record<string, string> }
  | { throws: string }
  | { status: AgentOutcome['status']; error?: string };

/**
 * An in-memory agent: for each task it asks `reply` what to do, writes the files through the
 * sandbox (so ownership rules apply exactly as for a real provider) and records every task.
 */
export function fakeAgent(reply: (task: AgentTask, call: number) => FakeReply | Promise<FakeReply>) {
  const tasks: AgentTask[] = [];
  const refusals: string[] = [];
  const agent: Agent = {
    name: 'fake',
    async run(task: AgentTask, sandbox: JobSandbox): Promise<AgentOutcome> {
      tasks.push(task);
      const r = await reply(task, tasks.length);
      const usage = { inputTokens: Math.ceil((task.system.length + task.prompt.length) / 4), outputTokens: 100, cacheReadTokens: 0, cacheWriteTokens: 0 };
      if ('throws' in r) throw new Error(r.throws);
      if ('status' in r) return { status: r.status, usage, costUsd: 0.01, requests: 1, history: [], ...(r.error ? { error: r.error } : {}) };
      for (const [p, content] of Object.entries(r.files)) {
        const verdict = sandbox.write(p, content);
        if (!verdict.ok) refusals.push(verdict.error);
      }
      return { status: 'done', usage, costUsd: 0.01, requests: 1, history: [...((task.history as unknown[]) ?? []), task.prompt] };
    },
  };
  return { agent, tasks, refusals };
}

/** The spec id a job prompt names (the `speccc-spec-id:` line). */
export const specIdOf = (task: AgentTask) => /^speccc-spec-id: (.+)$/m.exec(task.prompt)?.[1] ?? '';

/** Writes every declared output with a small, deterministic body naming the spec and a version. */
export function writeAll(outputs: Record<string, string[]>, version = 1) {
  return (task: AgentTask): FakeReply => {
    const id = specIdOf(task);
    return { files: Object.fromEntries((outputs[id] ?? []).map((p) => [p, `export const spec = ${JSON.stringify(id)}; // v${version}\n`])) };
  };
}
