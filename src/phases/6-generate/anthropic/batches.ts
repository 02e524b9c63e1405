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
import type { BatchRecord, BatchRequestRef, BatchStateStore, TraceSink } from '../../../types/index.js';

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

/** The tuning with its defaults filled in (all in ms, but maxRequests). */
type Timing = Required<BatchTuning>;

/** One queue's state: every function below takes it explicitly (no closures over a factory's locals). */
interface QueueState {
  readonly options: BatchQueueOptions;
  readonly timing: Timing;
  readonly batches: Map<string, Tracked>;
  /** Requests of earlier builds' batches not yet asked for again in this run: custom_id -> batch id. */
  readonly resumeIndex: Map<string, string>;
  /** Work that `finish` waits for: flushes, cancellations, removals of stale records. */
  readonly background: Promise<unknown>[];
  /**
   * Every job of a run shares one signal; a listener per waiting job would pile hundreds onto it.
   * One listener per signal aborts all the waiters under it.
   */
  readonly watched: Map<AbortSignal, { waiters: Set<Waiter>; onAbort: () => void }>;
  /** Requests gathered for the next batch. */
  pending: Waiter[];
  timer: NodeJS.Timeout | undefined;
  /** When the first of `pending` arrived (clock ms): a batch is sent at most maxGatherMs later. */
  firstPendingAt: number;
  /** Some job of this run was aborted: `finish` keeps every record for the next build. */
  sawAbort: boolean;
}

export function createBatchQueue(options: BatchQueueOptions): BatchQueue {
  const q = initialState(options);
  adoptResumable(q, options.resumable);
  return {
    send: (request, signal) => sendRequest(q, request, signal),
    finish: () => finishQueue(q),
  };
}

/** Fills in the defaults; maxRequests is capped at the API's limit. */
function timingOf(tuning: BatchTuning): Timing {
  return {
    gatherMs: tuning.gatherMs ?? 500,
    maxGatherMs: tuning.maxGatherMs ?? 10_000,
    pollMs: tuning.pollMs ?? 5_000,
    maxPollMs: tuning.maxPollMs ?? 60_000,
    maxRequests: Math.min(tuning.maxRequests ?? 10_000, 100_000),
  };
}

function initialState(options: BatchQueueOptions): QueueState {
  return {
    options,
    timing: timingOf(options),
    batches: new Map(),
    resumeIndex: new Map(),
    background: [],
    watched: new Map(),
    pending: [],
    timer: undefined,
    firstPendingAt: 0,
    sawAbort: false,
  };
}

/** Tracks earlier builds' batches so a request asked for again attaches to them; forgets those whose results are gone. */
function adoptResumable(q: QueueState, records: readonly BatchRecord[]): void {
  const { store, clock } = q.options;
  for (const record of records) {
    if (clock() - Date.parse(record.submittedAt) > RESULTS_KEPT_MS) {
      q.background.push(store.remove(record.id).catch(() => undefined));
      continue;
    }
    q.batches.set(record.id, trackedOf(record));
    for (const r of record.requests) q.resumeIndex.set(r.customId, record.id);
  }
}

function trackedOf(record: BatchRecord): Tracked {
  return { id: record.id, record, waiters: new Map(), stop: new AbortController() };
}

/** What the job that sent `customId` gets from batch `t`, once it has ended or been lost. */
export function answerOf(
  t: Pick<Tracked, 'id' | 'results' | 'lost'>,
  customId: string,
  redact: (text: string) => string,
): BatchAnswer {
  if (t.lost) return { kind: 'unavailable', reason: t.lost };
  const result = t.results?.get(customId);
  if (!result) return { kind: 'unavailable', reason: `batch ${t.id} has no result for this request` };
  switch (result.type) {
    case 'succeeded':
      return { kind: 'succeeded', batchId: t.id, message: result.message };
    case 'errored': {
      const body = result.error as ErrorBody;
      return { kind: 'errored', batchId: t.id, errorType: body.error?.type ?? body.type ?? 'api_error', message: redact(body.error?.message ?? 'the request failed in the batch') };
    }
    case 'expired':
      return { kind: 'expired', batchId: t.id };
    default:
      return { kind: 'canceled', batchId: t.id };
  }
}

