/**
 * The one way to run the factory. createRuntime makes, for one run, everything a build needs
 * beyond data: the agent (created on first use, so a build with nothing to do needs no key), the
 * validator with its sealed runner and the holdout source, the budget, the result store, the
 * trace and the workspace lock. `build`, `watch --build`, `promote` and `scenarios generate` all
 * take their runtime from here, so none of them can skip a step of the gate.
 */
import path from 'node:path';
import type { Agent, BatchRecord, ModelCheck, ResultStore, SandboxMode, SealedRunner, SpecccConfig, TraceSink, Validator } from './types/index.js';
import { createBudget, spendCaps, type Budget } from './phases/6-generate/budget.js';
import { createReplayAgent, recordingAgent } from './phases/6-generate/cassette.js';
import { createValidator } from './phases/7-validate/index.js';
import { priceOf, type PriceOverrides } from './prices/pricing.js';
import { cassetteStore } from './io/cassettes.js';
import { resultStore } from './io/results.js';
import { createRedactor, newRunId, openTrace } from './io/trace.js';
import { acquireWorkspaceLock, type WorkspaceLock } from './io/lock.js';
import { createSealedRunner, SandboxUnavailableError, WATCH_IDLE_STOP_MS } from './io/sealed-runner.js';
import { proofDriverScript } from './io/judge-trees.js';
import { batchStateStore } from './io/batch-state.js';
import { createRemoteCache } from './io/remote-cache.js';
import { sharedResultStore, type SharedResults } from './io/shared-results.js';
import type { BatchTuning } from './phases/6-generate/anthropic/batches.js';

export type ProviderName = 'anthropic' | 'replay';

/** A setup problem the user fixes (no key, no sandbox): one line, exit 2, never a stack trace. */
export class RuntimeSetupError extends Error {}

/**
 * The user's credentials, read once from the environment and then removed from it, so no child
 * process speccc starts can inherit them. The redactor is built before removal: it still knows them.
 */
export interface Credentials {
  apiKey: string | undefined;
  baseURL: string | undefined;
  redact: (text: string) => string;
  /** The environment without credentials: what every child process starts from. */
  env: NodeJS.ProcessEnv;
  /** SPECCC_REMOTE_CACHE_TOKEN (the shared cache's bearer token) and SPECCC_REMOTE_CACHE_KEY (its signing key). */
  remoteCache?: { token: string | undefined; signingKey: string | undefined };
}

export function takeCredentials(env: NodeJS.ProcessEnv): Credentials {
  const redact = createRedactor(env);
  const apiKey = env.ANTHROPIC_API_KEY || undefined;
  const baseURL = env.ANTHROPIC_BASE_URL || undefined;
  const remoteCache = { token: env.SPECCC_REMOTE_CACHE_TOKEN || undefined, signingKey: env.SPECCC_REMOTE_CACHE_KEY || undefined };
  delete env.ANTHROPIC_API_KEY;
  delete env.ANTHROPIC_AUTH_TOKEN;
  delete env.SPECCC_REMOTE_CACHE_TOKEN;
  delete env.SPECCC_REMOTE_CACHE_KEY;
  return { apiKey, baseURL, redact, env, remoteCache };
}

export interface RuntimeOptions {
  root: string;
  config: SpecccConfig;
  credentials: Credentials;
  command: 'build' | 'watch' | 'promote' | 'scenarios' | 'adopt' | 'triage';
  provider: ProviderName;
  /** Save each job's writes as a cassette under .speccc/cassettes/. */
  record?: boolean;
  /** The run's cap in USD (`--max-cost`); config.budgetUsd when undefined. */
  maxCostUsd?: number | null;
  /** A session's budget (watch): every request of this run also counts against it. */
  session?: Budget;
  clock?: () => number;
  /**
   * `build --batch`: every request goes through the Message Batches API at half price, and
   * submitted batches are recorded under `.speccc/batches/` so an interrupted build resumes them.
   * An object tunes gathering and polling (tests pass short intervals and their own sleep).
   */
  batch?: boolean | (BatchTuning & { sleep?: (ms: number, signal: AbortSignal) => Promise<void> });
  /** Where warnings that arise during the run go as they happen (a refused cache artifact); default: appended to `warnings`. */
  onWarning?: (line: string) => void;
  /** Test seams for the shared cache: how a shard polls it for another shard's results. */
  sharedCache?: { sleep?: (ms: number, signal: AbortSignal) => Promise<void>; pollMs?: number; maxPollMs?: number };
  /** Test seams: a scripted agent or runner in place of the real provider or sandbox. Entry points never pass these. */
  inject?: { agent?: Agent; runner?: SealedRunner; validator?: Validator };
}

