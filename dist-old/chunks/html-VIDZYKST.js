import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  priorityLabel
} from "./chunk-7BPL2OAW.js";
import {
  GRAPH_CSS,
  STATE_COLOURS,
  escapeXml,
  layoutGraph,
  specAnchor,
  svgFromLayout
} from "./chunk-7RERXAOH.js";
import "./chunk-VSAIBY22.js";

// src/report/html.ts
import { createHash } from "node:crypto";

// src/report/model.ts
var SPEC_STATES = ["promoted", "stale", "failing", "unverified", "draft", "blocked", "constraint"];

// src/report/html.ts
var intFormat = new Intl.NumberFormat("en-US");
function num(v) {
  let n = Number(v);
  return Number.isFinite(n) ? n : 0;
}
function usd(v) {
  let n = num(v);
  return n !== 0 && Math.abs(n) < 0.01 ? `$${n.toPrecision(2)}` : `$${intFormat.format(Math.trunc(n))}.${Math.abs(n).toFixed(2).slice(-2)}`;
}
function int(v) {
  return intFormat.format(Math.round(num(v)));
}
function pct(v) {
  return `${Math.round(num(v) * 100)}%`;
}
function ratio(v) {
  return num(v).toFixed(2);
}
function when(at) {
  let m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)/.exec(String(at));
  return escapeXml(m ? `${m[1]} ${m[2]}${/Z$/.test(at) ? " UTC" : ""}` : at);
}
function duration(ms) {
  let v = Math.max(0, num(ms));
  if (v < 1e3) return `${Math.round(v)} ms`;
  if (v < 6e4) return `${(v / 1e3).toFixed(1)} s`;
  let s = Math.round(v / 1e3);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}
