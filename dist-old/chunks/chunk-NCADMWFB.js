import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);

// src/phases/6-generate/budget.ts
function spendCaps(config, flags = {}) {
  return { run: flags.maxCostUsd === void 0 ? config.budgetUsd : flags.maxCostUsd, session: flags.sessionMaxCostUsd ?? null };
}
function meter(budget, trace) {
  return {
    async reserve(r) {
      let reserved = await budget.reserve(r.specId, r.worstUsd, r.specCapUsd, r.signal);
      return trace.write({ type: "budget", spec: r.specId, reserveUsd: r.worstUsd, ok: reserved.ok, inputTokens: r.inputTokens, ...r.countedInputTokens !== void 0 ? { countedInputTokens: r.countedInputTokens } : {}, ...reserved.ok ? {} : { reason: reserved.reason } }), reserved;
    },
    headroom: (specId, specCapUsd) => budget.headroom(specId, specCapUsd)
  };
}
var EPSILON = 1e-12;
function createBudget(capUsd, parent) {
  let state = { capUsd, parent, total: { settled: 0, outstanding: 0 }, bySpec: /* @__PURE__ */ new Map(), waiters: /* @__PURE__ */ new Set() };
  return {
    cap: capUsd,
    reserve: (specId, usd, specCapUsd, signal) => reserve(state, specId, usd, specCapUsd, signal),
    spent: () => state.total.settled,
    committed: () => state.total.settled + state.total.outstanding,
    spentBy: (id) => tallyOf(state, id).settled,
    headroom: (specId, specCapUsd) => headroom(state, specId, specCapUsd)
  };
}
function tallyOf(state, id) {
  let s = state.bySpec.get(id);
  return s || state.bySpec.set(id, s = { settled: 0, outstanding: 0 }), s;
}
var money = (n) => `$${n.toFixed(4)}`;
function neverFits(state, specId, usd, specCap) {
  let { capUsd, total } = state, spec = tallyOf(state, specId);
  return capUsd !== null && total.settled + usd > capUsd + EPSILON ? `the next request could cost up to ${money(usd)}, and the run has ${money(Math.max(0, capUsd - total.settled))} of its $${capUsd.toFixed(2)} budget left` : specCap !== void 0 && spec.settled + usd > specCap + EPSILON ? `the next request could cost up to ${money(usd)}, and spec ${specId} has ${money(Math.max(0, specCap - spec.settled))} of its $${specCap.toFixed(2)} budget left` : null;
}
function fitsNow(state, specId, usd, specCap) {
  let { capUsd, total } = state, spec = tallyOf(state, specId);
  return (capUsd === null || total.settled + total.outstanding + usd <= capUsd + EPSILON) && (specCap === void 0 || spec.settled + spec.outstanding + usd <= specCap + EPSILON);
}
async function reserve(state, specId, usd, specCapUsd, signal) {
  if (!(usd >= 0) || !Number.isFinite(usd)) return { ok: !1, reason: `a request's worst case (${usd}) is not a finite cost` };
  for (; ; ) {
    let impossible = neverFits(state, specId, usd, specCapUsd);
    if (impossible) return { ok: !1, reason: impossible };
    if (fitsNow(state, specId, usd, specCapUsd)) break;
    if (signal?.aborted) return { ok: !1, reason: "cancelled" };
    await nextSettlement(state, signal);
  }
  let upstream;
  if (state.parent) {
    let r = await state.parent.reserve(specId, usd, void 0, signal);
    if (!r.ok) return r;
    upstream = r.reservation;
  }
  return { ok: !0, reservation: hold(state, specId, usd, upstream) };
}
function nextSettlement(state, signal) {
  return new Promise((resolve) => {
    let done = () => {
      state.waiters.delete(done), signal?.removeEventListener("abort", done), resolve();
    };
    state.waiters.add(done), signal?.addEventListener("abort", done, { once: !0 });
  });
}
function hold(state, specId, usd, upstream) {
  let { total } = state, spec = tallyOf(state, specId);
  total.outstanding += usd, spec.outstanding += usd;
  let open = !0, close = (actual, billed) => {
    if (!open) return;
    open = !1, total.outstanding -= usd, spec.outstanding -= usd;
    let charged = Math.max(actual, 0);
    total.settled += charged, spec.settled += charged, billed ? upstream?.settle(charged) : upstream?.release();
    for (let wake of [...state.waiters]) wake();
  };
  return { usd, settle: (actual) => close(actual, !0), release: () => close(0, !1) };
}
function headroom(state, specId, specCapUsd) {
  let { capUsd, total, parent } = state, spec = tallyOf(state, specId), limits = [
    capUsd === null ? null : capUsd - total.settled - total.outstanding,
    specCapUsd === void 0 ? null : specCapUsd - spec.settled - spec.outstanding,
    parent ? parent.headroom(specId) : null
  ].filter((x) => x !== null);
  return limits.length === 0 ? null : Math.max(0, Math.min(...limits));
}

export {
  spendCaps,
  meter,
  createBudget
};
