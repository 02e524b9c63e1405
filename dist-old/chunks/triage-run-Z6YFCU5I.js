import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  existsInside,
  readDecided,
  slug,
  writeDecision
} from "./chunk-C2OZ6VCN.js";
import {
  renderTriageRequest,
  renderTriageSystem
} from "./chunk-IZRSIBF2.js";
import {
  READ_SPEC,
  RECORD_DECISION,
  TRIAGE_MAX_TURNS,
  TRIAGE_TOOLS
} from "./chunk-M2F3IZY6.js";
import {
  withRun
} from "./chunk-QRRL77OZ.js";
import "./chunk-UJYSYHGP.js";
import "./chunk-VMNTWMXG.js";
import {
  indexIds
} from "./chunk-GYCCWPGP.js";
import "./chunk-44ZR3LL4.js";
import "./chunk-XAD3VXWC.js";
import "./chunk-CMLTEYZG.js";
import "./chunk-H4KJMLKH.js";
import "./chunk-PXJADTX7.js";
import "./chunk-ZRJIQAHE.js";
import "./chunk-ZJ2LH7GO.js";
import "./chunk-JMVWX2PN.js";
import "./chunk-UUOMZIVY.js";
import "./chunk-7CJQW75R.js";
import "./chunk-5NFWZACR.js";
import {
  checkWorkspace
} from "./chunk-4DSQAG4B.js";
import "./chunk-NDE2NKID.js";
import "./chunk-7ZPQIYN7.js";
import "./chunk-KR53BPOB.js";
import {
  modelSpec,
  parseSpecFile
} from "./chunk-52CFOBE7.js";
import "./chunk-CXSIFPJL.js";
import "./chunk-MIBJWLH2.js";
import "./chunk-242NOEV2.js";
import {
  sha256
} from "./chunk-U5XVFR3J.js";
import "./chunk-Y72MW4XH.js";
import "./chunk-D7OYEMQK.js";
import "./chunk-VTZR3R7R.js";
import {
  closest
} from "./chunk-N6LFTOTB.js";
import {
  KEBAB_CASE
} from "./chunk-GA32XAUT.js";
import "./chunk-SZ6YGT22.js";
import "./chunk-NSTTZTGX.js";
import "./chunk-Z6XS3NX4.js";
import "./chunk-VSAIBY22.js";

// src/triage/draft.ts
function withSpecFile(workspace, file, markdown) {
  let model = modelSpec(parseSpecFile(file, new TextEncoder().encode(markdown))), files = [...workspace.files.filter((f) => f.file !== file), model];
  return { workspace: { ...workspace, files, ...indexIds(files) }, model };
}
function checkDraft(input) {
  let { workspace, model } = withSpecFile(input.workspace, input.file, input.markdown), found = checkWorkspace({ workspace, generatedRoot: input.config.paths.generated, config: input.config, configSpans: /* @__PURE__ */ new Map(), scenarios: [] });
  return { model, findings: [...model.diagnostics, ...found.filter((d) => d.file === input.file)] };
}
function findingLine(d) {
  return `${d.span.start.line}:${d.span.start.column} ${d.severity} ${d.code}: ${d.message}`;
}
function citeRequest(markdown, request) {
  let text = markdown.replace(/\r\n/g, `
`).trim() + `
`, where = request.url ? ` (${request.url})` : ` (${request.source})`, title = request.title.replace(/--/g, "\u2013").replace(/\s+/g, " "), cite = `<!-- speccc triage: drafted from request ${request.id}${where}: "${title}" -->`, end = /^---\n[\s\S]*?\n---\n/.exec(text);
  return end ? `${end[0]}
${cite}
${text.slice(end[0].length).replace(/^\n+/, `
`)}` : `${cite}

${text}`;
}

