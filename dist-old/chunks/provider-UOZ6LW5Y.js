import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  fingerprint
} from "./chunk-DKDHL7Y5.js";
import {
  ApiFaultError,
  backoffMs,
  classifyError,
  persistentFaultLine
} from "./chunk-QEMEX2H3.js";
import {
  Anthropic
} from "./chunk-OEI4V5BK.js";
import {
  TOOL_DEFINITIONS
} from "./chunk-DLHTC4YV.js";
import {
  sha256
} from "./chunk-U5XVFR3J.js";
import {
  meter
} from "./chunk-NCADMWFB.js";
import {
  costOf,
  utf8Bytes,
  worstCaseOf
} from "./chunk-NSTTZTGX.js";
import "./chunk-Z6XS3NX4.js";
import "./chunk-VSAIBY22.js";

// src/prices/lineup.ts
var CURRENT = /^claude-(fable|mythos|opus|sonnet|haiku)-5(?:-|$)/, TASK_BUDGET = /^claude-(?:(?:fable|mythos)-5-2|(?:opus|sonnet|haiku)-5-5)(?:-|$)/;
function traitsOf(model) {
  let current = CURRENT.test(model);
  return { adaptiveThinking: current, effort: current, taskBudget: TASK_BUDGET.test(model) };
}
var TASK_BUDGET_BETA = "task-budgets-2026-03-13", NEWEST_OF_LINE = {
  fable: "claude-fable-5-2",
  mythos: "claude-mythos-5-2",
  opus: "claude-opus-5-5",
  sonnet: "claude-sonnet-5-5",
  haiku: "claude-haiku-5-5"
};
function successorOf(model) {
  let line = /^claude-(fable|mythos|opus|sonnet|haiku)-/.exec(model)?.[1], newest = line ? NEWEST_OF_LINE[line] : void 0;
  return newest && newest !== model ? newest : null;
}

// src/phases/6-generate/anthropic/models-check.ts
var NOTHING_PROMOTED = "nothing was promoted; run again to resume", day = (iso) => typeof iso == "string" && iso.length >= 10 ? iso.slice(0, 10) : null;
function noticeOf(id, info) {
  let lifecycle = info.lifecycle === "deprecated" || info.lifecycle === "retired" ? info.lifecycle : "active", retiresAt = day(info.retires_at);
  if (lifecycle === "active" && retiresAt === null) return null;
  let successor = typeof info.successor == "string" && info.successor !== "" ? info.successor : successorOf(id);
  return { model: id, lifecycle, deprecatedAt: day(info.deprecated_at), retiresAt, successor };
}
async function checkModelIds(ids, options) {
  let unknown = [], notices = [], signal = options.signal ?? new AbortController().signal;
  for (let id of [...new Set(ids)])
    for (let attempt = 1; ; attempt++)
      try {
        let info = await options.client.models.retrieve(id, void 0, { signal });
        options.trace.write({ type: "models-check", model: id, ok: !0, attempts: attempt });
        let notice = noticeOf(id, info);
        notice && notices.push(notice);
        break;
      } catch (error) {
        let verdict = classifyError(error, options.clock());
        if (verdict.errorType === "not_found_error") {
          options.trace.write({ type: "models-check", model: id, ok: !1, attempts: attempt, reason: options.redact(verdict.reason), requestId: verdict.requestId }), unknown.push({ id, error: `the API has no model \`${id}\` (${verdict.requestId ? `request id ${verdict.requestId}` : "not_found_error"})` });
          break;
        }
        let again = verdict.retry && attempt <= options.maxRetries && !signal.aborted;
        if (options.trace.write({ type: "models-check", model: id, ok: !1, attempts: attempt, reason: options.redact(verdict.reason), requestId: verdict.requestId, ...again ? { retry: !0 } : {} }), !again) {
          let line = persistentFaultLine(verdict, attempt, verdict.auth ? "set ANTHROPIC_API_KEY to a key the API accepts; nothing was promoted" : NOTHING_PROMOTED);
          throw new ApiFaultError(options.redact(`${line} (checking model \`${id}\` with the Models API)`), verdict.auth ? 2 : 1);
        }
        await options.sleep(backoffMs(attempt, verdict), signal);
      }
  return { unknown, notices };
}

