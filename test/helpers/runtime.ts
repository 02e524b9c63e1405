/** Runtimes for tests: the real one, with a scripted agent (and, where validation is not the point, a validator that passes). */
import { loadConfig } from '../../src/io/config-file.js';
import { createRuntime, takeCredentials, type Runtime, type RuntimeOptions } from '../../src/runtime.js';
import { build, type BuildResult } from '../../src/compile.js';
import type { Agent, ForceSpec, SealedRunner, Validator } from '../../src/types/index.js';

/** Visible checks pass; no holdout checks (every spec unverified). For tests about planning and promotion. */
export const passingValidator: Validator = {
  visible: async () => ({ passed: true, feedback: '', durationMs: 0 }),
  holdout: async () => ({ passed: true, feedback: '', durationMs: 0, scenarios: [] }),
  mutate: async () => ({ result: null, error: 'not scored in this test', durationMs: 0 }),
  prove: async () => ({ proven: null, mutants: 0, durationMs: 0 }),
};

export interface TestRuntimeOptions {
  agent?: Agent;
  /** 'sealed': the real validator and sandbox (the default is passingValidator). */
  validator?: Validator | 'sealed';
  runner?: SealedRunner;
  env?: NodeJS.ProcessEnv;
  provider?: 'anthropic' | 'replay';
  maxCostUsd?: number | null;
  command?: 'build' | 'watch' | 'promote';
  record?: boolean;
  /** `build --batch`, with the test's polling intervals. */
  batch?: RuntimeOptions['batch'];
  sharedCache?: RuntimeOptions['sharedCache'];
  onWarning?: (line: string) => void;
}

export async function testRuntime(root: string, options: TestRuntimeOptions = {}): Promise<Runtime> {
  const config = (await loadConfig(root)).config;
  const validator = options.validator === 'sealed' ? undefined : (options.validator ?? passingValidator);
  return createRuntime({
    root,
    config,
    credentials: takeCredentials({ ...(options.env ?? {}) }),
    command: options.command ?? 'build',
    provider: options.provider ?? 'anthropic',
    ...(options.record ? { record: true } : {}),
    ...(options.maxCostUsd !== undefined ? { maxCostUsd: options.maxCostUsd } : {}),
    ...(options.batch ? { batch: options.batch } : {}),
    ...(options.sharedCache ? { sharedCache: options.sharedCache } : {}),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
    inject: { ...(options.agent ? { agent: options.agent } : {}), ...(validator ? { validator } : {}), ...(options.runner ? { runner: options.runner } : {}) },
  });
}

/** A factory of runtimes for watch --build (config read once, as `speccc watch` does). */
export async function runtimeFactory(root: string, options: TestRuntimeOptions = {}): Promise<() => Runtime> {
  const config = (await loadConfig(root)).config;
  const credentials = takeCredentials({ ...(options.env ?? {}) });
  const validator = options.validator === 'sealed' ? undefined : (options.validator ?? passingValidator);
  return () =>
    createRuntime({
      root,
      config,
      credentials,
      command: 'watch',
      provider: options.provider ?? 'anthropic',
      inject: { ...(options.agent ? { agent: options.agent } : {}), ...(validator ? { validator } : {}) },
    });
}

/** A full build with a scripted agent. */
export async function buildWith(root: string, agent: Agent | undefined, options: TestRuntimeOptions & { force?: ForceSpec; signal?: AbortSignal; concurrency?: number; shard?: { index: number; count: number }; shardWaitMs?: number } = {}): Promise<BuildResult> {
  const runtime = await testRuntime(root, { ...options, ...(agent ? { agent } : {}) });
  return build({
    root,
    mode: 'build',
    runtime,
    force: options.force ?? null,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
    ...(options.shardWaitMs !== undefined ? { shardWaitMs: options.shardWaitMs } : {}),
  });
}

/** The outcomes of a build that ran (not up to date, not blocked): a test fails loudly otherwise. */
export function ran(result: BuildResult) {
  if (result.kind !== 'built' && result.kind !== 'planned') throw new Error(`expected a build that ran, got ${result.kind}${result.kind === 'blocked' ? `: ${result.diagnostics.map((d) => d.code).join(', ')}` : ''}`);
  return result;
}

/** Any build result with every field a test may look at (empty where the kind has none). */
export function view(result: BuildResult) {
  return {
    kind: result.kind,
    change: result.kind === 'built' ? result.change : null,
    outcomes: result.kind === 'built' || result.kind === 'planned' ? result.outcomes : new Map<string, import('../../src/types/index.js').JobOutcome>(),
    plan: result.kind === 'built' || result.kind === 'planned' ? result.plan : null,
    blocked: result.kind === 'blocked' ? result.diagnostics : [],
    manifest: result.kind === 'built' ? result.manifest : null,
    cancelled: result.kind === 'built' ? result.cancelled : false,
    runId: result.kind === 'built' ? result.runId : null,
  };
}
