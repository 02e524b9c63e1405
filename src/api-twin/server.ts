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
import type { Fault, MessagesBody, RecordedRequest, RequestContext, Rule, Turn, TwinOptions, TwinStats } from './types.js';

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

/** One request being answered: what every route below reads, and where its answer goes. */
interface Exchange {
  readonly state: State;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  /** The parsed JSON body; undefined when there is none or it is not JSON. */
  readonly body: MessagesBody | undefined;
  /** Its entry in `state.requests`: status, fault, rule and usage are filled in as it is answered. */
  readonly record: RecordedRequest;
  readonly betas: Set<string>;
  /** Sent with every answer: the request id, organisation and rate-limit headers. */
  readonly headers: Record<string, string>;
}

function fail(x: Exchange, err: ErrorResponse): void {
  x.record.status = err.status;
  sendError(x.res, err, x.headers);
}

/** Drops the connection without an answer (status -1 in the record: not an abort by the client). */
function reset(x: Exchange): void {
  x.record.status = -1;
  x.req.socket.destroy();
}

/** Answers a scripted fault of the count_tokens or Models routes: a dropped connection, or its error (529 by default). */
function answerFault(x: Exchange, fault: Fault): void {
  x.record.fault = fault.kind;
  if (fault.kind === 'reset') return reset(x);
  fail(x, faultResponse(fault, x.record.requestId) ?? errorResponse(529, 'overloaded_error', 'Overloaded', x.record.requestId));
}