// src/phases/6-generate/anthropic/batches.ts
var RESULTS_KEPT_MS = 696 * 36e5, MAX_BYTES = 200 * 1024 * 1024, CREATE_ATTEMPTS = 4, POLL_FAILURES = 6;
function createBatchQueue(options) {
  let q = initialState(options);
  return adoptResumable(q, options.resumable), {
    send: (request, signal) => sendRequest(q, request, signal),
    finish: () => finishQueue(q)
  };
}
function timingOf(tuning) {
  return {
    gatherMs: tuning.gatherMs ?? 500,
    maxGatherMs: tuning.maxGatherMs ?? 1e4,
    pollMs: tuning.pollMs ?? 5e3,
    maxPollMs: tuning.maxPollMs ?? 6e4,
    maxRequests: Math.min(tuning.maxRequests ?? 1e4, 1e5)
  };
}
function initialState(options) {
  return {
    options,
    timing: timingOf(options),
    batches: /* @__PURE__ */ new Map(),
    resumeIndex: /* @__PURE__ */ new Map(),
    background: [],
    watched: /* @__PURE__ */ new Map(),
    pending: [],
    timer: void 0,
    firstPendingAt: 0,
    sawAbort: !1
  };
}
function adoptResumable(q, records) {
  let { store, clock } = q.options;
  for (let record2 of records) {
    if (clock() - Date.parse(record2.submittedAt) > RESULTS_KEPT_MS) {
      q.background.push(store.remove(record2.id).catch(() => {
      }));
      continue;
    }
    q.batches.set(record2.id, trackedOf(record2));
    for (let r of record2.requests) q.resumeIndex.set(r.customId, record2.id);
  }
}
function trackedOf(record2) {
  return { id: record2.id, record: record2, waiters: /* @__PURE__ */ new Map(), stop: new AbortController() };
}
function answerOf(t, customId, redact) {
  if (t.lost) return { kind: "unavailable", reason: t.lost };
  let result = t.results?.get(customId);
  if (!result) return { kind: "unavailable", reason: `batch ${t.id} has no result for this request` };
  switch (result.type) {
    case "succeeded":
      return { kind: "succeeded", batchId: t.id, message: result.message };
    case "errored": {
      let body = result.error;
      return { kind: "errored", batchId: t.id, errorType: body.error?.type ?? body.type ?? "api_error", message: redact(body.error?.message ?? "the request failed in the batch") };
    }
    case "expired":
      return { kind: "expired", batchId: t.id };
    default:
      return { kind: "canceled", batchId: t.id };
  }
}
function settleAll(q, t) {
  for (let [customId, w] of t.waiters) w.settle(answerOf(t, customId, q.options.redact));
  t.waiters.clear();
}
function maybeCancel(q, t) {
  if (t.waiters.size > 0 || t.results || t.lost || t.cancelled || !t.claimed) return;
  let { client, trace, redact } = q.options;
  t.cancelled = !0, t.stop.abort();
  let requests = t.record.requests.length;
  q.background.push(
    client.messages.batches.cancel(t.id).then(
      () => trace.write({ type: "batch", id: t.id, op: "canceled", requests }),
      (error) => trace.write({ type: "batch", id: t.id, op: "canceled", requests, reason: redact(`the cancel request failed: ${describe(error)}`) })
    )
  );
}
function waitOn(q, t, waiter) {
  if (t.claimed = !0, !waiter.done) {
    if (t.results || t.lost) return waiter.settle(answerOf(t, waiter.ref.customId, q.options.redact));
    waiter.batch = t, t.waiters.set(waiter.ref.customId, waiter), t.polling ??= poll(q, t);
  }
}
async function poll(q, t) {
  let { client, sleep } = q.options, delay = q.timing.pollMs, failures = 0;
  for (; ; ) {
    if (t.stop.signal.aborted) return;
    try {
      let batch = await scoped(t.stop.signal, (signal) => client.messages.batches.retrieve(t.id, void 0, { signal }));
      if (failures = 0, batch.processing_status === "ended") return await readResults(q, t, batch);
    } catch (error) {
      if (t.stop.signal.aborted) return;
      let status = error.status;
      if (failures++, status === 404 || failures >= POLL_FAILURES) return markLost(q, t, status === 404 ? `batch ${t.id} no longer exists` : `batch ${t.id} could not be read: ${describe(error)}`);
    }
    await scoped(t.stop.signal, (signal) => sleep(delay, signal)), delay = Math.min(delay * 2, q.timing.maxPollMs);
  }
}
async function readResults(q, t, batch) {
  let results = /* @__PURE__ */ new Map();
  if (await scoped(t.stop.signal, async (signal) => {
    for await (let line of await q.options.client.messages.batches.results(t.id, void 0, { signal })) results.set(line.custom_id, line.result);
  }), t.stop.signal.aborted) return;
  t.results = results;
  let counts = batch.request_counts;
  q.options.trace.write({ type: "batch", id: t.id, op: "ended", requests: t.record.requests.length, counts: { ...counts } }), settleAll(q, t);
}
function markLost(q, t, reason) {
  t.lost = q.options.redact(reason), q.options.trace.write({ type: "batch", id: t.id, op: "lost", requests: t.record.requests.length, reason: t.lost }), settleAll(q, t);
}
function abortWaiter(q, waiter) {
  q.sawAbort = !0, q.pending = q.pending.filter((w) => w !== waiter), waiter.batch && (waiter.batch.waiters.delete(waiter.ref.customId), maybeCancel(q, waiter.batch)), waiter.settle({ kind: "aborted" });
}
function watchSignal(q, waiter) {
  let entry = q.watched.get(waiter.signal);
  if (!entry) {
    let waiters = /* @__PURE__ */ new Set(), onAbort = () => [...waiters].forEach((w) => abortWaiter(q, w));
    waiter.signal.addEventListener("abort", onAbort, { once: !0 }), q.watched.set(waiter.signal, entry = { waiters, onAbort });
  }
  entry.waiters.add(waiter);
}
function unwatchSignal(q, waiter) {
  let entry = q.watched.get(waiter.signal);
  entry && (entry.waiters.delete(waiter), entry.waiters.size === 0 && (waiter.signal.removeEventListener("abort", entry.onAbort), q.watched.delete(waiter.signal)));
}
function schedule(q) {
  q.timer && clearTimeout(q.timer);
  let { gatherMs, maxGatherMs } = q.timing, due = Math.max(0, Math.min(gatherMs, q.firstPendingAt + maxGatherMs - q.options.clock()));
  q.timer = setTimeout(() => {
    q.timer = void 0, q.background.push(flush(q));
  }, due);
}
function firstOfEachId(pending) {
  let seen = /* @__PURE__ */ new Set(), ready = [], later = [];
  for (let w of pending)
    w.signal.aborted || ((seen.has(w.ref.customId) ? later : ready).push(w), seen.add(w.ref.customId));
  return { ready, later };
}
function chunksOf(ready, maxRequests, maxBytes = MAX_BYTES) {
  let chunks = [], chunk = [], bytes = 0;
  for (let w of ready)
    chunk.length > 0 && (chunk.length >= maxRequests || bytes + w.bytes > maxBytes) && (chunks.push(chunk), chunk = [], bytes = 0), bytes += w.bytes, chunk.push(w);
  return chunk.length > 0 && chunks.push(chunk), chunks;
}
async function flush(q) {
  let { ready, later } = firstOfEachId(q.pending);
  q.pending = later, later.length > 0 && schedule(q);
  for (let chunk of chunksOf(ready, q.timing.maxRequests))
    await submit(q, chunk).catch((error) => {
      for (let w of chunk) w.settle({ kind: "unavailable", reason: q.options.redact(`the batch could not be sent: ${describe(error)}`) });
    });
}
function retryableCreate(status) {
  return status === void 0 || status === 408 || status === 409 || status === 429 || status >= 500;
}
async function createBatch(q, chunk) {
  let { client, sleep, redact } = q.options, requests = chunk.map((w) => ({ custom_id: w.ref.customId, params: w.params })), reason = "";
  for (let attempt = 1; attempt <= CREATE_ATTEMPTS; attempt++)
    try {
      return { created: await client.messages.batches.create({ requests }) };
    } catch (error) {
      if (reason = redact(`the batch could not be created: ${describe(error)}`), !retryableCreate(error.status) || attempt === CREATE_ATTEMPTS) break;
      await sleep(Math.min(q.timing.pollMs * 2 ** (attempt - 1), q.timing.maxPollMs), new AbortController().signal);
    }
  return { reason };
}
async function submit(q, chunk) {
  let outcome = await createBatch(q, chunk);
  if ("reason" in outcome) {
    for (let w of chunk) w.settle({ kind: "unavailable", reason: outcome.reason });
    return;
  }
  let { created } = outcome, t = trackedOf({ format: 1, id: created.id, submittedAt: new Date(q.options.clock()).toISOString(), requests: chunk.map((w) => w.ref) });
  q.batches.set(t.id, t);
  let unrecorded = await record(q, t.record);
  q.options.trace.write({ type: "batch", id: t.id, op: "submitted", requests: chunk.length, ...unrecorded ? { reason: unrecorded } : {} });
  for (let w of chunk) waitOn(q, t, w);
  maybeCancel(q, t);
}
async function record(q, batch) {
  let { store, redact } = q.options;
  try {
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(batch.id)) throw new Error("the API gave it an id speccc cannot use as a file name");
    await store.save(batch);
    return;
  } catch (error) {
    return redact(`not recorded in ${store.where} (${describe(error)}): a build interrupted now would submit these requests again`);
  }
}
function sendRequest(q, request, signal) {
  let { params, ...ref } = request;
  return signal.aborted ? Promise.resolve({ kind: "aborted" }) : new Promise((resolve) => {
    let waiter = {
      ref,
      params,
      bytes: Buffer.byteLength(JSON.stringify(params)),
      signal,
      done: !1,
      settle: (answer) => {
        waiter.done || (waiter.done = !0, unwatchSignal(q, waiter), resolve(answer));
      }
    };
    watchSignal(q, waiter), resume(q, waiter) || enqueue(q, waiter);
  });
}
function resume(q, waiter) {
  let earlier = q.resumeIndex.get(waiter.ref.customId);
  if (earlier === void 0) return !1;
  q.resumeIndex.delete(waiter.ref.customId);
  let t = q.batches.get(earlier);
  return !t.polling && !t.results && !t.lost && q.options.trace.write({ type: "batch", id: earlier, op: "resumed", requests: t.record.requests.length }), waitOn(q, t, waiter), !0;
}
function enqueue(q, waiter) {
  q.pending.length === 0 && (q.firstPendingAt = q.options.clock()), q.pending.push(waiter), q.pending.length >= q.timing.maxRequests ? (q.timer && clearTimeout(q.timer), q.timer = void 0, q.background.push(flush(q))) : schedule(q);
}
async function finishQueue(q) {
  q.timer && clearTimeout(q.timer);
  for (let t of q.batches.values())
    maybeCancel(q, t), t.stop.abort();
  if (await Promise.allSettled([...q.background, ...[...q.batches.values()].map((t) => t.polling)]), !q.sawAbort)
    for (let t of q.batches.values())
      (t.results || t.lost || !t.claimed && await endedOrGone(q, t.id)) && await q.options.store.remove(t.id).catch(() => {
      });
}
function endedOrGone(q, id) {
  return q.options.client.messages.batches.retrieve(id).then(
    (b) => b.processing_status === "ended",
    (error) => error.status === 404
  );
}
async function scoped(parent, run) {
  let own = new AbortController(), abort = () => own.abort(parent.reason);
  parent.addEventListener("abort", abort, { once: !0 });
  try {
    return await run(own.signal);
  } finally {
    parent.removeEventListener("abort", abort);
  }
}
function describe(error) {
  return error instanceof Error ? error.message.split(`
`)[0].slice(0, 300) : String(error);
}

