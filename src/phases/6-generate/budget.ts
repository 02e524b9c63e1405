/**
 * A budget that holds: before each request its worst case is reserved against the run cap and
 * the spec's cap; a request whose reservation would break either is never started. After the
 * request the reservation is settled to what it really cost (never more than reserved, since
 * the worst case bounds it). Retries and fix turns are requests like any other.
 */
export interface Reservation {
  readonly usd: number;
  /** Replaces the reservation with the actual cost (clamped to the reservation). */
  settle(actualUsd: number): void;
  /** Releases a reservation whose request never ran. */
  release(): void;
}

export type ReserveResult = { ok: true; reservation: Reservation } | { ok: false; reason: string };

export interface Budget {
  reserve(specId: string, usd: number, specCapUsd?: number): ReserveResult;
  /** Settled spend so far. */
  spent(): number;
  /** Settled plus outstanding reservations. */
  committed(): number;
  spentBy(specId: string): number;
}

export function createBudget(runCapUsd: number | null): Budget {
  let settled = 0;
  let outstanding = 0;
  const bySpec = new Map<string, { settled: number; outstanding: number }>();
  const of = (id: string) => {
    let s = bySpec.get(id);
    if (!s) bySpec.set(id, (s = { settled: 0, outstanding: 0 }));
    return s;
  };
  return {
    reserve(specId, usd, specCapUsd) {
      const spec = of(specId);
      if (runCapUsd !== null && settled + outstanding + usd > runCapUsd + 1e-12) {
        return { ok: false, reason: `the next request could cost up to $${usd.toFixed(4)}, and the run has $${Math.max(0, runCapUsd - settled - outstanding).toFixed(4)} of its $${runCapUsd.toFixed(2)} budget left` };
      }
      if (specCapUsd !== undefined && spec.settled + spec.outstanding + usd > specCapUsd + 1e-12) {
        return { ok: false, reason: `the next request could cost up to $${usd.toFixed(4)}, and spec ${specId} has $${Math.max(0, specCapUsd - spec.settled - spec.outstanding).toFixed(4)} of its $${specCapUsd.toFixed(2)} budget left` };
      }
      outstanding += usd;
      spec.outstanding += usd;
      let open = true;
      const close = (actual: number) => {
        if (!open) return;
        open = false;
        outstanding -= usd;
        spec.outstanding -= usd;
        const charged = Math.min(Math.max(actual, 0), usd);
        settled += charged;
        spec.settled += charged;
      };
      return { ok: true, reservation: { usd, settle: close, release: () => close(0) } };
    },
    spent: () => settled,
    committed: () => settled + outstanding,
    spentBy: (id) => of(id).settled,
  };
}