async function handle(state: State, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Nothing is awaited from here until a Messages request has its index (answerMessages reads
  // state.messageCount): another request's arrival in between would shift it.
  const x = exchangeOf(state, req, res, await readBody(req));
  const refused = gateRefusal(state.options.apiKeys, apiKeyOf(req).key, req.headers['anthropic-version'], x.record.requestId);
  if (refused) return fail(x, refused);
  const { pathname } = x.url;
  if (req.method === 'POST' && pathname === '/v1/messages/count_tokens') return answerCountTokens(x);
  if (pathname === '/v1/messages/batches' || pathname.startsWith('/v1/messages/batches/')) return answerBatches(x);
  if (req.method === 'GET' && (pathname === '/v1/models' || pathname.startsWith('/v1/models/'))) return answerModels(x);
  if (!isMessagesRequest(req, x.url)) return fail(x, errorResponse(404, 'not_found_error', `Not found: ${req.method} ${pathname}`, x.record.requestId));
  return admitMessages(x);
}

function isMessagesRequest(req: IncomingMessage, url: URL): boolean {
  return req.method === 'POST' && url.pathname === '/v1/messages';
}

/** Records the request (secrets redacted); a Messages request is counted on arrival, answered or not. */
function exchangeOf(state: State, req: IncomingMessage, res: ServerResponse, rawBody: string): Exchange {
  const url = new URL(req.url ?? '/', 'http://twin');
  const requestId = nextId(state, 'req');
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
    auth: apiKeyOf(req).auth,
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
  if (isMessagesRequest(req, url)) state.messageCount += 1;
  const headers = { 'request-id': requestId, 'anthropic-organization-id': 'twin-org', ...rateLimitHeaders(state) };
  return { state, req, res, url, body, record, betas: betasOf(req.headers['anthropic-beta']), headers };
}

/** Why the API would refuse any request before reading it (no key, a key the twin does not accept, no anthropic-version); undefined when it would not. */
export function gateRefusal(apiKeys: readonly string[] | undefined, key: string | undefined, version: string | string[] | undefined, requestId: string): ErrorResponse | undefined {
  if (key === undefined) return errorResponse(401, 'authentication_error', 'x-api-key header is required', requestId);
  if (apiKeys && !apiKeys.includes(key)) return errorResponse(401, 'authentication_error', 'invalid x-api-key', requestId);
  if (!version) return errorResponse(400, 'invalid_request_error', 'anthropic-version: header is required', requestId);
  return undefined;
}

function answerCountTokens(x: Exchange): void {
  const fault = countFault(x.state);
  if (fault) return answerFault(x, fault);
  const { body, record } = x;
  if (body === undefined) return fail(x, errorResponse(400, 'invalid_request_error', 'Request body is not valid JSON', record.requestId));
  const invalid = validateRequest(x.state, body, false, x.betas);
  if (invalid) return fail(x, errorResponse(400, 'invalid_request_error', invalid, record.requestId));
  record.status = 200;
  sendJson(x.res, 200, { input_tokens: countInputTokens(body) }, x.headers);
}

function answerBatches(x: Exchange): void {
  const { req, res } = x;
  const out = handleBatches(x.state, req.method ?? 'GET', x.url.pathname, x.body, `http://${req.headers.host ?? 'twin'}`, x.record.requestId, x.betas);
  x.record.status = out.status;
  if (out.jsonl !== undefined) {
    res.writeHead(out.status, { ...x.headers, 'content-type': 'application/binary' });
    res.end(out.jsonl);
    return;
  }
  sendJson(res, out.status, out.body, x.headers);
}

function answerModels(x: Exchange): void {
  const { state, url } = x;
  const fault = modelFault(state, url.pathname);
  if (fault) return answerFault(x, fault);
  const answer = handleModels(state.options.models ?? DEFAULT_MODELS, url.pathname, url.searchParams, lifecyclesOf(state));
  if (answer.status !== 200) return fail(x, errorResponse(answer.status, answer.errorType, answer.message, x.record.requestId));
  x.record.status = 200;
  sendJson(x.res, 200, answer.body, x.headers);
}

/** A valid Messages request within the concurrency limit is answered; the in-flight count covers its whole answer. */
async function admitMessages(x: Exchange): Promise<void> {
  const { state, body, record } = x;
  if (body === undefined) return fail(x, errorResponse(400, 'invalid_request_error', 'Request body is not valid JSON', record.requestId));
  const invalid = validateRequest(state, body, true, x.betas);
  if (invalid) return fail(x, errorResponse(400, 'invalid_request_error', invalid, record.requestId));
  if (state.options.maxConcurrent !== undefined && state.inFlight >= state.options.maxConcurrent) {
    const retryAfter = String(state.options.concurrencyRetryAfter ?? 1);
    return fail(
      x,
      errorResponse(429, 'rate_limit_error', 'Number of concurrent connections has exceeded your rate limit. Please try again later.', record.requestId, {
        'retry-after': retryAfter,
      }),
    );
  }
  state.inFlight += 1;
  state.peakInFlight = Math.max(state.peakInFlight, state.inFlight);
  try {
    await answerMessages(x, body);
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

/** What the script says about a Messages request: the matched rule (none when a fault is scripted by index) and the fault to play, if any. */
function scriptedFor(state: State, ctx: RequestContext, requestIndex: number): { rule: Rule | undefined; fault: Fault | undefined; matched: boolean } {
  const indexFault = state.options.faults?.[requestIndex];
  const rule = indexFault ? undefined : pickRule(state.script, state.uses, ctx);
  const fault = indexFault ?? (typeof rule?.fault === 'function' ? rule.fault(ctx) : rule?.fault);
  return { rule, fault, matched: Boolean(rule) || Boolean(indexFault) };
}

/** Why the model named cannot answer (not offered, or retired); undefined when it can. */
function modelRefusal(state: State, model: string, requestId: string): ErrorResponse | undefined {
  if (state.options.models && !state.options.models.includes(model)) return errorResponse(404, 'not_found_error', `model: ${model}`, requestId);
  if (lifecyclesOf(state)[model]?.lifecycle === 'retired') return errorResponse(404, 'not_found_error', `model: ${model} (retired)`, requestId);
  return undefined;
}

/**
 * Plays a fault that answers instead of a reply (an HTTP error, a dropped connection, a stream
 * error asked for without streaming); true when it did. A fault within a stream is left to streamReply.
 */
function faultInsteadOfReply(x: Exchange, fault: Fault, stream: boolean): boolean {
  const requestId = x.record.requestId;
  const http = faultResponse(fault, requestId);
  if (http) fail(x, http);
  else if (fault.kind === 'reset' && (!stream || fault.afterEvents === undefined)) reset(x);
  else if (fault.kind === 'stream-error' && !stream) fail(x, errorResponse(529, 'overloaded_error', fault.message ?? 'Overloaded', requestId));
  else return false;
  return true;
}

async function answerMessages(x: Exchange, body: MessagesBody): Promise<void> {
  const { state, res, record } = x;
  const requestId = record.requestId;
  const requestIndex = state.messageCount;
  const model = String(body.model);
  const refused = modelRefusal(state, model, requestId);
  if (refused) return fail(x, refused);
  const ctx = requestContext(body, requestIndex);
  const { rule, fault, matched } = scriptedFor(state, ctx, requestIndex);
  if (rule?.name) record.rule = rule.name;
  if (fault) record.fault = fault.kind;
  // Usage is decided on arrival; the cache entries it writes become readable only when
  // the reply starts (below), so concurrent requests sharing a prefix all miss.
  const now = state.options.now ?? Date.now;
  const minTokens = (state.options.minCacheableTokens ?? defaultMinCacheableTokens)(model);
  const { usage: cacheUsage, writes } = planCacheUsage(state.cache, body, minTokens, now());
  const stream = body.stream === true;

  await pause(res, rule?.delayMs ?? state.options.delayMs);
  if (res.destroyed) return;
  if (fault && faultInsteadOfReply(x, fault, stream)) return;
  if (!matched) {
    const start = ctx.lastUserText.slice(0, 120);
    return fail(x, errorResponse(400, 'invalid_request_error', `twin: no script rule matched request ${requestIndex} (last user message starts: ${JSON.stringify(start)})`, requestId));
  }
  const turn: Turn | undefined = typeof rule?.reply === 'function' ? rule.reply(ctx) : rule?.reply;
  if (!turn) return fail(x, errorResponse(500, 'api_error', 'twin: the matched rule has neither reply nor fault', requestId));

  const resolved = resolveReply(state, body, ctx, turn);
  const badInput = scriptedToolInputError(body, resolved);
  if (badInput) return fail(x, errorResponse(400, 'invalid_request_error', badInput, requestId));
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
    return sendJson(res, 200, messageJson(messageId, model, resolved, usage), x.headers);
  }
  const events = sseEvents(messageId, model, resolved, usage, state.options.chunkChars ?? 48);
  await streamReply(x, events, fault, { generationMs, eventDelayMs: rule?.eventDelayMs ?? state.options.eventDelayMs });
}

/**
 * Sends the reply as server-sent events, paced: `eventDelayMs` between events, and the
 * generation time spread over the content deltas. A stream fault cuts it short after its event.
 */
async function streamReply(x: Exchange, events: ReturnType<typeof sseEvents>, fault: Fault | undefined, pace: { generationMs: number; eventDelayMs: number | undefined }): Promise<void> {
  const { res } = x;
  res.writeHead(200, { ...x.headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  const deltas = events.filter((e) => e.event === 'content_block_delta').length;
  const perDeltaMs = deltas > 0 ? pace.generationMs / deltas : 0;
  for (const [i, event] of events.entries()) {
    if (fault?.kind === 'stream-error' && i === (fault.afterEvents ?? 2)) {
      const err = errorResponse(529, fault.errorType ?? 'overloaded_error', fault.message ?? 'Overloaded', x.record.requestId);
      res.write(encodeSse({ event: 'error', data: err.body }));
      res.end();
      return;
    }
    if (fault?.kind === 'reset' && i === fault.afterEvents) return reset(x);
    if (i > 0) await pause(res, (pace.eventDelayMs ?? 0) + (event.event === 'content_block_delta' ? perDeltaMs : 0));
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
