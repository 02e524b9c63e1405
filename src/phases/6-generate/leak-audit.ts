/**
 * The leak audit (`speccc audit`): did any request an agent was sent contain a holdout scenario?
 * Each traced request carries a Bloom filter of its word 5-shingles (fingerprint.ts); each
 * scenario's text (its plain-language markdown, and its check's code) is tested against it.
 *
 * What counts: a scenario's *distinctive* shingles, those not found in what speccc legitimately
 * puts into prompts besides specs — generated code, templates, context documents — so shared
 * code vocabulary (`import { expect, it } from 'vitest'`) and the tools' boilerplate are not
 * evidence. Specs are not discounted: a spec that quotes a scenario is exactly how one leaks.
 * A scenario naturally restates some of its spec's wording (the bundled example's money
 * scenario shares 14 of its 40 shingles with the money spec), so a request leaks a scenario
 * when it contains more than half of the scenario's distinctive shingles, and at least
 * LEAK_MIN_SHINGLES of them. A scenario that restates its spec nearly word for word is
 * reported too: the agent saw it, so it holds nothing out.
 */
import type { HoldoutText } from '../../types/index.js';
import { sharedShingles, shingles } from './fingerprint.js';

export const LEAK_MIN_SHINGLES = 4;
export const LEAK_SHARE = 0.5;

export interface AuditedRequest {
  runId: string;
  spec: string;
  job: string;
  fingerprint: string;
}

export interface ScenarioText {
  /** `<spec>/<name>`. */
  scenario: string;
  /** Relative to the scenarios folder. */
  file: string;
  shingles: string[];
}

export interface Leak {
  runId: string;
  /** The spec whose job sent the request. */
  spec: string;
  job: string;
  scenario: string;
  file: string;
  /** Of the scenario text's distinctive shingles, how many the request contains (its worst request). */
  shared: number;
  distinctive: number;
  /** Requests of that job in that run that leaked it. */
  requests: number;
}

/** A scenario's markdown without its frontmatter (`spec:`, `covers:`: ids and names, not the scenario). */
const body = (markdown: string) => markdown.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?(?:\n|$)/, '');

/** Each scenario text's distinctive shingles: not in any of `legitimate` (generated code, templates, context). */
export function scenarioTexts(holdouts: readonly HoldoutText[], legitimate: readonly string[]): ScenarioText[] {
  const known = new Set(legitimate.flatMap(shingles));
  const out: ScenarioText[] = [];
  for (const h of holdouts) {
    const scenario = `${h.spec}/${h.name}`;
    if (h.markdown !== null) out.push({ scenario, file: `${scenario}.md`, shingles: shingles(body(h.markdown)).filter((s) => !known.has(s)) });
    if (h.code !== null && h.check !== null) out.push({ scenario, file: h.check, shingles: shingles(h.code).filter((s) => !known.has(s)) });
  }
  return out;
}

export const leakThreshold = (distinctive: number) => Math.max(LEAK_MIN_SHINGLES, Math.floor(distinctive * LEAK_SHARE) + 1);

export function auditRequests(requests: readonly AuditedRequest[], texts: readonly ScenarioText[]): Leak[] {
  const leaks = new Map<string, Leak>();
  for (const r of requests) {
    for (const t of texts) {
      if (t.shingles.length < LEAK_MIN_SHINGLES) continue;
      const shared = sharedShingles(r.fingerprint, t.shingles);
      if (shared < leakThreshold(t.shingles.length)) continue;
      const key = `${r.runId}\u0000${r.job}\u0000${t.file}`;
      const known = leaks.get(key);
      if (known) {
        known.requests++;
        known.shared = Math.max(known.shared, shared);
      } else leaks.set(key, { runId: r.runId, spec: r.spec, job: r.job, scenario: t.scenario, file: t.file, shared, distinctive: t.shingles.length, requests: 1 });
    }
  }
  return [...leaks.values()].sort((a, b) => (a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : a.spec < b.spec ? -1 : a.spec > b.spec ? 1 : a.file < b.file ? -1 : 1));
}
