/**
 * The result store shared through a remote cache (`cache.remote` in speccc.config.json): the
 * local store (`.speccc/results/`) first, then the team's Turborepo-compatible cache. A passed
 * result found remotely is checked, kept locally and reused; a job that passes here is uploaded.
 *
 * The remote cache is untrusted input. Every artifact must carry a signature made with the
 * team's signing key (SPECCC_REMOTE_CACHE_KEY) over its job key, team and bytes; one without a
 * tag, with a tag that does not verify, or whose content is not a passed result for this job's
 * spec and outputs is refused with a warning and the job is built — a refused artifact is never
 * reused, so never promoted. A read or upload that fails (server down, token refused, timeout)
 * is reported and the build goes on as if the cache were empty: the cache only makes builds
 * faster, it never fails one. After three failed reads in a row the cache is left alone for the
 * rest of the run, so a dead server costs three timeouts, not one per job.
 */
import type { ResultStore, StoredResult, TraceSink } from '../types/index.js';
import { StoredResultSchema } from '../schemas/state.js';
import type { RemoteCache } from './remote-cache.js';

export interface SharedCacheCounts {
  restored: number;
  uploaded: number;
  refused: number;
  errors: number;
}

export interface SharedResults extends ResultStore {
  /**
   * For a shard: a passed result for `key` once another machine has published it, polling the
   * cache with backoff until `timeoutMs`; undefined when it never came (or the cache failed).
   */
  waitFor(key: string, context: { specId: string; outputs: readonly string[] }, timeoutMs: number, signal: AbortSignal): Promise<StoredResult | undefined>;
  counts(): SharedCacheCounts;
}

export interface SharedResultsOptions {
  local: ResultStore;
  remote: RemoteCache;
  trace: TraceSink;
  /** One line for people, printed as it happens (never contains the token or the key). */
  warn: (line: string) => void;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  clock?: () => number;
  /** waitFor's first poll interval (default 2 s), doubling up to maxPollMs (default 20 s). */
  pollMs?: number;
  maxPollMs?: number;
}

const GIVE_UP_AFTER = 3;

/** Sleepers by the signal that wakes them: one abort listener per signal, however many jobs wait at once. */
const sleepers = new WeakMap<AbortSignal, Set<() => void>>();

/** Resolves after `ms`, or at once when `signal` aborts. A shard's waiting jobs all share the run's signal. */
function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  let wakers = sleepers.get(signal);
  if (!wakers) {
    const set = new Set<() => void>();
    signal.addEventListener('abort', () => [...set].forEach((wake) => wake()), { once: true });
    sleepers.set(signal, (wakers = set));
  }
  const all = wakers;
  return new Promise<void>((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      all.delete(wake);
      resolve();
    };
    const timer = setTimeout(wake, ms);
    all.add(wake);
  });
}

/** One run's view of the shared cache: what it counted, what it took from the cache, whether it gave up on it. */
interface SharedState {
  readonly options: SharedResultsOptions;
  readonly counts: SharedCacheCounts;
  /** Keys this run took from the cache: never uploaded back. */
  readonly fromRemote: Set<string>;
  failuresInARow: number;
  /** The cache failed GIVE_UP_AFTER reads in a row: not asked again this run. */
  off: boolean;
}

type LookupContext = { specId: string; outputs?: readonly string[] };

export function sharedResultStore(options: SharedResultsOptions): SharedResults {
  const state: SharedState = { options, counts: { restored: 0, uploaded: 0, refused: 0, errors: 0 }, fromRemote: new Set(), failuresInARow: 0, off: false };
  return {
    async read(key, context) {
      const mine = await options.local.read(key, context);
      if (mine?.stage === 'passed' || !context) return mine;
      return (await lookup(state, key, context)) ?? mine;
    },
    write: (result) => upload(state, result),
    waitFor: (key, context, timeoutMs, signal) => waitFor(state, key, context, timeoutMs, signal),
    counts: () => ({ ...state.counts }),
  };
}

const short = (key: string) => key.slice(0, 12);

