/**
 * The Anthropic provider: one job is a conversation with a Claude model through
 * @anthropic-ai/sdk, in which the model writes the spec's files with the write_file tool.
 * Every request is streamed, abortable, budgeted before it starts, retried only when the API
 * says it is retryable, and traced. The SDK gets the key and base URL explicitly from the env
 * it is given (ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL), with its own retries off.
 */
import Anthropic from '@anthropic-ai/sdk';
import type { Agent, AgentOutcome, AgentTask, JobSandbox, TokenUsage } from '../../../types.js';
import { TOOL_DEFINITIONS } from '../../5-render/tools.js';
import type { Budget } from '../budget.js';
import { costUsd, worstCaseUsd } from '../pricing.js';
import { createRateGate } from '../rate-gate.js';
import { backoffMs, classifyError } from '../retry.js';
import type { TraceSink } from '../../../io/trace.js';
import { sha256 } from '../../1-parse/hash.js';

export class MissingApiKeyError extends Error {
  constructor() {
    super('ANTHROPIC_API_KEY is not set: export your Anthropic API key to build (speccc build --dry-run and --check need none)');
  }
}

export interface AnthropicAgentOptions {
  env: NodeJS.ProcessEnv;
  budget: Budget;
  trace: TraceSink;
  maxTurns: number;
  /** Requests per job attempt are retried at most this often. */
  maxRetries?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Requests in flight at most (the build's job concurrency); a 429/529 lowers it for the whole run. */
  concurrency?: number;
  redact?: (text: string) => string;
}

type Message = Anthropic.MessageParam;

const EMPTY: TokenUsage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };

const defaultSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/** Tools with a cache breakpoint on the last one: tools and system form the stable prefix. */
const TOOLS = TOOL_DEFINITIONS.map((tool, i) => ({
  ...tool,
  ...(i === TOOL_DEFINITIONS.length - 1 ? { cache_control: { type: 'ephemeral' as const } } : {}),
})) as unknown as Anthropic.Tool[];

