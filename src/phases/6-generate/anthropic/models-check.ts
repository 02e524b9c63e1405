/**
 * The Models API check before a build spends anything: every model id a stale job will use is
 * looked up once. Only the API's `not_found_error` for the id makes it an unknown model (a
 * located error about the spec or config). A transient fault (429, 5xx, 529, a refused or reset
 * connection, a timeout) is retried like any request; one that persists is an API fault
 * (`ApiFaultError`, exit 1), never a claim that a good model is wrong. A refused key is a setting
 * to fix (exit 2).
 */
import type Anthropic from '@anthropic-ai/sdk';
import type { TraceSink } from '../../../types/index.js';
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

export interface UnknownModel {
  id: string;
  error: string;
}

const NOTHING_PROMOTED = 'nothing was promoted; run again to resume';

/** Ids the API does not know, with its words; throws ApiFaultError when the API could not answer. */
export async function checkModelIds(ids: readonly string[], options: ModelsCheckOptions): Promise<UnknownModel[]> {
  const unknown: UnknownModel[] = [];
  const signal = options.signal ?? new AbortController().signal;
  for (const id of [...new Set(ids)]) {
    for (let attempt = 1; ; attempt++) {
      try {
        await options.client.models.retrieve(id, undefined, { signal });
        options.trace.write({ type: 'models-check', model: id, ok: true, attempts: attempt });
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
  return unknown;
}