function settleAll(q: QueueState, t: Tracked): void {
  for (const [customId, w] of t.waiters) w.settle(answerOf(t, customId, q.options.redact));
  t.waiters.clear();
}

/** Once no job of this run waits on a batch still in progress, nobody will read it: cancel it. */
function maybeCancel(q: QueueState, t: Tracked): void {
  if (t.waiters.size > 0 || t.results || t.lost || t.cancelled || !t.claimed) return;
  const { client, trace, redact } = q.options;
  t.cancelled = true;
  t.stop.abort();
  const requests = t.record.requests.length;
  q.background.push(
    client.messages.batches.cancel(t.id).then(
      () => trace.write({ type: 'batch', id: t.id, op: 'canceled', requests }),
      (error: unknown) => trace.write({ type: 'batch', id: t.id, op: 'canceled', requests, reason: redact(`the cancel request failed: ${describe(error)}`) }),
    ),
  );
}

/** Puts `waiter` on batch `t` (answering it at once if `t` is over) and starts polling `t` if nobody does. */
function waitOn(q: QueueState, t: Tracked, waiter: Waiter): void {
  t.claimed = true;
  if (waiter.done) return;
  if (t.results || t.lost) return waiter.settle(answerOf(t, waiter.ref.customId, q.options.redact));
  waiter.batch = t;
  t.waiters.set(waiter.ref.customId, waiter);
  t.polling ??= poll(q, t);
}

/** Polls `t` with doubling waits until it ends (its results go to its waiters), is lost, or is stopped. */
async function poll(q: QueueState, t: Tracked): Promise<void> {
  const { client, sleep } = q.options;
  let delay = q.timing.pollMs;
  let failures = 0;
  for (;;) {
    if (t.stop.signal.aborted) return;
    try {
      const batch = await scoped(t.stop.signal, (signal) => client.messages.batches.retrieve(t.id, undefined, { signal }));
      failures = 0;
      if (batch.processing_status === 'ended') return await readResults(q, t, batch);
    } catch (error) {
      if (t.stop.signal.aborted) return;
      const status = (error as { status?: number }).status;
      failures++;
      if (status === 404 || failures >= POLL_FAILURES) return markLost(q, t, status === 404 ? `batch ${t.id} no longer exists` : `batch ${t.id} could not be read: ${describe(error)}`);
    }
    await scoped(t.stop.signal, (signal) => sleep(delay, signal));
    delay = Math.min(delay * 2, q.timing.maxPollMs);
  }
}

/** Reads an ended batch's results and answers its waiters (unless the batch was stopped meanwhile). */
async function readResults(q: QueueState, t: Tracked, batch: Anthropic.Messages.MessageBatch): Promise<void> {
  const results = new Map<string, Anthropic.Messages.MessageBatchResult>();
  await scoped(t.stop.signal, async (signal) => {
    for await (const line of await q.options.client.messages.batches.results(t.id, undefined, { signal })) results.set(line.custom_id, line.result);
  });
  if (t.stop.signal.aborted) return;
  t.results = results;
  const counts = batch.request_counts as unknown as Record<string, number>;
  q.options.trace.write({ type: 'batch', id: t.id, op: 'ended', requests: t.record.requests.length, counts: { ...counts } });
  settleAll(q, t);
}

function markLost(q: QueueState, t: Tracked, reason: string): void {
  t.lost = q.options.redact(reason);
  q.options.trace.write({ type: 'batch', id: t.id, op: 'lost', requests: t.record.requests.length, reason: t.lost });
  settleAll(q, t);
}

function abortWaiter(q: QueueState, waiter: Waiter): void {
  q.sawAbort = true;
  q.pending = q.pending.filter((w) => w !== waiter);
  if (waiter.batch) {
    waiter.batch.waiters.delete(waiter.ref.customId);
    maybeCancel(q, waiter.batch);
  }
  waiter.settle({ kind: 'aborted' });
}

