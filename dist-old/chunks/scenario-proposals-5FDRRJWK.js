import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  agentWrites
} from "./chunk-WQUFENIQ.js";
import {
  applyMutant,
  draftName,
  mutantsToDraft,
  parseSurvivors
} from "./chunk-XERKC2AI.js";
import {
  readForVerify
} from "./chunk-YSYXLPKW.js";
import {
  appendDeclined,
  appendRejected,
  listDrafts,
  promoteDraft,
  readDraft,
  readProposalTemplate,
  readRejectedNames,
  readSurvivorsText,
  removeDraft,
  scenarioExists,
  writeDraft
} from "./chunk-7LIKJ5AU.js";
import {
  declarationsOf
} from "./chunk-LIJDOTZK.js";
import {
  withRun
} from "./chunk-QRRL77OZ.js";
import {
  require_lib
} from "./chunk-UJYSYHGP.js";
import "./chunk-IK4EGIYB.js";
import "./chunk-QW3P2242.js";
import {
  readSnapshot
} from "./chunk-SA3BV3R2.js";
import "./chunk-VMNTWMXG.js";
import {
  checkSnapshot
} from "./chunk-ZKZBSOLZ.js";
import {
  stripHeader
} from "./chunk-RXRBJQYY.js";
import "./chunk-GYCCWPGP.js";
import "./chunk-S5MSW45D.js";
import "./chunk-44ZR3LL4.js";
import "./chunk-RYE4YOPW.js";
import "./chunk-DUKS3JMJ.js";
import "./chunk-XAD3VXWC.js";
import "./chunk-YSUJQ6UY.js";
import "./chunk-2UGXUQJK.js";
import "./chunk-CMLTEYZG.js";
import {
  SPECCC_VERSION
} from "./chunk-H4KJMLKH.js";
import {
  TEST_FILE
} from "./chunk-346CJVLP.js";
import "./chunk-6244DZEH.js";
import "./chunk-PXJADTX7.js";
import {
  DraftMutantSchema
} from "./chunk-7XOQCP22.js";
import "./chunk-VQI6GZWE.js";
import "./chunk-ZRJIQAHE.js";
import "./chunk-ZJ2LH7GO.js";
import "./chunk-JMVWX2PN.js";
import {
  readGeneratedTree
} from "./chunk-UUOMZIVY.js";
import "./chunk-7CJQW75R.js";
import "./chunk-5NFWZACR.js";
import "./chunk-4DSQAG4B.js";
import "./chunk-NDE2NKID.js";
import "./chunk-7ZPQIYN7.js";
import "./chunk-KR53BPOB.js";
import "./chunk-CXSIFPJL.js";
import "./chunk-MIBJWLH2.js";
import {
  twinsUsedBy
} from "./chunk-242NOEV2.js";
import {
  sha256
} from "./chunk-U5XVFR3J.js";
import "./chunk-2YZVRG7S.js";
import "./chunk-Y72MW4XH.js";
import "./chunk-D7OYEMQK.js";
import "./chunk-VTZR3R7R.js";
import "./chunk-N6LFTOTB.js";
import "./chunk-GA32XAUT.js";
import "./chunk-SZ6YGT22.js";
import "./chunk-NSTTZTGX.js";
import "./chunk-Z6XS3NX4.js";
import {
  __toESM
} from "./chunk-VSAIBY22.js";

// src/scenario-proposals.ts
import path from "node:path";

