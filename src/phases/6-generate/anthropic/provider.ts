/**
 * The Anthropic provider: one job is a conversation with a Claude model through
 * @anthropic-ai/sdk, in which the model writes the spec's files with the write_file tool.
 * Every request is streamed, abortable, budgeted before it starts (its worst case is a true
 * upper bound), retried only when the API says it is retryable, and traced. Current models get
 * adaptive thinking and an effort level; their thinking blocks are carried back unchanged
 * across tool turns, as the API requires. Forced tool choice is never sent.
 */
import Anthropic from '@anthropic-ai/sdk';
import type { Agent, AgentOutcome, AgentTask, JobSandbox, TokenUsage, TraceSink } from '../../../types/index.js';
import { TOOL_DEFINITIONS } from '../../4-render/tools.js';
import type { Budget } from '../budget.js';
import { costOf, utf8Bytes, worstCaseOf, type ModelPrice } from '../../../models/pricing.js';
import { traitsOf } from '../../../models/lineup.js';
import { createRateGate } from '../rate-gate.js';
import { backoffMs, classifyError, persistentFaultLine } from '../retry.js';
import { checkModelIds } from './models-check.js';
import { sha256 } from '../../1-parse/hash.js';
import { fingerprint } from '../fingerprint.js';
import { createBatchQueue, type BatchQueue, type BatchRecord, type BatchStateStore, type BatchTuning } from './batches.js';

export interface AnthropicAgentOptions {
  apiKey: string;
  baseURL?: string;
  budget: Budget;
  trace: TraceSink;
  maxTurns: number;
  /** The price in force for a model, or undefined (the build refuses unpriced models before it starts). */
  priceOf: (model: string) => ModelPrice | undefined;
  /** Requests per job attempt are retried at most this often. */
  maxRetries?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Requests in flight at most (the build's job concurrency); a 429/529 lowers it for the whole run. */
  concurrency?: number;
  redact: (text: string) => string;
  /** Cache lifetime of the shared prefix: `1h` when the build will outlive five minutes. */
  prefixTtl?: '5m' | '1h';
  /** Prompt caching on (the default) or off (to compare bills). */
  caching?: boolean;
  /** Largest write_file content accepted while streaming (characters); a longer one is cut off, never held. */
  maxFileChars: number;
  clock?: () => number;
  /** How long one request may take before it counts as timed out (and is retried); the SDK's default (10 minutes) when unset. */
  timeoutMs?: number;
  /**
   * Send every request through the Message Batches API (half price; `speccc build --batch`),
   * recording submitted batches in `store` and attaching to `resumable` ones. Both cache
   * breakpoints then use the 1-hour lifetime: a batch can take longer than five minutes.
   */
  batch?: BatchTuning & { store: BatchStateStore; resumable: readonly BatchRecord[] };
}

/** Error types of a batch item that the same request would get in real time too: no point sending it again. */
const FINAL_BATCH_ERRORS = new Set(['invalid_request_error', 'authentication_error', 'permission_error', 'not_found_error', 'request_too_large', 'billing_error']);
/** Of those, the ones that stop the whole build (nothing else can succeed either). */
const FATAL_BATCH_ERRORS = new Set(['authentication_error', 'permission_error', 'billing_error']);

type Message = Anthropic.MessageParam;

const EMPTY: TokenUsage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, cacheWrite1hTokens: 0 };

/** Resolves after `ms`, or at once when `signal` aborts; leaves no listener behind on a signal that lives for the whole run. */
const defaultSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', wake);
      resolve();
    };
    const timer = setTimeout(wake, ms);
    signal.addEventListener('abort', wake, { once: true });
  });

class FileTooLarge extends Error {}

