import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  assetPath
} from "./chunk-ZJ2LH7GO.js";
import {
  writeInside
} from "./chunk-5NFWZACR.js";
import {
  sha256
} from "./chunk-U5XVFR3J.js";

// src/io/triage-files.ts
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";

// src/triage/requests.ts
function positionOf(text, offset) {
  let lines = text.slice(0, Math.max(0, Math.min(offset, text.length))).split(`
`);
  return { line: lines.length, column: lines.at(-1).length + 1 };
}
function jsonErrorAt(text, message) {
  let lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  let pos = /at position (\d+)/.exec(message);
  return positionOf(text, pos ? Number(pos[1]) : text.length);
}
function jsonErrorText(message) {
  return message.replace(/^Unexpected token '(.)', ".*" is not valid JSON$/s, "unexpected `$1`").replace(/ in JSON at position \d+.*$/s, "").replace(/ \(line \d+ column \d+\)$/, "").replace(/^Unexpected end of JSON input$/, "the JSON ends before it is complete");
}
function itemOffsets(text) {
  let offsets = [], depth = 0, inString = !1, expecting = !1;
  for (let i = 0; i < text.length; i++) {
    let c = text[i];
    if (inString) {
      c === "\\" ? i++ : c === '"' && (inString = !1);
      continue;
    }
    /\s/.test(c) || (depth === 1 && expecting && c !== "]" && (offsets.push(i), expecting = !1), c === '"' ? inString = !0 : c === "[" || c === "{" ? (depth++, depth === 1 && (expecting = !0)) : c === "]" || c === "}" ? depth-- : c === "," && depth === 1 && (expecting = !0));
  }
  return offsets;
}
var isObject = (v) => v !== null && typeof v == "object" && !Array.isArray(v);
function labelsOf(value) {
  return Array.isArray(value) ? value.flatMap((l) => typeof l == "string" ? [l] : isObject(l) && typeof l.name == "string" ? [l.name] : []) : [];
}
function requestsFromIssues(file, text) {
  let problems = [], at = (offset, message) => problems.push({ file, ...positionOf(text, offset), message });
  if (text.trim() === "")
    return at(0, "the file is empty; expected the JSON array `gh issue list --json number,title,body` prints"), { requests: [], problems };
  let value;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    let message = error instanceof Error ? error.message : String(error);
    return problems.push({ file, ...jsonErrorAt(text, message), message: `not valid JSON: ${jsonErrorText(message)}` }), { requests: [], problems };
  }
  let items = Array.isArray(value) ? value : [value], offsets = Array.isArray(value) ? itemOffsets(text) : [text.search(/\S/)], requests = [], seen = /* @__PURE__ */ new Set();
  return items.forEach((item, i) => {
    let offset = offsets[i] ?? 0;
    if (!isObject(item)) return at(offset, `item ${i + 1} is ${item === null ? "null" : Array.isArray(item) ? "a list" : `a ${typeof item}`}; expected an issue object with \`number\` and \`title\``);
    let number = item.number;
    if (typeof number != "number" || !Number.isSafeInteger(number) || number < 1) return at(offset, `item ${i + 1} has no issue \`number\` (a whole number); add \`number\` to \`gh issue list --json\``);
    if (typeof item.title != "string") return at(offset, `issue ${number} has no \`title\` (a string); add \`title\` to \`gh issue list --json\``);
    if (item.body !== void 0 && item.body !== null && typeof item.body != "string") return at(offset, `issue ${number}'s \`body\` is not a string`);
    if (seen.has(`gh-${number}`)) return at(offset, `issue ${number} appears twice in this file`);
    seen.add(`gh-${number}`), requests.push({
      id: `gh-${number}`,
      title: item.title.trim(),
      body: typeof item.body == "string" ? item.body.trim() : "",
      labels: labelsOf(item.labels),
      url: typeof item.url == "string" ? item.url : null,
      source: file
    });
  }), { requests, problems };
}
function requestFromMarkdown(file, text) {
  let body = text.replace(/^\uFEFF/, "").trim();
  if (body === "") return { requests: [], problems: [{ file, line: 1, column: 1, message: "the request is empty; write what should change, for whom, and how you would know it works" }] };
  let stem = file.split(/[\\/]/).pop().replace(/\.(md|markdown)$/i, "");
  return { requests: [{ id: slug(stem) || "request", ...titleAndBody(body), labels: [], url: null, source: file }], problems: [] };
}
function requestFromText(text) {
  let body = text.replace(/^\uFEFF/, "").trim();
  return body === "" ? { requests: [], problems: [{ file: "stdin", line: 1, column: 1, message: "stdin held no request; pipe the request text in, or name a file or folder" }] } : { requests: [{ id: `stdin-${sha256(body).slice(0, 8)}`, ...titleAndBody(body), labels: [], url: null, source: "stdin" }], problems: [] };
}
function titleAndBody(text) {
  let heading = /^#[ \t]+(.+?)[ \t#]*$/m.exec(text), title = heading ? heading[1].trim() : text.split(`
`)[0].trim(), body = heading ? text.replace(heading[0], "").trim() : text.split(`
`).slice(1).join(`
`).trim();
  return { title: title.length > 120 ? `${title.slice(0, 119)}\u2026` : title, body: heading || body !== "" ? body : "" };
}
function slug(text) {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 64).replace(/-+$/, "");
}

// src/triage/record.ts
import { stringify } from "yaml";
var DECISIONS_DIR = "triage/decisions", recordFile = (id) => `${DECISIONS_DIR}/${id}.md`, HEADLINE = {
  accept: "Accepted",
  duplicate: "Duplicate",
  reject: "Rejected",
  "needs-info": "Needs information"
};
function quote(text) {
  let t = text.trim();
  return t === "" ? "> (empty)" : t.split(`
`).map((l) => l.trim() === "" ? ">" : `> ${l}`).join(`
`);
}
function draftSection(decision) {
  let draft = decision.draft;
  if (!draft) return [];
  let what = draft.kind === "new" ? `A new spec \`${draft.specId}\`` : `A change to spec \`${draft.specId}\` (${draft.checkedAs}); a person adopts it by moving it over that file and setting its status`, verdict = draft.passes ? `It passes \`speccc check\`${draft.findings.length > 0 ? ` with ${draft.findings.length} warning(s):` : "."}` : "It does not pass `speccc check` (so it is kept out of specs/ until fixed):";
  return ["", "## Draft", "", `${what}, \`status: proposed\`: [${draft.file}](../../${draft.file}).`, "", verdict, ...draft.findings.length > 0 ? ["", ...draft.findings.map((f) => `- ${f}`)] : []];
}
function decisionRecord(decision, decidedAt) {
  let r = decision.request, front = {
    request: r.id,
    title: r.title,
    source: r.source,
    ...r.url ? { url: r.url } : {},
    ...r.labels.length > 0 ? { labels: r.labels } : {},
    decision: decision.decision,
    decided_by: decision.by,
    decided_at: decidedAt,
    ...decision.duplicateOf ? { duplicate_of: decision.duplicateOf } : {},
    ...decision.draft ? { spec: decision.draft.specId, draft: decision.draft.file, draft_passes_check: decision.draft.passes } : {},
    ...decision.costUsd > 0 ? { cost_usd: Math.round(decision.costUsd * 1e6) / 1e6 } : {}
  }, lines = [
    "---",
    stringify(front, { lineWidth: 0 }).trimEnd(),
    "---",
    "",
    `# ${HEADLINE[decision.decision]}: ${r.title || "(no title)"}`,
    "",
    "## Reasons",
    "",
    ...decision.reasons.map((reason) => `- ${reason}`)
  ];
  return decision.missionLine && lines.push("", "## The mission line it conflicts with", "", quote(decision.missionLine)), decision.duplicateOf && lines.push("", `Covered by spec \`${decision.duplicateOf}\`.`), decision.questions.length > 0 && lines.push("", "## Questions for the requester", "", ...decision.questions.map((q) => `- ${q}`)), lines.push(...draftSection(decision)), lines.push("", "## The request", "", quote([r.title, r.body].filter(Boolean).join(`

`))), lines.join(`
`) + `
`;
}

