/**
 * One turn of a job, sent until it gets an answer or a reason to stop: its worst case reserved
 * against every budget first (a true upper bound), then streamed in real time or put in a
 * Message Batch, retried only when the API says the fault is transient, settled to the exact
 * cost its usage implies, and traced. What the run shares (cache warming, the retry-after pause,
 * the adaptive concurrency gate) lives in the sender; what a job accumulates, in its ledger.
 */
import type Anthropic from '@anthropic-ai/sdk';
import type { AgentStatus, AgentTask, FailureClass, TokenUsage, TraceSink } from '../../../types/index.js';
import type { Meter, Reservation } from '../budget.js';
import { costOf, utf8Bytes, worstCaseOf, type ModelPrice } from '../../../prices/pricing.js';
import { createRateGate } from '../rate-gate.js';
import { backoffMs, classifyError, persistentFaultLine, type ErrorVerdict } from '../retry.js';
import { sha256 } from '../../../hash.js';
import { fingerprint } from '../fingerprint.js';
import type { BatchAnswer, BatchQueue } from './batches.js';
import type { Message } from './conversation.js';

/** Error types of a batch item that the same request would get in real time too: no point sending it again. */
const FINAL_BATCH_ERRORS = new Set(['invalid_request_error', 'authentication_error', 'permission_error', 'not_found_error', 'request_too_large', 'billing_error']);
/** Of those, the ones that stop the whole build (nothing else can succeed either). */
const FATAL_BATCH_ERRORS = new Set(['authentication_error', 'permission_error', 'billing_error']);

export interface SenderOptions {
  client: Anthropic;
  queue: BatchQueue | undefined;
  /** Every request is reserved through it before it is sent. */
  meter: Meter;
  trace: TraceSink;
  redact: (text: string) => string;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  clock: () => number;
  maxRetries: number;
  /** Largest write_file content accepted while streaming (characters); a longer one is cut off, never held. */
  maxFileChars: number;
  concurrency: number;
  /** Count each request's input tokens with count_tokens before reserving (else the byte bound alone). */
  countTokens: boolean;
}

/** What one job has paid for so far: every billed request, failed attempts included. */
export interface JobLedger {
  usage: TokenUsage;
  cost: number;
  requests: number;
}

export interface TurnRequest {
  task: AgentTask;
  /** The model this turn goes to (the spec's, or its fallback after a refusal). */
  model: string;
  price: ModelPrice;
  body: Anthropic.MessageCreateParamsNonStreaming;
  /** The conversation as sent, for the trace's hashes. */
  messages: Message[];
  ledger: JobLedger;
  /** Beta features the body uses (`anthropic-beta`), real time only. */
  betas?: string[];
  /** The advisory task budget the body carries, for the trace. */
  taskBudget?: { total: number; remaining: number };
  /** Set by the sender: the input tokens count_tokens gave for this body, and the worst case reserved for it. */
  countedInputTokens?: number;
  reservedUsd?: number;
}

export type SendResult =
  | { kind: 'message'; message: Anthropic.Message }
  | { kind: 'stop'; status: AgentStatus; error: string; fatal?: boolean; failureClass?: FailureClass };

class FileTooLarge extends Error {}

const stop = (status: AgentStatus, error: string, extra: { fatal?: boolean; failureClass?: FailureClass } = {}): Extract<SendResult, { kind: 'stop' }> => ({ kind: 'stop', status, error, ...extra });

export function usageOf(u: Anthropic.Usage): TokenUsage {
  const oneHour = (u as { cache_creation?: { ephemeral_1h_input_tokens?: number } | null }).cache_creation?.ephemeral_1h_input_tokens ?? 0;
  return {
    inputTokens: u.input_tokens,
    outputTokens: u.output_tokens,
    cacheReadTokens: u.cache_read_input_tokens ?? 0,
    cacheWriteTokens: u.cache_creation_input_tokens ?? 0,
    cacheWrite1hTokens: oneHour,
  };
}

/** What the API says is left of the task budget after this reply, when its usage reports it. */
function reportedBudget(usage: Anthropic.Usage): { reportedRemaining?: number } {
  const left = (usage as { task_budget?: { remaining?: unknown } | null }).task_budget?.remaining;
  return typeof left === 'number' ? { reportedRemaining: left } : {};
}

export interface Sender {
  send(req: TurnRequest): Promise<SendResult>;
}

/** What the run's requests share. */
interface SenderState {
  readonly options: SenderOptions;
  /**
   * Cache warming: the first request of the run goes alone; the others wait until its reply has
   * started, by which time its prompt-cache write for the shared prefix (tools + system) can be
   * read. Sent together, every job would miss and pay to write the same prefix.
   */
  warmed: Promise<void> | null;
  /** A 429/529 pauses every new request of this run until the server's retry-after has passed (clock ms). */
  pausedUntil: number;
  readonly rate: ReturnType<typeof createRateGate>;
  readonly counter: ReturnType<typeof createCounter>;
}