export function createAnthropicAgent(options: AnthropicAgentOptions): Agent & { checkModels(ids: string[]): Promise<{ id: string; error: string }[]>; finish(): Promise<void> } {
  const client = new Anthropic({ apiKey: options.apiKey, ...(options.baseURL ? { baseURL: options.baseURL } : {}), ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}), maxRetries: 0 });
  const sleep = options.sleep ?? defaultSleep;
  const redact = options.redact;
  const clock = options.clock ?? Date.now;
  const maxRetries = options.maxRetries ?? 4;
  const ttl = options.batch ? '1h' : (options.prefixTtl ?? '5m');
  const caching = options.caching !== false;
  const cacheControl = ttl === '1h' ? { type: 'ephemeral' as const, ttl: '1h' as const } : { type: 'ephemeral' as const };
  const mark = caching ? { cache_control: cacheControl } : {};
  const queue: BatchQueue | undefined = options.batch
    ? createBatchQueue({ ...options.batch, client, trace: options.trace, sleep, clock, redact })
    : undefined;
  /** Tools with a cache breakpoint on the last one: tools and system form the stable prefix. */
  const tools = TOOL_DEFINITIONS.map((tool, i) => ({ ...tool, ...(i === TOOL_DEFINITIONS.length - 1 ? mark : {}) })) as unknown as Anthropic.Tool[];
  /**
   * Cache warming: the first request of the run goes alone; the others wait until its reply has
   * started, by which time its prompt-cache write for the shared prefix (tools + system) can be
   * read. Sent together, every job would miss and pay to write the same prefix.
   */
  let warmed: Promise<void> | null = null;
  /** A 429/529 pauses every new request of this run until the server's retry-after has passed. */
  let pausedUntil = 0;
  const rate = createRateGate(options.concurrency ?? 64);

  return {
    name: 'anthropic',
    finish: async () => queue?.finish(),
    /**
     * Model ids confirmed through the Models API before anything is spent: a typo fails here.
     * Only `not_found_error` makes an id unknown; a fault that outlasts its retries throws ApiFaultError.
     */
    checkModels: (ids) => checkModelIds(ids, { client, trace: options.trace, redact, sleep, clock, maxRetries }),
    async run(task: AgentTask, sandbox: JobSandbox): Promise<AgentOutcome> {
      const usage = { ...EMPTY };
      let cost = 0;
      let requests = 0;
      const messages: Message[] = continueWith((task.history as Message[] | undefined) ?? [], redact(task.prompt));
      const outcome = (status: AgentOutcome['status'], error?: string, fatal?: boolean): AgentOutcome => ({
        status,
        usage,
        costUsd: cost,
        requests,
        history: messages,
        ...(error ? { error: redact(error) } : {}),
        ...(fatal ? { fatal } : {}),
      });
      const price = options.priceOf(task.model);
      if (!price) return outcome('failed', `speccc knows no price for model ${task.model}; add it under model.prices in speccc.config.json`);
      const traits = traitsOf(task.model);
      const system = [{ type: 'text' as const, text: redact(task.system), ...mark }];

      for (let turn = 1; turn <= options.maxTurns; turn++) {
        if (task.signal.aborted) return outcome('aborted', 'cancelled');
        const body: Anthropic.MessageCreateParamsNonStreaming = {
          model: task.model,
          max_tokens: task.maxOutputTokens,
          system,
          tools,
          // Batched, only the shared prefix is cached (see docs/performance.md): a job's own
          // breakpoint would be written at the 1-hour rate, twice the batch price of sending it
          // uncached, for a job that usually ends in the same turn.
          messages: caching && !queue ? withConversationBreakpoint(messages, cacheControl) : messages,
          ...(traits.adaptiveThinking ? { thinking: { type: 'adaptive' } as unknown as Anthropic.ThinkingConfigParam } : {}),
          ...(traits.effort ? { output_config: { effort: task.effort as NonNullable<Anthropic.OutputConfig['effort']> } } : {}),
        };
        const json = JSON.stringify(body);
        // A true upper bound: every input token is at least one UTF-8 byte of the request.
        const bodyBytes = utf8Bytes(json);
        /** A finished request: its exact cost settles the reservation, adds to the job's usage, and is traced. */
        const settle = (reservation: { settle(usd: number): void }, message: Anthropic.Message, started: number, via: { requestId: string | null } | { batchId: string }) => {
          const batched = 'batchId' in via;
          const u = usageOf(message.usage);
          const c = costOf(price, u, { batch: batched });
          reservation.settle(c);
          cost += c;
          for (const k of Object.keys(usage) as (keyof TokenUsage)[]) usage[k] = (usage[k] ?? 0) + (u[k] ?? 0);
          options.trace.write({
            type: 'request',
            spec: task.specId,
            job: task.jobKey,
            model: task.model,
            effort: task.effort,
            promptHash: sha256(JSON.stringify(messages)).slice(0, 16),
            fingerprint: fingerprint(`${task.system}\n${JSON.stringify(messages)}`),
            inputTokens: u.inputTokens,
            outputTokens: u.outputTokens,
            cacheReadTokens: u.cacheReadTokens,
            cacheWriteTokens: u.cacheWriteTokens,
            costUsd: c,
            latencyMs: clock() - started,
            requestId: batched ? null : via.requestId,
            stopReason: message.stop_reason,
            ...(batched ? { batch: true, batchId: via.batchId } : {}),
          });
        };
        let response: Anthropic.Message | undefined;
        let requestId: string | null = null;
        // Batched until the batch cannot answer this turn (expired, errored, lost): then in real time.
        let viaBatch = queue !== undefined;
        let resent = false;
        for (let attempt = 1; ; attempt++) {
          const worst = worstCaseOf(price, bodyBytes, task.maxOutputTokens, { batch: viaBatch });
          const reserved = await options.budget.reserve(task.specId, worst, task.budgetUsd, task.signal);
          options.trace.write({ type: 'budget', spec: task.specId, reserveUsd: worst, ok: reserved.ok, ...(reserved.ok ? {} : { reason: reserved.reason }) });
          if (!reserved.ok) return task.signal.aborted ? outcome('aborted', 'cancelled') : outcome('budget', `stopped before a request that could break the budget: ${reserved.reason}`);
          if (viaBatch) {
            const started = clock();
            const turnNo = messages.filter((m) => m.role === 'assistant').length + 1;
            const answer = await queue!.send({ customId: sha256(json), specId: task.specId, jobKey: task.jobKey, turn: turnNo, params: body }, task.signal);
            if (answer.kind === 'succeeded') {
              requests++;
              response = answer.message;
              settle(reserved.reservation, response, started, { batchId: answer.batchId });
              break;
            }
            // Expired, errored, canceled and unread requests are not billed.
            reserved.reservation.release();
            if (answer.kind === 'aborted' || task.signal.aborted) return outcome('aborted', 'cancelled');
            const why =
              answer.kind === 'errored' ? `the batch answered ${answer.errorType}: ${answer.message}`
              : answer.kind === 'expired' ? `the request expired in batch ${answer.batchId} before it was processed`
              : answer.kind === 'canceled' ? `the request was canceled in batch ${answer.batchId}`
              : answer.reason;
            if (answer.kind === 'errored' && FINAL_BATCH_ERRORS.has(answer.errorType)) {
              options.trace.write({ type: 'error', spec: task.specId, attempt, reason: redact(why), retry: false });
              return outcome('failed', why, FATAL_BATCH_ERRORS.has(answer.errorType));
            }
            if (answer.kind === 'canceled' && !resent) {
              resent = true; // cancelled by an earlier, interrupted build: ask again in a new batch
              options.trace.write({ type: 'error', spec: task.specId, attempt, reason: redact(`${why}; sending it in a new batch`), retry: true });
              continue;
            }
            viaBatch = false;
            options.trace.write({ type: 'error', spec: task.specId, attempt, reason: redact(`${why}; sending it in real time`), retry: true });
            continue;
          }
          const wait = pausedUntil - clock();
          if (wait > 0) await sleep(wait, task.signal);
          const gate = warmed;
          let openGate: () => void = () => {};
          if (!gate) warmed = new Promise<void>((resolve) => (openGate = resolve));
          else await gate;
          await rate.acquire(task.signal);
          const started = clock();
          const local = new AbortController();
          const signal = AbortSignal.any([task.signal, local.signal]);
          let streamed = 0;
          try {
            requests++;
            const stream = client.messages.stream(body, { signal });
            stream.on('streamEvent', (event) => {
              if (event.type === 'message_start') openGate();
              if (event.type === 'content_block_start') streamed = 0;
              // A tool call longer than any file may be is cut off while it streams, never held whole.
              if (event.type === 'content_block_delta' && event.delta.type === 'input_json_delta') {
                streamed += event.delta.partial_json.length;
                if (streamed > options.maxFileChars + 4096) local.abort(new FileTooLarge());
              }
            });
            response = await stream.finalMessage();
            requestId = stream.request_id ?? null;
            openGate();
            rate.release('ok');
            settle(reserved.reservation, response, started, { requestId });
            break;
          } catch (error) {
            openGate();
            const status = (error as { status?: unknown }).status;
            if (!response) rate.release(status === 429 || status === 529 ? 'throttled' : 'other');
            if (local.signal.aborted && local.signal.reason instanceof FileTooLarge) {
              // Billed for the output it streamed, which is unknown: charge the whole reservation.
              reserved.reservation.settle(worst);
              cost += worst;
              return outcome('failed', `the model wrote a file longer than ${options.maxFileChars} characters (the most max_tokens allows); the reply was cut off`);
            }
            // The API does not bill failed requests.
            reserved.reservation.release();
            if (task.signal.aborted) return outcome('aborted', 'cancelled');
            const verdict = classifyError(error, clock());
            options.trace.write({ type: 'error', spec: task.specId, attempt, reason: redact(verdict.reason), retry: verdict.retry && attempt <= maxRetries, requestId: verdict.requestId });
            if (!verdict.retry) return outcome('failed', verdict.reason, verdict.fatal);
            // A fault that outlasted its retries: say what it was, how often, and the last request id.
            if (attempt > maxRetries) return outcome('failed', persistentFaultLine(verdict, attempt, 'nothing of this spec was promoted; run again to resume'), verdict.fatal);
            const delay = backoffMs(attempt, verdict);
            if (verdict.retryAfterMs !== undefined) pausedUntil = Math.max(pausedUntil, clock() + delay);
            options.trace.write({ type: 'retry', spec: task.specId, attempt, delayMs: delay });
            await sleep(delay, task.signal);
          }
        }
        if (!response) return outcome('failed', 'no response');
        // Thinking blocks (with their signatures) go back exactly as received.
        messages.push({ role: 'assistant', content: response.content as Anthropic.ContentBlockParam[] });
        if (response.stop_reason === 'refusal') return outcome('refused', 'the model declined this job (stop_reason: refusal); reword the spec or route it to another model');
        const toolUses = response.content.filter((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use');
        if (toolUses.length > 0) {
          const cutOff = response.stop_reason === 'max_tokens';
          const results = toolUses.map((use, i) => {
            const verdict = cutOff && i === toolUses.length - 1 ? { ok: false as const, error: `Your reply hit max_tokens while writing this call, so the file was not written. Write it again in full, more compactly.` } : runTool(use, sandbox);
            options.trace.write({ type: 'tool', spec: task.specId, tool: use.name, path: typeof (use.input as { path?: unknown })?.path === 'string' ? (use.input as { path: string }).path : null, ok: verdict.ok, ...(verdict.ok ? {} : { error: verdict.error }) });
            return { type: 'tool_result' as const, tool_use_id: use.id, content: verdict.ok ? verdict.content : verdict.error, ...(verdict.ok ? {} : { is_error: true }) };
          });
          messages.push({ role: 'user', content: results });
          // Every listed file written and every call accepted: the job is done. Asking the model
          // for a closing summary would be a whole request, billed, for nothing speccc reads.
          const allWritten = sandbox.outputs.every((p) => sandbox.written().has(p));
          if (allWritten && results.every((r) => !('is_error' in r))) return outcome('done');
          continue;
        }
        const missing = sandbox.outputs.filter((p) => !sandbox.written().has(p));
        if (missing.length === 0) return outcome('done');
        messages.push({ role: 'user', content: `You have not written every file yet. Still missing: ${missing.join(', ')}. Write them with write_file.` });
      }
      return outcome('incomplete', `the model used all ${options.maxTurns} turns without writing every file (${sandbox.outputs.filter((p) => !sandbox.written().has(p)).join(', ') || 'none missing'})`);
    },
  };
}

/**
 * The next user turn. A job that ended right after its tool calls left their results as the
 * last (user) message: the API wants one user turn, so a fix prompt joins it there.
 */
function continueWith(history: Message[], prompt: string): Message[] {
  const last = history.at(-1);
  if (last?.role === 'user' && Array.isArray(last.content)) {
    return [...history.slice(0, -1), { role: 'user', content: [...(last.content as Anthropic.ContentBlockParam[]), { type: 'text', text: prompt }] }];
  }
  return [...history, { role: 'user', content: prompt }];
}

function usageOf(u: Anthropic.Usage): TokenUsage {
  const oneHour = (u as { cache_creation?: { ephemeral_1h_input_tokens?: number } | null }).cache_creation?.ephemeral_1h_input_tokens ?? 0;
  return {
    inputTokens: u.input_tokens,
    outputTokens: u.output_tokens,
    cacheReadTokens: u.cache_read_input_tokens ?? 0,
    cacheWriteTokens: u.cache_creation_input_tokens ?? 0,
    cacheWrite1hTokens: oneHour,
  };
}

/** Tool input as the strict schemas in 4-render/tools.ts guarantee it (the API samples it under them). */
type ToolInput = { name: 'write_file'; input: { path: string; content: string } } | { name: 'read_file'; input: { path: string } };

function runTool(use: Anthropic.ToolUseBlock, sandbox: JobSandbox): { ok: true; content: string } | { ok: false; error: string } {
  const call = use as unknown as ToolInput;
  if (call.name === 'write_file') {
    const verdict = sandbox.write(call.input.path, call.input.content);
    return verdict.ok ? { ok: true, content: `Wrote ${call.input.path} (${call.input.content.length} characters).` } : verdict;
  }
  const verdict = sandbox.read(call.input.path);
  return verdict.ok ? { ok: true, content: verdict.content } : verdict;
}

/**
 * A second cache breakpoint at the end of the conversation, so each turn of a job reads the
 * previous turns from the cache instead of paying for them again (the first breakpoint, on the
 * system prompt, is shared by every job). Applied to a copy: the history keeps no markers.
 */
function withConversationBreakpoint(messages: Message[], cacheControl: Anthropic.CacheControlEphemeral): Message[] {
  const last = messages.at(-1);
  if (!last) return messages;
  // A job usually ends with its first reply (every file written at once), so a cache entry for
  // its prompt would be written at 1.25x and never read (measured: 61.7k of 64k written tokens on
  // a 40-spec build). Only once a fix turn shows the conversation goes on is it marked, so the
  // turns after it re-read it. After bare tool results the model usually ends the job: unmarked.
  if (!messages.some((m) => m.role === 'assistant')) return messages;
  if (typeof last.content === 'string') {
    return [...messages.slice(0, -1), { ...last, content: [{ type: 'text', text: last.content, cache_control: cacheControl }] } as Message];
  }
  const blocks = last.content as Anthropic.ContentBlockParam[];
  const tail = blocks.at(-1);
  if (tail?.type !== 'text') return messages;
  return [...messages.slice(0, -1), { ...last, content: [...blocks.slice(0, -1), { ...tail, cache_control: cacheControl }] } as Message];
}
