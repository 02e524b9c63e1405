/**
 * Message Batches under the Anthropic provider: a transport that gathers the requests of every
 * job waiting for a turn (a wave of ready jobs, or the continuations of jobs already running),
 * sends them as one batch at half price, polls it with backoff and hands each job its own
 * result. The provider above it is unchanged in what it does with a reply: tool calls, the fix
 * loop, budgets and traces are the same as in real time.
 *
 * Each request's custom_id is the sha256 of its body, so the same turn of the same job always
 * has the same id. Submitted batches are recorded (BatchStateStore, `.speccc/batches/`) before
 * anything waits on them; a build killed while polling finds its requests there and attaches to
 * the batch instead of submitting them again. When every job waiting on a batch has been
 * cancelled (Ctrl-C, a fatal error), the batch is cancelled too.
 *
 * What a job gets back (BatchAnswer): `succeeded` with the message; `errored` with the API's
 * error type; `expired` (not processed within the batch's lifetime); `canceled`; `unavailable`
 * (the batch could not be created, polled or read); `aborted` (its own signal fired).
 */
import Anthropic from '@anthropic-ai/sdk';
import type { TraceSink } from '../../../types/index.js';

export interface BatchRequestRef {
  /** sha256 (hex) of the request body: the same turn of the same job has the same id in every build. */
  customId: string;
  specId: string;
  jobKey: string;
  /** The conversation's turn this request asks for (1 = the job prompt; fix turns continue the count). */
  turn: number;
}

export interface BatchRecord {
  format: 1;
  id: string;
  submittedAt: string;
  requests: BatchRequestRef[];
}

/** Where submitted batches are recorded (io/batch-state.ts). `load` throws a located error for a corrupt file. */
export interface BatchStateStore {
  readonly where: string;
  load(): Promise<BatchRecord[]>;
  save(record: BatchRecord): Promise<void>;
  remove(id: string): Promise<void>;
}

export type BatchAnswer =
  | { kind: 'succeeded'; batchId: string; message: Anthropic.Message }
  | { kind: 'errored'; batchId: string; errorType: string; message: string }
  | { kind: 'expired'; batchId: string }
  | { kind: 'canceled'; batchId: string }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'aborted' };

export interface BatchTuning {
  /** A batch is sent once no new request has arrived for this long (ms, default 500) … */
  gatherMs?: number;
  /** … or this long after its first request arrived (ms, default 10,000). */
  maxGatherMs?: number;
  /** The first poll waits this long (ms, default 5,000); each later wait doubles … */
  pollMs?: number;
  /** … up to this (ms, default 60,000). */
  maxPollMs?: number;
  /** Requests per batch at most (the API allows 100,000 or 256 MB). */
  maxRequests?: number;
}

export interface BatchQueueOptions extends BatchTuning {
  client: Anthropic;
  store: BatchStateStore;
  /** Batches recorded by earlier builds (loaded before this run's first request). */
  resumable: readonly BatchRecord[];
  trace: TraceSink;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  clock: () => number;
  redact: (text: string) => string;
}

export interface BatchQueue {
  send(request: BatchRequestRef & { params: Anthropic.MessageCreateParamsNonStreaming }, signal: AbortSignal): Promise<BatchAnswer>;
  /** At the end of a run: waits for cancellations to reach the API, forgets batches whose results were all used. */
  finish(): Promise<void>;
}

/** Results are kept by the API for 29 days: a record older than that can only be a miss. */
const RESULTS_KEPT_MS = 29 * 24 * 3600_000;
const MAX_BYTES = 200 * 1024 * 1024;
const CREATE_ATTEMPTS = 4;
const POLL_FAILURES = 6;

interface Waiter {
  ref: BatchRequestRef;
  params: Anthropic.MessageCreateParamsNonStreaming;
  bytes: number;
  signal: AbortSignal;
  settle: (answer: BatchAnswer) => void;
  /** Answered (or aborted): nothing more to do for it. */
  done: boolean;
  /** The batch it waits on, once submitted (or found in an earlier build's records). */
  batch?: Tracked;
}