export function createSender(options: SenderOptions): Sender {
  const state: SenderState = { options, warmed: null, pausedUntil: 0, rate: createRateGate(options.concurrency), counter: createCounter(options) };
  return { send: (req) => send(state, req) };
}

async function send(state: SenderState, req: TurnRequest): Promise<SendResult> {
  const { options } = state;
  const { task } = req;
  const json = JSON.stringify(req.body);
  const counted = await state.counter.count(req);
  const inputBound = inputTokenBound(utf8Bytes(json), counted);
  // Batched until the batch cannot answer this turn (expired, errored, lost): then in real time.
  let viaBatch = options.queue !== undefined;
  let resent = false;
  for (let attempt = 1; ; attempt++) {
    const worst = worstCaseOf(req.price, inputBound, task.maxOutputTokens, { batch: viaBatch });
    req.reservedUsd = worst;
    const reserved = await options.meter.reserve({ specId: task.specId, worstUsd: worst, ...(task.budgetUsd !== undefined ? { specCapUsd: task.budgetUsd } : {}), signal: task.signal, inputTokens: inputBound, ...(counted !== undefined ? { countedInputTokens: counted } : {}) });
    if (!reserved.ok) return task.signal.aborted ? stop('aborted', 'cancelled') : stop('budget', `stopped before a request that could break the budget: ${reserved.reason}`);
    if (viaBatch) {
      const next = await tryBatch(options, req, json, reserved.reservation, attempt, resent);
      if (next === 'resend') resent = true;
      else if (next === 'real-time') viaBatch = false;
      else return next;
      continue;
    }
    const result = await tryRealTime(state, req, reserved.reservation, worst, attempt);
    if (result.kind !== 'retry') return result;
  }
}

/** One try through the batch queue: the message, a reason to stop, or what to do next (send it in the next batch, or in real time). */
async function tryBatch(options: SenderOptions, req: TurnRequest, json: string, reservation: Reservation, attempt: number, resent: boolean): Promise<SendResult | 'resend' | 'real-time'> {
  const { task } = req;
  const started = options.clock();
  const turn = req.messages.filter((m) => m.role === 'assistant').length + 1;
  const answer = await options.queue!.send({ customId: sha256(json), specId: task.specId, jobKey: task.jobKey, turn, params: req.body }, task.signal);
  if (answer.kind === 'succeeded') {
    settleRequest(options, req, reservation, answer.message, started, { batchId: answer.batchId });
    return { kind: 'message', message: answer.message };
  }
  // Expired, errored, canceled and unread requests are not billed.
  reservation.release();
  return afterBatchMiss(options, req, answer, attempt, resent);
}

/** Waits out a retry-after pause, the cache-warming request and the concurrency gate; returns what opens the warming gate (a no-op for any request but the first). */
async function takeTurn(state: SenderState, signal: AbortSignal): Promise<() => void> {
  const { clock, sleep } = state.options;
  const wait = state.pausedUntil - clock();
  if (wait > 0) await sleep(wait, signal);
  const gate = state.warmed;
  let openGate: () => void = () => {};
  if (!gate) state.warmed = new Promise<void>((resolve) => (openGate = resolve));
  else await gate;
  await state.rate.acquire(signal);
  return openGate;
}

/** One real-time try: the message, a reason to stop, or a wait before the next try. */
async function tryRealTime(state: SenderState, req: TurnRequest, reserved: Reservation, worst: number, attempt: number): Promise<SendResult | { kind: 'retry' }> {
  const { options } = state;
  const { task } = req;
  const openGate = await takeTurn(state, task.signal);
  const started = options.clock();
  try {
    const { message, requestId } = await streamMessage(options, req, task.signal, () => openGate());
    openGate();
    state.rate.release('ok');
    settleRequest(options, req, reserved, message, started, { requestId });
    return { kind: 'message', message };
  } catch (error) {
    openGate();
    const status = (error as { status?: unknown }).status;
    state.rate.release(status === 429 || status === 529 ? 'throttled' : 'other');
    const failed = afterFailedTry(options, req, error, reserved, worst, attempt);
    if (failed.kind !== 'retry') return failed;
    const verdict = failed.verdict;
    const delay = backoffMs(attempt, verdict);
    if (verdict.retryAfterMs !== undefined) state.pausedUntil = Math.max(state.pausedUntil, options.clock() + delay);
    options.trace.write({ type: 'retry', spec: task.specId, attempt, delayMs: delay });
    await options.sleep(delay, task.signal);
    return { kind: 'retry' };
  }
}