export interface Runtime {
  readonly runId: string;
  /** The command the run is for: how the workspace lock names its holder. */
  readonly command: RuntimeOptions['command'];
  /** The config the run was created with (its model settings decide the fallback models preflight checks). */
  readonly config: SpecccConfig;
  readonly agent: Agent;
  /** How the manifest names who wrote the outputs: honest about a twin or a replay. */
  readonly providerLabel: string;
  readonly validator: Validator;
  readonly sandbox: SandboxMode;
  readonly budget: Budget;
  /** The local result store, or the shared one (local first, then the remote cache) when `cache.remote` is set up. */
  readonly results: ResultStore;
  /** The shared result cache, when `cache.remote` is configured and its token and signing key are set. */
  readonly shared: SharedResults | null;
  /** Requests go through the Message Batches API (`build --batch`). */
  readonly batch: boolean;
  readonly trace: TraceSink;
  readonly redact: (text: string) => string;
  readonly clock: () => number;
  /** Things the user must hear on every run (an unsealed sandbox). */
  readonly warnings: string[];
  lock(): Promise<WorkspaceLock>;
  /** Sets up the sandbox now: a missing one is a RuntimeSetupError before anything is spent. */
  requireSandbox(): void;
  /** Model ids the API does not know, and models it says are going away (only the Anthropic provider checks). */
  checkModels(ids: string[]): Promise<ModelCheck>;
  /** A warning the user must hear during the run: on stderr (through onWarning), in `warnings` otherwise, and in the trace. */
  warn(line: string): void;
  /** Before the first request: reads the batches an interrupted build left (a corrupt record is a CorruptStateError). */
  prepare(): Promise<void>;
  /** At the end of the run: cancellations reach the API, batches whose results were used are forgotten. */
  finish(): Promise<void>;
}

/** The manifest's name for a provider, from settings alone (no key needed). */
export function providerLabel(provider: ProviderName | string, baseURL: string | undefined): string {
  if (provider === 'replay') return 'replay (recorded cassettes from .speccc/cassettes/; no model was called)';
  if (provider !== 'anthropic') return provider;
  if (!baseURL) return 'anthropic';
  try {
    const host = new URL(baseURL).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' ? `anthropic (speccc twin at ${host}; no model was called)` : `anthropic (via ${host})`;
  } catch {
    return 'anthropic';
  }
}

const SANDBOX_OFF_WARNING = 'validation.sandbox is "off": generated code runs unsealed, with access to this machine\'s files and network';

export interface Gate {
  runner: SealedRunner;
  validator: Validator;
  warnings: string[];
}

/**
 * The validation gate: the sealed runner (bubblewrap, or the warned opt-out) and the validator
 * that judges staged trees with the workspace's holdout checks. Builds get it through their
 * runtime; `speccc verify` uses it directly. No sandbox available: a setup error, never an
 * unsealed run.
 */
export function createGate(options: { config: SpecccConfig; credentials: Credentials; runner?: SealedRunner; mutationConcurrency?: number; idleStopMs?: number }): Gate {
  const mode: SandboxMode = options.config.validation.sandbox === 'off' ? 'off' : 'bubblewrap';
  let runner: SealedRunner;
  try {
    runner = options.runner ?? createSealedRunner({ mode, parentEnv: options.credentials.env, ...(options.idleStopMs !== undefined ? { idleStopMs: options.idleStopMs } : {}) });
  } catch (error) {
    if (error instanceof SandboxUnavailableError) throw new RuntimeSetupError(error.message);
    throw error;
  }
  const warnings = runner.mode === 'off' ? [SANDBOX_OFF_WARNING] : [];
  const validator = createValidator({
    config: options.config,
    runner,
    proofDriver: proofDriverScript(),
    ...(options.mutationConcurrency ? { mutationConcurrency: options.mutationConcurrency } : {}),
  });
  return { runner, validator, warnings };
}

