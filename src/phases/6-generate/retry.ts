/**
 * Which API failures are worth retrying, and how long to wait. Network errors, 408, 409, 429
 * and 5xx/529 are retried with exponential backoff and jitter, honouring retry-after; 400, 401,
 * 403, 404 and a spend-limit 429 are not (retrying them only spends money or time).
 */
export interface ErrorVerdict {
  retry: boolean;
  /** Stops the whole build: nothing else will succeed either (spend limit, bad key). */
  fatal: boolean;
  /** Server-requested wait, in milliseconds, when given. */
  retryAfterMs?: number;
  /** One line for people. */
  reason: string;
}

interface ApiErrorLike {
  status?: number;
  headers?: Headers | Record<string, string | null | undefined>;
  message?: string;
  error?: { error?: { type?: string; message?: string; details?: { error_code?: string } } };
  name?: string;
}

function header(headers: ApiErrorLike['headers'], name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  return (headers as Record<string, string | undefined>)[name] ?? undefined;
}

export function classifyError(error: unknown): ErrorVerdict {
  const e = error as ApiErrorLike;
  const body = e.error?.error;
  const message = (body?.message ?? e.message ?? String(error)).split('\n')[0]!.slice(0, 300);
  if (e.name === 'AbortError' || e.name === 'APIUserAbortError') return { retry: false, fatal: false, reason: 'aborted' };
  const spendLimit = body?.details?.error_code === 'enforced_spend_limit_reached' || /enforced_spend_limit_reached/.test(`${message} ${JSON.stringify(e.error ?? {})}`);
  if (spendLimit) return { retry: false, fatal: true, reason: `the organisation's spend limit is reached (enforced_spend_limit_reached): ${message}` };
  const status = e.status;
  if (status === undefined) return { retry: true, fatal: false, reason: `connection error: ${message}` };
  const retryAfter = Number(header(e.headers, 'retry-after'));
  const retryAfterMs = Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined;
  if (status === 401 || status === 403) return { retry: false, fatal: true, reason: `the API refused the key (${status}): ${message}` };
  if (status === 408 || status === 409 || status === 429 || status >= 500) {
    return { retry: true, fatal: false, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), reason: `${status} ${body?.type ?? ''}`.trim() + `: ${message}` };
  }
  return { retry: false, fatal: false, reason: `${status} ${body?.type ?? ''}`.trim() + `: ${message}` };
}

/** Exponential backoff with full jitter, capped; retry-after wins when the server sends it. */
export function backoffMs(attempt: number, verdict: ErrorVerdict, random: () => number = Math.random): number {
  if (verdict.retryAfterMs !== undefined) return Math.min(verdict.retryAfterMs, 60_000);
  const ceiling = Math.min(500 * 2 ** (attempt - 1), 16_000);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
