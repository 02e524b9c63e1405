/**
 * One run's life, the same for every entry that spends or writes (build, watch --build, promote,
 * scenarios generate): the workspace lock is taken before anything is read and released last; the
 * config is read once, under it, and the runtime (agent, validator, budget, trace) made from it;
 * the trace opens with `run-start` and always closes with `run-end` (the outcome and what the
 * budget settled); the provider's own end (cancelled batches) and the run's staging folder are
 * dealt with whatever happened in between. An entry cannot forget a step because it has none.
 */
import type { LoadedConfig } from '../config/parse.js';
import { readRawConfig, type RawConfig } from '../io/raw-config.js';
import { loadedConfigOf } from '../io/config-file.js';
import { acquireWorkspaceLock } from '../io/lock.js';
import { discardStaging } from '../io/promote.js';
import type { Runtime } from '../runtime.js';
import { SPECCC_VERSION } from '../version.js';

/** How a run ended, for its trace's `run-end`. */
export type RunOutcome = 'done' | 'failed' | 'cancelled' | 'blocked';

export interface RunSetup<T> {
  root: string;
  /**
   * The run's runtime: one already made (the API, tests), or made here from the config this run
   * reads under the lock (the commands), so the config is read once and never changes under a run.
   */
  runtime: Runtime | ((loaded: LoadedConfig) => Runtime);
  /** The lock holder's name for a runtime made here (a given runtime names its own). */
  command?: Runtime['command'];
  /** What the trace calls the run when it differs from the runtime's command (`scenarios`: `speccc audit` tells its requests from a build's). */
  traceCommand?: string;
  /** What the trace says about the sandbox when the run runs no code at all (`none`: triage); the runtime's mode otherwise. */
  traceSandbox?: string;
  outcomeOf: (result: T) => RunOutcome;
}

/** What the body of a run is handed: its runtime, and the config as the run read it. */
export interface Run {
  runtime: Runtime;
  raw: RawConfig;
  loaded: LoadedConfig;
}

export async function withRun<T>(setup: RunSetup<T>, body: (run: Run) => Promise<T>): Promise<T> {
  const given = typeof setup.runtime === 'function' ? null : setup.runtime;
  const lock = await acquireWorkspaceLock(setup.root, given?.command ?? setup.command ?? 'build');
  let runtime: Runtime | undefined;
  let outcome: RunOutcome = 'failed';
  try {
    const raw = await readRawConfig(setup.root);
    const loaded = loadedConfigOf(raw);
    runtime = given ?? (setup.runtime as (loaded: LoadedConfig) => Runtime)(loaded);
    runtime.trace.write({ type: 'run-start', command: setup.traceCommand ?? 'build', provider: runtime.providerLabel, sandbox: setup.traceSandbox ?? runtime.sandbox, speccc: SPECCC_VERSION, maxCostUsd: runtime.budget.cap });
    const result = await body({ runtime, raw, loaded });
    outcome = setup.outcomeOf(result);
    return result;
  } finally {
    if (runtime) {
      await runtime.finish();
      runtime.trace.write({ type: 'run-end', outcome, spentUsd: runtime.budget.spent() });
      await discardStaging(setup.root, runtime.runId);
    }
    await lock.release();
  }
}