// src/phases/6-generate/anthropic/conversation.ts
function readTranscript(history) {
  if (Array.isArray(history)) return { messages: history };
  if (history && typeof history == "object" && Array.isArray(history.messages)) {
    let t = history;
    return { messages: t.messages, ...typeof t.model == "string" ? { model: t.model } : {} };
  }
  return { messages: [] };
}
function writeTranscript(messages, model, primary) {
  return model === primary ? messages : { messages, model };
}
function continueWith(history, prompt) {
  let last = history.at(-1);
  return last?.role === "user" && Array.isArray(last.content) ? [...history.slice(0, -1), { role: "user", content: [...last.content, { type: "text", text: prompt }] }] : [...history, { role: "user", content: prompt }];
}
function textOf(message) {
  return message ? typeof message.content == "string" ? message.content : message.content.flatMap((b) => b.type === "text" ? [b.text] : []).join(`

`) : "";
}
function restartConversation(messages) {
  let first = textOf(messages[0]), lastUser = [...messages].reverse().find((m) => m.role === "user"), latest = lastUser === messages[0] ? "" : textOf(lastUser);
  return [{ role: "user", content: latest ? `${first}

${latest}` : first }];
}
function withConversationBreakpoint(messages, cacheControl) {
  let last = messages.at(-1);
  if (!last || !messages.some((m) => m.role === "assistant")) return messages;
  if (typeof last.content == "string")
    return [...messages.slice(0, -1), { ...last, content: [{ type: "text", text: last.content, cache_control: cacheControl }] }];
  let blocks = last.content, tail = blocks.at(-1);
  return tail?.type !== "text" ? messages : [...messages.slice(0, -1), { ...last, content: [...blocks.slice(0, -1), { ...tail, cache_control: cacheControl }] }];
}
var KEEP_RESULT_CHARS = 200, ELIDED_WRITE = (chars) => `[${chars} characters elided: an earlier attempt at this file, replaced by the latest attempt below]`, ELIDED_RESULT = "[elided: the result of a call in an earlier attempt]", ELIDED_FIX = "[An earlier fix request, elided: the latest attempt below answered it, and the latest fix request says what still fails.]", MISSING_FILES_NUDGE = "You have not written every file yet.";
function isPrompt(message) {
  return message.role !== "user" ? !1 : typeof message.content == "string" ? !message.content.startsWith(MISSING_FILES_NUDGE) : message.content.some((b) => b.type === "text");
}
function elideAssistant(message) {
  if (typeof message.content == "string") return message;
  let content = message.content.map((b) => {
    if (b.type !== "tool_use" || b.name !== "write_file") return b;
    let input = b.input;
    return typeof input.content != "string" || input.content.endsWith("replaced by the latest attempt below]") ? b : { ...b, input: { ...input, content: ELIDED_WRITE(input.content.length) } };
  });
  return { ...message, content };
}
function elideUser(message) {
  if (typeof message.content == "string") return { ...message, content: ELIDED_FIX };
  let content = message.content.map((b) => b.type === "text" ? { ...b, text: ELIDED_FIX } : b.type === "tool_result" && typeof b.content == "string" && b.content.length > KEEP_RESULT_CHARS ? { ...b, content: ELIDED_RESULT } : b);
  return { ...message, content };
}
function elideEarlierAttempts(messages) {
  let prompts = messages.flatMap((m, i) => isPrompt(m) ? [i] : []);
  if (prompts.length < 3 || prompts[0] !== 0) return messages;
  let latestStart = prompts.at(-2) + 1;
  return messages.map((m, i) => i === 0 || i >= latestStart ? m : m.role === "assistant" ? elideAssistant(m) : elideUser(m));
}

