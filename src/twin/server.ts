// The twin's HTTP edge: a loopback node:http server that answers like the Messages API.
// Every piece of state lives in the object startTwin() returns.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { errorResponse, faultResponse, type ErrorResponse } from './errors.js';
import { resolveReply, scriptedToolInputError, validateRequest } from './answer.js';
import { encodeSse, messageJson, sseEvents } from './reply.js';
import { requestContext } from './request.js';
import { newThinkingSigner } from './signature.js';
import { pickRule } from './script.js';
import { commitCacheWrites, countInputTokens, planCacheUsage, defaultMinCacheableTokens, newPromptCache } from './tokens.js';
import { handleBatches } from './batches.js';
import { DEFAULT_LIFECYCLES, DEFAULT_MODELS, handleModels } from './models.js';
import { nextId, type State } from './state.js';
import { betasOf, countedDown } from './task-budget.js';
import type { Fault, MessagesBody, RecordedRequest, Rule, Turn, TwinOptions, TwinStats } from './types.js';

export interface Twin {
  /** Base URL for ANTHROPIC_BASE_URL / `new Anthropic({ baseURL })`, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /** Every request received, in arrival order (secrets redacted). */
  requests: RecordedRequest[];
  /** Only POST /v1/messages requests. */
  messageRequests(): RecordedRequest[];
  /** Replace the script (rule use counts start again). */
  setScript(script: Rule[]): void;
  /** Environment for a child process (speccc CLI) that should talk to this twin. */
  env(apiKey?: string): { ANTHROPIC_BASE_URL: string; ANTHROPIC_API_KEY: string };
  /** Whether any recorded request body contains `text` (e.g. a holdout scenario that must never leak). */
  anyRequestContains(text: string): boolean;
  /** Forget recorded requests (the prompt cache and counters stay). */
  clearRequests(): void;
  stats(): TwinStats;
  close(): Promise<void>;
}

const DEFAULT_SCRIPT: Rule[] = [
  { name: 'default', reply: { content: [{ type: 'text', text: 'Hello from the speccc twin.' }] } },
];


const SECRET_HEADERS = new Set(['x-api-key', 'authorization']);

function redactedHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    out[name] = SECRET_HEADERS.has(name) ? 'REDACTED' : Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function apiKeyOf(req: IncomingMessage): { auth: RecordedRequest['auth']; key: string | undefined } {
  const xKey = req.headers['x-api-key'];
  if (typeof xKey === 'string' && xKey !== '') return { auth: 'x-api-key', key: xKey };
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  if (bearer) return { auth: 'bearer', key: bearer[1] };
  return { auth: 'none', key: undefined };
}

