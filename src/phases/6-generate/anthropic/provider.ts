/**
 * The Anthropic provider: one job is a conversation with a Claude model through
 * @anthropic-ai/sdk, in which the model writes the spec's files with the write_file tool.
 * Every request is streamed, abortable, budgeted before it starts (its worst case is a true
 * upper bound), retried only when the API says it is retryable, and traced (send.ts). Current
 * models get adaptive thinking and an effort level; their thinking blocks are carried back
 * unchanged across tool turns, as the API requires. Forced tool choice is never sent.
 *
 * How a turn ends decides what happens next: tool calls are run and answered; a refusal is a
 * failure of its own (`refused`), retried once on the spec kind's fallback model when one is
 * configured; a full context window and a reply cut off at max_tokens inside a tool call (twice)
 * are named failures that say which limit to raise.
 */
import Anthropic from '@anthropic-ai/sdk';
import type { Agent, AgentOutcome, AgentTask, BatchRecord, BatchStateStore, FailureClass, JobSandbox, ModelCheck, TokenUsage, ToolDefinition } from '../../../types/index.js';
import { TOOL_DEFINITIONS } from '../../4-render/tools.js';
import { meter, type Budget } from '../budget.js';
import type { ModelPrice } from '../../../prices/pricing.js';
import { TASK_BUDGET_BETA, traitsOf } from '../../../prices/lineup.js';
import { checkModelIds } from './models-check.js';
import { createBatchQueue, type BatchQueue, type BatchTuning } from './batches.js';
import { continueWith, elideEarlierAttempts, MISSING_FILES_NUDGE, readTranscript, restartConversation, withConversationBreakpoint, writeTranscript, type Message } from './conversation.js';
import { contextWindowLine, createSender, type JobLedger } from './send.js';
import { answerToolCalls } from './tool-calls.js';
import type { TraceSink } from '../../../types/index.js';

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
  /**
   * Count each request's input tokens with count_tokens before reserving it (the default): the
   * reservation is then min(byte bound, count + margin) instead of the byte bound.
   */
  countTokens?: boolean;
  /**
   * Cut earlier fix attempts out of the conversation it sends (the default), or send every attempt
   * whole (to measure the difference: bench/fix-rounds.bench.ts).
   */
  contextEditing?: boolean;
  /** How long one request may take before it counts as timed out (and is retried); the SDK's default (10 minutes) when unset. */
  timeoutMs?: number;
  /**
   * Send every request through the Message Batches API (half price; `speccc build --batch`),
   * recording submitted batches in `store` and attaching to `resumable` ones. Both cache
   * breakpoints then use the 1-hour lifetime: a batch can take longer than five minutes.
   */
  batch?: BatchTuning & { store: BatchStateStore; resumable: readonly BatchRecord[] };
}

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

/** What every job of the run shares: the client, the sender, the tools and the cache markers. */
interface Setup {
  options: AnthropicAgentOptions;
  sender: ReturnType<typeof createSender>;
  tools: Anthropic.Tool[];
  /** `{ cache_control }` for the shared prefix, or nothing with caching off. */
  mark: { cache_control?: Anthropic.CacheControlEphemeral };
  /** Marks the conversation's end in real time (null: batched, or caching off). */
  conversationMark: Anthropic.CacheControlEphemeral | null;
  /** Requests go through the Message Batches API. */
  batched: boolean;
}