// src/proposals/prompt.ts
var import_handlebars = __toESM(require_lib(), 1), draftPaths = (spec, name) => ({ md: `${spec}/${name}.md`, check: `${spec}/${name}.test.ts` }), SHOWN_LINES = 6;
function excerpt(code) {
  let lines = code.split(`
`);
  return lines.length <= SHOWN_LINES ? code : `${lines.slice(0, SHOWN_LINES).join(`
`)}
// \u2026 ${lines.length - SHOWN_LINES} more lines of the block`;
}
function renderProposal(template, input) {
  let fm = input.spec.frontmatter, first = fm.outputs.find((o) => !/\.(test|spec)\./.test(o)) ?? fm.outputs[0] ?? "src/index.ts", wanted = new Set(input.mutant.requirements), paths = draftPaths(fm.id, input.name);
  return import_handlebars.default.create().compile(template, { strict: !0, noEscape: !0 })({
    spec: { id: fm.id, file: input.spec.file, source: input.spec.source.trim() },
    name: input.name,
    mdPath: paths.md,
    checkPath: paths.check,
    firstOutput: first.replace(/\.tsx?$/, ".js"),
    mutant: { ...input.mutant, original: excerpt(input.mutant.original), replacement: excerpt(input.mutant.replacement), ran: input.mutant.status === "Survived" },
    requirements: input.spec.requirements.filter((r) => wanted.has(r.id)).map((r) => ({ id: r.id, text: r.text })),
    interfaces: input.interfaces
  }).replace(/\n{3,}/g, `

`).trim() + `
`;
}

