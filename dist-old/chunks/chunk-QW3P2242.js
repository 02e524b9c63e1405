import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);

// src/phases/5-plan/verdict-only.ts
var onlyVerdictStale = (job) => job.state === "stale" && job.reasons.length > 0 && job.reasons.every((r) => r === "verdict-stale");

export {
  onlyVerdictStale
};