function plural(n, one, many = `${one}s`) {
  return `${int(n)} ${n === 1 ? one : many}`;
}
function stateClass(state) {
  return SPEC_STATES.includes(state) ? state : "unknown";
}
function badge(state) {
  return `<span class="badge st-${stateClass(state)}">${escapeXml(state)}</span>`;
}
function sparkline(points) {
  if (points.length === 0) return '<span class="muted">not measured</span>';
  let w = 96, h = 22, step = points.length > 1 ? (w - 6) / (points.length - 1) : 0, xy = points.map((p, i) => [Math.round((3 + i * step) * 10) / 10, Math.round((h - 3 - Math.min(1, Math.max(0, num(p.value))) * (h - 6)) * 10) / 10]), last = xy[xy.length - 1], first = points[0], final = points[points.length - 1], label = points.length === 1 ? `satisfaction ${ratio(final.value)} in 1 run` : `satisfaction from ${ratio(first.value)} to ${ratio(final.value)} over ${points.length} runs`;
  return `<svg class="spark" viewBox="0 0 ${w} ${h}" role="img" aria-label="${label}"><path d="M3 3H${w - 3}"/>` + (xy.length > 1 ? `<polyline points="${xy.map(([x, y]) => `${x},${y}`).join(" ")}"/>` : "") + `<circle cx="${last[0]}" cy="${last[1]}" r="2.5"/></svg>`;
}
function spendChart(model) {
  let runs = model.runs;
  if (runs.length === 0) return '<p class="muted">No run recorded yet.</p>';
  let w = 520, h = 170, left = 52, bottom = 22, top = 10, max = Math.max(...runs.map((r) => num(r.costUsd)), 0.01), slot = (w - left - 6) / runs.length, bw = Math.max(1, Math.min(36, slot * 0.7)), bars = runs.map((r, i) => {
    let bh = Math.max(num(r.costUsd) > 0 ? 1 : 0, num(r.costUsd) / max * (h - top - bottom)), x = Math.round((left + i * slot + (slot - bw) / 2) * 10) / 10, y = Math.round((h - bottom - bh) * 10) / 10, tip = `${r.id}, ${when(r.at)}: ${usd(r.costUsd)}, ${plural(num(r.jobs), "job")}, ${int(r.failed)} failed${r.stopped ? `; ${stopWord(r.outcome)}: ${r.stopped}` : ""}`;
    return `<rect${num(r.failed) > 0 ? ' class="failed"' : ""} x="${x}" y="${y}" width="${Math.round(bw * 10) / 10}" height="${Math.round(bh * 10) / 10}"><title>${escapeXml(tip)}</title></rect>`;
  }), firstRun = runs[0], lastRun = runs[runs.length - 1], total = runs.reduce((a, r) => a + num(r.costUsd), 0), label = `Spend per run: ${runs.length} runs from ${when(firstRun.at)} to ${when(lastRun.at)}, ${usd(total)} in all, highest ${usd(max)}`;
  return `<svg class="chart" viewBox="0 0 ${w} ${h}" width="100%" role="img" aria-label="${label}"><title>${label}</title><path class="axis" d="M${left} ${top}V${h - bottom}H${w - 4}"/><text class="ax" x="${left - 6}" y="${top + 8}" text-anchor="end">${usd(max)}</text><text class="ax" x="${left - 6}" y="${h - bottom}" text-anchor="end">$0</text><text class="ax" x="${left}" y="${h - 6}">${when(firstRun.at)}</text>` + (runs.length > 1 ? `<text class="ax" x="${w - 4}" y="${h - 6}" text-anchor="end">${when(lastRun.at)}</text>` : "") + `<g class="bars">${bars.join("")}</g></svg>`;
}
var JOB_OK = /* @__PURE__ */ new Set(["built", "promoted", "fresh", "reused", "passed", "done"]), JOB_WAIT = /* @__PURE__ */ new Set(["staged", "stale", "waiting"]);
function jobClass(state) {
  return JOB_OK.has(state) ? "ok" : JOB_WAIT.has(state) ? "wait" : state === "failed" || state === "failing" || state === "error" ? "bad" : "other";
}
function stopWord(outcome) {
  return outcome === "cancelled" ? "cancelled" : outcome === null ? "cut off" : "stopped";
}
function jobResult(j) {
  let cls = j.failureClass && j.failureClass !== j.state ? ` (${escapeXml(j.failureClass)})` : "";
  return `${escapeXml(j.state)}${cls}${j.note ? `: ${escapeXml(j.note)}` : ""}`;
}
function timeline(model, known) {
  let run = model.lastRun;
  if (!run) return '<p class="muted">No run recorded yet.</p>';
  let stopped = run.stopped ? `<p class="stopped"><b>${escapeXml(run.id)} was ${stopWord(run.outcome)}</b>: ${escapeXml(run.stopped)}.</p>` : "";
  if (run.jobs.length === 0) return `${stopped}<p class="muted">${escapeXml(run.id)} ran no job.</p>`;
  let jobs = [...run.jobs].sort((a, b) => num(a.startMs) - num(b.startMs)), start = Math.min(...jobs.map((j) => num(j.startMs))), span = Math.max(...jobs.map((j) => num(j.endMs)), start + 1) - start, cost = jobs.reduce((a, j) => a + num(j.costUsd), 0), failed = jobs.filter((j) => jobClass(j.state) === "bad").length, retries = jobs.reduce((a, j) => a + num(j.retries), 0), rows = jobs.map((j) => {
    let l = (num(j.startMs) - start) / span * 100, wd = Math.max(0.4, (num(j.endMs) - num(j.startMs)) / span * 100), segs = "<i></i>".repeat(Math.min(12, Math.max(1, num(j.attempts)))), name = known.has(j.spec) ? `<a href="#${specAnchor(j.spec)}">${escapeXml(j.spec)}</a>` : escapeXml(j.spec), result = jobResult(j);
    return `<tr class="j-${jobClass(j.state)}"><th>${name}</th><td class="tl"><span class="job-bar" style="margin-left:${l.toFixed(2)}%;width:${Math.min(100 - l, wd).toFixed(2)}%">${segs}</span></td><td>${duration(num(j.endMs) - num(j.startMs))}</td><td>${int(j.attempts)}${num(j.retries) > 0 ? ` (${plural(num(j.retries), "retry", "retries")})` : ""}</td><td>${usd(j.costUsd)}</td><td>${result}</td></tr>`;
  });
  return stopped + `<p>${escapeXml(run.id)} at ${when(run.at)}: ${plural(jobs.length, "job")} in ${duration(span)}, ${int(failed)} failed, ${plural(retries, "retry", "retries")}, ${usd(cost)}. Each bar is one job from start to end; its segments are attempts.</p>` + (run.cacheMiss ? `<p class="cache-miss">${escapeXml(run.cacheMiss.line)}</p>` : "") + `<div class="scroll tall"><table class="timeline"><thead><tr><th>Spec</th><th class="tl"><span class="tl-axis"><span>0 s</span><span>${duration(span)}</span></span></th><th>Time</th><th>Attempts</th><th>Cost</th><th>Result</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
}
function specLink(id, known) {
  return known.has(id) ? `<a href="#${specAnchor(id)}">${escapeXml(id)}</a>` : `<code>${escapeXml(id)}</code> <span class="muted">(not in this workspace)</span>`;
}
function linkList(ids, known, none = "none") {
  return ids.length === 0 ? `<span class="muted">${none}</span>` : ids.map((id) => specLink(id, known)).join(", ");
}
function latest(spec) {
  let last = spec.satisfaction[spec.satisfaction.length - 1];
  return last ? num(last.value) : null;
}
function summarySection(model) {
  let s = model.summary, tiles = ["promoted", "stale", "failing", "unverified"].map(
    (state) => `<li><a class="tile st-${state}" href="#specs" data-show="${state}"><span class="big" data-count="${state}">${int(s[state])}</span><span class="word">${state}</span></a></li>`
  ), others = ["draft", "blocked", "constraint"].map((state) => [state, model.specs.filter((x) => x.state === state).length]).filter(([, n]) => n > 0).map(([state, n]) => `<a href="#specs" data-show="${state}">${int(n)} ${state}</a>`), satisfaction = s.satisfaction === null ? "not measured" : ratio(s.satisfaction), rows = [...model.specs].map((spec, i) => ({ spec, i, v: latest(spec) })).sort((a, b) => (a.v ?? 2) - (b.v ?? 2) || a.i - b.i).map(
    ({ spec, v }) => `<tr><th><a href="#${specAnchor(spec.id)}">${escapeXml(spec.id)}</a></th><td>${badge(spec.state)}</td><td>${sparkline(spec.satisfaction)}</td><td>${v === null ? '<span class="muted">\u2013</span>' : ratio(v)}</td></tr>`
  );
  return `<section id="summary" aria-labelledby="h-summary">
<h1 id="h-summary">${escapeXml(model.workspace)}</h1>
<p class="muted">Generated ${when(model.generatedAt)} by speccc ${escapeXml(model.specccVersion)}${model.lastRun ? ` \xB7 last run ${escapeXml(model.lastRun.id)} at ${when(model.lastRun.at)}` : ""}</p>
<ul class="tiles" aria-label="Specs by state">${tiles.join("")}</ul>
<p class="totals"><span><b data-count="total">${int(s.total)}</b> specs${others.length ? ` (${others.join(", ")})` : ""}</span> <span>satisfaction <b data-count="satisfaction">${satisfaction}</b></span> <span>spent <b data-count="spent">${usd(s.spentUsd)}</b></span></p>
<div class="panels">
<figure class="panel"><figcaption><h2>Satisfaction per spec</h2><span class="muted">latest verify run last; lowest first</span></figcaption>
<div class="scroll"><table class="sat"><thead><tr><th>Spec</th><th>State</th><th>Over time</th><th>Latest</th></tr></thead><tbody>${rows.join("")}</tbody></table></div></figure>
<figure class="panel"><figcaption><h2>Spend over time</h2><span class="muted">per run; red bars had failed jobs</span></figcaption>${spendChart(model)}</figure>
</div>
</section>`;
}
var QUEUE_SECTIONS = [
  ["waiting", "Waiting: `speccc build --next N` takes from the top"],
  ["running", "Running"],
  ["failed", "Failed: a person acts before it is built again"],
  ["held", "Held: proposed, draft or blocked"],
  ["shipped", "Shipped"]
];
function queueSection(model, known) {
  let rows = QUEUE_SECTIONS.flatMap(([key, caption]) => {
    let entries = model.queue[key];
    if (entries.length === 0) return [];
    let body = entries.map((e, i) => `<tr><td>${key === "waiting" ? int(i + 1) : ""}</td><th>${specLink(e.id, known)}</th><td><code>${escapeXml(e.stage)}</code>${e.failureClass ? ` <code>${escapeXml(e.failureClass)}</code>` : ""}</td><td>${escapeXml(priorityLabel(num(e.priority)))}</td><td class="hint">${escapeXml(e.why)}</td></tr>`);
    return [`<tbody><tr><th colspan="5" scope="rowgroup">${escapeXml(caption).replace(/`([^`]+)`/g, "<code>$1</code>")} (${int(entries.length)})</th></tr>${body.join("")}</tbody>`];
  });
  return `<section id="queue" aria-labelledby="h-queue"><h2 id="h-queue">Queue</h2><p class="muted">From request to shipped code: proposed \u2192 ready \u2192 building \u2192 built \u2192 verified. Priority 0 is the most urgent (high 1, normal 2, low 3).</p>${rows.length === 0 ? '<p class="muted">No spec with outputs yet.</p>' : `<div class="scroll"><table class="queue"><thead><tr><th>#</th><th>Spec</th><th>Stage</th><th>Priority</th><th>Why</th></tr></thead>${rows.join("")}</table></div>`}</section>`;
}
function failureSection(model, known) {
  let body = model.failureClasses.length === 0 ? '<p class="muted">No failure recorded.</p>' : `<table class="failures"><thead><tr><th>Failure</th><th>Count</th><th>Specs it hit</th><th>What to strengthen in the spec</th></tr></thead><tbody>${[...model.failureClasses].sort((a, b) => num(b.count) - num(a.count)).map((f) => `<tr data-class="${escapeXml(f.class)}"><th>${escapeXml(f.label)} <code>${escapeXml(f.class)}</code></th><td>${int(f.count)}</td><td>${linkList(f.specs, known)}</td><td class="hint">${escapeXml(f.hint ?? "")}</td></tr>`).join("")}</tbody></table>`;
  return `<section id="failures" aria-labelledby="h-failures"><h2 id="h-failures">Failures by kind</h2><p class="muted">Failed jobs and holdouts across all ${plural(model.runs.length, "run")} and every verify run; check errors as they stand now.</p>${body}</section>`;
}
function graphSection(layout) {
  let used = new Set(layout.nodes.map((n) => n.state)), legend = Object.keys(STATE_COLOURS).filter((s) => used.has(s)).map((s) => `<li><span class="badge st-${s}">${s}</span></li>`).join(""), total = layout.edges.length;
  return `<section id="graph" aria-labelledby="h-graph"><h2 id="h-graph">Dependency graph</h2>
<p>An arrow goes from a spec to the specs that depend on it, in build order. Each node opens its spec. ${layout.edgesDrawn < total ? `${plural(total, "dependency", "dependencies")}; the ${int(layout.edgesDrawn)} that touch failing, blocked or stale specs first are drawn, ${int(total - layout.edgesDrawn)} are left out. Each spec's entry lists all of its dependencies and dependents.` : `${plural(total, "dependency", "dependencies")}.`}</p>
<ul class="legend" aria-label="States">${legend}</ul>
<div class="scroll graph-box">${svgFromLayout(layout, { standalone: !1 })}</div></section>`;
}
function waves(model) {
  let deps = new Map(model.specs.map((s) => [s.id, s.dependsOn])), wave = /* @__PURE__ */ new Map(), visiting = /* @__PURE__ */ new Set(), visit = (id) => {
    let done = wave.get(id);
    if (done !== void 0) return done;
    if (visiting.has(id) || !deps.has(id)) return 0;
    visiting.add(id);
    let w = 1;
    for (let d of deps.get(id)) w = Math.max(w, visit(d) + 1);
    return visiting.delete(id), wave.set(id, w), w;
  };
  for (let s of model.specs) visit(s.id);
  return wave;
}
function notMeasured(state, how) {
  return `<span class="muted">${state === "draft" ? "not measured: a draft is not built" : state === "constraint" ? "not measured: a constraint has no code of its own" : how}</span>`;
}
function specEntry(spec, known, dependents, wave, maxWave) {
  let state = stateClass(spec.state), open = state === "failing" || state === "blocked" || state === "stale", ran = spec.scenarios.filter((s) => s.passed !== null), failed = spec.scenarios.filter((s) => s.passed === !1), scenarios = spec.scenarios.length === 0 ? '<p class="muted">No holdout scenario.</p>' : `<p class="sub">${ran.length === 0 ? "no recorded result" : failed.length > 0 ? `${failed.length} of ${ran.length} fail` : `all ${ran.length} pass`}</p><ul class="sc">${spec.scenarios.map((s) => {
    let word = s.passed === null ? "no result" : s.passed ? "pass" : "fail", why = s.failure ? `<div class="sc-why">${escapeXml(s.failure)}</div>` : "";
    return `<li class="${s.passed === null ? "nr" : s.passed ? "pass" : "fail"}"><span class="pf">${word}</span> ${escapeXml(s.name)}${why}</li>`;
  }).join("")}</ul>`, cov = spec.coverage, coverage = cov ? `${int(cov.covered)} of ${plural(num(cov.requirements), "requirement")}${num(cov.requirements) > 0 ? ` (${pct(num(cov.covered) / num(cov.requirements))})` : ""}${cov.untested.length ? `<ul class="untested">${cov.untested.map((u) => `<li>untested: ${escapeXml(u)}</li>`).join("")}</ul>` : ""}` : notMeasured(state, `not measured here: <code>speccc trace ${escapeXml(spec.id)}</code> lists what covers each requirement`), moved = spec.mutationHistory.length > 1 ? ` <span class="muted">(runs: ${spec.mutationHistory.map((p) => pct(p)).join(" \u2192 ")})</span>` : "", mutation = spec.mutationScore === null ? notMeasured(state, "not measured: <code>speccc verify --mutate</code> scores it") : `${pct(spec.mutationScore)}${moved}`, sat = spec.satisfaction, satisfaction = sat.length === 0 ? '<span class="muted">not measured</span>' : `${ratio(sat[sat.length - 1].value)}${sat.length > 1 ? ` <span class="muted">(${sat.map((p) => ratio(p.value)).join(" \u2192 ")})</span>` : ""}`, diagnostics = spec.diagnostics.length === 0 ? '<p class="muted">None.</p>' : `<ul class="diag">${spec.diagnostics.map(
    (d) => `<li><span class="sev ${d.severity === "error" ? "err" : "warn"}">${escapeXml(d.severity)}</span> <code>${escapeXml(d.code)}</code> line ${int(d.line)}, column ${int(d.column)}: ${escapeXml(d.message)}</li>`
  ).join("")}</ul>`, spent = spec.cost.reduce((a, c) => a + num(c.costUsd), 0), tin = spec.cost.reduce((a, c) => a + num(c.inputTokens), 0), tout = spec.cost.reduce((a, c) => a + num(c.outputTokens), 0), cost = spec.cost.length === 0 ? '<p class="muted">Nothing spent.</p>' : `<p>${usd(spent)} over ${plural(spec.cost.length, "run")}: ${int(tin)} input and ${int(tout)} output tokens.</p><table class="cost"><thead><tr><th>Run</th><th>At</th><th>Cost</th><th>Input tokens</th><th>Output tokens</th></tr></thead><tbody>${spec.cost.map((c) => `<tr><td>${escapeXml(c.run)}</td><td>${when(c.at)}</td><td>${usd(c.costUsd)}</td><td>${int(c.inputTokens)}</td><td>${int(c.outputTokens)}</td></tr>`).join("")}</tbody></table>`, anchor = specAnchor(spec.id);
  return `<details class="spec" id="${anchor}" data-state="${state}"${open ? " open" : ""}>
<summary>${badge(spec.state)} <b>${escapeXml(spec.title)}</b> <code>${escapeXml(spec.id)}</code> <span class="why">${escapeXml(spec.why)}</span></summary>
<div class="body">
<p><b>${escapeXml(spec.state)}</b>: ${escapeXml(spec.why)}</p>
<p class="muted">${escapeXml(spec.kind)} \xB7 <code>${escapeXml(spec.file)}</code></p>
<div class="cols">
<div><h3>Holdout scenarios</h3>${scenarios}</div>
<div><h3>Evidence</h3><dl><dt>Satisfaction</dt><dd>${satisfaction}</dd><dt>Requirement coverage</dt><dd>${coverage}</dd><dt>Mutation score</dt><dd>${mutation}</dd></dl></div>
<div><h3>In the graph</h3><dl><dt>Depends on</dt><dd>${linkList(spec.dependsOn, known)}</dd><dt>Needed by</dt><dd>${linkList(dependents.get(spec.id) ?? [], known)}</dd><dt>Build order</dt><dd>${state === "constraint" ? "no job of its own: every job is built under its rules" : `wave ${int(wave)} of ${int(maxWave)}`} \xB7 <a href="#node-${anchor}">show in graph</a></dd></dl></div>
</div>
<h3>Diagnostics</h3>${diagnostics}
<h3>Cost</h3>${cost}
</div></details>`;
}
function specsSection(model, known) {
  let dependents = /* @__PURE__ */ new Map();
  for (let s of model.specs) for (let d of s.dependsOn) dependents.set(d, [...dependents.get(d) ?? [], s.id]);
  let wave = waves(model), maxWave = Math.max(1, ...wave.values()), buttons = SPEC_STATES.map((state) => [state, model.specs.filter((s) => s.state === state).length]).filter(([, n]) => n > 0).map(([state, n]) => `<button type="button" class="st-${state}" data-filter="${state}" aria-pressed="false">${state} ${int(n)}</button>`).join(""), seen = /* @__PURE__ */ new Set(), entries = model.specs.filter((s) => !seen.has(s.id) && seen.add(s.id)).map((s) => specEntry(s, known, dependents, wave.get(s.id) ?? 1, maxWave));
  return `<section id="specs" aria-labelledby="h-specs"><h2 id="h-specs">Specs</h2>
<div class="toolbar" role="search"><label for="q">Filter</label> <input id="q" type="search" placeholder="id, title, file or why" autocomplete="off"> <span class="filters" role="group" aria-label="Show only">${buttons}</span> <span id="shown" aria-live="polite">${plural(entries.length, "spec")}</span>
<span class="muted keys">Keys: <kbd>/</kbd> filter, <kbd>j</kbd>/<kbd>k</kbd> next/previous spec, <kbd>Enter</kbd> open or close</span></div>
${entries.join(`
`)}
</section>`;
}
var SCRIPT = `(()=>{
const d=document,specs=[...d.querySelectorAll('details.spec')],q=d.getElementById('q'),btns=[...d.querySelectorAll('[data-filter]')],shown=d.getElementById('shown');
let state='';
function apply(){const t=q.value.trim().toLowerCase();let n=0;
for(const s of specs){const ok=(!state||s.dataset.state===state)&&(!t||s.firstElementChild.textContent.toLowerCase().includes(t));s.hidden=!ok;if(ok)n++}
shown.textContent=n===specs.length?n+' specs':n+' of '+specs.length+' specs shown';
for(const b of btns)b.setAttribute('aria-pressed',String(b.dataset.filter===state))}
q.addEventListener('input',apply);
for(const b of btns)b.addEventListener('click',()=>{state=state===b.dataset.filter?'':b.dataset.filter;apply()});
for(const a of d.querySelectorAll('[data-show]'))a.addEventListener('click',()=>{state=a.dataset.show;q.value='';apply()});
function reveal(id){const el=id&&d.getElementById(id);if(!el||!el.matches('details.spec'))return;if(el.hidden){state='';q.value='';apply()}el.open=true}
d.addEventListener('click',e=>{const a=e.target.closest&&e.target.closest('a[href^="#spec-"]');if(a)reveal(a.getAttribute('href').slice(1))});
addEventListener('hashchange',()=>reveal(decodeURIComponent(location.hash.slice(1))));
reveal(decodeURIComponent(location.hash.slice(1)));
addEventListener('beforeprint',()=>{for(const s of specs){s.dataset.was=s.open;s.open=true}});
addEventListener('afterprint',()=>{for(const s of specs)s.open=s.dataset.was==='true'});
d.addEventListener('keydown',e=>{if(e.ctrlKey||e.metaKey||e.altKey||e.target.closest('input,textarea,select'))return;
if(e.key==='/'){e.preventDefault();q.focus()}
else if(e.key==='j'||e.key==='k'){const v=specs.filter(s=>!s.hidden);if(!v.length)return;const c=v.findIndex(s=>s.contains(d.activeElement));
const i=c<0?0:Math.max(0,Math.min(v.length-1,c+(e.key==='j'?1:-1)));e.preventDefault();v[i].firstElementChild.focus();v[i].scrollIntoView({block:'start'})}});
})();`, STATE_CSS = Object.entries(STATE_COLOURS).map(([s, c]) => `.st-${s}{--fill:${c.fill};--stroke:${c.stroke}}`).join(`
`), CSS = `
:root{color-scheme:light;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--soft:#f6f8fa;--link:#0550ae;--focus:#0969da;--bar-h:2.5rem;--toolbar-h:2.75rem}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--link)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:3px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;z-index:3;background:#fff;padding:4px 8px}
header.bar{position:sticky;top:0;z-index:2;height:var(--bar-h);background:#f6f8fa;border-bottom:1px solid var(--line);padding:0 16px;display:flex;gap:16px;align-items:center;white-space:nowrap}
header.bar b{font-size:15px}header.bar nav{min-width:0;overflow-x:auto;padding:6px 4px}header.bar nav a{margin-right:12px}
main{max-width:80rem;margin:0 auto;padding:8px 16px 48px}
h1{font-size:24px;margin:10px 0 0}h2{font-size:18px;margin:28px 0 6px}h3{font-size:14px;margin:14px 0 4px}
figcaption h2{display:inline;margin:0 8px 0 0;font-size:16px}
section{scroll-margin-top:calc(var(--bar-h) + 8px)}
.muted{color:var(--muted)}
code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--soft);padding:0 3px;border-radius:3px;overflow-wrap:anywhere}
${STATE_CSS}
.st-unknown{--fill:#fff;--stroke:#6e7781}
.badge{display:inline-block;min-width:5.6em;text-align:center;font-size:12px;font-weight:600;padding:0 6px;border:1.5px solid var(--stroke);background:var(--fill);border-radius:10px;color:var(--fg)}
.tiles{list-style:none;display:flex;gap:12px;padding:0;margin:12px 0 6px;flex-wrap:wrap}
.tile{display:flex;flex-direction:column;min-width:9rem;padding:8px 14px;border:2px solid var(--stroke);border-left-width:8px;background:var(--fill);border-radius:6px;color:var(--fg);text-decoration:none}
.tile .big{font-size:30px;font-weight:700;line-height:1.1}.tile .word{font-weight:600}
.tile:hover{text-decoration:underline}
.totals span{margin-right:18px}
.panels{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(26rem,100%),1fr));gap:16px;margin-top:8px}
.panel{margin:0;border:1px solid var(--line);border-radius:6px;padding:8px 12px}
.scroll{max-height:17rem;overflow:auto}.scroll.tall{max-height:20rem}
table{border-collapse:collapse;font-size:14px}
th,td{padding:2px 8px;text-align:left;vertical-align:top;border-bottom:1px solid #eaeef2}
thead th{position:sticky;top:0;background:#fff;font-size:12px;color:var(--muted);font-weight:600}
tbody th{font-weight:400}
.sat td:nth-child(4),.timeline td:nth-child(n+3):not(:last-child),.failures td:nth-child(2),.cost td:nth-child(n+3){text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.spark{vertical-align:middle;width:96px;height:22px}.spark polyline{fill:none;stroke:#0969da;stroke-width:1.5}.spark circle{fill:#0969da}.spark path{stroke:#d1d9e0;stroke-dasharray:2 2}
.chart .axis{fill:none;stroke:#8c959f}.chart .ax{font-size:11px;fill:var(--muted)}.chart rect{fill:#54aeff}.chart rect.failed{fill:#ff8182}
.sat,.timeline{table-layout:fixed;width:100%}
.sat th:nth-child(1){width:auto}.sat th:nth-child(2){width:7rem}.sat th:nth-child(3){width:7.5rem}.sat th:nth-child(4){width:4rem}
.timeline th:nth-child(1){width:11rem}.timeline th:nth-child(3){width:6rem}.timeline th:nth-child(4){width:7rem}.timeline th:nth-child(5){width:5rem}.timeline th:nth-child(6){width:12rem}
.sat tbody th,.timeline tbody th,.failures tbody th,.failures td,.cost td:nth-child(-n+2){overflow-wrap:anywhere}
.timeline{min-width:48rem}
.tl-axis{display:flex;justify-content:space-between}
.job-bar{display:flex;height:14px;margin-top:3px;min-width:3px}
.job-bar i{flex:1;background:#8c959f;border-left:2px solid #fff}.job-bar i:first-child{border-left:0}
.j-ok .job-bar i{background:#4ac26b}.j-bad .job-bar i{background:#cf222e}.j-wait .job-bar i{background:#d4a72c}
.legend{list-style:none;display:flex;gap:8px;padding:0;flex-wrap:wrap}
.graph-box{max-height:36rem;border:1px solid var(--line);border-radius:6px;content-visibility:auto;contain-intrinsic-size:auto 20rem}
.graph{display:block}
${GRAPH_CSS}
.toolbar{position:sticky;top:var(--bar-h);z-index:1;min-height:var(--toolbar-h);background:#fff;padding:6px 0;border-bottom:1px solid var(--line);display:flex;gap:8px;align-items:center;flex-wrap:wrap}
.toolbar input{font:inherit;padding:2px 6px;width:16rem}
.filters{display:inline-flex;flex-wrap:wrap;gap:4px}
.filters button{font:inherit;font-size:13px;min-height:24px;padding:1px 8px;border:1.5px solid var(--stroke);background:#fff;border-radius:10px;cursor:pointer}
.filters button[aria-pressed=true]{background:var(--fill);font-weight:700;box-shadow:inset 0 0 0 1px var(--stroke)}
.keys{font-size:12px}
kbd{font:12px ui-monospace,monospace;border:1px solid var(--line);border-radius:3px;padding:0 3px}
details.spec{border-bottom:1px solid var(--line);content-visibility:auto;contain-intrinsic-size:auto 2.4rem;scroll-margin-top:calc(var(--bar-h) + var(--toolbar-h) + 8px)}
details.spec>summary{padding:6px 4px;cursor:pointer;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
details.spec>summary .why{color:var(--muted);margin-left:6px}
details.spec[open]>summary{white-space:normal}
details.spec:target>summary{background:#ddf4ff}
.body{padding:0 8px 12px 28px}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(17rem,1fr));gap:12px}
dl{margin:0}dt{font-size:12px;color:var(--muted);margin-top:4px}dd{margin:0}
.sc,.diag,.untested{list-style:none;padding:0;margin:0}
.sc li{padding:1px 0}
.sc .sc-why{color:var(--muted);font-size:.9em;margin-left:3em;white-space:pre-wrap;overflow-wrap:anywhere}
.pf{display:inline-block;width:5.6em;text-align:center;font-size:12px;font-weight:700;border-radius:3px;margin-right:4px}
.pass .pf{background:#dafbe1;color:#116329}.fail .pf{background:#cf222e;color:#fff}.nr .pf{background:#eaeef2;color:#424a53}
.sub{margin:0 0 2px;color:var(--muted);font-size:13px}
.stopped{border-left:4px solid #9a6700;background:#fff8c5;padding:4px 8px}
.failures .hint{max-width:34rem}
.sev{font-size:12px;font-weight:700;padding:0 4px;border-radius:3px}.sev.err{background:#cf222e;color:#fff}.sev.warn{background:#fff8c5;color:#7d4e00;border:1px solid #d4a72c}
table.cost{font-size:13px}
@media (max-width:36rem){
:root{--toolbar-h:0px}
main{padding:8px 10px 48px}
header.bar{padding:0 10px}header.bar b{display:none}
.toolbar{position:static}.keys{display:none}
.panel{padding:8px}
.sat th:nth-child(3),.sat td:nth-child(3){display:none}
.body{padding:0 4px 12px 12px}
th,td{padding:2px 4px}
}
@media print{
header.bar,.toolbar{position:static}
.toolbar,.skip,header.bar nav{display:none}
.scroll{max-height:none;overflow:visible}
details.spec,details.spec[hidden]{display:block;content-visibility:visible;break-inside:avoid}
details.spec::details-content{content-visibility:visible;display:block}
details.spec>summary{white-space:normal}
a{color:inherit}
body{font-size:11pt}
}`;
function cspHash(script) {
  return `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`;
}
var CONTENT_SECURITY_POLICY = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src ${cspHash(SCRIPT)}; base-uri 'none'; form-action 'none'`;
function renderReportHtml(model) {
  let known = new Set(model.specs.map((s) => s.id)), layout = layoutGraph(model);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeXml(CONTENT_SECURITY_POLICY)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="speccc ${escapeXml(model.specccVersion)}">
<title>speccc report: ${escapeXml(model.workspace)}</title>
<link rel="icon" href="data:,">
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#specs">Skip to the specs</a>
<header class="bar"><b>speccc report</b><nav aria-label="Sections"><a href="#summary">Summary</a><a href="#last-run">Last run</a><a href="#queue">Queue</a><a href="#failures">Failures</a><a href="#graph">Graph</a><a href="#specs">Specs</a></nav></header>
<main>
${summarySection(model)}
<section id="last-run" aria-labelledby="h-last-run"><h2 id="h-last-run">Last run</h2>${timeline(model, known)}</section>
${queueSection(model, known)}
${failureSection(model, known)}
${graphSection(layout)}
${specsSection(model, known)}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
export {
  CONTENT_SECURITY_POLICY,
  renderReportHtml,
  usd
};