interface Tracked {
  id: string;
  record: BatchRecord;
  waiters: Map<string, Waiter>;
  results?: Map<string, Anthropic.Messages.MessageBatchResult>;
  /** The batch could not be read: every request in it is answered `unavailable`. */
  lost?: string;
  polling?: Promise<void>;
  stop: AbortController;
  /** Some job of this run waits or waited on it (a batch only an earlier build asked for is left alone). */
  claimed?: boolean;
  cancelled?: boolean;
}

type ErrorBody = { type?: string; error?: { type?: string; message?: string } };

export function createBatchQueue(options: BatchQueueOptions): BatchQueue {
  const { client, store, trace, sleep, clock } = options;
  const gatherMs = options.gatherMs ?? 500;
  const maxGatherMs = options.maxGatherMs ?? 10_000;
  const pollMs = options.pollMs ?? 5_000;
  const maxPollMs = options.maxPollMs ?? 60_000;
  const maxRequests = Math.min(options.maxRequests ?? 10_000, 100_000);

  const batches = new Map<string, Tracked>();
  /** Requests of earlier builds' batches not yet asked for again in this run: custom_id -> batch id. */
  const resumeIndex = new Map<string, string>();
  const background: Promise<unknown>[] = [];
  let pending: Waiter[] = [];
  let timer: NodeJS.Timeout | undefined;
  let firstPendingAt = 0;
  let sawAbort = false;

  const stale = (r: BatchRecord) => clock() - Date.parse(r.submittedAt) > RESULTS_KEPT_MS;
  for (const record of options.resumable) {
    if (stale(record)) {
      background.push(store.remove(record.id).catch(() => undefined));
      continue;
    }
    batches.set(record.id, { id: record.id, record, waiters: new Map(), stop: new AbortController() });
    for (const r of record.requests) resumeIndex.set(r.customId, record.id);
  }

  const answerOf = (t: Tracked, customId: string): BatchAnswer => {
    if (t.lost) return { kind: 'unavailable', reason: t.lost };
    const result = t.results?.get(customId);
    if (!result) return { kind: 'unavailable', reason: `batch ${t.id} has no result for this request` };
    switch (result.type) {
      case 'succeeded':
        return { kind: 'succeeded', batchId: t.id, message: result.message };
      case 'errored': {
        const body = result.error as ErrorBody;
        return { kind: 'errored', batchId: t.id, errorType: body.error?.type ?? body.type ?? 'api_error', message: options.redact(body.error?.message ?? 'the request failed in the batch') };
      }
      case 'expired':
        return { kind: 'expired', batchId: t.id };
      default:
        return { kind: 'canceled', batchId: t.id };
    }
  };

  const settleAll = (t: Tracked) => {
    for (const [customId, w] of t.waiters) w.settle(answerOf(t, customId));
    t.waiters.clear();
  };

  /** Once no job of this run waits on a batch still in progress, nobody will read it: cancel it. */
  const maybeCancel = (t: Tracked) => {
    if (t.waiters.size > 0 || t.results || t.lost || t.cancelled || !t.claimed) return;
    t.cancelled = true;
    t.stop.abort();
    background.push(
      client.messages.batches.cancel(t.id).then(
        () => trace.write({ type: 'batch', id: t.id, op: 'canceled', requests: t.record.requests.length }),
        (error: unknown) => trace.write({ type: 'batch', id: t.id, op: 'canceled', requests: t.record.requests.length, reason: options.redact(`the cancel request failed: ${describe(error)}`) }),
      ),
    );
  };

  const wait = (t: Tracked, waiter: Waiter): void => {
    t.claimed = true;
    if (waiter.done) return;
    if (t.results || t.lost) return waiter.settle(answerOf(t, waiter.ref.customId));
    waiter.batch = t;
    t.waiters.set(waiter.ref.customId, waiter);
    t.polling ??= poll(t);
  };

  async function poll(t: Tracked): Promise<void> {
    let delay = pollMs;
    let failures = 0;
    for (;;) {
      if (t.stop.signal.aborted) return;
      try {
        const batch = await scoped(t.stop.signal, (signal) => client.messages.batches.retrieve(t.id, undefined, { signal }));
        failures = 0;
        if (batch.processing_status === 'ended') {
          const results = new Map<string, Anthropic.Messages.MessageBatchResult>();
          await scoped(t.stop.signal, async (signal) => {
            for await (const line of await client.messages.batches.results(t.id, undefined, { signal })) results.set(line.custom_id, line.result);
          });
          if (t.stop.signal.aborted) return;
          t.results = results;
          const counts = batch.request_counts as unknown as Record<string, number>;
          trace.write({ type: 'batch', id: t.id, op: 'ended', requests: t.record.requests.length, counts: { ...counts } });
          settleAll(t);
          return;
        }
      } catch (error) {
        if (t.stop.signal.aborted) return;
        const status = (error as { status?: number }).status;
        failures++;
        if (status === 404 || failures >= POLL_FAILURES) {
          t.lost = options.redact(status === 404 ? `batch ${t.id} no longer exists` : `batch ${t.id} could not be read: ${describe(error)}`);
          trace.write({ type: 'batch', id: t.id, op: 'lost', requests: t.record.requests.length, reason: t.lost });
          settleAll(t);
          return;
        }
      }
      await scoped(t.stop.signal, (signal) => sleep(delay, signal));
      delay = Math.min(delay * 2, maxPollMs);
    }
  }

  /**
   * Every job of a run shares one signal; a listener per waiting job would pile hundreds onto it.
   * One listener per signal aborts all the waiters under it.
   */
  const watched = new Map<AbortSignal, { waiters: Set<Waiter>; onAbort: () => void }>();
  const abortWaiter = (waiter: Waiter) => {
    sawAbort = true;
    pending = pending.filter((w) => w !== waiter);
    if (waiter.batch) {
      waiter.batch.waiters.delete(waiter.ref.customId);
      maybeCancel(waiter.batch);
    }
    waiter.settle({ kind: 'aborted' });
  };
  const watch = (waiter: Waiter) => {
    let entry = watched.get(waiter.signal);
    if (!entry) {
      const waiters = new Set<Waiter>();
      const onAbort = () => [...waiters].forEach(abortWaiter);
      waiter.signal.addEventListener('abort', onAbort, { once: true });
      watched.set(waiter.signal, (entry = { waiters, onAbort }));
    }
    entry.waiters.add(waiter);
  };
  const unwatch = (waiter: Waiter) => {
    const entry = watched.get(waiter.signal);
    if (!entry) return;
    entry.waiters.delete(waiter);
    if (entry.waiters.size === 0) {
      waiter.signal.removeEventListener('abort', entry.onAbort);
      watched.delete(waiter.signal);
    }
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    const due = Math.max(0, Math.min(gatherMs, firstPendingAt + maxGatherMs - clock()));
    timer = setTimeout(() => {
      timer = undefined;
      background.push(flush());
    }, due);
  };

  async function flush(): Promise<void> {
    // A custom_id appears once per batch: an identical request (never two jobs in practice) waits for the next one.
    const seen = new Set<string>();
    const ready: Waiter[] = [];
    const later: Waiter[] = [];
    for (const w of pending) {
      if (w.signal.aborted) continue;
      (seen.has(w.ref.customId) ? later : ready).push(w);
      seen.add(w.ref.customId);
    }
    pending = later;
    if (later.length > 0) schedule();
    while (ready.length > 0) {
      const chunk: Waiter[] = [];
      let bytes = 0;
      while (ready.length > 0 && chunk.length < maxRequests && (chunk.length === 0 || bytes + ready[0]!.bytes <= MAX_BYTES)) {
        const w = ready.shift()!;
        bytes += w.bytes;
        chunk.push(w);
      }
      await submit(chunk).catch((error: unknown) => {
        for (const w of chunk) w.settle({ kind: 'unavailable', reason: options.redact(`the batch could not be sent: ${describe(error)}`) });
      });
    }
  }

  async function submit(chunk: Waiter[]): Promise<void> {
    const requests = chunk.map((w) => ({ custom_id: w.ref.customId, params: w.params }));
    let created: Anthropic.Messages.MessageBatch | undefined;
    let reason = '';
    for (let attempt = 1; attempt <= CREATE_ATTEMPTS && !created; attempt++) {
      try {
        created = await client.messages.batches.create({ requests });
      } catch (error) {
        const status = (error as { status?: number }).status;
        reason = options.redact(`the batch could not be created: ${describe(error)}`);
        const retryable = status === undefined || status === 408 || status === 409 || status === 429 || status >= 500;
        if (!retryable || attempt === CREATE_ATTEMPTS) break;
        await sleep(Math.min(pollMs * 2 ** (attempt - 1), maxPollMs), new AbortController().signal);
      }
    }
    if (!created) {
      for (const w of chunk) w.settle({ kind: 'unavailable', reason });
      return;
    }
    const record: BatchRecord = { format: 1, id: created.id, submittedAt: new Date(clock()).toISOString(), requests: chunk.map((w) => w.ref) };
    const t: Tracked = { id: created.id, record, waiters: new Map(), stop: new AbortController() };
    batches.set(t.id, t);
    // Recorded before anything waits on it: from here a kill loses nothing.
    let unrecorded: string | undefined;
    try {
      if (!/^[A-Za-z0-9_-]{1,128}$/.test(created.id)) throw new Error('the API gave it an id speccc cannot use as a file name');
      await store.save(record);
    } catch (error) {
      unrecorded = options.redact(`not recorded in ${store.where} (${describe(error)}): a build interrupted now would submit these requests again`);
    }
    trace.write({ type: 'batch', id: t.id, op: 'submitted', requests: chunk.length, ...(unrecorded ? { reason: unrecorded } : {}) });
    for (const w of chunk) wait(t, w);
    // Every job was cancelled while the batch was being created or recorded: nobody reads it.
    maybeCancel(t);
  }

  return {
    send(request, signal) {
      const { params, ...ref } = request;
      if (signal.aborted) return Promise.resolve({ kind: 'aborted' });
      return new Promise<BatchAnswer>((resolve) => {
        const waiter: Waiter = {
          ref,
          params,
          bytes: Buffer.byteLength(JSON.stringify(params)),
          signal,
          done: false,
          settle: (answer) => {
            if (waiter.done) return;
            waiter.done = true;
            unwatch(waiter);
            resolve(answer);
          },
        };
        watch(waiter);

        const earlier = resumeIndex.get(ref.customId);
        if (earlier !== undefined) {
          // Asked for once: if this answer is `canceled`, the provider sends the request again, in a new batch.
          resumeIndex.delete(ref.customId);
          const t = batches.get(earlier)!;
          if (!t.polling && !t.results && !t.lost) trace.write({ type: 'batch', id: earlier, op: 'resumed', requests: t.record.requests.length });
          return wait(t, waiter);
        }
        if (pending.length === 0) firstPendingAt = clock();
        pending.push(waiter);
        if (pending.length >= maxRequests) {
          if (timer) clearTimeout(timer);
          timer = undefined;
          background.push(flush());
        } else schedule();
      });
    },
    async finish() {
      if (timer) clearTimeout(timer);
      for (const t of batches.values()) {
        maybeCancel(t);
        t.stop.abort(); // no poller outlives its run
      }
      await Promise.allSettled([...background, ...[...batches.values()].map((t) => t.polling)]);
      if (sawAbort) return; // a cancelled run keeps every record: the next build reuses what was answered
      for (const t of batches.values()) {
        if (t.results || t.lost) await store.remove(t.id).catch(() => undefined);
        else if (!t.claimed) {
          // An earlier build's batch no job asked for this time (its jobs were restored or changed):
          // forgotten once it has ended; one still running is left for a build that needs it.
          const ended = await client.messages.batches.retrieve(t.id).then(
            (b) => b.processing_status === 'ended',
            (error: unknown) => (error as { status?: number }).status === 404,
          );
          if (ended) await store.remove(t.id).catch(() => undefined);
        }
      }
    },
  };
}

/**
 * A request under `parent` through a signal of its own: the SDK leaves its abort listener on the
 * signal it is given, and a batch polled for hours would pile them up on one.
 */
async function scoped<T>(parent: AbortSignal, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const own = new AbortController();
  const abort = () => own.abort(parent.reason);
  parent.addEventListener('abort', abort, { once: true });
  try {
    return await run(own.signal);
  } finally {
    parent.removeEventListener('abort', abort);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0]!.slice(0, 300);
  return String(error);
}
