import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);

// src/phases/2-model/twins.ts
function twinEntry(id) {
  return `twins/${id}/server.ts`;
}
function twinEnvVar(id) {
  return `SPECCC_TWIN_${id.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}_URL`;
}
function serviceTwin(id) {
  return { id, entry: twinEntry(id), env: twinEnvVar(id) };
}
var isReadyTwin = (spec) => spec?.frontmatter?.kind === "twin" && spec.frontmatter.status === "ready";
function twinsUsedBy(spec, workspace) {
  let fm = spec.frontmatter;
  return fm ? fm.kind === "twin" ? [serviceTwin(fm.id)] : workspace.byId.get(fm.id) !== spec ? walkTwins(spec, workspace) : [...reachableTwins(workspace).get(fm.id) ?? []].sort().map(serviceTwin) : [];
}
function walkTwins(spec, workspace) {
  let found = /* @__PURE__ */ new Set(), seen = /* @__PURE__ */ new Set(), visit = (s) => {
    let f = s.frontmatter;
    if (!(!f || seen.has(f.id))) {
      seen.add(f.id);
      for (let id of f.uses_twins) isReadyTwin(workspace.byId.get(id)) && found.add(id);
      for (let dep of f.depends_on) {
        let target = workspace.byId.get(dep);
        target && target.frontmatter?.kind !== "twin" && visit(target);
      }
    }
  };
  return visit(spec), [...found].sort().map(serviceTwin);
}
var reachable = /* @__PURE__ */ new WeakMap();
function reachableTwins(workspace) {
  let known = reachable.get(workspace);
  if (known) return known;
  let edges = (id) => (workspace.byId.get(id)?.frontmatter?.depends_on ?? []).filter((dep) => workspace.byId.has(dep) && workspace.byId.get(dep).frontmatter?.kind !== "twin"), own = (id) => (workspace.byId.get(id)?.frontmatter?.uses_twins ?? []).filter((t) => isReadyTwin(workspace.byId.get(t))), result = /* @__PURE__ */ new Map(), index = /* @__PURE__ */ new Map(), low = /* @__PURE__ */ new Map(), stack = [], onStack = /* @__PURE__ */ new Set(), counter = 0;
  for (let root of workspace.byId.keys()) {
    if (index.has(root)) continue;
    let frames = [], open = (id) => {
      index.set(id, counter), low.set(id, counter++), stack.push(id), onStack.add(id), frames.push({ id, next: 0, deps: edges(id) });
    };
    for (open(root); frames.length > 0; ) {
      let frame = frames.at(-1);
      if (frame.next < frame.deps.length) {
        let dep = frame.deps[frame.next++];
        index.has(dep) ? onStack.has(dep) && low.set(frame.id, Math.min(low.get(frame.id), index.get(dep))) : open(dep);
        continue;
      }
      frames.pop();
      let parent = frames.at(-1);
      if (parent && low.set(parent.id, Math.min(low.get(parent.id), low.get(frame.id))), low.get(frame.id) !== index.get(frame.id)) continue;
      let members = [];
      for (let id = stack.pop(); onStack.delete(id), members.push(id), id !== frame.id; id = stack.pop())
        ;
      let twins = /* @__PURE__ */ new Set();
      for (let id of members) {
        for (let t of own(id)) twins.add(t);
        for (let dep of edges(id)) for (let t of result.get(dep) ?? []) twins.add(t);
      }
      for (let id of members) result.set(id, twins);
    }
  }
  return reachable.set(workspace, result), result;
}
function declaredTwins(spec, workspace) {
  return (spec.frontmatter?.uses_twins ?? []).filter((id) => isReadyTwin(workspace.byId.get(id))).sort().map(serviceTwin);
}

export {
  twinEntry,
  twinEnvVar,
  serviceTwin,
  twinsUsedBy,
  declaredTwins
};
