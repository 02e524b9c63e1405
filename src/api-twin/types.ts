import type { ModelLifecycle } from './models.js';

// The twin's vocabulary: what a test scripts (rules, turns, faults) and what it can
// assert on afterwards (recorded requests). Wire shapes follow @anthropic-ai/sdk 1.13.

/** One block of a scripted assistant turn. */
export type ScriptedBlock =
  | { type: 'text'; text: string }
  | {
      type: 'tool_use';
      /** Defaults to a deterministic `toolu_twin_<n>` id. */
      id?: string;
      name: string;
      input: unknown;
      /**
       * The exact JSON text streamed as input_json_delta chunks, when it should differ
       * from JSON.stringify(input): a malformed or cut-off tool call. Non-streaming
       * replies parse it, falling back to `{}` when it is not valid JSON.
       */
      rawJson?: string;
    };

/** Every stop_reason the API sends (the SDK's StopReason); a turn can script any of them. */
export type StopReason = 'end_turn' | 'tool_use' | 'max_tokens' | 'stop_sequence' | 'refusal' | 'pause_turn' | 'model_context_window_exceeded';

/** Why the model refused (the SDK's RefusalStopDetails). */
export interface RefusalStopDetails {
  type: 'refusal';
  category: 'cyber' | 'bio' | 'frontier_llm' | 'reasoning_extraction' | 'general_harms' | null;
  explanation: string | null;
}

/** A scripted assistant turn. */
export interface Turn {
  content: ScriptedBlock[];
  /** Defaults to `tool_use` when a tool_use block is present, else `end_turn`. */
  stop_reason?: StopReason;
  /** Sent as `stop_details` when the turn ends with stop_reason `refusal` (else null). */
  stop_details?: RefusalStopDetails;
  /** Overrides the computed output token count. */
  outputTokens?: number;
  /**
   * The thinking text of this turn, used when the request enables thinking (ignored
   * otherwise). Default: a short deterministic text that grows with output_config.effort.
   */
  thinking?: string;
}

/** Errors the twin can inject instead of (or in the middle of) a reply. */
export type Fault =
  /** 429 rate_limit_error with retry-after (seconds, default 1). */
  | { kind: 'rate-limit'; retryAfter?: number }
  /** 529 overloaded_error. */
  | { kind: 'overloaded' }
  /** 500 api_error. */
  | { kind: 'server-error' }
  /** 429 rate_limit_error with details.error_code enforced_spend_limit_reached; not retryable. */
  | { kind: 'spend-limit' }
  /** Destroy the socket: before any response, or after `afterEvents` SSE events. */
  | { kind: 'reset'; afterEvents?: number }
  /** An `event: error` after `afterEvents` SSE events (default 2); non-streaming gets the same error as a 529. */
  | { kind: 'stream-error'; afterEvents?: number; errorType?: string; message?: string }
  /** Any status with an API error body. */
  | { kind: 'status'; status: number; errorType: string; message: string; headers?: Record<string, string> };

/** What a rule sees when deciding and building its reply. */
export interface RequestContext {
  /** 1-based index of this request among all POST /v1/messages requests to this twin. */
  requestIndex: number;
  /** Number of assistant turns already in the conversation (0 for the first request). */
  turn: number;
  body: MessagesBody;
  /** Plain text of the last user message (text blocks and tool_result text). */
  lastUserText: string;
  /** Plain text of the system prompt and every message. */
  allText: string;
  /** Value of the `speccc-spec-id: <id>` line, if any. */
  specId: string | undefined;
  /** True when the last user message carries tool_result blocks. */
  hasToolResults: boolean;
  /** The last user message asks for something new: no tool results, or tool results with a text block (a fix request). */
  awaitsWork: boolean;
  /** tool_result blocks of the last user message. */
  toolResults: Array<{ tool_use_id: string; is_error: boolean; text: string }>;
  /** Whether the reply to this request starts with a thinking block. */
  thinking: boolean;
  /** output_config.effort, when the request gives one. */
  effort: 'low' | 'medium' | 'high' | 'xhigh' | 'max' | undefined;
  /** output_config.task_budget (beta), when the request gives one: a script can wind down as it runs low. */
  taskBudget?: { total: number; remaining: number };
}

export interface RuleMatch {
  /** Substring of the last user message. */
  lastUserIncludes?: string;
  /** Substring of the system prompt or any message. */
  anyIncludes?: string;
  /** Exact `speccc-spec-id: <id>` line anywhere in the request. */
  specId?: string;
  /** Assistant turns already in the conversation (0 = first request of a conversation). */
  turn?: number;
  /** 1-based global request index. */
  requestIndex?: number;
  model?: string;
  where?: (ctx: RequestContext) => boolean;
}

export type ReplyFn = (ctx: RequestContext) => Turn;

/** One script rule; the first rule whose match holds (and has uses left) answers. */
export interface Rule {
  name?: string;
  /** Omit for a catch-all. */
  match?: RuleMatch;
  reply?: Turn | ReplyFn;
  /** A fault instead of a reply; a function decides per request (e.g. an error message that names it). */
  fault?: Fault | ((ctx: RequestContext) => Fault);
  /** How many requests this rule may answer; afterwards it is skipped (e.g. fail once, then succeed). */
  times?: number;
  /** Delay before response headers, in ms. */
  delayMs?: number;
  /** Delay between SSE events, in ms. */
  eventDelayMs?: number;
}