export function createAnthropicAgent(options: AnthropicAgentOptions): Agent & { checkModels(ids: string[]): Promise<ModelCheck>; finish(): Promise<void> } {
  const client = new Anthropic({ apiKey: options.apiKey, ...(options.baseURL ? { baseURL: options.baseURL } : {}), ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}), maxRetries: 0 });
  const sleep = options.sleep ?? defaultSleep;
  const { redact, trace } = options;
  const clock = options.clock ?? Date.now;
  const maxRetries = options.maxRetries ?? 4;
  const ttl = options.batch ? '1h' : (options.prefixTtl ?? '5m');
  const caching = options.caching !== false;
  const cacheControl = ttl === '1h' ? { type: 'ephemeral' as const, ttl: '1h' as const } : { type: 'ephemeral' as const };
  const mark = caching ? { cache_control: cacheControl } : {};
  const queue: BatchQueue | undefined = options.batch ? createBatchQueue({ ...options.batch, client, trace, sleep, clock, redact }) : undefined;
  /** Tools with a cache breakpoint on the last one: tools and system form the stable prefix. */
  const tools = TOOL_DEFINITIONS.map((tool, i) => ({ ...tool, ...(i === TOOL_DEFINITIONS.length - 1 ? mark : {}) })) as unknown as Anthropic.Tool[];
  const sender = createSender({ client, queue, meter: meter(options.budget, trace), trace, redact, sleep, clock, maxRetries, maxFileChars: options.maxFileChars, concurrency: options.concurrency ?? 64, countTokens: options.countTokens !== false });
  // Batched, only the shared prefix is cached (see docs/performance.md): a job's own breakpoint
  // would be written at the 1-hour rate, twice the batch price of sending it uncached, for a job
  // that usually ends in the same turn.
  const setup: Setup = { options, sender, tools, mark, conversationMark: caching && !queue ? cacheControl : null, batched: queue !== undefined };
  return {
    name: 'anthropic',
    finish: async () => queue?.finish(),
    /**
     * Model ids confirmed through the Models API before anything is spent: a typo fails here.
     * Only `not_found_error` makes an id unknown; a fault that outlasts its retries throws ApiFaultError.
     */
    checkModels: (ids) => checkModelIds(ids, { client, trace, redact, sleep, clock, maxRetries }),
    run: (task, sandbox) => runJob(setup, task, sandbox),
  };
}

/** An advisory task budget in tokens: the job's whole budget at its first request, and what is left now. */
export interface TaskBudget {
  total: number;
  remaining: number;
}

/**
 * The job's remaining budget as a task budget, so the model winds down before speccc's hard cap
 * refuses its next request: the USD left under the tightest cap (run, spec, session) as output
 * tokens of `model`, its costliest kind of token. None without a cap, on a model without the
 * trait, or batched (a batch carries no beta header per request).
 */
function taskBudgetOf(setup: Setup, task: AgentTask, state: JobState, price: ModelPrice): TaskBudget | undefined {
  if (!traitsOf(state.model).taskBudget || setup.batched) return undefined;
  const headroom = setup.options.budget.headroom(task.specId, task.budgetUsd);
  if (headroom === null) return undefined;
  const tokens = Math.floor((headroom * 1_000_000) / price.rates.output);
  state.taskBudgetTotal ??= Math.max(1, tokens);
  return { total: state.taskBudgetTotal, remaining: Math.min(tokens, state.taskBudgetTotal) };
}

/** A task's own tools, with the prefix's cache breakpoint on the last one (as the build's tools carry it). */
function withCacheMark(tools: readonly ToolDefinition[], mark: Setup['mark']): Anthropic.Tool[] {
  return tools.map((tool, i) => ({ ...tool, ...(i === tools.length - 1 ? mark : {}) })) as unknown as Anthropic.Tool[];
}