function watchSignal(q: QueueState, waiter: Waiter): void {
  let entry = q.watched.get(waiter.signal);
  if (!entry) {
    const waiters = new Set<Waiter>();
    const onAbort = () => [...waiters].forEach((w) => abortWaiter(q, w));
    waiter.signal.addEventListener('abort', onAbort, { once: true });
    q.watched.set(waiter.signal, (entry = { waiters, onAbort }));
  }
  entry.waiters.add(waiter);
}

function unwatchSignal(q: QueueState, waiter: Waiter): void {
  const entry = q.watched.get(waiter.signal);
  if (!entry) return;
  entry.waiters.delete(waiter);
  if (entry.waiters.size === 0) {
    waiter.signal.removeEventListener('abort', entry.onAbort);
    q.watched.delete(waiter.signal);
  }
}

/** (Re)arms the timer that flushes `pending`: after gatherMs of quiet, at most maxGatherMs after the first request. */
function schedule(q: QueueState): void {
  if (q.timer) clearTimeout(q.timer);
  const { gatherMs, maxGatherMs } = q.timing;
  const due = Math.max(0, Math.min(gatherMs, q.firstPendingAt + maxGatherMs - q.options.clock()));
  q.timer = setTimeout(() => {
    q.timer = undefined;
    q.background.push(flush(q));
  }, due);
}

/**
 * Splits waiting requests into those that go now and those that wait for the next batch: a
 * custom_id appears once per batch, so an identical request (never two jobs in practice) waits.
 * Aborted requests are dropped.
 */
export function firstOfEachId<W extends { ref: { customId: string }; signal: AbortSignal }>(pending: readonly W[]): { ready: W[]; later: W[] } {
  const seen = new Set<string>();
  const ready: W[] = [];
  const later: W[] = [];
  for (const w of pending) {
    if (w.signal.aborted) continue;
    (seen.has(w.ref.customId) ? later : ready).push(w);
    seen.add(w.ref.customId);
  }
  return { ready, later };
}

/** Cuts requests into batches of at most `maxRequests` and `maxBytes` (a single larger request still gets a batch of its own). */
export function chunksOf<W extends { bytes: number }>(ready: readonly W[], maxRequests: number, maxBytes = MAX_BYTES): W[][] {
  const chunks: W[][] = [];
  let chunk: W[] = [];
  let bytes = 0;
  for (const w of ready) {
    if (chunk.length > 0 && (chunk.length >= maxRequests || bytes + w.bytes > maxBytes)) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    bytes += w.bytes;
    chunk.push(w);
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

async function flush(q: QueueState): Promise<void> {
  const { ready, later } = firstOfEachId(q.pending);
  q.pending = later;
  if (later.length > 0) schedule(q);
  for (const chunk of chunksOf(ready, q.timing.maxRequests)) {
    await submit(q, chunk).catch((error: unknown) => {
      for (const w of chunk) w.settle({ kind: 'unavailable', reason: q.options.redact(`the batch could not be sent: ${describe(error)}`) });
    });
  }
}

/** Whether a failed create is worth another attempt: no status (the network), timeouts, conflicts, rate limits, server errors. */
export function retryableCreate(status: number | undefined): boolean {
  return status === undefined || status === 408 || status === 409 || status === 429 || status >= 500;
}

/** Creates the batch, retrying with backoff: the batch, or why it could not be created. */
async function createBatch(q: QueueState, chunk: Waiter[]): Promise<{ created: Anthropic.Messages.MessageBatch } | { reason: string }> {
  const { client, sleep, redact } = q.options;
  const requests = chunk.map((w) => ({ custom_id: w.ref.customId, params: w.params }));
  let reason = '';
  for (let attempt = 1; attempt <= CREATE_ATTEMPTS; attempt++) {
    try {
      return { created: await client.messages.batches.create({ requests }) };
    } catch (error) {
      reason = redact(`the batch could not be created: ${describe(error)}`);
      if (!retryableCreate((error as { status?: number }).status) || attempt === CREATE_ATTEMPTS) break;
      await sleep(Math.min(q.timing.pollMs * 2 ** (attempt - 1), q.timing.maxPollMs), new AbortController().signal);
    }
  }
  return { reason };
}

async function submit(q: QueueState, chunk: Waiter[]): Promise<void> {
  const outcome = await createBatch(q, chunk);
  if ('reason' in outcome) {
    for (const w of chunk) w.settle({ kind: 'unavailable', reason: outcome.reason });
    return;
  }
  const { created } = outcome;
  const t = trackedOf({ format: 1, id: created.id, submittedAt: new Date(q.options.clock()).toISOString(), requests: chunk.map((w) => w.ref) });
  q.batches.set(t.id, t);
  // Recorded before anything waits on it: from here a kill loses nothing.
  const unrecorded = await record(q, t.record);
  q.options.trace.write({ type: 'batch', id: t.id, op: 'submitted', requests: chunk.length, ...(unrecorded ? { reason: unrecorded } : {}) });
  for (const w of chunk) waitOn(q, t, w);
  // Every job was cancelled while the batch was being created or recorded: nobody reads it.
  maybeCancel(q, t);
}

/** Saves the record: undefined, or why it could not be saved (the batch is used all the same). */
async function record(q: QueueState, batch: BatchRecord): Promise<string | undefined> {
  const { store, redact } = q.options;
  try {
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(batch.id)) throw new Error('the API gave it an id speccc cannot use as a file name');
    await store.save(batch);
    return undefined;
  } catch (error) {
    return redact(`not recorded in ${store.where} (${describe(error)}): a build interrupted now would submit these requests again`);
  }
}

function sendRequest(q: QueueState, request: BatchRequestRef & { params: Anthropic.MessageCreateParamsNonStreaming }, signal: AbortSignal): Promise<BatchAnswer> {
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
        unwatchSignal(q, waiter);
        resolve(answer);
      },
    };
    watchSignal(q, waiter);
    if (!resume(q, waiter)) enqueue(q, waiter);
  });
}

