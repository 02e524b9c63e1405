/**
 * An AIMD limit on requests in flight, shared by every job of a run. A 429/529 means the whole
 * account is being throttled, so one job's throttle halves how many requests all jobs may have
 * in flight (multiplicative decrease); each success earns back 1/limit of a slot (additive
 * increase, one whole slot per round of `limit` successes), up to the configured maximum.
 */
export interface RateGate {
  /** Wait for a free slot; resolves at once when the signal has fired (callers check it). */
  acquire(signal: AbortSignal): Promise<void>;
  /** Give the slot back, saying whether the request was throttled (429/529). */
  release(outcome: 'ok' | 'throttled' | 'other'): void;
  /** The current limit (fractional while growing back), for traces and tests. */
  limit(): number;
}

export function createRateGate(max: number): RateGate {
  const ceiling = Math.max(1, Math.floor(max));
  let limit = ceiling;
  let inFlight = 0;
  const waiters: (() => void)[] = [];
  const wake = () => {
    while (waiters.length > 0 && inFlight < Math.floor(limit)) {
      inFlight++;
      waiters.shift()!();
    }
  };
  return {
    acquire(signal) {
      if (signal.aborted) return Promise.resolve();
      if (inFlight < Math.floor(limit)) {
        inFlight++;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const grant = () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        };
        // Aborted waiters leave the queue without taking a slot.
        const onAbort = () => {
          const i = waiters.indexOf(grant);
          if (i >= 0) waiters.splice(i, 1);
          resolve();
        };
        signal.addEventListener('abort', onAbort, { once: true });
        waiters.push(grant);
      });
    },
    release(outcome) {
      inFlight = Math.max(0, inFlight - 1);
      if (outcome === 'throttled') limit = Math.max(1, limit / 2);
      else if (outcome === 'ok') limit = Math.min(ceiling, limit + 1 / limit);
      wake();
    },
    limit: () => limit,
  };
}
