/**
 * `watch --build`'s wiring: a session reads the config once when it starts, checks the sandbox
 * then (rather than at the first build), and holds the session's budget; each build gets a
 * runtime of its own from it (one trace and one run budget per build, every request counted
 * against the session's too), and runs inside withRun like any build (src/watch/watch.ts).
 */
import type { SpecccConfig } from '../types/index.js';
import { loadConfig } from '../io/config-file.js';
import { createBudget, spendCaps, type Budget } from '../phases/6-generate/budget.js';
import { createGate, createRuntime, type Credentials, type ProviderName, type Runtime } from '../runtime.js';

export interface WatchBuilds {
  config: SpecccConfig;
  /** The session's budget, across builds. */
  session: Budget;
  /** Warnings the user hears once, at the start (an unsealed sandbox). */
  warnings: string[];
  runtimeForBuild: () => Runtime;
}

export async function watchBuilds(options: { root: string; credentials: Credentials; provider: ProviderName; maxCostUsd?: number; sessionMaxCostUsd?: number; requireTools?: (config: SpecccConfig) => void }): Promise<WatchBuilds> {
  const { root, credentials } = options;
  const config = (await loadConfig(root)).config;
  options.requireTools?.(config);
  // Refuse to start without a sandbox, rather than at the first build.
  const { warnings } = createGate({ config, credentials });
  const session = createBudget(spendCaps(config, options.sessionMaxCostUsd !== undefined ? { sessionMaxCostUsd: options.sessionMaxCostUsd } : {}).session);
  const perBuild = options.maxCostUsd !== undefined ? { maxCostUsd: options.maxCostUsd } : {};
  return { config, session, warnings, runtimeForBuild: () => createRuntime({ root, config, credentials, command: 'watch', provider: options.provider, session, ...perBuild }) };
}