/** Attaches `waiter` to the earlier build's batch that holds its request, if there is one. */
function resume(q: QueueState, waiter: Waiter): boolean {
  const earlier = q.resumeIndex.get(waiter.ref.customId);
  if (earlier === undefined) return false;
  // Asked for once: if this answer is `canceled`, the provider sends the request again, in a new batch.
  q.resumeIndex.delete(waiter.ref.customId);
  const t = q.batches.get(earlier)!;
  if (!t.polling && !t.results && !t.lost) q.options.trace.write({ type: 'batch', id: earlier, op: 'resumed', requests: t.record.requests.length });
  waitOn(q, t, waiter);
  return true;
}

/** Adds `waiter` to the next batch: sent at once when full, else when the gathering timer fires. */
function enqueue(q: QueueState, waiter: Waiter): void {
  if (q.pending.length === 0) q.firstPendingAt = q.options.clock();
  q.pending.push(waiter);
  if (q.pending.length >= q.timing.maxRequests) {
    if (q.timer) clearTimeout(q.timer);
    q.timer = undefined;
    q.background.push(flush(q));
  } else schedule(q);
}

async function finishQueue(q: QueueState): Promise<void> {
  if (q.timer) clearTimeout(q.timer);
  for (const t of q.batches.values()) {
    maybeCancel(q, t);
    t.stop.abort(); // no poller outlives its run
  }
  await Promise.allSettled([...q.background, ...[...q.batches.values()].map((t) => t.polling)]);
  if (q.sawAbort) return; // a cancelled run keeps every record: the next build reuses what was answered
  for (const t of q.batches.values()) {
    if (t.results || t.lost || (!t.claimed && (await endedOrGone(q, t.id)))) await q.options.store.remove(t.id).catch(() => undefined);
  }
}

/**
 * For an earlier build's batch no job asked for this time (its jobs were restored or changed):
 * whether it may be forgotten (it has ended, or the API no longer has it); one still running is
 * left for a build that needs it.
 */
function endedOrGone(q: QueueState, id: string): Promise<boolean> {
  return q.options.client.messages.batches.retrieve(id).then(
    (b) => b.processing_status === 'ended',
    (error: unknown) => (error as { status?: number }).status === 404,
  );
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
