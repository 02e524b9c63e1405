/**
 * A budget that holds: before each request its worst case is reserved against the run cap, the
 * spec's cap and (in watch mode) the session's; a request whose reservation would break any of
 * them is never started. The worst case is a true upper bound (see pricing.ts), so settling to
 * the cost the usage implies never takes spend past a cap. Retries and fix turns are requests
 * like any other.
 *
 * When the cap is only momentarily held by requests in flight (their reservations are larger
 * than what they will cost), a new request waits for them to settle instead of failing: it fails
 * only when even the settled spend leaves no room for it.
 */
import type { TraceSink } from '../../types/index.js';

export interface Reservation {
  readonly usd: number;
  /** Replaces the reservation with the actual cost the usage implies. */
  settle(actualUsd: number): void;
  /** Releases a reservation whose request was never billed. */
  release(): void;
}

export type ReserveResult = { ok: true; reservation: Reservation } | { ok: false; reason: string };

export interface Budget {
  /** Waits while requests in flight hold the room this one needs; resolves not-ok when it can never fit. */
  reserve(specId: string, usd: number, specCapUsd?: number, signal?: AbortSignal): Promise<ReserveResult>;
  /** Settled spend so far (USD). */
  spent(): number;
  /** Settled plus outstanding reservations. */
  committed(): number;
  spentBy(specId: string): number;
  /**
   * USD a spec's next request may still commit before the tightest cap it is under (the run's,
   * its own `specCapUsd`, a session's) refuses it, with what is in flight counted; null when no
   * cap applies. Advisory (the model's task budget): `reserve` stays the authority.
   */
  headroom(specId: string, specCapUsd?: number): number | null;
  /** The cap in USD, or null. */
  readonly cap: number | null;
}

/** The caps spending is held to (USD; null: none). */
export interface SpendCaps {
  /** One run's: `--max-cost` when given (null: none), else the config's `budgetUsd`. */
  run: number | null;
  /** A watch session's, across its builds: `--session-max-cost`, else none. */
  session: number | null;
}

/** The one place the caps are worked out: the runtime's budget, the plan's "within --max-cost" and watch's session all ask here. */
export function spendCaps(config: { budgetUsd: number | null }, flags: { maxCostUsd?: number | null; sessionMaxCostUsd?: number | null } = {}): SpendCaps {
  return { run: flags.maxCostUsd === undefined ? config.budgetUsd : flags.maxCostUsd, session: flags.sessionMaxCostUsd ?? null };
}

/** A paid request about to be sent: its worst case and what it was worked out from (for the trace). */
export interface MeteredRequest {
  specId: string;
  /** The request's worst-case cost (USD), a true upper bound. */
  worstUsd: number;
  /** The spec's own cap (`budget_usd`). */
  specCapUsd?: number;
  signal?: AbortSignal;
  /** Input tokens the worst case assumes, and what count_tokens said when it was asked. */
  inputTokens: number;
  countedInputTokens?: number;
}

/**
 * The meter every paid request passes: it reserves the worst case against every cap (or refuses,
 * saying why) and traces that decision as the run's `budget` event; the reservation it hands
 * back is settled to the billed cost or released. The provider sends nothing it has not metered.
 */
export interface Meter {
  reserve(request: MeteredRequest): Promise<ReserveResult>;
  /** The budget's advisory headroom (the model's task budget). */
  headroom(specId: string, specCapUsd?: number): number | null;
}

export function meter(budget: Budget, trace: TraceSink): Meter {
  return {
    async reserve(r) {
      const reserved = await budget.reserve(r.specId, r.worstUsd, r.specCapUsd, r.signal);
      trace.write({ type: 'budget', spec: r.specId, reserveUsd: r.worstUsd, ok: reserved.ok, inputTokens: r.inputTokens, ...(r.countedInputTokens !== undefined ? { countedInputTokens: r.countedInputTokens } : {}), ...(reserved.ok ? {} : { reason: reserved.reason }) });
      return reserved;
    },
    headroom: (specId, specCapUsd) => budget.headroom(specId, specCapUsd),
  };
}