/** The request for the next turn of `messages` on `model`. */
function requestBody(setup: Setup, task: AgentTask, model: string, messages: Message[], taskBudget: TaskBudget | undefined): Anthropic.MessageCreateParamsNonStreaming {
  const traits = traitsOf(model);
  const effort = traits.effort ? { effort: task.effort as NonNullable<Anthropic.OutputConfig['effort']> } : {};
  const budget = taskBudget ? { task_budget: { type: 'tokens', total: taskBudget.total, remaining: taskBudget.remaining } } : {};
  const outputConfig = { ...effort, ...budget };
  return {
    model,
    max_tokens: task.maxOutputTokens,
    system: [{ type: 'text' as const, text: setup.options.redact(task.system), ...setup.mark }],
    tools: task.tools ? withCacheMark(task.tools, setup.mark) : setup.tools,
    messages: setup.conversationMark ? withConversationBreakpoint(messages, setup.conversationMark) : messages,
    ...(traits.adaptiveThinking ? { thinking: { type: 'adaptive' } as unknown as Anthropic.ThinkingConfigParam } : {}),
    ...(Object.keys(outputConfig).length > 0 ? { output_config: outputConfig as Anthropic.OutputConfig } : {}),
  };
}

/** The job's conversation as it stands, and the model it is on. */
interface JobState {
  model: string;
  messages: Message[];
  /** Whether the job has already moved to its fallback model. */
  fellBack: boolean;
  /** Replies cut off at max_tokens inside a tool call in this attempt. */
  cutOffs: number;
  /** The task budget's total, fixed at the attempt's first request on this model. */
  taskBudgetTotal?: number;
}

type Ending = { status: AgentOutcome['status']; error?: string; fatal?: boolean; failureClass?: FailureClass };

async function runJob(setup: Setup, task: AgentTask, sandbox: JobSandbox): Promise<AgentOutcome> {
  const { options } = setup;
  const ledger: JobLedger = { usage: { ...EMPTY }, cost: 0, requests: 0 };
  const transcript = readTranscript(task.history);
  const next = continueWith(transcript.messages, options.redact(task.prompt));
  // From the second fix attempt on, earlier attempts are cut to placeholders (conversation.ts).
  const messages = options.contextEditing === false ? next : elideEarlierAttempts(next);
  const state: JobState = { model: transcript.model ?? task.model, messages, fellBack: transcript.model !== undefined, cutOffs: 0 };
  const outcome = (end: Ending): AgentOutcome => ({
    status: end.status,
    usage: ledger.usage,
    costUsd: ledger.cost,
    requests: ledger.requests,
    history: writeTranscript(state.messages, state.model, task.model),
    ...(end.error ? { error: options.redact(end.error) } : {}),
    ...(end.fatal ? { fatal: true } : {}),
    ...(end.failureClass ? { failureClass: end.failureClass } : {}),
    ...(state.model !== task.model ? { model: state.model } : {}),
  });
  let price = options.priceOf(state.model);
  if (!price) return outcome({ status: 'failed', error: `speccc knows no price for model ${state.model}; add it under model.prices in speccc.config.json` });
  const maxTurns = Math.min(task.maxTurns ?? options.maxTurns, options.maxTurns);
  for (let turn = 1; turn <= maxTurns; turn++) {
    if (task.signal.aborted) return outcome({ status: 'aborted', error: 'cancelled' });
    const messages = state.messages;
    const taskBudget = taskBudgetOf(setup, task, state, price);
    const body = requestBody(setup, task, state.model, messages, taskBudget);
    const sent = await setup.sender.send({ task, model: state.model, price, body, messages, ledger, ...(taskBudget ? { taskBudget, betas: [TASK_BUDGET_BETA] } : {}) });
    if (sent.kind === 'stop') return outcome(sent);
    const response = sent.message;
    // Thinking blocks (with their signatures) go back exactly as received.
    messages.push({ role: 'assistant', content: response.content as Anthropic.ContentBlockParam[] });
    const next = afterTurn(setup, task, state, response, sandbox);
    if (next === 'continue') continue;
    if (next === 'fallback') {
      price = options.priceOf(state.model);
      if (!price) return outcome({ status: 'refused', failureClass: 'refused', error: `the model declined this job, and speccc knows no price for the fallback model ${state.model}; add it under model.prices in speccc.config.json` });
      continue;
    }
    return outcome(next);
  }
  return outcome({ status: 'incomplete', error: `the model used all ${maxTurns} turns without writing every file (${sandbox.outputs.filter((p) => !sandbox.written().has(p)).join(', ') || 'none missing'})` });
}