// src/phases/6-generate/rate-gate.ts
function createRateGate(max) {
  let ceiling = Math.max(1, Math.floor(max)), limit = ceiling, inFlight = 0, waiters = [], wake = () => {
    for (; waiters.length > 0 && inFlight < Math.floor(limit); )
      inFlight++, waiters.shift()();
  };
  return {
    acquire(signal) {
      return signal.aborted ? Promise.resolve() : inFlight < Math.floor(limit) ? (inFlight++, Promise.resolve()) : new Promise((resolve) => {
        let grant = () => {
          signal.removeEventListener("abort", onAbort), resolve();
        }, onAbort = () => {
          let i = waiters.indexOf(grant);
          i >= 0 && waiters.splice(i, 1), resolve();
        };
        signal.addEventListener("abort", onAbort, { once: !0 }), waiters.push(grant);
      });
    },
    release(outcome) {
      inFlight = Math.max(0, inFlight - 1), outcome === "throttled" ? limit = Math.max(1, limit / 2) : outcome === "ok" && (limit = Math.min(ceiling, limit + 1 / limit)), wake();
    },
    limit: () => limit
  };
}

// src/phases/6-generate/anthropic/send.ts
var FINAL_BATCH_ERRORS = /* @__PURE__ */ new Set(["invalid_request_error", "authentication_error", "permission_error", "not_found_error", "request_too_large", "billing_error"]), FATAL_BATCH_ERRORS = /* @__PURE__ */ new Set(["authentication_error", "permission_error", "billing_error"]), FileTooLarge = class extends Error {
}, stop = (status, error, extra = {}) => ({ kind: "stop", status, error, ...extra });
function usageOf(u) {
  let oneHour = u.cache_creation?.ephemeral_1h_input_tokens ?? 0;
  return {
    inputTokens: u.input_tokens,
    outputTokens: u.output_tokens,
    cacheReadTokens: u.cache_read_input_tokens ?? 0,
    cacheWriteTokens: u.cache_creation_input_tokens ?? 0,
    cacheWrite1hTokens: oneHour
  };
}
function reportedBudget(usage) {
  let left = usage.task_budget?.remaining;
  return typeof left == "number" ? { reportedRemaining: left } : {};
}
function createSender(options) {
  let state = { options, warmed: null, pausedUntil: 0, rate: createRateGate(options.concurrency), counter: createCounter(options) };
  return { send: (req) => send(state, req) };
}
async function send(state, req) {
  let { options } = state, { task } = req, json = JSON.stringify(req.body), counted = await state.counter.count(req), inputBound = inputTokenBound(utf8Bytes(json), counted), viaBatch = options.queue !== void 0, resent = !1;
  for (let attempt = 1; ; attempt++) {
    let worst = worstCaseOf(req.price, inputBound, task.maxOutputTokens, { batch: viaBatch });
    req.reservedUsd = worst;
    let reserved = await options.meter.reserve({ specId: task.specId, worstUsd: worst, ...task.budgetUsd !== void 0 ? { specCapUsd: task.budgetUsd } : {}, signal: task.signal, inputTokens: inputBound, ...counted !== void 0 ? { countedInputTokens: counted } : {} });
    if (!reserved.ok) return task.signal.aborted ? stop("aborted", "cancelled") : stop("budget", `stopped before a request that could break the budget: ${reserved.reason}`);
    if (viaBatch) {
      let next = await tryBatch(options, req, json, reserved.reservation, attempt, resent);
      if (next === "resend") resent = !0;
      else if (next === "real-time") viaBatch = !1;
      else return next;
      continue;
    }
    let result = await tryRealTime(state, req, reserved.reservation, worst, attempt);
    if (result.kind !== "retry") return result;
  }
}
async function tryBatch(options, req, json, reservation, attempt, resent) {
  let { task } = req, started = options.clock(), turn = req.messages.filter((m) => m.role === "assistant").length + 1, answer = await options.queue.send({ customId: sha256(json), specId: task.specId, jobKey: task.jobKey, turn, params: req.body }, task.signal);
  return answer.kind === "succeeded" ? (settleRequest(options, req, reservation, answer.message, started, { batchId: answer.batchId }), { kind: "message", message: answer.message }) : (reservation.release(), afterBatchMiss(options, req, answer, attempt, resent));
}
async function takeTurn(state, signal) {
  let { clock, sleep } = state.options, wait = state.pausedUntil - clock();
  wait > 0 && await sleep(wait, signal);
  let gate = state.warmed, openGate = () => {
  };
  return gate ? await gate : state.warmed = new Promise((resolve) => openGate = resolve), await state.rate.acquire(signal), openGate;
}
async function tryRealTime(state, req, reserved, worst, attempt) {
  let { options } = state, { task } = req, openGate = await takeTurn(state, task.signal), started = options.clock();
  try {
    let { message, requestId } = await streamMessage(options, req, task.signal, () => openGate());
    return openGate(), state.rate.release("ok"), settleRequest(options, req, reserved, message, started, { requestId }), { kind: "message", message };
  } catch (error) {
    openGate();
    let status = error.status;
    state.rate.release(status === 429 || status === 529 ? "throttled" : "other");
    let failed = afterFailedTry(options, req, error, reserved, worst, attempt);
    if (failed.kind !== "retry") return failed;
    let verdict = failed.verdict, delay = backoffMs(attempt, verdict);
    return verdict.retryAfterMs !== void 0 && (state.pausedUntil = Math.max(state.pausedUntil, options.clock() + delay)), options.trace.write({ type: "retry", spec: task.specId, attempt, delayMs: delay }), await options.sleep(delay, task.signal), { kind: "retry" };
  }
}
function createCounter(options) {
  let failures = 0;
  return {
    async count(req) {
      if (!options.countTokens || failures >= COUNT_GIVE_UP || req.task.signal.aborted) return;
      let { model, system, tools, messages, thinking } = req.body;
      try {
        let counted = await options.client.messages.countTokens({ model, messages, ...system ? { system } : {}, ...tools ? { tools } : {}, ...thinking ? { thinking } : {} }, { signal: req.task.signal });
        return failures = 0, req.countedInputTokens = counted.input_tokens, counted.input_tokens;
      } catch (error) {
        failures += 1;
        let reason = `count_tokens failed ${COUNT_GIVE_UP} times in a row (${classifyError(error, options.clock()).reason}); reserving by request size for the rest of the run`;
        failures === COUNT_GIVE_UP && options.trace.write({ type: "error", spec: req.task.specId, attempt: 0, reason: options.redact(reason), retry: !1 });
        return;
      }
    }
  };
}
function settleRequest(options, req, reservation, message, started, via) {
  let batched = "batchId" in via, u = usageOf(message.usage), c = costOf(req.price, u, { batch: batched });
  reservation.settle(c), req.ledger.cost += c, req.ledger.requests += 1;
  let usage = req.ledger.usage;
  for (let k of Object.keys(usage)) usage[k] = (usage[k] ?? 0) + (u[k] ?? 0);
  options.trace.write({
    type: "request",
    spec: req.task.specId,
    job: req.task.jobKey,
    model: req.model,
    effort: req.task.effort,
    promptHash: sha256(JSON.stringify(req.messages)).slice(0, 16),
    fingerprint: fingerprint(`${req.task.system}
${JSON.stringify(req.messages)}`),
    inputTokens: u.inputTokens,
    outputTokens: u.outputTokens,
    cacheReadTokens: u.cacheReadTokens,
    cacheWriteTokens: u.cacheWriteTokens,
    costUsd: c,
    latencyMs: options.clock() - started,
    requestId: batched ? null : via.requestId,
    stopReason: message.stop_reason,
    ...batched ? { batch: !0, batchId: via.batchId } : {},
    ...req.taskBudget ? { taskBudget: { ...req.taskBudget, ...reportedBudget(message.usage) } } : {},
    ...req.countedInputTokens !== void 0 ? { countedInputTokens: req.countedInputTokens } : {},
    ...req.reservedUsd !== void 0 ? { reservedUsd: req.reservedUsd } : {}
  });
}
function afterBatchMiss(options, req, answer, attempt, resent) {
  let { trace, redact } = options;
  if (answer.kind === "aborted" || req.task.signal.aborted) return stop("aborted", "cancelled");
  let why = answer.kind === "errored" ? `the batch answered ${answer.errorType}: ${answer.message}` : answer.kind === "expired" ? `the request expired in batch ${answer.batchId} before it was processed` : answer.kind === "canceled" ? `the request was canceled in batch ${answer.batchId}` : answer.reason;
  return answer.kind === "errored" && FINAL_BATCH_ERRORS.has(answer.errorType) ? (trace.write({ type: "error", spec: req.task.specId, attempt, reason: redact(why), retry: !1 }), stop("failed", why, { fatal: FATAL_BATCH_ERRORS.has(answer.errorType) })) : answer.kind === "canceled" && !resent ? (trace.write({ type: "error", spec: req.task.specId, attempt, reason: redact(`${why}; sending it in a new batch`), retry: !0 }), "resend") : (trace.write({ type: "error", spec: req.task.specId, attempt, reason: redact(`${why}; sending it in real time`), retry: !0 }), "real-time");
}
async function streamMessage(options, req, signal, openGate) {
  let local = new AbortController(), streamed = 0, headers = req.betas && req.betas.length > 0 ? { headers: { "anthropic-beta": req.betas.join(",") } } : {}, s = options.client.messages.stream(req.body, { signal: AbortSignal.any([signal, local.signal]), ...headers });
  s.on("streamEvent", (event) => {
    event.type === "message_start" && openGate(), event.type === "content_block_start" && (streamed = 0), event.type === "content_block_delta" && event.delta.type === "input_json_delta" && (streamed += event.delta.partial_json.length, streamed > options.maxFileChars + 4096 && local.abort(new FileTooLarge()));
  });
  try {
    return { message: await s.finalMessage(), requestId: s.request_id ?? null };
  } catch (error) {
    throw local.signal.aborted && local.signal.reason instanceof FileTooLarge ? local.signal.reason : error;
  }
}
function afterFailedTry(options, req, error, reserved, worst, attempt) {
  let { task } = req;
  if (error instanceof FileTooLarge)
    return reserved.settle(worst), req.ledger.cost += worst, req.ledger.requests += 1, stop("failed", `the model wrote a file longer than ${options.maxFileChars} characters (the most max_tokens allows), so the reply was cut off; raise model.maxOutputTokens in speccc.config.json (now ${task.maxOutputTokens}), or split the spec so each file is smaller`, { failureClass: "output-limit-reached" });
  if (reserved.release(), task.signal.aborted) return stop("aborted", "cancelled");
  let verdict = classifyError(error, options.clock()), again = verdict.retry && attempt <= options.maxRetries;
  return options.trace.write({ type: "error", spec: task.specId, attempt, reason: options.redact(verdict.reason), retry: again, requestId: verdict.requestId }), contextWindowError(verdict.reason) ? stop("failed", contextWindowLine(req.model, verdict.reason), { failureClass: "context-window-exceeded" }) : verdict.retry ? again ? { kind: "retry", verdict } : stop("failed", persistentFaultLine(verdict, attempt, "nothing of this spec was promoted; run again to resume"), { ...verdict.fatal ? { fatal: !0 } : {} }) : stop("failed", verdict.reason, { ...verdict.fatal ? { fatal: !0 } : {} });
}
var COUNT_GIVE_UP = 3;
function inputTokenBound(bytes, counted) {
  return counted === void 0 ? bytes : Math.min(bytes, Math.ceil(counted * 1.1) + 256);
}
function contextWindowError(reason) {
  return /prompt is too long|context window|context_length/i.test(reason) && /\(400/.test(reason);
}
function contextWindowLine(model, detail) {
  return `the conversation no longer fits ${model}'s context window (${detail}); make the spec smaller or give it fewer dependencies (every dependency's outputs are part of its prompt)`;
}

// src/phases/6-generate/anthropic/tool-calls.ts
var CUT_OFF_FEEDBACK = "Your reply hit max_tokens while writing this call, so the file was not written. Write it again in full, more compactly.";
function runTool(use, sandbox) {
  if (sandbox.call) return sandbox.call(use.name, use.input);
  let call = use;
  if (call.name === "write_file") {
    let verdict2 = sandbox.write(call.input.path, call.input.content);
    return verdict2.ok ? { ok: !0, content: `Wrote ${call.input.path} (${call.input.content.length} characters).` } : verdict2;
  }
  let verdict = sandbox.read(call.input.path);
  return verdict.ok ? { ok: !0, content: verdict.content } : verdict;
}
function answerToolCalls(uses, cutOff, sandbox, trace, specId) {
  return uses.map((use, i) => {
    let verdict = cutOff && i === uses.length - 1 ? { ok: !1, error: CUT_OFF_FEEDBACK } : runTool(use, sandbox), path = typeof use.input?.path == "string" ? use.input.path : null;
    return trace.write({ type: "tool", spec: specId, tool: use.name, path, ok: verdict.ok, ...verdict.ok ? {} : { error: verdict.error } }), { type: "tool_result", tool_use_id: use.id, content: verdict.ok ? verdict.content : verdict.error, ...verdict.ok ? {} : { is_error: !0 } };
  });
}

// src/phases/6-generate/anthropic/provider.ts
var EMPTY = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, cacheWrite1hTokens: 0 }, defaultSleep = (ms, signal) => new Promise((resolve) => {
  let wake = () => {
    clearTimeout(timer), signal.removeEventListener("abort", wake), resolve();
  }, timer = setTimeout(wake, ms);
  signal.addEventListener("abort", wake, { once: !0 });
});
function createAnthropicAgent(options) {
  let client = new Anthropic({ apiKey: options.apiKey, ...options.baseURL ? { baseURL: options.baseURL } : {}, ...options.timeoutMs ? { timeout: options.timeoutMs } : {}, maxRetries: 0 }), sleep = options.sleep ?? defaultSleep, { redact, trace } = options, clock = options.clock ?? Date.now, maxRetries = options.maxRetries ?? 4, ttl = options.batch ? "1h" : options.prefixTtl ?? "5m", caching = options.caching !== !1, cacheControl = ttl === "1h" ? { type: "ephemeral", ttl: "1h" } : { type: "ephemeral" }, mark = caching ? { cache_control: cacheControl } : {}, queue = options.batch ? createBatchQueue({ ...options.batch, client, trace, sleep, clock, redact }) : void 0, tools = TOOL_DEFINITIONS.map((tool, i) => ({ ...tool, ...i === TOOL_DEFINITIONS.length - 1 ? mark : {} })), sender = createSender({ client, queue, meter: meter(options.budget, trace), trace, redact, sleep, clock, maxRetries, maxFileChars: options.maxFileChars, concurrency: options.concurrency ?? 64, countTokens: options.countTokens !== !1 }), setup = { options, sender, tools, mark, conversationMark: caching && !queue ? cacheControl : null, batched: queue !== void 0 };
  return {
    name: "anthropic",
    finish: async () => queue?.finish(),
    /**
     * Model ids confirmed through the Models API before anything is spent: a typo fails here.
     * Only `not_found_error` makes an id unknown; a fault that outlasts its retries throws ApiFaultError.
     */
    checkModels: (ids) => checkModelIds(ids, { client, trace, redact, sleep, clock, maxRetries }),
    run: (task, sandbox) => runJob(setup, task, sandbox)
  };
}
function taskBudgetOf(setup, task, state, price) {
  if (!traitsOf(state.model).taskBudget || setup.batched) return;
  let headroom = setup.options.budget.headroom(task.specId, task.budgetUsd);
  if (headroom === null) return;
  let tokens = Math.floor(headroom * 1e6 / price.rates.output);
  return state.taskBudgetTotal ??= Math.max(1, tokens), { total: state.taskBudgetTotal, remaining: Math.min(tokens, state.taskBudgetTotal) };
}
function withCacheMark(tools, mark) {
  return tools.map((tool, i) => ({ ...tool, ...i === tools.length - 1 ? mark : {} }));
}
function requestBody(setup, task, model, messages, taskBudget) {
  let traits = traitsOf(model), effort = traits.effort ? { effort: task.effort } : {}, budget = taskBudget ? { task_budget: { type: "tokens", total: taskBudget.total, remaining: taskBudget.remaining } } : {}, outputConfig = { ...effort, ...budget };
  return {
    model,
    max_tokens: task.maxOutputTokens,
    system: [{ type: "text", text: setup.options.redact(task.system), ...setup.mark }],
    tools: task.tools ? withCacheMark(task.tools, setup.mark) : setup.tools,
    messages: setup.conversationMark ? withConversationBreakpoint(messages, setup.conversationMark) : messages,
    ...traits.adaptiveThinking ? { thinking: { type: "adaptive" } } : {},
    ...Object.keys(outputConfig).length > 0 ? { output_config: outputConfig } : {}
  };
}
async function runJob(setup, task, sandbox) {
  let { options } = setup, ledger = { usage: { ...EMPTY }, cost: 0, requests: 0 }, transcript = readTranscript(task.history), next = continueWith(transcript.messages, options.redact(task.prompt)), messages = options.contextEditing === !1 ? next : elideEarlierAttempts(next), state = { model: transcript.model ?? task.model, messages, fellBack: transcript.model !== void 0, cutOffs: 0 }, outcome = (end) => ({
    status: end.status,
    usage: ledger.usage,
    costUsd: ledger.cost,
    requests: ledger.requests,
    history: writeTranscript(state.messages, state.model, task.model),
    ...end.error ? { error: options.redact(end.error) } : {},
    ...end.fatal ? { fatal: !0 } : {},
    ...end.failureClass ? { failureClass: end.failureClass } : {},
    ...state.model !== task.model ? { model: state.model } : {}
  }), price = options.priceOf(state.model);
  if (!price) return outcome({ status: "failed", error: `speccc knows no price for model ${state.model}; add it under model.prices in speccc.config.json` });
  let maxTurns = Math.min(task.maxTurns ?? options.maxTurns, options.maxTurns);
  for (let turn = 1; turn <= maxTurns; turn++) {
    if (task.signal.aborted) return outcome({ status: "aborted", error: "cancelled" });
    let messages2 = state.messages, taskBudget = taskBudgetOf(setup, task, state, price), body = requestBody(setup, task, state.model, messages2, taskBudget), sent = await setup.sender.send({ task, model: state.model, price, body, messages: messages2, ledger, ...taskBudget ? { taskBudget, betas: [TASK_BUDGET_BETA] } : {} });
    if (sent.kind === "stop") return outcome(sent);
    let response = sent.message;
    messages2.push({ role: "assistant", content: response.content });
    let next2 = afterTurn(setup, task, state, response, sandbox);
    if (next2 !== "continue") {
      if (next2 === "fallback") {
        if (price = options.priceOf(state.model), !price) return outcome({ status: "refused", failureClass: "refused", error: `the model declined this job, and speccc knows no price for the fallback model ${state.model}; add it under model.prices in speccc.config.json` });
        continue;
      }
      return outcome(next2);
    }
  }
  return outcome({ status: "incomplete", error: `the model used all ${maxTurns} turns without writing every file (${sandbox.outputs.filter((p) => !sandbox.written().has(p)).join(", ") || "none missing"})` });
}
function afterTurn(setup, task, state, response, sandbox) {
  let { options } = setup, stopReason = response.stop_reason;
  if (stopReason === "refusal") return afterRefusal(options.trace, task, state, response);
  if (stopReason === "model_context_window_exceeded") {
    let input = response.usage.input_tokens + (response.usage.cache_read_input_tokens ?? 0) + (response.usage.cache_creation_input_tokens ?? 0);
    return { status: "failed", failureClass: "context-window-exceeded", error: contextWindowLine(state.model, `stop_reason model_context_window_exceeded with ${input} input tokens`) };
  }
  let toolUses = response.content.filter((b) => b.type === "tool_use");
  if (toolUses.length > 0) {
    let cutOff = stopReason === "max_tokens", results = answerToolCalls(toolUses, cutOff, sandbox, options.trace, task.specId);
    return state.messages.push({ role: "user", content: results }), cutOff && ++state.cutOffs >= 2 ? { status: "failed", failureClass: "output-limit-reached", error: `the reply hit max_tokens (${task.maxOutputTokens}) in the middle of a ${toolUses.at(-1).name} call ${state.cutOffs} times; raise model.maxOutputTokens in speccc.config.json, or split the spec so each file is smaller` } : sandbox.outputs.every((p) => sandbox.written().has(p)) && results.every((r) => !r.is_error) ? { status: "done" } : "continue";
  }
  let missing = sandbox.outputs.filter((p) => !sandbox.written().has(p));
  return missing.length === 0 ? { status: "done" } : (state.messages.push({ role: "user", content: sandbox.reminder ?? `${MISSING_FILES_NUDGE} Still missing: ${missing.join(", ")}. Write them with write_file.` }), "continue");
}
function afterRefusal(trace, task, state, response) {
  let details = response.stop_details ?? null, category = details?.category ?? null, explanation = details?.explanation ?? null, fallback = task.fallbackModel !== void 0 && !state.fellBack && task.fallbackModel !== state.model ? task.fallbackModel : void 0;
  if (trace.write({ type: "refusal", spec: task.specId, model: state.model, category, explanation, ...fallback ? { fallback } : {} }), fallback)
    return state.messages = restartConversation(state.messages.slice(0, -1)), state.model = fallback, state.fellBack = !0, state.cutOffs = 0, delete state.taskBudgetTotal, "fallback";
  let why = [category ? `category ${category}` : "", explanation ?? ""].filter(Boolean).join(": "), who = state.model === task.model ? state.model : `${task.model} and its fallback ${state.model}`, hint = task.fallbackModel ? "reword the spec" : "reword the spec, or set model.fallbackModel for its kind in speccc.config.json to retry a refusal on another model";
  return { status: "refused", failureClass: "refused", error: `${who} declined this job (stop_reason: refusal${why ? `; ${why}` : ""}); ${hint}` };
}
export {
  createAnthropicAgent
};