/** For runs that never execute generated code: any attempt to is a bug. */
function refusingGate(): Gate {
  const refuse = () => {
    throw new Error('bug: this command runs no generated code');
  };
  return { runner: { mode: 'bubblewrap', toolchain: { node: '', tsc: '', vitest: '', vitestDir: '' }, run: refuse, judge: refuse }, validator: { visible: refuse, holdout: refuse, mutate: refuse, prove: refuse }, warnings: [] };
}

export function createRuntime(options: RuntimeOptions): Runtime {
  const { root, config, credentials } = options;
  const clock = options.clock ?? Date.now;
  const runId = newRunId(clock);
  const trace = openTrace(root, credentials.redact, runId);
  const budget = createBudget(spendCaps(config, options.maxCostUsd !== undefined ? { maxCostUsd: options.maxCostUsd } : {}).run, options.session);
  const warnings: string[] = [];
  const gate = lazyGate(options);
  if (gate.sandbox === 'off' && gate.runsCode) warnings.push(SANDBOX_OFF_WARNING);
  const warn = options.onWarning ?? ((line: string) => void warnings.push(line));
  const local = resultStore(root);
  const shared = sharedCacheOf(options, trace, local, warn, warnings);
  const provider = lazyProvider(options, { budget, trace, clock });
  return {
    runId,
    command: options.command,
    config,
    agent: provider.agent,
    providerLabel: options.inject?.agent ? options.inject.agent.name : providerLabel(options.provider, credentials.baseURL),
    validator: gate.validator,
    sandbox: gate.sandbox,
    budget,
    results: shared ?? local,
    shared,
    batch: Boolean(options.batch),
    trace,
    redact: credentials.redact,
    clock,
    warnings,
    lock: () => acquireWorkspaceLock(root, options.command),
    requireSandbox: gate.require,
    checkModels: provider.checkModels,
    warn(line) {
      trace.write({ type: 'warning', message: line });
      warn(line);
    },
    prepare: provider.prepare,
    finish: provider.finish,
  };
}

/**
 * The run's validator, its sandbox set up (and its absence reported) only when a job will run
 * code: a build with nothing to do, promote and scenarios generate need none on this machine.
 */
function lazyGate(options: RuntimeOptions): { validator: Validator; sandbox: SandboxMode; runsCode: boolean; require: () => void } {
  const { config, credentials } = options;
  const runsCode = options.command === 'build' || options.command === 'watch';
  let gate: Gate | undefined;
  // A watch session's builds share one type-check server and warm test runner, kept up between edits.
  const idle = options.command === 'watch' ? { idleStopMs: WATCH_IDLE_STOP_MS } : {};
  const ensureGate = (): Gate => (gate ??= runsCode && !options.inject?.validator ? createGate({ config, credentials, ...idle, ...(options.inject?.runner ? { runner: options.inject.runner } : {}) }) : refusingGate());
  const sandbox: SandboxMode = options.inject?.runner?.mode ?? (config.validation.sandbox === 'off' ? 'off' : 'bubblewrap');
  const validator: Validator = options.inject?.validator ?? {
    visible: (input) => ensureGate().validator.visible(input),
    prepare: () => {
      try {
        ensureGate().validator.prepare?.();
      } catch {
        // no sandbox: the first validation says so, where a build expects it
      }
    },
    holdout: (input) => ensureGate().validator.holdout(input),
    mutate: (input) => ensureGate().validator.mutate(input),
    prove: (input) => ensureGate().validator.prove(input),
  };
  return {
    validator,
    sandbox,
    runsCode,
    require() {
      if (!options.inject?.validator) ensureGate();
    },
  };
}

type Provider = Agent & { checkModels?: Runtime['checkModels']; finish?: () => Promise<void> };

/**
 * The run's agent, its provider made on first use (so a build with nothing to do needs no key):
 * a test's, the cassette replayer, or the Anthropic provider metered by the run's budget; with
 * `record`, every job's writes are also saved as a cassette.
 */
