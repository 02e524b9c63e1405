import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);

// src/phases/6-generate/retry.ts
var ApiFaultError = class extends Error {
  constructor(message, exitCode) {
    super(message);
    this.exitCode = exitCode;
  }
  exitCode;
};
function header(headers, name) {
  if (headers)
    return typeof headers.get == "function" ? headers.get(name) ?? void 0 : headers[name] ?? void 0;
}
function retryAfterOf(headers, now = Date.now()) {
  let ms = Number(header(headers, "retry-after-ms") ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  let text = header(headers, "retry-after");
  if (text === void 0 || text.trim() === "") return;
  let seconds = Number(text);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1e3;
  let date = Date.parse(text);
  return Number.isFinite(date) ? Math.max(0, date - now) : void 0;
}
function networkWhat(e) {
  if (e.name === "APIConnectionTimeoutError" || /timed? ?out/i.test(e.message ?? "")) return "the request to the API timed out";
  let code = e.cause?.cause?.code ?? e.cause?.code, detail = `${e.cause?.cause?.message ?? ""} ${e.cause?.message ?? ""} ${e.message ?? ""}`;
  return code === "ECONNREFUSED" ? "the API refused the connection (ECONNREFUSED)" : code === "ECONNRESET" || code === "UND_ERR_SOCKET" || /other side closed|socket hang up|terminated/i.test(detail) ? "the connection to the API was reset" : code === "ENOTFOUND" || code === "EAI_AGAIN" ? `the API's host name did not resolve (${code})` : code === "ETIMEDOUT" || code === "UND_ERR_CONNECT_TIMEOUT" ? `the connection to the API timed out (${code})` : `the connection to the API failed${code ? ` (${code})` : ""}`;
}
function statusWhat(status, type) {
  return status === void 0 ? type === "overloaded_error" ? "the API was overloaded (overloaded_error mid-stream)" : `the API sent an error mid-stream (${type ?? "unknown"})` : status === 529 || type === "overloaded_error" ? `the API was overloaded (${status})` : status === 429 ? "the API rate-limited the request (429)" : status === 408 ? "the API timed out waiting for the request (408)" : status === 409 ? "the API reported a conflict (409)" : status === 500 ? "the API had an internal error (500)" : status === 502 || status === 503 || status === 504 ? `the API was unavailable (${status})` : status > 500 ? `the API failed (${status})` : status === 401 || status === 403 ? `the API refused the key (${status})` : status === 404 ? `the API found no such thing (404${type ? ` ${type}` : ""})` : `the API rejected the request (${status}${type ? ` ${type}` : ""})`;
}
function classifyError(error, now = Date.now()) {
  let e = error, body = e.error?.error, message = (body?.message ?? e.message ?? String(error)).split(`
`)[0].slice(0, 300), base = { requestId: e.requestID ?? header(e.headers, "request-id") ?? null, ...body?.type ? { errorType: body.type } : {} };
  if (e.name === "AbortError" || e.name === "APIUserAbortError") return { retry: !1, fatal: !1, reason: "aborted", what: "the request was aborted", ...base };
  if (body?.details?.error_code === "enforced_spend_limit_reached" || /enforced_spend_limit_reached/.test(`${message} ${JSON.stringify(e.error ?? {})}`)) return { retry: !1, fatal: !0, reason: `the organisation's spend limit is reached (enforced_spend_limit_reached): ${message}`, what: "the organisation's spend limit is reached (429)", ...base };
  let status = e.status;
  if (status === void 0 && !body?.type) {
    let what2 = networkWhat(e);
    return { retry: !0, fatal: !1, reason: `${what2}: ${message}`, what: what2, ...base };
  }
  let what = statusWhat(status, body?.type), reason = `${what}: ${message}`, retryAfterMs = retryAfterOf(e.headers, now), wait = retryAfterMs !== void 0 ? { retryAfterMs } : {}, should = header(e.headers, "x-should-retry");
  if (status === 401 || status === 403) return { retry: !1, fatal: !0, reason, what, auth: !0, ...base };
  let transient = status === void 0 || status === 408 || status === 409 || status === 429 || status >= 500;
  return { retry: should === "true" ? !0 : should === "false" ? !1 : transient, fatal: !1, reason, what, ...wait, ...base };
}
function backoffMs(attempt, verdict, random = Math.random) {
  if (verdict.retryAfterMs !== void 0) return Math.min(verdict.retryAfterMs, 6e4);
  let ceiling = Math.min(500 * 2 ** (attempt - 1), 16e3);
  return Math.round(ceiling / 2 + random() * ceiling / 2);
}
function persistentFaultLine(verdict, tries, consequence) {
  let id = verdict.requestId ? `request id ${verdict.requestId}` : "no request id (no response came)", times = tries === 1 ? "on 1 try" : `on ${tries} tries`;
  return `${verdict.what} ${times}; ${id}; ${consequence}`;
}

export {
  ApiFaultError,
  retryAfterOf,
  classifyError,
  backoffMs,
  persistentFaultLine
};