/** A read or upload that failed: counted, traced and said once; the third failed read in a row turns the cache off for the run. */
function failed(state: SharedState, specId: string, key: string, op: 'get' | 'put', detail: string): void {
  const { trace, warn } = state.options;
  state.counts.errors++;
  trace.write({ type: 'cache', spec: specId, jobKey: key, op, status: 'error', detail });
  if (op === 'get' && ++state.failuresInARow >= GIVE_UP_AFTER && !state.off) {
    state.off = true;
    warn(`${detail}; ${GIVE_UP_AFTER} lookups failed in a row, so this build stops asking the remote cache and builds what it needs`);
  } else if (!state.off) {
    // The client's details start with what failed ("remote cache get 3f2a…: …").
    warn(`${detail}; ${op === 'get' ? `building ${specId} instead` : `${specId}'s result stays local (not shared)`}`);
  }
}

function refuse(state: SharedState, specId: string, key: string, detail: string): void {
  state.counts.refused++;
  state.options.trace.write({ type: 'cache', spec: specId, jobKey: key, op: 'get', status: 'refused', detail });
  state.options.warn(`remote cache: refused the artifact for ${specId} (job ${short(key)}…): ${detail}; building it instead`);
}

/** One remote lookup: a checked, passed result (kept locally), or undefined (miss, refused, failed). */
async function lookup(state: SharedState, key: string, context: LookupContext, signal?: AbortSignal, traceMiss = true): Promise<StoredResult | undefined> {
  const { remote, local, trace } = state.options;
  if (state.off) return undefined;
  const got = await remote.get(key, signal);
  if (got.status === 'error') {
    failed(state, context.specId, key, 'get', got.detail);
    return undefined;
  }
  state.failuresInARow = 0;
  if (got.status === 'miss') {
    if (traceMiss) trace.write({ type: 'cache', spec: context.specId, jobKey: key, op: 'get', status: 'miss' });
    return undefined;
  }
  if (got.status === 'refused') {
    refuse(state, context.specId, key, got.reason === 'unsigned' ? 'it is not signed' : 'its signature does not verify (tampered, or signed with another key or team)');
    return undefined;
  }
  const problem = contentProblem(got.bytes, key, context);
  if (typeof problem === 'string') {
    refuse(state, context.specId, key, problem);
    return undefined;
  }
  state.fromRemote.add(key);
  await local.write(problem);
  state.counts.restored++;
  trace.write({ type: 'cache', spec: context.specId, jobKey: key, op: 'get', status: 'hit' });
  return problem;
}

/** Writes locally; a passed result this run made (not one it took from the cache) is uploaded too. */
async function upload(state: SharedState, result: StoredResult): Promise<void> {
  const { local, remote, trace } = state.options;
  await local.write(result);
  if (result.stage !== 'passed' || state.fromRemote.has(result.jobKey)) return;
  const { history: _history, ...shared } = result;
  const put = await remote.put(result.jobKey, new TextEncoder().encode(JSON.stringify(shared)));
  if (put.status === 'stored') {
    state.counts.uploaded++;
    trace.write({ type: 'cache', spec: result.specId, jobKey: result.jobKey, op: 'put', status: 'stored' });
  } else failed(state, result.specId, result.jobKey, 'put', put.detail);
}

/** Polls the local store and the cache for `key`, backing off, until a passed result comes, the deadline passes, or waiting cannot help. */
async function waitFor(state: SharedState, key: string, context: { specId: string; outputs: readonly string[] }, timeoutMs: number, signal: AbortSignal): Promise<StoredResult | undefined> {
  const { options, counts } = state;
  const sleep = options.sleep ?? defaultSleep;
  const clock = options.clock ?? Date.now;
  const deadline = clock() + timeoutMs;
  let delay = options.pollMs ?? 2_000;
  for (let poll = 0; ; poll++) {
    const mine = await options.local.read(key, context);
    if (mine?.stage === 'passed') return mine;
    const refusedBefore = counts.refused;
    const found = await lookup(state, key, context, signal, poll === 0); // one miss in the trace, not one per poll
    if (found) return found;
    // A refused artifact will not turn good by waiting; a dead cache will not answer.
    if (state.off || counts.refused > refusedBefore || signal.aborted || clock() + delay > deadline) return undefined;
    await sleep(delay, signal);
    delay = Math.min(delay * 2, options.maxPollMs ?? 20_000);
  }
}

/** The artifact as a stored result, or why it is not one this job may reuse. */
function contentProblem(bytes: Uint8Array, key: string, context: { specId: string; outputs?: readonly string[] }): StoredResult | string {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return 'its content is not a stored result (not UTF-8 JSON)';
  }
  const parsed = StoredResultSchema.safeParse(data);
  if (!parsed.success) return 'its content is not a stored result';
  const result = parsed.data as StoredResult;
  if (result.jobKey !== key) return 'it was stored for another job key';
  if (result.stage !== 'passed') return 'it is not a passed result';
  if (result.specId !== context.specId) return `it is a result for spec ${JSON.stringify(result.specId).slice(0, 80)}`;
  if (context.outputs) {
    const files = Object.keys(result.files).sort();
    const wanted = [...context.outputs].sort();
    if (files.length !== wanted.length || files.some((f, i) => f !== wanted[i])) return "its files are not the spec's outputs";
  }
  return result;
}