/**
 * The token-counting endpoint for reservations: the request's input tokens (free, and what the
 * request will be billed for, give or take the API's own estimate), or undefined when counting is
 * off or failed, and the reservation uses the byte bound alone. Never retried: it only tightens a
 * reservation; after COUNT_GIVE_UP failures in a row the run stops asking.
 */
function createCounter(options: SenderOptions) {
  let failures = 0;
  return {
    async count(req: TurnRequest): Promise<number | undefined> {
      if (!options.countTokens || failures >= COUNT_GIVE_UP || req.task.signal.aborted) return undefined;
      const { model, system, tools, messages, thinking } = req.body;
      try {
        const counted = await options.client.messages.countTokens({ model, messages, ...(system ? { system } : {}), ...(tools ? { tools } : {}), ...(thinking ? { thinking } : {}) }, { signal: req.task.signal });
        failures = 0;
        req.countedInputTokens = counted.input_tokens;
        return counted.input_tokens;
      } catch (error) {
        failures += 1;
        const reason = `count_tokens failed ${COUNT_GIVE_UP} times in a row (${classifyError(error, options.clock()).reason}); reserving by request size for the rest of the run`;
        if (failures === COUNT_GIVE_UP) options.trace.write({ type: 'error', spec: req.task.specId, attempt: 0, reason: options.redact(reason), retry: false });
        return undefined;
      }
    },
  };
}

/** A finished request: its exact cost settles the reservation, adds to the job's ledger, and is traced. */
function settleRequest(options: SenderOptions, req: TurnRequest, reservation: Reservation, message: Anthropic.Message, started: number, via: { requestId: string | null } | { batchId: string }): void {
  const batched = 'batchId' in via;
  const u = usageOf(message.usage);
  const c = costOf(req.price, u, { batch: batched });
  reservation.settle(c);
  req.ledger.cost += c;
  req.ledger.requests += 1;
  const usage = req.ledger.usage;
  for (const k of Object.keys(usage) as (keyof TokenUsage)[]) usage[k] = (usage[k] ?? 0) + (u[k] ?? 0);
  options.trace.write({
    type: 'request',
    spec: req.task.specId,
    job: req.task.jobKey,
    model: req.model,
    effort: req.task.effort,
    promptHash: sha256(JSON.stringify(req.messages)).slice(0, 16),
    fingerprint: fingerprint(`${req.task.system}\n${JSON.stringify(req.messages)}`),
    inputTokens: u.inputTokens,
    outputTokens: u.outputTokens,
    cacheReadTokens: u.cacheReadTokens,
    cacheWriteTokens: u.cacheWriteTokens,
    costUsd: c,
    latencyMs: options.clock() - started,
    requestId: batched ? null : via.requestId,
    stopReason: message.stop_reason,
    ...(batched ? { batch: true, batchId: via.batchId } : {}),
    ...(req.taskBudget ? { taskBudget: { ...req.taskBudget, ...reportedBudget(message.usage) } } : {}),
    ...(req.countedInputTokens !== undefined ? { countedInputTokens: req.countedInputTokens } : {}),
    ...(req.reservedUsd !== undefined ? { reservedUsd: req.reservedUsd } : {}),
  });
}

/** What to do when a batch could not answer: stop the job, send it in a new batch, or send it in real time. */
function afterBatchMiss(options: SenderOptions, req: TurnRequest, answer: Exclude<BatchAnswer, { kind: 'succeeded' }>, attempt: number, resent: boolean): SendResult | 'resend' | 'real-time' {
  const { trace, redact } = options;
  if (answer.kind === 'aborted' || req.task.signal.aborted) return stop('aborted', 'cancelled');
  const why =
    answer.kind === 'errored' ? `the batch answered ${answer.errorType}: ${answer.message}`
    : answer.kind === 'expired' ? `the request expired in batch ${answer.batchId} before it was processed`
    : answer.kind === 'canceled' ? `the request was canceled in batch ${answer.batchId}`
    : answer.reason;
  if (answer.kind === 'errored' && FINAL_BATCH_ERRORS.has(answer.errorType)) {
    trace.write({ type: 'error', spec: req.task.specId, attempt, reason: redact(why), retry: false });
    return stop('failed', why, { fatal: FATAL_BATCH_ERRORS.has(answer.errorType) });
  }
  if (answer.kind === 'canceled' && !resent) {
    // Cancelled by an earlier, interrupted build: ask again in a new batch.
    trace.write({ type: 'error', spec: req.task.specId, attempt, reason: redact(`${why}; sending it in a new batch`), retry: true });
    return 'resend';
  }
  trace.write({ type: 'error', spec: req.task.specId, attempt, reason: redact(`${why}; sending it in real time`), retry: true });
  return 'real-time';
}

