import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);

// src/phases/5-plan/shard.ts
function parseShard(text) {
  let m = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(text);
  if (!m) return `--shard takes i/n (e.g. 2/4), not ${JSON.stringify(text)}`;
  let index = Number(m[1]), count = Number(m[2]);
  return count < 1 || index < 1 || index > count ? `--shard ${text}: i must be from 1 to n` : { index, count };
}
function partitionPlan(plan, shard) {
  let waves = /* @__PURE__ */ new Map(), before = (job) => [...job.deps, ...job.twins ?? []];
  for (let job of plan.jobs) waves.set(job.id, before(job).reduce((w, d) => Math.max(w, (waves.get(d) ?? 0) + 1), 0));
  let stale = plan.jobs.filter((j) => j.state === "stale").map((j) => j.id).sort((a, b) => waves.get(a) - waves.get(b) || (a < b ? -1 : a > b ? 1 : 0)), shardOf = new Map(stale.map((id, i) => [id, i % shard.count + 1])), owned = new Set(stale.filter((id) => shardOf.get(id) === shard.index)), byId = new Map(plan.jobs.map((j) => [j.id, j])), needed = /* @__PURE__ */ new Set(), visit = (id) => {
    let job = byId.get(id);
    for (let d of job ? before(job) : [])
      needed.has(d) || (needed.add(d), visit(d));
  };
  for (let id of owned) visit(id);
  return { shard, shardOf, owned, needed, waves };
}

export {
  parseShard,
  partitionPlan
};
