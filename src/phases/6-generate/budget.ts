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

/** USD settled (billed) and reserved by requests in flight. */
interface Tally {
  settled: number;
  outstanding: number;
}

/** A budget's state: the whole run's tally, each spec's, and the requests waiting for room. */
interface BudgetState {
  readonly capUsd: number | null;
  readonly parent: Budget | undefined;
  readonly total: Tally;
  readonly bySpec: Map<string, Tally>;
  /** Wakes for requests waiting for reservations in flight to settle. */
  readonly waiters: Set<() => void>;
}

export function createBudget(capUsd: number | null, parent?: Budget): Budget {
  const state: BudgetState = { capUsd, parent, total: { settled: 0, outstanding: 0 }, bySpec: new Map(), waiters: new Set() };
  return {
    cap: capUsd,
    reserve: (specId, usd, specCapUsd, signal) => reserve(state, specId, usd, specCapUsd, signal),
    spent: () => state.total.settled,
    committed: () => state.total.settled + state.total.outstanding,
    spentBy: (id) => tallyOf(state, id).settled,
    headroom: (specId, specCapUsd) => headroom(state, specId, specCapUsd),
  };
}

function tallyOf(state: BudgetState, id: string): Tally {
  let s = state.bySpec.get(id);
  if (!s) state.bySpec.set(id, (s = { settled: 0, outstanding: 0 }));
  return s;
}

const money = (n: number) => `$${n.toFixed(4)}`;

/** Why `usd` can never fit (even with nothing in flight), or null. */
function neverFits(state: BudgetState, specId: string, usd: number, specCap?: number): string | null {
  const { capUsd, total } = state;
  const spec = tallyOf(state, specId);
  if (capUsd !== null && total.settled + usd > capUsd + EPSILON) {
    return `the next request could cost up to ${money(usd)}, and the run has ${money(Math.max(0, capUsd - total.settled))} of its $${capUsd.toFixed(2)} budget left`;
  }
  if (specCap !== undefined && spec.settled + usd > specCap + EPSILON) {
    return `the next request could cost up to ${money(usd)}, and spec ${specId} has ${money(Math.max(0, specCap - spec.settled))} of its $${specCap.toFixed(2)} budget left`;
  }
  return null;
}

/** Whether `usd` fits now, with what is in flight counted. */
function fitsNow(state: BudgetState, specId: string, usd: number, specCap?: number): boolean {
  const { capUsd, total } = state;
  const spec = tallyOf(state, specId);
  return (capUsd === null || total.settled + total.outstanding + usd <= capUsd + EPSILON) && (specCap === undefined || spec.settled + spec.outstanding + usd <= specCap + EPSILON);
}

async function reserve(state: BudgetState, specId: string, usd: number, specCapUsd?: number, signal?: AbortSignal): Promise<ReserveResult> {
  if (!(usd >= 0) || !Number.isFinite(usd)) return { ok: false, reason: `a request's worst case (${usd}) is not a finite cost` };
  for (;;) {
    const impossible = neverFits(state, specId, usd, specCapUsd);
    if (impossible) return { ok: false, reason: impossible };
    if (fitsNow(state, specId, usd, specCapUsd)) break;
    if (signal?.aborted) return { ok: false, reason: 'cancelled' };
    await nextSettlement(state, signal);
  }
  let upstream: Reservation | undefined;
  if (state.parent) {
    const r = await state.parent.reserve(specId, usd, undefined, signal);
    if (!r.ok) return r;
    upstream = r.reservation;
  }
  return { ok: true, reservation: hold(state, specId, usd, upstream) };
}

/** Resolves when a reservation in flight settles or is released (or `signal` aborts). */
function nextSettlement(state: BudgetState, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      state.waiters.delete(done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    state.waiters.add(done);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Counts `usd` as in flight until the reservation settles (or is released), once, passing that on to the parent's. */
function hold(state: BudgetState, specId: string, usd: number, upstream: Reservation | undefined): Reservation {
  const { total } = state;
  const spec = tallyOf(state, specId);
  total.outstanding += usd;
  spec.outstanding += usd;
  let open = true;
  const close = (actual: number, billed: boolean) => {
    if (!open) return;
    open = false;
    total.outstanding -= usd;
    spec.outstanding -= usd;
    const charged = Math.max(actual, 0);
    total.settled += charged;
    spec.settled += charged;
    if (billed) upstream?.settle(charged);
    else upstream?.release();
    for (const wake of [...state.waiters]) wake();
  };
  return { usd, settle: (actual) => close(actual, true), release: () => close(0, false) };
}

function headroom(state: BudgetState, specId: string, specCapUsd?: number): number | null {
  const { capUsd, total, parent } = state;
  const spec = tallyOf(state, specId);
  const limits = [
    capUsd === null ? null : capUsd - total.settled - total.outstanding,
    specCapUsd === undefined ? null : specCapUsd - spec.settled - spec.outstanding,
    parent ? parent.headroom(specId) : null,
  ].filter((x): x is number => x !== null);
  return limits.length === 0 ? null : Math.max(0, Math.min(...limits));
}