function rateLimitHeaders(state: State): Record<string, string> {
  const reset = new Date((state.options.now ?? Date.now)() + 60_000).toISOString();
  const remaining = String(Math.max(0, 4000 - state.messageCount));
  return {
    'anthropic-ratelimit-requests-limit': '4000',
    'anthropic-ratelimit-requests-remaining': remaining,
    'anthropic-ratelimit-requests-reset': reset,
    'anthropic-ratelimit-input-tokens-limit': '2000000',
    'anthropic-ratelimit-input-tokens-remaining': '2000000',
    'anthropic-ratelimit-input-tokens-reset': reset,
    'anthropic-ratelimit-output-tokens-limit': '400000',
    'anthropic-ratelimit-output-tokens-remaining': '400000',
    'anthropic-ratelimit-output-tokens-reset': reset,
    'anthropic-ratelimit-tokens-limit': '2400000',
    'anthropic-ratelimit-tokens-remaining': '2400000',
    'anthropic-ratelimit-tokens-reset': reset,
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  if (res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

function sendError(res: ServerResponse, err: ErrorResponse, headers: Record<string, string>): void {
  sendJson(res, err.status, err.body, { ...headers, ...err.headers });
}

/** Resolves after ms, or at once when the client has gone. */
function pause(res: ServerResponse, ms: number | undefined): Promise<void> {
  if (!ms || ms <= 0 || res.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    }
    res.once('close', done);
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

async function handle(state: State, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const rawBody = await readBody(req);
  const url = new URL(req.url ?? '/', 'http://twin');
  const requestId = nextId(state, 'req');
  const { auth, key } = apiKeyOf(req);
  const betas = betasOf(req.headers['anthropic-beta']);
  let body: MessagesBody | undefined;
  try {
    body = rawBody ? (JSON.parse(rawBody) as MessagesBody) : undefined;
  } catch {
    body = undefined;
  }
  const record: RecordedRequest = {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.search,
    headers: redactedHeaders(req),
    auth,
    rawBody,
    body,
    status: 0,
    requestId,
  };
  const effort = (body?.output_config as { effort?: unknown } | undefined)?.effort;
  if (typeof effort === 'string') record.effort = effort;
  const thinkingType = (body?.thinking as { type?: unknown } | undefined)?.type;
  if (typeof thinkingType === 'string') record.thinking = thinkingType;
  state.requests.push(record);
  res.once('close', () => {
    if (!res.writableFinished && record.status !== -1) record.aborted = true;
  });
  const isMessages = req.method === 'POST' && url.pathname === '/v1/messages';
  if (isMessages) state.messageCount += 1;
  const headers = { 'request-id': requestId, 'anthropic-organization-id': 'twin-org', ...rateLimitHeaders(state) };
  const fail = (err: ErrorResponse) => {
    record.status = err.status;
    sendError(res, err, headers);
  };

  if (key === undefined) return fail(errorResponse(401, 'authentication_error', 'x-api-key header is required', requestId));
  if (state.options.apiKeys && !state.options.apiKeys.includes(key))
    return fail(errorResponse(401, 'authentication_error', 'invalid x-api-key', requestId));
  if (!req.headers['anthropic-version'])
    return fail(errorResponse(400, 'invalid_request_error', 'anthropic-version: header is required', requestId));

  if (req.method === 'POST' && url.pathname === '/v1/messages/count_tokens') {
    const fault = countFault(state);
    if (fault) {
      record.fault = fault.kind;
      if (fault.kind === 'reset') {
        record.status = -1;
        req.socket.destroy();
        return;
      }
      return fail(faultResponse(fault, requestId) ?? errorResponse(529, 'overloaded_error', 'Overloaded', requestId));
    }
    if (body === undefined) return fail(errorResponse(400, 'invalid_request_error', 'Request body is not valid JSON', requestId));
    const invalid = validateRequest(state, body, false, betas);
    if (invalid) return fail(errorResponse(400, 'invalid_request_error', invalid, requestId));
    record.status = 200;
    return sendJson(res, 200, { input_tokens: countInputTokens(body) }, headers);
  }
  if (url.pathname === '/v1/messages/batches' || url.pathname.startsWith('/v1/messages/batches/')) {
    const out = handleBatches(state, req.method ?? 'GET', url.pathname, body, `http://${req.headers.host ?? 'twin'}`, requestId, betas);
    record.status = out.status;
    if (out.jsonl !== undefined) {
      res.writeHead(out.status, { ...headers, 'content-type': 'application/binary' });
      res.end(out.jsonl);
      return;
    }
    return sendJson(res, out.status, out.body, headers);
  }
  if (req.method === 'GET' && (url.pathname === '/v1/models' || url.pathname.startsWith('/v1/models/'))) {
    const fault = modelFault(state, url.pathname);
    if (fault) {
      record.fault = fault.kind;
      if (fault.kind === 'reset') {
        record.status = -1;
        req.socket.destroy();
        return;
      }
      return fail(faultResponse(fault, requestId) ?? errorResponse(529, 'overloaded_error', 'Overloaded', requestId));
    }
    const answer = handleModels(state.options.models ?? DEFAULT_MODELS, url.pathname, url.searchParams, lifecyclesOf(state));
    if (answer.status !== 200) return fail(errorResponse(answer.status, answer.errorType, answer.message, requestId));
    record.status = 200;
    return sendJson(res, 200, answer.body, headers);
  }
  if (!isMessages) return fail(errorResponse(404, 'not_found_error', `Not found: ${req.method} ${url.pathname}`, requestId));
  if (body === undefined) return fail(errorResponse(400, 'invalid_request_error', 'Request body is not valid JSON', requestId));
  const invalid = validateRequest(state, body, true, betas);
  if (invalid) return fail(errorResponse(400, 'invalid_request_error', invalid, requestId));

  if (state.options.maxConcurrent !== undefined && state.inFlight >= state.options.maxConcurrent) {
    const retryAfter = String(state.options.concurrencyRetryAfter ?? 1);
    return fail(
      errorResponse(429, 'rate_limit_error', 'Number of concurrent connections has exceeded your rate limit. Please try again later.', requestId, {
        'retry-after': retryAfter,
      }),
    );
  }
  state.inFlight += 1;
  state.peakInFlight = Math.max(state.peakInFlight, state.inFlight);
  try {
    await answerMessages(state, req, res, body, record, headers, fail);
  } finally {
    state.inFlight -= 1;
  }
}

function lifecyclesOf(state: State) {
  return { ...DEFAULT_LIFECYCLES, ...state.options.lifecycles };
}

/** The scripted count_tokens fault for this request, if any (its use is counted). */
function countFault(state: State): Fault | undefined {
  for (const [i, rule] of (state.options.countTokensFaults ?? []).entries()) {
    const used = state.countFaultUses[i] ?? 0;
    if (rule.times !== undefined && used >= rule.times) continue;
    state.countFaultUses[i] = used + 1;
    return rule.fault;
  }
  return undefined;
}

/** The scripted Models API fault for this request, if any (its use is counted). */
function modelFault(state: State, pathname: string): Fault | undefined {
  const id = pathname.startsWith('/v1/models/') ? decodeURIComponent(pathname.slice('/v1/models/'.length)) : undefined;
  const rules = state.options.modelFaults ?? [];
  for (const [i, rule] of rules.entries()) {
    const used = state.modelFaultUses[i] ?? 0;
    if (rule.times !== undefined && used >= rule.times) continue;
    if (rule.id !== undefined && rule.id !== id) continue;
    state.modelFaultUses[i] = used + 1;
    return rule.fault;
  }
  return undefined;
}

async function answerMessages(
  state: State,
  req: IncomingMessage,
  res: ServerResponse,
  body: MessagesBody,
  record: RecordedRequest,
  headers: Record<string, string>,
  fail: (err: ErrorResponse) => void,
): Promise<void> {
  const requestId = record.requestId;
  const requestIndex = state.messageCount;
  if (state.options.models && !state.options.models.includes(String(body.model)))
    return fail(errorResponse(404, 'not_found_error', `model: ${String(body.model)}`, requestId));
  if (lifecyclesOf(state)[String(body.model)]?.lifecycle === 'retired')
    return fail(errorResponse(404, 'not_found_error', `model: ${String(body.model)} (retired)`, requestId));
  const ctx = requestContext(body, requestIndex);
  const indexFault = state.options.faults?.[requestIndex];
  const rule = indexFault ? undefined : pickRule(state.script, state.uses, ctx);
  if (rule?.name) record.rule = rule.name;
  const fault: Fault | undefined = indexFault ?? (typeof rule?.fault === 'function' ? rule.fault(ctx) : rule?.fault);
  if (fault) record.fault = fault.kind;
  // Usage is decided on arrival; the cache entries it writes become readable only when
  // the reply starts (below), so concurrent requests sharing a prefix all miss.
  const now = state.options.now ?? Date.now;
  const model = String(body.model);
  const minTokens = (state.options.minCacheableTokens ?? defaultMinCacheableTokens)(model);
  const { usage: cacheUsage, writes } = planCacheUsage(state.cache, body, minTokens, now());
  const delayMs = rule?.delayMs ?? state.options.delayMs;
  const eventDelayMs = rule?.eventDelayMs ?? state.options.eventDelayMs;
  const stream = body.stream === true;

  await pause(res, delayMs);
  if (res.destroyed) return;

  if (fault) {
    const http = faultResponse(fault, requestId);
    if (http) return fail(http);
    if (fault.kind === 'reset' && (!stream || fault.afterEvents === undefined)) {
      record.status = -1;
      req.socket.destroy();
      return;
    }
    if (fault.kind === 'stream-error' && !stream)
      return fail(errorResponse(529, 'overloaded_error', fault.message ?? 'Overloaded', requestId));
  }

  if (!rule && !indexFault) {
    const start = ctx.lastUserText.slice(0, 120);
    return fail(
      errorResponse(400, 'invalid_request_error', `twin: no script rule matched request ${requestIndex} (last user message starts: ${JSON.stringify(start)})`, requestId),
    );
  }
  const turn: Turn | undefined = typeof rule?.reply === 'function' ? rule.reply(ctx) : rule?.reply;
  if (!turn) return fail(errorResponse(500, 'api_error', 'twin: the matched rule has neither reply nor fault', requestId));

  const resolved = resolveReply(state, body, ctx, turn);
  const badInput = scriptedToolInputError(body, resolved);
  if (badInput) return fail(errorResponse(400, 'invalid_request_error', badInput, requestId));
  commitCacheWrites(state.cache, writes, now());
  const messageId = nextId(state, 'msg');
  record.status = 200;
  // A task budget is counted down by this reply's output (task-budget.ts).
  const usage = { ...cacheUsage, ...countedDown(ctx.taskBudget, resolved.outputTokens) };
  record.usage = {
    ...usage,
    output_tokens: resolved.outputTokens,
    ...(resolved.thinkingTokens === undefined ? {} : { output_tokens_details: { thinking_tokens: resolved.thinkingTokens } }),
  };

  // Simulated generation time: output tokens at a fixed rate, spread over the deltas.
  const generationMs = state.options.outputTokensPerSecond ? (resolved.outputTokens / state.options.outputTokensPerSecond) * 1000 : 0;
  if (!stream) {
    await pause(res, generationMs);
    return sendJson(res, 200, messageJson(messageId, model, resolved, usage), headers);
  }

  res.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  const events = sseEvents(messageId, model, resolved, usage, state.options.chunkChars ?? 48);
  const deltas = events.filter((e) => e.event === 'content_block_delta').length;
  const perDeltaMs = deltas > 0 ? generationMs / deltas : 0;
  for (const [i, event] of events.entries()) {
    if (fault?.kind === 'stream-error' && i === (fault.afterEvents ?? 2)) {
      const err = errorResponse(529, fault.errorType ?? 'overloaded_error', fault.message ?? 'Overloaded', requestId);
      res.write(encodeSse({ event: 'error', data: err.body }));
      res.end();
      return;
    }
    if (fault?.kind === 'reset' && i === fault.afterEvents) {
      record.status = -1;
      req.socket.destroy();
      return;
    }
    if (i > 0) await pause(res, (eventDelayMs ?? 0) + (event.event === 'content_block_delta' ? perDeltaMs : 0));
    if (res.destroyed) return;
    // Wait for each event to be flushed, so a later reset lands after what was sent.
    await new Promise<void>((resolve) => res.write(encodeSse(event), () => resolve()));
  }
  res.end();
}

export async function startTwin(options: TwinOptions = {}): Promise<Twin> {
  const state: State = {
    options,
    script: options.script ?? DEFAULT_SCRIPT,
    uses: new Map(),
    modelFaultUses: [],
    countFaultUses: [],
    messageCount: 0,
    inFlight: 0,
    peakInFlight: 0,
    seq: 0,
    batches: new Map(),
    cache: newPromptCache(),
    requests: [],
    signer: newThinkingSigner(),
  };
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(state, req, res).catch((error: unknown) => {
      // A bug in the twin, not a scripted fault: answer 500 so the test sees it.
      if (!res.headersSent && !res.destroyed)
        sendJson(res, 500, { type: 'error', error: { type: 'api_error', message: `twin bug: ${String(error)}` } }, {});
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://${host}:${port}`,
    port,
    requests: state.requests,
    messageRequests: () => state.requests.filter((r) => r.method === 'POST' && r.path === '/v1/messages'),
    env: (apiKey = 'test-key') => ({ ANTHROPIC_BASE_URL: `http://${host}:${port}`, ANTHROPIC_API_KEY: apiKey }),
    anyRequestContains: (text) => state.requests.some((r) => r.rawBody.includes(text)),
    clearRequests() {
      state.requests.length = 0;
    },
    stats() {
      const usage = { input_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 0 };
      for (const r of state.requests) {
        if (!r.usage) continue;
        usage.input_tokens += r.usage.input_tokens;
        usage.cache_creation_input_tokens += r.usage.cache_creation_input_tokens;
        usage.cache_read_input_tokens += r.usage.cache_read_input_tokens;
        usage.output_tokens += r.usage.output_tokens;
      }
      return { messages: state.messageCount, inFlight: state.inFlight, peakInFlight: state.peakInFlight, usage };
    },
    setScript(script) {
      state.script = script;
      state.uses = new Map();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