/** What a finished turn means: run its tool calls and go on, move to the fallback model, or end the job. */
function afterTurn(setup: Setup, task: AgentTask, state: JobState, response: Anthropic.Message, sandbox: JobSandbox): Ending | 'continue' | 'fallback' {
  const { options } = setup;
  const stopReason = response.stop_reason as string | null;
  if (stopReason === 'refusal') return afterRefusal(options.trace, task, state, response);
  if (stopReason === 'model_context_window_exceeded') {
    const input = response.usage.input_tokens + (response.usage.cache_read_input_tokens ?? 0) + (response.usage.cache_creation_input_tokens ?? 0);
    return { status: 'failed', failureClass: 'context-window-exceeded', error: contextWindowLine(state.model, `stop_reason model_context_window_exceeded with ${input} input tokens`) };
  }
  const toolUses = response.content.filter((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use');
  if (toolUses.length > 0) {
    const cutOff = stopReason === 'max_tokens';
    const results = answerToolCalls(toolUses, cutOff, sandbox, options.trace, task.specId);
    state.messages.push({ role: 'user', content: results });
    if (cutOff && ++state.cutOffs >= 2) {
      return { status: 'failed', failureClass: 'output-limit-reached', error: `the reply hit max_tokens (${task.maxOutputTokens}) in the middle of a ${toolUses.at(-1)!.name} call ${state.cutOffs} times; raise model.maxOutputTokens in speccc.config.json, or split the spec so each file is smaller` };
    }
    // Every listed file written and every call accepted: the job is done. Asking the model for a
    // closing summary would be a whole request, billed, for nothing speccc reads.
    const allWritten = sandbox.outputs.every((p) => sandbox.written().has(p));
    return allWritten && results.every((r) => !r.is_error) ? { status: 'done' } : 'continue';
  }
  const missing = sandbox.outputs.filter((p) => !sandbox.written().has(p));
  if (missing.length === 0) return { status: 'done' };
  state.messages.push({ role: 'user', content: sandbox.reminder ?? `${MISSING_FILES_NUDGE} Still missing: ${missing.join(', ')}. Write them with write_file.` });
  return 'continue';
}

/** A refusal: traced with its category; the job moves once to the fallback model, or ends as `refused`. */
function afterRefusal(trace: TraceSink, task: AgentTask, state: JobState, response: Anthropic.Message): Ending | 'fallback' {
  const details = (response as { stop_details?: { category?: string | null; explanation?: string | null } | null }).stop_details ?? null;
  const category = details?.category ?? null;
  const explanation = details?.explanation ?? null;
  const fallback = task.fallbackModel !== undefined && !state.fellBack && task.fallbackModel !== state.model ? task.fallbackModel : undefined;
  trace.write({ type: 'refusal', spec: task.specId, model: state.model, category, explanation, ...(fallback ? { fallback } : {}) });
  if (fallback) {
    // The refused turn and the primary's earlier turns stay behind; the fallback starts afresh (conversation.ts).
    state.messages = restartConversation(state.messages.slice(0, -1));
    state.model = fallback;
    state.fellBack = true;
    state.cutOffs = 0;
    delete state.taskBudgetTotal; // counted afresh in the fallback's tokens
    return 'fallback';
  }
  const why = [category ? `category ${category}` : '', explanation ?? ''].filter(Boolean).join(': ');
  const who = state.model === task.model ? state.model : `${task.model} and its fallback ${state.model}`;
  const hint = task.fallbackModel ? 'reword the spec' : 'reword the spec, or set model.fallbackModel for its kind in speccc.config.json to retry a refusal on another model';
  return { status: 'refused', failureClass: 'refused', error: `${who} declined this job (stop_reason: refusal${why ? `; ${why}` : ''}); ${hint}` };
}