// src/triage/decision.ts
import path from "node:path";
var CHANGES_DIR = "triage/changes", FAILING_DRAFTS_DIR = "triage/drafts", MAX_FINDINGS_SHOWN = 12, plain = (line) => line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "").replace(/[*_`>]/g, "").replace(/\s+/g, " ").trim().toLowerCase();
function missionLineOf(mission, quote) {
  let wanted = plain(quote).replace(/^["“]|["”]$/g, "");
  if (wanted.length < 12) return null;
  for (let line of mission.split(`
`))
    if (!(line.trim() === "" || /^#/.test(line.trim())) && plain(line).includes(wanted))
      return line.trim();
  return null;
}
function interpretDecision(input, env) {
  let reasons = input.reasons.map((r) => r.trim()).filter(Boolean);
  if (reasons.length === 0) return { ok: !1, error: "`reasons` is empty: give at least one reason, in words the requester understands." };
  let base = { request: env.request, decision: input.decision, reasons, missionLine: null, duplicateOf: null, questions: [], changesGovernance: !1, draft: null };
  switch (input.decision) {
    case "needs-info": {
      let questions = input.questions.map((q) => q.trim()).filter(Boolean);
      return questions.length === 0 ? { ok: !1, error: "needs-info without `questions`: list what to ask the requester." } : { ok: !0, decision: { ...base, questions } };
    }
    case "duplicate": {
      let id = input.duplicate_of?.trim() ?? "", known = env.specs.map((s) => s.id);
      if (!known.includes(id)) {
        let near = closest(id, known);
        return { ok: !1, error: `duplicate_of ${id ? `\`${id}\` names no spec` : "is empty"}${near ? `; did you mean \`${near}\`?` : `; the specs are: ${known.join(", ") || "none"}`}` };
      }
      return { ok: !0, decision: { ...base, duplicateOf: id } };
    }
    case "reject":
      return reject(input, env, base);
    case "accept":
      return accept(input, env, base);
  }
}
function reject(input, env, base) {
  if (input.changes_governance) return { ok: !0, decision: { ...base, changesGovernance: !0 } };
  if (!env.mission) return { ok: !1, error: "this workspace has no context/mission.md, so a rejection cannot quote it: set changes_governance if the request asks to change context/, else decide needs-info or accept." };
  let quote = input.mission_line?.trim() ?? "", line = quote ? missionLineOf(env.mission.text, quote) : null;
  return line ? { ok: !0, decision: { ...base, missionLine: line } } : { ok: !1, error: `reject needs \`mission_line\`, a line of ${env.mission.file} copied exactly${quote ? `; "${quote}" is not in it` : ""}. The mission:
${env.mission.text.trim()}` };
}
function draftPath(specsDir, rel) {
  let p = (rel ?? "").trim();
  return p ? p.includes("\\") || path.posix.isAbsolute(p) || !p.endsWith(".md") || path.posix.normalize(p).startsWith("..") || path.posix.basename(p).toLowerCase() === "readme.md" ? { error: `\`path\` ${p} must be a relative POSIX path ending in .md inside the specs folder (and not a README.md)` } : { file: path.posix.join(specsDir, path.posix.normalize(p)) } : { error: "a new draft needs `path`, relative to the specs folder, e.g. features/csv-export.md" };
}
function accept(input, env, base) {
  let d = input.draft;
  if (!d || d.markdown.trim() === "") return { ok: !1, error: "accept needs `draft`: the whole spec in markdown, frontmatter first, with `status: proposed`." };
  if (!KEBAB_CASE.test(d.spec_id)) return { ok: !1, error: `spec_id \`${d.spec_id}\` is not a kebab-case id` };
  let existing = env.specs.find((s) => s.id === d.spec_id), file, checkedAs;
  if (d.kind === "new") {
    if (existing) return { ok: !1, error: `a spec with id \`${d.spec_id}\` exists already (${existing.file}): make this a change to it (kind change), or pick another id` };
    let where = draftPath(env.specsDir, d.path);
    if ("error" in where) return { ok: !1, error: where.error };
    if (env.exists(where.file)) return { ok: !1, error: `${where.file} exists already: pick another path` };
    file = checkedAs = where.file;
  } else {
    if (!existing) return { ok: !1, error: `no spec has id \`${d.spec_id}\` to change${closest(d.spec_id, env.specs.map((s) => s.id)) ? `; did you mean \`${closest(d.spec_id, env.specs.map((s) => s.id))}\`?` : ""}` };
    file = `${CHANGES_DIR}/${d.spec_id}.${env.request.id}.md`, checkedAs = existing.file;
  }
  let markdown = citeRequest(d.markdown, env.request), { model, findings } = env.check(checkedAs, markdown), fm = model.spec?.frontmatter;
  if (fm && fm.id !== d.spec_id) return { ok: !1, error: `the draft's frontmatter says \`id: ${fm.id}\` but spec_id is \`${d.spec_id}\`: make them the same` };
  if (fm && fm.status !== "proposed") return { ok: !1, error: `the draft's status is \`${fm.status}\`: a triage draft is \`status: proposed\` until a person makes it ready` };
  let errors = findings.filter((f) => f.severity === "error");
  if (errors.length > 0 && env.rejectedDrafts === 0) {
    let shown = errors.slice(0, MAX_FINDINGS_SHOWN).map((f) => `- ${findingLine(f)}`), more = errors.length > MAX_FINDINGS_SHOWN ? [`- \u2026 and ${errors.length - MAX_FINDINGS_SHOWN} more`] : [];
    return { ok: !1, draftRejected: !0, error: `\`speccc check\` finds ${errors.length} error(s) in the draft (lines count from its first line, the comment citing the request included); fix them and call record_decision again:
${[...shown, ...more].join(`
`)}` };
  }
  errors.length > 0 && d.kind === "new" && (file = `${FAILING_DRAFTS_DIR}/${d.spec_id}.${env.request.id}.md`);
  let draft = { kind: d.kind, specId: d.spec_id, title: model.spec?.title?.value ?? d.spec_id, specKind: fm?.kind ?? "feature", file, checkedAs, markdown, findings: findings.map(findingLine), passes: errors.length === 0 };
  return { ok: !0, decision: { ...base, draft } };
}

// src/triage/precheck.ts
var normalise = (title) => title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim(), CHANGE_VERB = /\b(?:change|changes|changing|edit|edits|editing|update|updates|updating|modify|modifies|rewrite|rewrites|remove|removes|delete|deletes|add|adds|adding|amend|amends|replace|replaces|drop|drops|relax|relaxes|allow|allows)\b/i;
function governanceTarget(request, contextFiles, contextDir) {
  let text = `${request.title}.
${request.body}`, dir = contextDir.replace(/\/+$/, ""), names = contextFiles.map((f) => ({ file: f, name: f.split("/").pop().toLowerCase() }));
  for (let sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    if (!CHANGE_VERB.test(sentence)) continue;
    let lower = sentence.toLowerCase(), named = names.find((n) => lower.includes(n.file.toLowerCase()) || new RegExp(`(^|[^\\w/-])${escape(n.name)}\\b`).test(lower));
    if (named) return named.file;
    if (lower.includes(`${dir.toLowerCase()}/`)) return `${dir}/`;
  }
  return null;
}
var escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function decided(request, decision, reasons, extra = {}) {
  return { kind: "decided", decision: { request, decision, by: "pre-check", reasons, missionLine: null, duplicateOf: null, questions: [], changesGovernance: !1, draft: null, costUsd: 0, ...extra } };
}
function precheck(request, input) {
  let record = input.decided.get(request.id);
  if (record) return { kind: "already-decided", record };
  if (request.title.trim() === "" && request.body.trim() === "")
    return decided(request, "needs-info", ["The request is empty: there is nothing to decide on."], {
      questions: ["What should change, for whom, and how would you know it works?"]
    });
  let title = normalise(request.title), same = title === "" ? void 0 : input.specs.find((s) => normalise(s.title) === title || s.id === slug(request.title));
  if (same)
    return decided(request, "duplicate", [`Its title is the title (or id) of spec \`${same.id}\` (${same.file}), which already covers it; add to that spec's request instead of opening another.`], { duplicateOf: same.id });
  let target = governanceTarget(request, input.contextFiles, input.contextDir);
  return target ? decided(request, "reject", [`It asks to change \`${target}\`, a governance document: only people edit context/, never triage. A person who agrees should edit it and commit the change with its reason.`], { changesGovernance: !0 }) : { kind: "to-model" };
}

// src/commands/triage-run.ts
function triageWorkspace(workspace, config) {
  let specs = workspace.files.flatMap((f) => {
    let fm = f.spec?.frontmatter;
    return fm ? [{ id: fm.id, title: f.spec.title?.value ?? fm.id, file: f.file, status: fm.status, kind: fm.kind, source: f.spec.source }] : [];
  }), missionDoc = workspace.context.find((c) => c.file.split("/").pop().toLowerCase() === "mission.md");
  return { specs, context: workspace.context, contextDir: config.paths.context, specsDir: config.paths.specs, mission: missionDoc ? { file: missionDoc.file, text: missionDoc.text } : null };
}
async function planTriage(root, tw, requests) {
  let decided2 = await readDecided(root);
  return requests.map((request) => ({ request, check: precheck(request, { specs: tw.specs, decided: decided2, contextFiles: tw.context.map((c) => c.file), contextDir: tw.contextDir }) }));
}
function triageSandbox(env, sources) {
  let decision, rejectedDrafts = 0, refuse = () => ({ ok: !1, error: "triage writes no files: record the decision with record_decision" });
  return {
    outputs: ["decision"],
    write: refuse,
    read: refuse,
    written: () => decision ? /* @__PURE__ */ new Map([["decision", decision.decision]]) : /* @__PURE__ */ new Map(),
    reminder: "You have not recorded a decision yet: call record_decision.",
    call(name, input) {
      if (name === READ_SPEC) {
        let id = input.id, source = sources.get(id);
        return source !== void 0 ? { ok: !0, content: source } : { ok: !1, error: `no spec has id \`${id}\`; the specs are: ${[...sources.keys()].join(", ") || "none"}` };
      }
      if (name !== RECORD_DECISION) return { ok: !1, error: `no tool named ${name}` };
      if (decision) return { ok: !0, content: "The decision is recorded already." };
      let result = interpretDecision(input, { ...env, rejectedDrafts });
      return result.ok ? (decision = result.decision, { ok: !0, content: `Recorded: ${decision.decision}.` }) : (result.draftRejected && rejectedDrafts++, { ok: !1, error: result.error });
    },
    decision: () => decision
  };
}
async function runTriage(input) {
  let outcomeOf = (outcomes) => input.signal.aborted ? "cancelled" : outcomes.some((o) => o.state === "not-decided") ? "failed" : "done";
  return withRun({ root: input.root, runtime: input.runtime, traceCommand: "triage", traceSandbox: "none", outcomeOf }, () => decideAll(input));
}
async function decideAll(input) {
  let { root, config, runtime } = input, tw = triageWorkspace(input.workspace, config), system = renderTriageSystem(input.templates, { context: tw.context, specs: tw.specs }), sources = new Map(tw.specs.map((s) => [s.id, s.source])), drafted = [], outcomes = [], exists = existsInside(root), workspace = input.workspace, stopped = null, decided2 = await readDecided(root);
  for (let request of input.requests) {
    let known = [...tw.specs, ...drafted], pre = precheck(request, { specs: known, decided: decided2, contextFiles: tw.context.map((c) => c.file), contextDir: tw.contextDir }), outcome;
    if (pre.kind === "already-decided") outcome = { request, state: "already-decided", record: pre.record };
    else if (input.signal.aborted || pre.kind === "to-model" && stopped) outcome = { request, state: "not-decided", error: stopped ? `stopped: ${stopped}` : "cancelled", costUsd: 0 };
    else {
      let decision = pre.kind === "decided" ? pre.decision : await converse(input, request, system, { workspace, known, drafted, sources, exists, tw });
      if ("error" in decision)
        decision.fatal && (stopped = decision.error), outcome = { request, state: "not-decided", error: decision.error, costUsd: decision.costUsd };
      else {
        let record = await writeDecision(root, decision, new Date(runtime.clock()).toISOString(), runtime.redact);
        decided2.set(request.id, record);
        let draft = decision.draft;
        draft?.kind === "new" && draft.passes && (drafted.push({ id: draft.specId, title: draft.title, file: draft.file, status: "proposed", kind: draft.specKind }), workspace = withSpecFile(workspace, draft.file, draft.markdown).workspace), outcome = { request, state: "decided", decision, record };
      }
    }
    let spent = outcome.state === "decided" ? outcome.decision.costUsd : outcome.state === "not-decided" ? outcome.costUsd : 0;
    runtime.trace.write({ type: "triage", spec: `triage:${request.id}`, request: request.id, decision: outcome.state === "decided" ? outcome.decision.decision : null, by: outcome.state === "decided" ? outcome.decision.by : null, record: outcome.state === "not-decided" ? null : outcome.record, costUsd: spent, ...outcome.state === "not-decided" ? { error: outcome.error } : {} }), outcomes.push(outcome), input.onOutcome?.(outcome);
  }
  return outcomes;
}
async function converse(input, request, system, at) {
  let prompt = renderTriageRequest(input.templates, { request, drafted: at.drafted }), sandbox = triageSandbox(
    {
      request,
      mission: at.tw.mission,
      specs: at.known,
      specsDir: at.tw.specsDir,
      exists: at.exists,
      check: (file, markdown) => checkDraft({ workspace: at.workspace, config: input.config, file, markdown })
    },
    at.sources
  ), outcome = await input.runtime.agent.run(
    {
      specId: `triage:${request.id}`,
      jobKey: sha256(`${system}
${prompt}`),
      model: input.model,
      effort: input.config.model.effort,
      maxOutputTokens: input.config.model.maxOutputTokens,
      system,
      prompt,
      tools: TRIAGE_TOOLS,
      maxTurns: TRIAGE_MAX_TURNS,
      signal: input.signal
    },
    sandbox
  ), decision = sandbox.decision();
  return outcome.status !== "done" || !decision ? { error: outcome.status === "incomplete" ? `the model used all ${TRIAGE_MAX_TURNS} turns without recording a decision speccc accepts` : outcome.error ?? `the model stopped (${outcome.status}) without recording a decision`, costUsd: outcome.costUsd, ...outcome.fatal ? { fatal: !0 } : {} } : { ...decision, by: outcome.model ?? input.model, costUsd: outcome.costUsd };
}
export {
  planTriage,
  runTriage,
  triageWorkspace
};
