/**
 * The one promotion verdict. Whatever path output came by — generated in this build, restored
 * from the local result store or the shared cache, published by another shard, answered from a
 * batch, resumed after a crash, or left in generated/ by an earlier build — it is promoted, or
 * called up to date, only through verdictFor. A recorded verdict counts only when its key equals
 * the output's key now (the same tree, visible checks, holdout set and validation settings);
 * otherwise the gate judges the output again, here, with no model request, and the verdict is
 * recorded. A verdict carried by a cache artifact or a shard result is never read: those are
 * input, verified here like any other.
 */
import type { Verdict, VerdictKey } from '../../types/index.js';
import { sameVerdictKey } from '../5-plan/verdict-key.js';

export interface VerdictStore {
  read(key: VerdictKey): Promise<Verdict | undefined>;
  write(verdict: Verdict): Promise<void>;
}

export interface VerdictInput {
  key: VerdictKey;
  /** A verdict this workspace recorded for this output (the manifest's), if any: used only when its key is `key`. */
  recorded?: Verdict | undefined;
  store: VerdictStore;
  /** Runs the gate on the output now; null when this run may not run code (plan only: --check, --dry-run). */
  judge: (() => Promise<Verdict>) | null;
  /** Output an agent has just written goes through the whole gate: no recorded verdict is looked up for it. */
  fresh?: boolean;
}

/** The verdict for `key`, recorded or given now; null when none holds and this run may not judge. */
export async function verdictFor(input: VerdictInput): Promise<{ verdict: Verdict; judged: boolean } | null> {
  if (!input.fresh) {
    if (input.recorded && sameVerdictKey(input.recorded.key, input.key)) return { verdict: input.recorded, judged: false };
    const stored = await input.store.read(input.key);
    if (stored && sameVerdictKey(stored.key, input.key)) return { verdict: stored, judged: false };
  }
  if (!input.judge) return null;
  const verdict = await input.judge();
  if (verdict.admitted || (verdict.failureClass !== undefined && SETTLED.has(verdict.failureClass))) await input.store.write(verdict);
  return { verdict, judged: true };
}

/**
 * Failures that the same bytes under the same checks would meet again: recorded, so the next build
 * answers at once. A timeout, a crash, a refused sandbox or a cancellation says something about
 * that run, not the output: judged again next time.
 */
const SETTLED = new Set(['does-not-compile', 'tests-fail', 'holdout-fails', 'unverified', 'mutation-score-low', 'checks-weakened']);