// src/io/triage-files.ts
var TRIAGE_TEMPLATES_DIR = assetPath("triage");
async function readTriageTemplates() {
  let [system, request] = await Promise.all(["system", "request"].map((n) => fs.readFile(path.join(TRIAGE_TEMPLATES_DIR, `${n}.hbs`), "utf8")));
  return { system, request };
}
var REQUEST_FILE = /\.(?:json|md|markdown)$/i;
function parseFile(shown, text) {
  return /\.json$/i.test(shown) ? requestsFromIssues(shown, text) : requestFromMarkdown(shown, text);
}
async function readRequests(cwd, inputs, stdin) {
  let out = { requests: [], problems: [] }, add = (p) => {
    out.requests.push(...p.requests), out.problems.push(...p.problems);
  }, problem = (file, message) => out.problems.push({ file, line: 1, column: 1, message });
  for (let input of inputs.length === 0 ? ["-"] : inputs) {
    if (input === "-") {
      stdin ? add(requestFromText(await stdin())) : problem("stdin", "no requests given: name files or folders, or pipe request text in");
      continue;
    }
    let full = path.resolve(cwd, input), st = await fs.stat(full).catch(() => null);
    if (!st) {
      problem(input, "no such file or folder");
      continue;
    }
    let files = st.isDirectory() ? (await fs.readdir(full)).filter((n) => REQUEST_FILE.test(n) && n.toLowerCase() !== "readme.md").sort().map((n) => path.join(input, n)) : [input];
    if (st.isDirectory() && files.length === 0 && problem(input, "the folder holds no requests (.json files of GitHub issues, or .md files)"), !st.isDirectory() && !REQUEST_FILE.test(input)) {
      problem(input, "not a request file: expected .json (GitHub issues as `gh issue list --json` prints them) or .md");
      continue;
    }
    for (let file of files) {
      let text = await fs.readFile(path.resolve(cwd, file), "utf8").catch((error) => (problem(file, `cannot be read: ${error.code ?? error.message}`), null));
      text !== null && add(parseFile(file, text));
    }
  }
  return out;
}
async function readDecided(root) {
  let names = await fs.readdir(path.join(root, DECISIONS_DIR)).catch(() => []);
  return new Map(names.filter((n) => n.endsWith(".md")).map((n) => [n.slice(0, -3), `${DECISIONS_DIR}/${n}`]));
}
var existsInside = (root) => (rel) => existsSync(path.join(root, rel));
async function writeDecision(root, decision, decidedAt, redact) {
  let file = recordFile(decision.request.id);
  return await writeInside(root, file, redact(decisionRecord(decision, decidedAt))), decision.draft && await writeInside(root, decision.draft.file, redact(decision.draft.markdown)), file;
}

export {
  slug,
  readTriageTemplates,
  readRequests,
  readDecided,
  existsInside,
  writeDecision
};