export function createAnthropicAgent(options: AnthropicAgentOptions): Agent {
  const apiKey = options.env.ANTHROPIC_API_KEY;
  if (!apiKey) throw new MissingApiKeyError();
  const client = new Anthropic({ apiKey, ...(options.env.ANTHROPIC_BASE_URL ? { baseURL: options.env.ANTHROPIC_BASE_URL } : {}), maxRetries: 0 });
  const sleep = options.sleep ?? defaultSleep;
  const redact = options.redact ?? ((t: string) => t);
  const maxRetries = options.maxRetries ?? 4;
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
    async run(task: AgentTask, sandbox: JobSandbox): Promise<AgentOutcome> {
      const usage = { ...EMPTY };
      let cost = 0;
      let requests = 0;
      const messages: Message[] = [...((task.history as Message[] | undefined) ?? []), { role: 'user', content: task.prompt }];
      const outcome = (status: AgentOutcome['status'], error?: string, fatal?: boolean): AgentOutcome => ({
        status,
        usage,
        costUsd: cost,
        requests,
        history: messages,
        ...(error ? { error: redact(error) } : {}),
        ...(fatal ? { fatal } : {}),
      });
      const system = [{ type: 'text' as const, text: task.system, cache_control: { type: 'ephemeral' as const } }];

      for (let turn = 1; turn <= options.maxTurns; turn++) {
        if (task.signal.aborted) return outcome('aborted', 'cancelled');
        const estimate = Math.ceil((JSON.stringify(TOOLS).length + task.system.length + JSON.stringify(messages).length) / 4);
        const worst = worstCaseUsd(task.model, estimate, task.maxOutputTokens);
        let response: Anthropic.Message | undefined;
        for (let attempt = 1; ; attempt++) {
          const reserved = options.budget.reserve(task.specId, worst, task.budgetUsd);
          options.trace.write({ type: 'budget', spec: task.specId, reserveUsd: worst, ok: reserved.ok, ...(reserved.ok ? {} : { reason: reserved.reason }) });
          if (!reserved.ok) return outcome('budget', `stopped before a request that could break the budget: ${reserved.reason}`);
          const wait = pausedUntil - Date.now();
          if (wait > 0) await sleep(wait, task.signal);
          const gate = warmed;
          let openGate: () => void = () => {};
          if (!gate) warmed = new Promise<void>((resolve) => (openGate = resolve));
          else await gate;
          await rate.acquire(task.signal);
          const started = Date.now();
          try {
            requests++;
            const stream = client.messages.stream(
              { model: task.model, max_tokens: task.maxOutputTokens, system, tools: TOOLS, messages: withConversationBreakpoint(messages) },
              { signal: task.signal },
            );
            stream.on('streamEvent', (event) => {
              if (event.type === 'message_start') openGate();
            });
            response = await stream.finalMessage();
            openGate();
            rate.release('ok');
            const u: TokenUsage = {
              inputTokens: response.usage.input_tokens,
              outputTokens: response.usage.output_tokens,
              cacheReadTokens: response.usage.cache_read_input_tokens ?? 0,
              cacheWriteTokens: response.usage.cache_creation_input_tokens ?? 0,
            };
            const c = costUsd(task.model, u);
            reserved.reservation.settle(c);
            cost += c;
            for (const k of Object.keys(usage) as (keyof TokenUsage)[]) usage[k] += u[k];
            options.trace.write({
              type: 'request',
              spec: task.specId,
              job: task.jobKey,
              model: task.model,
              promptHash: sha256(JSON.stringify(messages)).slice(0, 16),
              ...u,
              costUsd: c,
              latencyMs: Date.now() - started,
              requestId: (response as { _request_id?: string | null })._request_id ?? null,
              stopReason: response.stop_reason,
            });
            break;
          } catch (error) {
            openGate();
            const status = (error as { status?: unknown }).status;
            // Released already when the reply arrived and only our own bookkeeping failed.
            if (!response) rate.release(status === 429 || status === 529 ? 'throttled' : 'other');
            // A failed request may still have been billed for nothing we can see; the API does not charge failed requests.
            reserved.reservation.release();
            if (task.signal.aborted) return outcome('aborted', 'cancelled');
            const verdict = classifyError(error);
            options.trace.write({ type: 'error', spec: task.specId, attempt, reason: redact(verdict.reason), retry: verdict.retry && attempt <= maxRetries });
            if (!verdict.retry || attempt > maxRetries) return outcome('failed', verdict.reason, verdict.fatal);
            const delay = backoffMs(attempt, verdict);
            if (verdict.retryAfterMs !== undefined) pausedUntil = Math.max(pausedUntil, Date.now() + delay);
            options.trace.write({ type: 'retry', spec: task.specId, attempt, delayMs: delay });
            await sleep(delay, task.signal);
          }
        }
        if (!response) return outcome('failed', 'no response');
        messages.push({ role: 'assistant', content: response.content });
        const toolUses = response.content.filter((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use');
        if (toolUses.length > 0) {
          const cutOff = response.stop_reason === 'max_tokens';
          const results = toolUses.map((use, i) => {
            const verdict = cutOff && i === toolUses.length - 1 ? { ok: false as const, error: `Your reply hit max_tokens while writing this call, so the file was not written. Write it again in full, more compactly.` } : runTool(use, sandbox);
            options.trace.write({ type: 'tool', spec: task.specId, tool: use.name, path: (use.input as { path?: unknown })?.path ?? null, ok: verdict.ok, ...(verdict.ok ? {} : { error: verdict.error }) });
            return { type: 'tool_result' as const, tool_use_id: use.id, content: verdict.ok ? verdict.content : verdict.error, ...(verdict.ok ? {} : { is_error: true }) };
          });
          messages.push({ role: 'user', content: results });
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

function runTool(use: Anthropic.ToolUseBlock, sandbox: JobSandbox): { ok: true; content: string } | { ok: false; error: string } {
  const input = use.input as { path?: unknown; content?: unknown } | null;
  if (!input || typeof input !== 'object' || typeof input.path !== 'string') return { ok: false, error: `Malformed ${use.name} call: expected an object with a string "path".` };
  if (use.name === 'write_file') {
    if (typeof input.content !== 'string') return { ok: false, error: 'Malformed write_file call: expected a string "content" with the whole file.' };
    const verdict = sandbox.write(input.path, input.content);
    return verdict.ok ? { ok: true, content: `Wrote ${input.path} (${input.content.length} characters).` } : verdict;
  }
  if (use.name === 'read_file') {
    const verdict = sandbox.read(input.path);
    return verdict.ok ? { ok: true, content: verdict.content } : verdict;
  }
  return { ok: false, error: `Unknown tool ${use.name}; use write_file or read_file.` };
}

/**
 * A second cache breakpoint at the end of the conversation, so each turn of a job reads the
 * previous turns from the cache instead of paying for them again (the first breakpoint, on the
 * system prompt, is shared by every job). Applied to a copy: the history keeps no markers.
 */
function withConversationBreakpoint(messages: Message[]): Message[] {
  const last = messages.at(-1);
  // After tool results the model usually ends the job: a cache entry written then is never read
  // (and costs 1.25x), so only a job or fix prompt, which later turns build on, is marked.
  if (!last || typeof last.content !== 'string') return messages;
  const blocks: Anthropic.ContentBlockParam[] = [{ type: 'text', text: last.content, cache_control: { type: 'ephemeral' } }];
  return [...messages.slice(0, -1), { ...last, content: blocks } as Message];
}
