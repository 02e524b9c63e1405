/**
 * --provider -> an Agent. The edge where credentials are read: a missing key is one sentence for
 * the user, never a stack trace. Providers are loaded on use so `check` never pays for the SDK.
 */
import type { Agent, SpecccConfig } from '../types.js';

export class ProviderSetupError extends Error {}

export interface ProviderChoice {
  agent: Agent;
  /** How the manifest names the provider: honest about a twin or a replay. */
  label: string;
}

export async function createAgentFor(provider: string, _env: NodeJS.ProcessEnv, _config: SpecccConfig, _root: string): Promise<ProviderChoice> {
  throw new ProviderSetupError(`provider \`${provider}\` is not available in this build of speccc`);
}
