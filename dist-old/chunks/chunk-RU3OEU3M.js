import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);

// src/report/cache-miss.ts
var TTL_MS = { "5m": 3e5, "1h": 36e5 };
function compare(before, after) {
  let old = new Map(before.map((b) => [b.name, b.digest])), now = new Map(after.map((b) => [b.name, b.digest])), changed = [];
  for (let [name, digest] of now)
    old.has(name) ? old.get(name) !== digest && changed.push({ block: name, change: "changed" }) : changed.push({ block: name, change: "added" });
  for (let name of old.keys()) now.has(name) || changed.push({ block: name, change: "removed" });
  let specific = changed.filter((c) => c.block !== "system prompt");
  return specific.length > 0 ? specific : changed;
}
var words = (c) => c.change === "changed" ? `${c.block} changed` : c.change === "added" ? `${c.block} was added` : `${c.block} was removed`;
function explainCacheMiss(previous, current) {
  let first = current.events.find((e) => e.type === "request" && !e.batch);
  if (!first || first.cacheReadTokens > 0 || first.cacheWriteTokens === 0) return null;
  let before = previous.events.find((e) => e.type === "prefix"), after = current.events.find((e) => e.type === "prefix"), lastBefore = previous.events.filter((e) => e.type === "request").at(-1);
  if (!before || !after || !before.caching || !lastBefore) return null;
  let changed = compare(before.blocks, after.blocks), gapMs = Date.parse(first.at) - Date.parse(lastBefore.at), expired = gapMs > TTL_MS[before.ttl], minutes = `${Math.round(gapMs / 6e4)} min after run ${previous.id}'s last request, past the ${before.ttl} cache lifetime`, reason;
  return changed.length > 0 ? reason = `${changed.map(words).join(", ")} since run ${previous.id}${expired ? ` (and the entry had expired: ${minutes})` : ""}` : expired ? reason = `the cache entry had expired: ${minutes}` : lastBefore.model !== first.model ? reason = `the model changed from ${lastBefore.model} to ${first.model} since run ${previous.id} (each model has its own cache)` : reason = `no block of the prefix changed since run ${previous.id} and it was within its lifetime: the API evicted the entry`, { previousRun: previous.id, spec: first.spec, requestId: first.requestId, writtenTokens: first.cacheWriteTokens, changed, reason };
}
function cacheMissLine(miss) {
  return `prompt cache: the first request (${miss.spec}) wrote ${miss.writtenTokens} tokens of the shared prefix instead of reading them: ${miss.reason}`;
}

export {
  explainCacheMiss,
  cacheMissLine
};
