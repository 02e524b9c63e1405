import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);

// src/report/queue.ts
var PRIORITY_RANK = { high: 1, normal: 2, low: 3 };
function priorityRank(priority) {
  return typeof priority == "number" ? priority : priority !== void 0 && Object.hasOwn(PRIORITY_RANK, priority) ? PRIORITY_RANK[priority] : PRIORITY_RANK.normal;
}
function priorityLabel(rank) {
  return Object.entries(PRIORITY_RANK).find(([, n]) => n === rank)?.[0] ?? String(rank);
}
function stageOf(spec) {
  switch (spec.state) {
    case "constraint":
      return null;
    // no job of its own: it is in every job's prompt
    case "draft":
      return spec.status === "proposed" ? "proposed" : spec.status === "deprecated" ? null : "draft";
    case "blocked":
      return "blocked";
    case "failing":
      return "failed";
    case "stale":
      return "ready";
    case "unverified":
      return "built";
    case "promoted":
      return "verified";
  }
}
var SECTION = {
  proposed: "held",
  draft: "held",
  blocked: "held",
  ready: "waiting",
  building: "running",
  failed: "failed",
  built: "shipped",
  verified: "shipped"
};
function queueOf(specs, building) {
  let queue = { waiting: [], running: [], failed: [], shipped: [], held: [] };
  for (let spec of specs) {
    let settled = stageOf(spec);
    if (settled === null) continue;
    let run = building.get(spec.id), stage = run && (settled === "ready" || settled === "failed" || settled === "built" || settled === "verified") ? "building" : settled, entry = { id: spec.id, title: spec.title, stage, priority: spec.priority, why: stage === "building" ? `Being built in run ${run}.` : spec.why, ...stage === "failed" && spec.failureClass ? { failureClass: spec.failureClass } : {}, ...stage === "building" ? { run } : {} };
    queue[SECTION[stage]].push(entry);
  }
  for (let list of Object.values(queue)) list.sort((a, b) => a.priority - b.priority);
  return queue;
}

export {
  PRIORITY_RANK,
  priorityRank,
  priorityLabel,
  queueOf
};