/** A fault on the Models API: for one model id (or any), `times` times (default: every time). */
export interface ModelFaultRule {
  id?: string;
  fault: Fault;
  times?: number;
}

export interface TwinOptions {
  script?: Rule[];
  /** Faults by 1-based global request index, checked before the script. */
  faults?: Record<number, Fault>;
  /** Accepted API keys; when omitted any non-empty key is accepted. */
  apiKeys?: string[];
  /** Minimum cacheable prefix length per model; default 2048 for Haiku, 1024 otherwise. */
  minCacheableTokens?: (model: string) => number;
  /** Clock for cache TTLs (ms). Defaults to Date.now. */
  now?: () => number;
  /** Default delays applied to every reply unless a rule overrides them. */
  delayMs?: number;
  eventDelayMs?: number;
  /** Simulated generation speed: adds outputTokens / rate seconds, spread over the deltas (or before a JSON reply). */
  outputTokensPerSecond?: number;
  /**
   * How long a Message Batch takes to process (ms, default 0: ends at once). Its items finish
   * one after another, evenly spread over this time.
   */
  batchDelayMs?: number;
  /**
   * How long a batch may process before it expires (ms, default 24 h, like the API): items
   * that would finish later end as `expired` results, never answered by the script. E.g.
   * `batchDelayMs: 2 * h, batchExpireAfterMs: h` expires the second half of every batch.
   */
  batchExpireAfterMs?: number;
  /**
   * Known model ids, newest first. GET /v1/models lists them and GET /v1/models/:id answers
   * 404 for any other id; default: the SDK's `Model` union (DEFAULT_MODELS). When given,
   * POST /v1/messages with any other model also gets 404 not_found_error, like the API.
   */
  models?: string[];
  /**
   * Lifecycles by model id, over the defaults (DEFAULT_LIFECYCLES in models.ts): what the
   * Models API reports as `lifecycle`, `deprecated_at`, `retires_at` and `successor`. A
   * `retired` model's messages get 404 not_found_error, as the API fails inference naming it.
   */
  lifecycles?: Record<string, ModelLifecycle>;
  /**
   * Faults for the Models API (GET /v1/models and /v1/models/:id), in order: the first entry
   * whose `id` is the requested model (or that names none) and has `times` left answers with its
   * fault instead of the model. `stream-error` is a 529 here (there is no stream).
   */
  modelFaults?: ModelFaultRule[];
  /** Faults for POST /v1/messages/count_tokens, in order, each `times` times (default: every time); `stream-error` is a 529. */
  countTokensFaults?: Array<{ fault: Fault; times?: number }>;
  /** Characters per text_delta / input_json_delta chunk (default 48). */
  chunkChars?: number;
  /**
   * Most /v1/messages requests served at once; one more gets 429 rate_limit_error with
   * retry-after `concurrencyRetryAfter` (seconds, default 1). Unlimited when omitted.
   */
  maxConcurrent?: number;
  concurrencyRetryAfter?: number;
  port?: number;
  host?: string;
}

export interface TwinStats {
  /** POST /v1/messages requests received. */
  messages: number;
  inFlight: number;
  /** Most /v1/messages requests in flight at once so far. */
  peakInFlight: number;
  /** Sum of usage over every successful reply. */
  usage: Omit<Usage, 'cache_creation' | 'output_tokens_details'>;
}

/** Parsed JSON body of POST /v1/messages (only what the twin looks at). */
export interface MessagesBody {
  model?: unknown;
  max_tokens?: unknown;
  messages?: unknown;
  system?: unknown;
  tools?: unknown;
  stream?: unknown;
  [key: string]: unknown;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: string;
  /** Lower-cased header names; x-api-key and authorization values are REDACTED. */
  headers: Record<string, string>;
  /** Which auth header carried the key, if any. */
  auth: 'x-api-key' | 'bearer' | 'none';
  rawBody: string;
  /** Parsed JSON body, or undefined when it was not JSON. */
  body: MessagesBody | undefined;
  /** Status the twin answered with (-1 for a reset connection). */
  status: number;
  /** request-id header the twin sent. */
  requestId: string;
  /** Name of the rule that answered, when one did. */
  rule?: string;
  /** The fault the twin injected into this request, if any. */
  fault?: Fault['kind'];
  /** True when the client went away before the reply was complete (abort, cancellation). */
  aborted?: boolean;
  /** Usage the twin reported, for successful /v1/messages replies. */
  usage?: Usage;
  /** `output_config.effort` as sent, if any (also when it was rejected). */
  effort?: string;
  /** `thinking.type` as sent, if any. */
  thinking?: string;
}

export interface Usage {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  cache_creation: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
  output_tokens: number;
  /** Present when the reply had a thinking block: the thinking tokens, included in output_tokens. */
  output_tokens_details?: { thinking_tokens: number };
  /** Present when the request carried a task budget: what is left of it after this reply (task-budget.ts). */
  task_budget?: { total: number; remaining: number };
}
