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

export function sharedResultStore(options: SharedResultsOptions): SharedResults {
  const { local, remote, trace, warn } = options;
  const sleep = options.sleep ?? defaultSleep;
  const clock = options.clock ?? Date.now;
  const counts: SharedCacheCounts = { restored: 0, uploaded: 0, refused: 0, errors: 0 };
  /** Keys this run took from the cache: never uploaded back. */
  const fromRemote = new Set<string>();
  let failuresInARow = 0;
  let off = false;
  const short = (key: string) => key.slice(0, 12);

  const failed = (specId: string, key: string, op: 'get' | 'put', detail: string) => {
    counts.errors++;
    trace.write({ type: 'cache', spec: specId, jobKey: key, op, status: 'error', detail });
    if (op === 'get' && ++failuresInARow >= GIVE_UP_AFTER && !off) {
      off = true;
      warn(`${detail}; ${GIVE_UP_AFTER} lookups failed in a row, so this build stops asking the remote cache and builds what it needs`);
    } else if (!off) {
      // The client's details start with what failed ("remote cache get 3f2a…: …").
      warn(`${detail}; ${op === 'get' ? `building ${specId} instead` : `${specId}'s result stays local (not shared)`}`);
    }
  };

  const refuse = (specId: string, key: string, detail: string) => {
    counts.refused++;
    trace.write({ type: 'cache', spec: specId, jobKey: key, op: 'get', status: 'refused', detail });
    warn(`remote cache: refused the artifact for ${specId} (job ${short(key)}…): ${detail}; building it instead`);
  };

  /** One remote lookup: a checked, passed result, or undefined (miss, refused, failed). */
  async function lookup(key: string, context: { specId: string; outputs?: readonly string[] }, signal?: AbortSignal, traceMiss = true): Promise<StoredResult | undefined> {
    if (off) return undefined;
    const got = await remote.get(key, signal);
    if (got.status === 'error') {
      failed(context.specId, key, 'get', got.detail);
      return undefined;
    }
    failuresInARow = 0;
    if (got.status === 'miss') {
      if (traceMiss) trace.write({ type: 'cache', spec: context.specId, jobKey: key, op: 'get', status: 'miss' });
      return undefined;
    }
    if (got.status === 'refused') {
      refuse(context.specId, key, got.reason === 'unsigned' ? 'it is not signed' : 'its signature does not verify (tampered, or signed with another key or team)');
      return undefined;
    }
    const problem = contentProblem(got.bytes, key, context);
    if (typeof problem === 'string') {
      refuse(context.specId, key, problem);
      return undefined;
    }
    fromRemote.add(key);
    await local.write(problem);
    counts.restored++;
    trace.write({ type: 'cache', spec: context.specId, jobKey: key, op: 'get', status: 'hit' });
    return problem;
  }

  return {
    async read(key, context) {
      const mine = await local.read(key, context);
      if (mine?.stage === 'passed' || !context) return mine;
      return (await lookup(key, context)) ?? mine;
    },

    async write(result) {
      await local.write(result);
      if (result.stage !== 'passed' || fromRemote.has(result.jobKey)) return;
      const { history: _history, ...shared } = result;
      const put = await remote.put(result.jobKey, new TextEncoder().encode(JSON.stringify(shared)));
      if (put.status === 'stored') {
        counts.uploaded++;
        trace.write({ type: 'cache', spec: result.specId, jobKey: result.jobKey, op: 'put', status: 'stored' });
      } else failed(result.specId, result.jobKey, 'put', put.detail);
    },

    async waitFor(key, context, timeoutMs, signal) {
      const deadline = clock() + timeoutMs;
      let delay = options.pollMs ?? 2_000;
      for (let poll = 0; ; poll++) {
        const mine = await local.read(key, context);
        if (mine?.stage === 'passed') return mine;
        const refusedBefore = counts.refused;
        const found = await lookup(key, context, signal, poll === 0); // one miss in the trace, not one per poll
        if (found) return found;
        // A refused artifact will not turn good by waiting; a dead cache will not answer.
        if (off || counts.refused > refusedBefore || signal.aborted || clock() + delay > deadline) return undefined;
        await sleep(delay, signal);
        delay = Math.min(delay * 2, options.maxPollMs ?? 20_000);
      }
    },

    counts: () => ({ ...counts }),
  };
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