// src/proposals/draft.ts
var draftMutantText = (spec, mutant, at) => `${JSON.stringify({ version: 1, spec, proposedAt: at.toISOString(), mutant }, null, 2)}
`;
function parseDraftMutant(text) {
  if (text === null) return null;
  try {
    let parsed = DraftMutantSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
function draftProblem(md, check, spec) {
  if (md === null) return "its scenario (.md) is missing or unreadable";
  if (check === null) return "its check (.test.ts) is missing or unreadable";
  let front = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?(?:\n|$)/.exec(md)?.[1];
  return (front ? /^spec:[ \t]*["']?([^"'\s]+)["']?[ \t]*$/m.exec(front)?.[1] : void 0) !== spec ? `its scenario's frontmatter must say \`spec: ${spec}\`` : /\*\*Then\*\*/.test(md) ? null : "its scenario has no **Then** step: it says nothing a person can judge";
}
var acceptedLine = (line) => JSON.stringify(line);

// src/scenario-proposals.ts
var SYSTEM = `You propose holdout scenarios that tell a mutant of generated code from code that meets its spec.
You are independent of the agent that wrote the code: you state behaviour the spec requires and
check it through the public interface only. Write the two files you are asked for with the
write_file tool, or none when the spec allows what the mutant does; then stop.`;
async function proposeScenarios(options) {
  return withRun({ root: options.root, runtime: options.runtime, command: "scenarios", traceCommand: "scenarios", outcomeOf: outcomeOfProposals }, async (run) => {
    let snapshot = await readSnapshot(options.root, { raw: run.raw, ...options.scenariosDir ? { scenariosDir: options.scenariosDir } : {} }), checked = await checkSnapshot(snapshot), scenariosDir = snapshot.scenarios.dir, none = { outcomes: [], blocked: [], scenariosDir };
    if (options.specId && !checked.workspace.byId.has(options.specId)) return { ...none, unknownSpec: [...checked.workspace.byId.keys()] };
    let errors = checked.diagnostics.filter((d) => d.severity === "error" && !d.code.startsWith("generated-"));
    if (errors.length > 0) return { ...none, blocked: errors };
    let text = await readSurvivorsText(options.root);
    if (text === null) return { ...none, survivors: { missing: !0 } };
    let read = parseSurvivors(text);
    if (!read.ok) return { ...none, survivors: { problem: read.message } };
    let tree = await readGeneratedTree(path.join(options.root, checked.config.paths.generated), SPECCC_VERSION), declarations = declarationsOf(new Map([...tree.files].filter(([p]) => !TEST_FILE.test(p)).map(([p, c]) => [p, stripHeader(c)]))), template = await readProposalTemplate(), taken = /* @__PURE__ */ new Set([...(await listDrafts(scenariosDir)).map((d) => `${d.spec}/${d.name}`), ...await readRejectedNames(scenariosDir), ...snapshot.scenarios.entries.map((e) => `${e.spec}/${e.name}`)]), outcomes = [];
    for (let entry of read.specs) {
      let spec = checked.workspace.byId.get(entry.spec);
      if (!spec || options.specId && entry.spec !== options.specId) continue;
      let outputs = new Set(spec.frontmatter.outputs), own = entry.survivors.filter((m) => outputs.has(m.file) && tree.files.has(m.file)), specTaken = new Set([...taken].filter((t) => t.startsWith(`${entry.spec}/`)).map((t) => t.slice(entry.spec.length + 1)));
      for (let mutant of mutantsToDraft(own, options.max, specTaken)) {
        let name = draftName(mutant);
        if (applyMutant(tree.files.get(mutant.file), mutant) === null) {
          outcomes.push({ spec: entry.spec, name, mutant, state: "stale", error: "the code changed since the mutation run: run `speccc verify --mutate` again" });
          continue;
        }
        let interfaces = spec.frontmatter.outputs.filter((o) => declarations.has(o)).map((o) => ({ path: o.replace(/\.(?:[cm]?ts|tsx)$/, ".d.ts"), text: declarations.get(o) })), prompt = renderProposal(template, { spec, name, mutant, interfaces }), drafted = await draftOne(run.runtime, checked.config, { spec: entry.spec, name, mutant, prompt, scenariosDir, signal: options.signal ?? new AbortController().signal });
        if (outcomes.push(drafted.outcome), drafted.fatal) return { outcomes, blocked: [], scenariosDir };
      }
    }
    return { outcomes, blocked: [], scenariosDir };
  });
}
var outcomeOfProposals = (r) => r.blocked.length > 0 || r.unknownSpec || r.survivors ? "blocked" : r.outcomes.some((o) => o.state === "failed") ? "failed" : "done";
async function draftOne(runtime, config, job) {
  let { spec, name, mutant } = job, paths = draftPaths(spec, name), { result, written } = await agentWrites(runtime.agent, config, { specId: spec, system: SYSTEM, prompt: job.prompt, outputs: [paths.md, paths.check], signal: job.signal }), md = written.get(paths.md), check = written.get(paths.check), fatal = result.fatal === !0;
  return md === void 0 && check === void 0 && (result.status === "done" || result.status === "incomplete") ? (await appendDeclined(job.scenariosDir, JSON.stringify({ at: (/* @__PURE__ */ new Date()).toISOString(), scenario: `${spec}/${name}`, mutant: { file: mutant.file, line: mutant.line, column: mutant.column, mutator: mutant.mutator } })), { outcome: { spec, name, mutant, state: "declined", error: "the agent wrote no draft: it judged that the spec allows what the mutant does" }, fatal }) : md === void 0 || check === void 0 ? { outcome: { spec, name, mutant, state: "failed", error: result.error ?? `the agent wrote ${md === void 0 ? "no scenario" : "no check"}` }, fatal } : (await writeDraft(job.scenariosDir, spec, name, { md, check, mutant: draftMutantText(spec, mutant, /* @__PURE__ */ new Date()) }), { outcome: { spec, name, mutant, state: "drafted" }, fatal });
}
async function acceptDrafts(options) {
  let { snapshot, checked } = await readForVerify(options.root, options.scenariosDir), scenariosDir = snapshot.scenarios.dir;
  if (checked.configBroken) return { outcomes: [], scenariosDir, configBroken: !0 };
  let validator = options.validator(checked.config), tree = await readGeneratedTree(path.join(options.root, checked.config.paths.generated), SPECCC_VERSION), all = await listDrafts(scenariosDir), wanted = options.drafts.length === 0 ? all.map((d) => `${d.spec}/${d.name}`) : options.drafts, outcomes = [];
  for (let draft of wanted) {
    let found = all.find((d) => `${d.spec}/${d.name}` === draft);
    if (!found) {
      outcomes.push({ draft, state: "missing", reason: "no such draft" });
      continue;
    }
    outcomes.push(await acceptOne({ validator, signal: options.signal }, { ...found, draft, scenariosDir, tree: tree.files, checked }));
  }
  return { outcomes, scenariosDir };
}
async function acceptOne(options, d) {
  let files = await readDraft(d.scenariosDir, d.spec, d.name), record = parseDraftMutant(files.mutant), refuse = (reason, mutant2) => ({ draft: d.draft, state: "refused", reason, ...mutant2 ? { mutant: mutant2 } : {} });
  if (!record || record.spec !== d.spec) return refuse("its mutant record (.mutant.json) is missing or not what `scenarios propose` writes");
  let { mutant } = record, problem = draftProblem(files.md, files.check, d.spec);
  if (problem) return refuse(problem, mutant);
  let spec = d.checked.workspace.byId.get(d.spec);
  if (!spec || !spec.frontmatter.outputs.includes(mutant.file)) return refuse(`spec ${d.spec} no longer owns ${mutant.file}`, mutant);
  if (await scenarioExists(d.scenariosDir, d.spec, d.name)) return refuse(`a scenario named ${d.name} exists already in ${d.spec}/`, mutant);
  let mutated = applyMutant(d.tree.get(mutant.file) ?? "", mutant);
  if (mutated === null) return refuse("the promoted code changed since the mutant was found: run `speccc verify --mutate` and `scenarios propose` again", mutant);
  let checks = [{ name: d.name, file: `${d.spec}/${d.name}.test.ts`, content: files.check }], twins = twinsUsedBy(spec, d.checked.workspace), onPromoted = await options.validator.holdout({ specId: d.spec, checks, tree: d.tree, twins, signal: options.signal });
  return onPromoted.passed ? (await options.validator.holdout({ specId: d.spec, checks, tree: new Map([...d.tree, [mutant.file, mutated]]), twins, signal: options.signal })).passed ? refuse("it passes on the mutated code too: it does not kill its mutant; edit it, or reject it", mutant) : (await promoteDraft(d.scenariosDir, d.spec, d.name, { md: files.md, check: files.check }, acceptedLine({ at: (/* @__PURE__ */ new Date()).toISOString(), scenario: `${d.spec}/${d.name}`, spec: d.spec, mutant: { file: mutant.file, line: mutant.line, column: mutant.column, mutator: mutant.mutator }, check: sha256(files.check) })), { draft: d.draft, state: "accepted", mutant }) : refuse(`it fails on the promoted code (${onPromoted.scenarios[0]?.failure ?? (onPromoted.feedback.split(`
`)[0] || "no result")}): the draft is wrong, or it found a bug; edit it, or reject it`, mutant);
}
var scenariosFolder = async (root, scenariosDir) => (await readSnapshot(root, scenariosDir ? { scenariosDir } : {})).scenarios.dir;
async function rejectDrafts(root, scenariosDir, drafts) {
  let dir = await scenariosFolder(root, scenariosDir), all = new Set((await listDrafts(dir)).map((d) => `${d.spec}/${d.name}`)), out = [];
  for (let draft of drafts) {
    if (!all.has(draft)) {
      out.push({ draft, removed: !1 });
      continue;
    }
    let [spec, name] = draft.split("/");
    await appendRejected(dir, JSON.stringify({ at: (/* @__PURE__ */ new Date()).toISOString(), scenario: draft })), await removeDraft(dir, spec, name), out.push({ draft, removed: !0 });
  }
  return out;
}
async function listProposals(root, scenariosDir) {
  let dir = await scenariosFolder(root, scenariosDir), drafts = [];
  for (let d of await listDrafts(dir)) {
    let files = await readDraft(dir, d.spec, d.name), title = /^#\s+(.+)$/m.exec(files.md ?? "")?.[1]?.trim() ?? "(no scenario)";
    drafts.push({ draft: `${d.spec}/${d.name}`, title, mutant: parseDraftMutant(files.mutant)?.mutant ?? null });
  }
  return { scenariosDir: dir, drafts };
}
export {
  acceptDrafts,
  draftName,
  listProposals,
  proposeScenarios,
  rejectDrafts
};
