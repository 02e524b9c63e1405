/**
 * --provider -> an Agent. The edge where credentials are read: a missing key is one sentence for
 * the user, never a stack trace. The agent is created on first use, so a build with nothing to
 * do needs no key and never loads the SDK.
 */
import type { Agent, SpecccConfig } from '../types/index.js';
import type { TraceSink } from '../io/trace.js';

export class ProviderSetupError extends Error {}

export interface ProviderChoice {
  agent: Agent;
  /** How the manifest names the provider: honest about a twin or a replay. */
  label: string;
}

/** The manifest's name for a provider, from settings alone (no key needed). */
export function providerLabel(provider: string, env: NodeJS.ProcessEnv): string {
  if (provider === 'replay') return 'replay (recorded cassettes from .speccc/cassettes/; no model was called)';
  if (provider !== 'anthropic') return provider;
  const base = env.ANTHROPIC_BASE_URL;
  if (!base) return 'anthropic';
  try {
    const host = new URL(base).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' ? `anthropic (speccc twin at ${host}; no model was called)` : `anthropic (via ${host})`;
  } catch {
    return 'anthropic';
  }
}

export async function createAgentFor(provider: string, env: NodeJS.ProcessEnv, config: SpecccConfig, root: string, trace?: TraceSink): Promise<ProviderChoice> {
  if (provider === 'replay') {
    const { createReplayAgent } = await import('../phases/6-generate/cassette.js');
    const path = await import('node:path');
    return { agent: createReplayAgent(path.join(root, '.speccc', 'cassettes')), label: providerLabel(provider, env) };
  }
  if (provider !== 'anthropic') throw new ProviderSetupError(`provider \`${provider}\` is not available in this build of speccc`);
  const { createAnthropicAgent, MissingApiKeyError } = await import('../phases/6-generate/anthropic/provider.js');
  const { createBudget } = await import('../phases/6-generate/budget.js');
  const { openTrace, createRedactor } = await import('../io/trace.js');
  try {
    const agent = createAnthropicAgent({
      env,
      budget: createBudget(config.budgetUsd),
      trace: trace ?? openTrace(root, env),
      maxTurns: config.agent.maxTurns,
      concurrency: config.concurrency,
      redact: createRedactor(env),
    });
    return { agent, label: providerLabel(provider, env) };
  } catch (error) {
    if (error instanceof MissingApiKeyError) throw new ProviderSetupError(error.message);
    throw error;
  }
}

/** An Agent that creates the real one when the first job needs it. */
export function lazyAgent(provider: string, env: NodeJS.ProcessEnv, config: SpecccConfig, root: string, trace?: TraceSink): Agent {
  let created: Promise<ProviderChoice> | undefined;
  return {
    name: provider,
    async run(task, sandbox) {
      created ??= createAgentFor(provider, env, config, root, trace);
      return (await created).agent.run(task, sandbox);
    },
  };
}