function lazyProvider(options: RuntimeOptions, run: { budget: Budget; trace: TraceSink; clock: () => number }): Pick<Runtime, 'agent' | 'checkModels' | 'prepare' | 'finish'> {
  const { root, config, credentials } = options;
  const tuning = typeof options.batch === 'object' ? options.batch : {};
  const batches = options.batch ? batchStateStore(root) : null;
  let resumable: Promise<BatchRecord[]> | undefined;
  const loadBatches = () => (resumable ??= batches ? batches.load() : Promise.resolve([]));
  const prices = (config.model.prices ?? {}) as PriceOverrides;
  let provider: Provider | undefined;
  const real = async (): Promise<Provider> => {
    if (provider) return provider;
    if (options.inject?.agent) return (provider = options.inject.agent);
    if (options.provider === 'replay') return (provider = createReplayAgent(cassetteStore(root)));
    if (!credentials.apiKey) throw new RuntimeSetupError(noKey(options.command));
    const { createAnthropicAgent } = await import('./phases/6-generate/anthropic/provider.js');
    provider = createAnthropicAgent({
      apiKey: credentials.apiKey,
      ...(credentials.baseURL ? { baseURL: credentials.baseURL } : {}),
      budget: run.budget,
      trace: run.trace,
      maxTurns: config.agent.maxTurns,
      concurrency: config.concurrency,
      redact: credentials.redact,
      priceOf: (model) => priceOf(model, prices),
      maxFileChars: config.model.maxOutputTokens * 16,
      caching: config.model.promptCaching,
      clock: run.clock,
      ...(tuning.sleep ? { sleep: tuning.sleep } : {}),
      ...(batches ? { batch: { ...tuning, store: batches, resumable: await loadBatches() } } : {}),
    });
    return provider;
  };
  let agent: Agent = { name: options.inject?.agent?.name ?? options.provider, run: async (task, sandbox) => (await real()).run(task, sandbox) };
  if (options.record) agent = recordingAgent(agent, cassetteStore(root), credentials.redact, run.clock);
  return {
    agent,
    async checkModels(ids) {
      const none: ModelCheck = { unknown: [], notices: [] };
      if (ids.length === 0 || options.provider !== 'anthropic' || options.inject?.agent) return none;
      const p = await real();
      return p.checkModels ? p.checkModels(ids) : none;
    },
    async prepare() {
      await loadBatches();
    },
    async finish() {
      await provider?.finish?.();
    },
  };
}

/** What to do without a key, said for the command that needs one. */
const noKey = (command: RuntimeOptions['command']): string =>
  `ANTHROPIC_API_KEY is not set: export your Anthropic API key to ${command === 'build' || command === 'watch' || command === 'promote' ? 'build (speccc build --dry-run and --check need none)' : `run speccc ${command}`}, ` +
  "or rehearse with no key against speccc's twin of the API: start `npx speccc twin --script-dir <replies>` and export " +
  'ANTHROPIC_BASE_URL=<the URL it prints> ANTHROPIC_API_KEY=rehearsal (docs/twin.md)';

/** The shared result cache from `cache.remote` and the environment, or null (not configured, or a credential missing: warned). */
function sharedCacheOf(options: RuntimeOptions, trace: TraceSink, local: ResultStore, warn: (line: string) => void, warnings: string[]): SharedResults | null {
  const remote = options.config.cache?.remote;
  if (!remote) return null;
  const token = options.credentials.remoteCache?.token;
  const signingKey = options.credentials.remoteCache?.signingKey;
  const missing = [...(token ? [] : ['SPECCC_REMOTE_CACHE_TOKEN']), ...(signingKey ? [] : ['SPECCC_REMOTE_CACHE_KEY'])];
  if (missing.length > 0) {
    warnings.push(`cache.remote is configured but ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set: building without the shared cache (speccc never reads or writes it unsigned)`);
    return null;
  }
  if (signingKey!.length < 32) warnings.push('SPECCC_REMOTE_CACHE_KEY is shorter than 32 characters: anyone who guesses it can publish results your builds will trust; use 32 random bytes or more');
  const seams = options.sharedCache ?? {};
  return sharedResultStore({
    local,
    remote: createRemoteCache({ url: remote.url, team: remote.team, token: token!, signingKey: signingKey!, timeoutMs: remote.timeoutMs }),
    trace,
    warn,
    ...(options.clock ? { clock: options.clock } : {}),
    ...seams,
  });
}
