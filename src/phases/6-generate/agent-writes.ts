/**
 * One agent request that may write exactly `outputs` into an empty sandbox (nothing readable):
 * what `scenarios generate` and `scenarios propose` ask of their agents. The job key is the
 * system prompt and prompt; what the agent wrote comes back by path.
 */
import type { Agent, AgentOutcome, SpecccConfig } from '../../types/index.js';
import { sha256 } from '../../hash.js';
import { createSandbox } from './sandbox.js';

export interface AgentWrites {
  result: AgentOutcome;
  written: ReadonlyMap<string, string>;
}

export async function agentWrites(agent: Agent, config: SpecccConfig, job: { specId: string; system: string; prompt: string; outputs: string[]; signal: AbortSignal }): Promise<AgentWrites> {
  const sandbox = createSandbox({ outputs: job.outputs, readable: new Map(), maxFileBytes: config.model.maxOutputTokens * 16 });
  const result = await agent.run(
    { specId: job.specId, jobKey: sha256(`${job.system}\n${job.prompt}`), model: config.model.default, effort: config.model.effort, maxOutputTokens: config.model.maxOutputTokens, system: job.system, prompt: job.prompt, signal: job.signal },
    sandbox,
  );
  return { result, written: sandbox.written() };
}
