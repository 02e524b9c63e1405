/**
 * Which API failures are worth retrying, how long to wait, and how to name them for people.
 * Network errors (refused, reset, timed out), 408, 409, 429 and 5xx/529 are retried with
 * exponential backoff and jitter, honouring `retry-after-ms` and `retry-after`; 400, 401, 403,
 * 404 and a spend-limit 429 are not (retrying them only spends money or time). The server's
 * `x-should-retry` wins either way, as it does in the SDK.
 */
export interface ErrorVerdict {
  retry: boolean;
  /** Stops the whole build: nothing else will succeed either (spend limit, bad key). */
  fatal: boolean;
  /** Server-requested wait, in milliseconds, when given. */
  retryAfterMs?: number;
  /** One line for people: what happened and the API's message. */
  reason: string;
  /** What happened, without the API's message, to say how often: "the API was overloaded (529)". */
  what: string;
  /** The API's `request-id` of the failed request; null when no response came (a network error). */
  requestId: string | null;
  /** The API's error type (`not_found_error`, `overloaded_error`, …), when it sent one. */
  errorType?: string;
  /** The key was refused (401/403): a setting to fix, not a fault to wait out. */
  auth?: boolean;
}

interface ApiErrorLike {
  status?: number;
  headers?: Headers | Record<string, string | null | undefined>;
  message?: string;
  requestID?: string | null;
  error?: { error?: { type?: string; message?: string; details?: { error_code?: string } } };
  name?: string;
  cause?: { code?: string; message?: string; cause?: { code?: string; message?: string } };
}

/**
 * An API fault that ends a run before any job could generate (the Models API check): the command
 * prints it as one line and exits 1 (2 when the key was refused). Thrown only by the provider's
 * preflight; a job's faults end that job instead.
 */
export class ApiFaultError extends Error {
  constructor(
    message: string,
    /** 2: a setting to fix (the key); 1: a fault that a later run may not meet. */
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

function header(headers: ApiErrorLike['headers'], name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  return (headers as Record<string, string | undefined>)[name] ?? undefined;
}

/** `retry-after-ms` (milliseconds), else `retry-after` (seconds or an HTTP date), as milliseconds from `now`. */
export function retryAfterOf(headers: ApiErrorLike['headers'], now: number = Date.now()): number | undefined {
  const ms = Number(header(headers, 'retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const text = header(headers, 'retry-after');
  if (text === undefined || text.trim() === '') return undefined;
  const seconds = Number(text);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(text);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** What a network error was, from the fetch error's cause chain (undici puts the errno code one level down). */
function networkWhat(e: ApiErrorLike): string {
  if (e.name === 'APIConnectionTimeoutError' || /timed? ?out/i.test(e.message ?? '')) return 'the request to the API timed out';
  const code = e.cause?.cause?.code ?? e.cause?.code;
  const detail = `${e.cause?.cause?.message ?? ''} ${e.cause?.message ?? ''} ${e.message ?? ''}`;
  if (code === 'ECONNREFUSED') return 'the API refused the connection (ECONNREFUSED)';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || /other side closed|socket hang up|terminated/i.test(detail)) return 'the connection to the API was reset';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `the API's host name did not resolve (${code})`;
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return `the connection to the API timed out (${code})`;
  return `the connection to the API failed${code ? ` (${code})` : ''}`;
}

/** What an HTTP error (or an error event mid-stream, which has no status) was. */
function statusWhat(status: number | undefined, type: string | undefined): string {
  if (status === undefined) return type === 'overloaded_error' ? 'the API was overloaded (overloaded_error mid-stream)' : `the API sent an error mid-stream (${type ?? 'unknown'})`;
  if (status === 529 || type === 'overloaded_error') return `the API was overloaded (${status})`;
  if (status === 429) return 'the API rate-limited the request (429)';
  if (status === 408) return 'the API timed out waiting for the request (408)';
  if (status === 409) return 'the API reported a conflict (409)';
  if (status === 500) return 'the API had an internal error (500)';
  if (status === 502 || status === 503 || status === 504) return `the API was unavailable (${status})`;
  if (status > 500) return `the API failed (${status})`;
  if (status === 401 || status === 403) return `the API refused the key (${status})`;
  if (status === 404) return `the API found no such thing (404${type ? ` ${type}` : ''})`;
  return `the API rejected the request (${status}${type ? ` ${type}` : ''})`;
}

export function classifyError(error: unknown, now: number = Date.now()): ErrorVerdict {
  const e = error as ApiErrorLike;
  const body = e.error?.error;
  const message = (body?.message ?? e.message ?? String(error)).split('\n')[0]!.slice(0, 300);
  const requestId = e.requestID ?? header(e.headers, 'request-id') ?? null;
  const base = { requestId, ...(body?.type ? { errorType: body.type } : {}) };
  if (e.name === 'AbortError' || e.name === 'APIUserAbortError') return { retry: false, fatal: false, reason: 'aborted', what: 'the request was aborted', ...base };
  const spendLimit = body?.details?.error_code === 'enforced_spend_limit_reached' || /enforced_spend_limit_reached/.test(`${message} ${JSON.stringify(e.error ?? {})}`);
  if (spendLimit) return { retry: false, fatal: true, reason: `the organisation's spend limit is reached (enforced_spend_limit_reached): ${message}`, what: "the organisation's spend limit is reached (429)", ...base };
  const status = e.status;
  // No status and no error body: the request never got an answer (refused, reset, timed out).
  if (status === undefined && !body?.type) {
    const what = networkWhat(e);
    return { retry: true, fatal: false, reason: `${what}: ${message}`, what, ...base };
  }
  const what = statusWhat(status, body?.type);
  const reason = `${what}: ${message}`;
  const retryAfterMs = retryAfterOf(e.headers, now);
  const wait = retryAfterMs !== undefined ? { retryAfterMs } : {};
  const should = header(e.headers, 'x-should-retry');
  if (status === 401 || status === 403) return { retry: false, fatal: true, reason, what, auth: true, ...base };
  const transient = status === undefined || status === 408 || status === 409 || status === 429 || status >= 500;
  const retry = should === 'true' ? true : should === 'false' ? false : transient;
  return { retry, fatal: false, reason, what, ...wait, ...base };
}

/** Exponential backoff with full jitter, capped; retry-after wins when the server sends it. */
export function backoffMs(attempt: number, verdict: ErrorVerdict, random: () => number = Math.random): number {
  if (verdict.retryAfterMs !== undefined) return Math.min(verdict.retryAfterMs, 60_000);
  const ceiling = Math.min(500 * 2 ** (attempt - 1), 16_000);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * The line a run prints when a fault outlasted its retries: what happened, how often, the last
 * request id (for Anthropic's support), and what it means for the user's tree.
 */
export function persistentFaultLine(verdict: ErrorVerdict, tries: number, consequence: string): string {
  const id = verdict.requestId ? `request id ${verdict.requestId}` : 'no request id (no response came)';
  const times = tries === 1 ? 'on 1 try' : `on ${tries} tries`;
  return `${verdict.what} ${times}; ${id}; ${consequence}`;
}
