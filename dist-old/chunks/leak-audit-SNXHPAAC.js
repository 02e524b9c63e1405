import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  sharedShingles,
  shingles
} from "./chunk-DKDHL7Y5.js";
import "./chunk-VSAIBY22.js";

// src/phases/6-generate/leak-audit.ts
var LEAK_MIN_SHINGLES = 4, LEAK_SHARE = 0.5, body = (markdown) => markdown.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?(?:\n|$)/, "");
function scenarioTexts(holdouts, legitimate) {
  let known = new Set(legitimate.flatMap(shingles)), out = [];
  for (let h of holdouts) {
    let scenario = `${h.spec}/${h.name}`;
    h.markdown !== null && out.push({ scenario, file: `${scenario}.md`, shingles: shingles(body(h.markdown)).filter((s) => !known.has(s)) }), h.code !== null && h.check !== null && out.push({ scenario, file: h.check, shingles: shingles(h.code).filter((s) => !known.has(s)) });
  }
  return out;
}
var leakThreshold = (distinctive) => Math.max(LEAK_MIN_SHINGLES, Math.floor(distinctive * LEAK_SHARE) + 1);
function auditRequests(requests, texts) {
  let leaks = /* @__PURE__ */ new Map();
  for (let r of requests)
    for (let t of texts) {
      if (t.shingles.length < LEAK_MIN_SHINGLES) continue;
      let shared = sharedShingles(r.fingerprint, t.shingles);
      if (shared < leakThreshold(t.shingles.length)) continue;
      let key = `${r.runId}\0${r.job}\0${t.file}`, known = leaks.get(key);
      known ? (known.requests++, known.shared = Math.max(known.shared, shared)) : leaks.set(key, { runId: r.runId, spec: r.spec, job: r.job, scenario: t.scenario, file: t.file, shared, distinctive: t.shingles.length, requests: 1 });
    }
  return [...leaks.values()].sort((a, b) => a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : a.spec < b.spec ? -1 : a.spec > b.spec ? 1 : a.file < b.file ? -1 : 1);
}
export {
  LEAK_MIN_SHINGLES,
  LEAK_SHARE,
  auditRequests,
  leakThreshold,
  scenarioTexts
};