const EPSILON = 1e-12;

export function createBudget(capUsd: number | null, parent?: Budget): Budget {
  let settled = 0;
  let outstanding = 0;
  const bySpec = new Map<string, { settled: number; outstanding: number }>();
  const waiters = new Set<() => void>();
  const of = (id: string) => {
    let s = bySpec.get(id);
    if (!s) bySpec.set(id, (s = { settled: 0, outstanding: 0 }));
    return s;
  };
  const wake = () => {
    for (const w of [...waiters]) w();
  };
  const money = (n: number) => `$${n.toFixed(4)}`;

  /** Why `usd` can never fit (even with nothing in flight), or null. */
  const never = (specId: string, usd: number, specCap?: number): string | null => {
    const spec = of(specId);
    if (capUsd !== null && settled + usd > capUsd + EPSILON) {
      return `the next request could cost up to ${money(usd)}, and the run has ${money(Math.max(0, capUsd - settled))} of its $${capUsd.toFixed(2)} budget left`;
    }
    if (specCap !== undefined && spec.settled + usd > specCap + EPSILON) {
      return `the next request could cost up to ${money(usd)}, and spec ${specId} has ${money(Math.max(0, specCap - spec.settled))} of its $${specCap.toFixed(2)} budget left`;
    }
    return null;
  };
  const fitsNow = (specId: string, usd: number, specCap?: number) => {
    const spec = of(specId);
    return (capUsd === null || settled + outstanding + usd <= capUsd + EPSILON) && (specCap === undefined || spec.settled + spec.outstanding + usd <= specCap + EPSILON);
  };

  const budget: Budget = {
    cap: capUsd,
    async reserve(specId, usd, specCapUsd, signal) {
      if (!(usd >= 0) || !Number.isFinite(usd)) return { ok: false, reason: `a request's worst case (${usd}) is not a finite cost` };
      for (;;) {
        const impossible = never(specId, usd, specCapUsd);
        if (impossible) return { ok: false, reason: impossible };
        if (fitsNow(specId, usd, specCapUsd)) break;
        if (signal?.aborted) return { ok: false, reason: 'cancelled' };
        await new Promise<void>((resolve) => {
          const done = () => {
            waiters.delete(done);
            signal?.removeEventListener('abort', done);
            resolve();
          };
          waiters.add(done);
          signal?.addEventListener('abort', done, { once: true });
        });
      }
      let upstream: Reservation | undefined;
      if (parent) {
        const r = await parent.reserve(specId, usd, undefined, signal);
        if (!r.ok) return r;
        upstream = r.reservation;
      }
      const spec = of(specId);
      outstanding += usd;
      spec.outstanding += usd;
      let open = true;
      const close = (actual: number, billed: boolean) => {
        if (!open) return;
        open = false;
        outstanding -= usd;
        spec.outstanding -= usd;
        const charged = Math.max(actual, 0);
        settled += charged;
        spec.settled += charged;
        if (billed) upstream?.settle(charged);
        else upstream?.release();
        wake();
      };
      return { ok: true, reservation: { usd, settle: (actual) => close(actual, true), release: () => close(0, false) } };
    },
    spent: () => settled,
    committed: () => settled + outstanding,
    spentBy: (id) => of(id).settled,
    headroom(specId, specCapUsd) {
      const spec = of(specId);
      const limits = [
        capUsd === null ? null : capUsd - settled - outstanding,
        specCapUsd === undefined ? null : specCapUsd - spec.settled - spec.outstanding,
        parent ? parent.headroom(specId) : null,
      ].filter((x): x is number => x !== null);
      return limits.length === 0 ? null : Math.max(0, Math.min(...limits));
    },
  };
  return budget;
}
