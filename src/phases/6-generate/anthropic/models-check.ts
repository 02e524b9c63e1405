/**
 * The Models API check before a build spends anything: every model id a stale job will use is
 * looked up once. Only the API's `not_found_error` for the id makes it an unknown model (a
 * located error about the spec or config). A transient fault (429, 5xx, 529, a refused or reset
 * connection, a timeout) is retried like any request; one that persists is an API fault
 * (`ApiFaultError`, exit 1), never a claim that a good model is wrong. A refused key is a setting
 * to fix (exit 2).
 */
import type Anthropic from '@anthropic-ai/sdk';
import type { ModelCheck, ModelNotice, TraceSink } from '../../../types/index.js';
import { successorOf } from '../../../prices/lineup.js';
import { ApiFaultError, backoffMs, classifyError, persistentFaultLine } from '../retry.js';

export interface ModelsCheckOptions {
  client: Anthropic;
  trace: TraceSink;
  redact: (text: string) => string;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  clock: () => number;
  /** Retries per model id after the first try. */
  maxRetries: number;
  signal?: AbortSignal;
}


const NOTHING_PROMOTED = 'nothing was promoted; run again to resume';

const day = (iso: string | null | undefined): string | null => (typeof iso === 'string' && iso.length >= 10 ? iso.slice(0, 10) : null);

/**
 * What the Models API says about a model's life: the SDK's `lifecycle`, `deprecated_at` and
 * `retires_at`, and a `successor` when the API names one (the twin does; else the newest model of
 * the same line speccc knows). Null for an active model with no retirement scheduled.
 */
export function noticeOf(id: string, info: Partial<Anthropic.ModelInfo> & { successor?: unknown }): ModelNotice | null {
  const lifecycle = info.lifecycle === 'deprecated' || info.lifecycle === 'retired' ? info.lifecycle : 'active';
  const retiresAt = day(info.retires_at);
  if (lifecycle === 'active' && retiresAt === null) return null;
  const successor = typeof info.successor === 'string' && info.successor !== '' ? info.successor : successorOf(id);
  return { model: id, lifecycle, deprecatedAt: day(info.deprecated_at), retiresAt, successor };
}

/** Ids the API does not know, with its words, and what it says of models going away; throws ApiFaultError when the API could not answer. */
export async function checkModelIds(ids: readonly string[], options: ModelsCheckOptions): Promise<ModelCheck> {
  const unknown: ModelCheck['unknown'] = [];
  const notices: ModelNotice[] = [];
  const signal = options.signal ?? new AbortController().signal;
  for (const id of [...new Set(ids)]) {
    for (let attempt = 1; ; attempt++) {
      try {
        const info = await options.client.models.retrieve(id, undefined, { signal });
        options.trace.write({ type: 'models-check', model: id, ok: true, attempts: attempt });
        const notice = noticeOf(id, info);
        if (notice) notices.push(notice);
        break;
      } catch (error) {
        const verdict = classifyError(error, options.clock());
        if (verdict.errorType === 'not_found_error') {
          options.trace.write({ type: 'models-check', model: id, ok: false, attempts: attempt, reason: options.redact(verdict.reason), requestId: verdict.requestId });
          unknown.push({ id, error: `the API has no model \`${id}\` (${verdict.requestId ? `request id ${verdict.requestId}` : 'not_found_error'})` });
          break;
        }
        const again = verdict.retry && attempt <= options.maxRetries && !signal.aborted;
        options.trace.write({ type: 'models-check', model: id, ok: false, attempts: attempt, reason: options.redact(verdict.reason), requestId: verdict.requestId, ...(again ? { retry: true } : {}) });
        if (!again) {
          const line = persistentFaultLine(verdict, attempt, verdict.auth ? 'set ANTHROPIC_API_KEY to a key the API accepts; nothing was promoted' : NOTHING_PROMOTED);
          throw new ApiFaultError(options.redact(`${line} (checking model \`${id}\` with the Models API)`), verdict.auth ? 2 : 1);
        }
        await options.sleep(backoffMs(attempt, verdict), signal);
      }
    }
  }
  return { unknown, notices };
}