/** One streamed request; resolves to the message or rejects with the SDK's error (or FileTooLarge). */
async function streamMessage(options: SenderOptions, req: TurnRequest, signal: AbortSignal, openGate: () => void): Promise<{ message: Anthropic.Message; requestId: string | null }> {
  const local = new AbortController();
  let streamed = 0;
  const headers = req.betas && req.betas.length > 0 ? { headers: { 'anthropic-beta': req.betas.join(',') } } : {};
  const s = options.client.messages.stream(req.body, { signal: AbortSignal.any([signal, local.signal]), ...headers });
  s.on('streamEvent', (event) => {
    if (event.type === 'message_start') openGate();
    if (event.type === 'content_block_start') streamed = 0;
    // A tool call longer than any file may be is cut off while it streams, never held whole.
    if (event.type === 'content_block_delta' && event.delta.type === 'input_json_delta') {
      streamed += event.delta.partial_json.length;
      if (streamed > options.maxFileChars + 4096) local.abort(new FileTooLarge());
    }
  });
  try {
    return { message: await s.finalMessage(), requestId: s.request_id ?? null };
  } catch (error) {
    throw local.signal.aborted && local.signal.reason instanceof FileTooLarge ? local.signal.reason : error;
  }
}

/**
 * A real-time try that threw: a file cut off while streaming (billed in full), a cancellation,
 * a full context window, a fault not worth retrying or one that outlasted its retries (each a
 * reason to stop), or a fault to retry after a backoff. Settles or releases the reservation.
 */
function afterFailedTry(options: SenderOptions, req: TurnRequest, error: unknown, reserved: Reservation, worst: number, attempt: number): Extract<SendResult, { kind: 'stop' }> | { kind: 'retry'; verdict: ErrorVerdict } {
  const { task } = req;
  if (error instanceof FileTooLarge) {
    // Billed for the output it streamed, which is unknown: charge the whole reservation.
    reserved.settle(worst);
    req.ledger.cost += worst;
    req.ledger.requests += 1;
    return stop('failed', `the model wrote a file longer than ${options.maxFileChars} characters (the most max_tokens allows), so the reply was cut off; raise model.maxOutputTokens in speccc.config.json (now ${task.maxOutputTokens}), or split the spec so each file is smaller`, { failureClass: 'output-limit-reached' });
  }
  // The API does not bill failed requests.
  reserved.release();
  if (task.signal.aborted) return stop('aborted', 'cancelled');
  const verdict = classifyError(error, options.clock());
  const again = verdict.retry && attempt <= options.maxRetries;
  options.trace.write({ type: 'error', spec: task.specId, attempt, reason: options.redact(verdict.reason), retry: again, requestId: verdict.requestId });
  if (contextWindowError(verdict.reason)) return stop('failed', contextWindowLine(req.model, verdict.reason), { failureClass: 'context-window-exceeded' });
  if (!verdict.retry) return stop('failed', verdict.reason, { ...(verdict.fatal ? { fatal: true } : {}) });
  // A fault that outlasted its retries: say what it was, how often, and the last request id.
  if (!again) return stop('failed', persistentFaultLine(verdict, attempt, 'nothing of this spec was promoted; run again to resume'), { ...(verdict.fatal ? { fatal: true } : {}) });
  return { kind: 'retry', verdict };
}

/** Consecutive count_tokens failures after which a run stops counting. */
const COUNT_GIVE_UP = 3;

/**
 * Input tokens a reservation assumes. The request's UTF-8 size is a true upper bound (no token is
 * shorter than a byte); a count from count_tokens is tighter, so with one the bound is the count
 * plus a margin (10% and 256 tokens, for the difference between the counting endpoint's estimate
 * and the bill), never more than the byte bound.
 */
export function inputTokenBound(bytes: number, counted: number | undefined): number {
  return counted === undefined ? bytes : Math.min(bytes, Math.ceil(counted * 1.1) + 256);
}

/** The API's 400 for a prompt longer than the model's context window ("prompt is too long: N tokens > M maximum"). */
function contextWindowError(reason: string): boolean {
  return /prompt is too long|context window|context_length/i.test(reason) && /\(400/.test(reason);
}

/** What to do about a conversation the model's context window cannot hold. */
export function contextWindowLine(model: string, detail: string): string {
  return `the conversation no longer fits ${model}'s context window (${detail}); make the spec smaller or give it fewer dependencies (every dependency's outputs are part of its prompt)`;
}
