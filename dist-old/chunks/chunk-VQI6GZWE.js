import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  appendInsideSync
} from "./chunk-5NFWZACR.js";

// src/io/trace.ts
import { promises as fs } from "node:fs";
import path from "node:path";
var SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD|CREDENTIAL|AUTH/i, SECRET_SHAPES = [
  /sk-ant-[A-Za-z0-9_-]{8,}/g,
  // Anthropic API and admin keys
  /\bsk-[A-Za-z0-9_-]{20,}/g,
  // other sk- style keys
  /\bgh[pousr]_[A-Za-z0-9]{20,}/g,
  // GitHub tokens
  /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g,
  // AWS access key ids
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/g,
  // Slack
  /\bBearer\s+[A-Za-z0-9._~+/=-]{16,}/g
];
function createRedactor(env) {
  let secrets = Object.entries(env).filter(([name, value]) => SECRET_NAME.test(name) && typeof value == "string" && value.length >= 8).map(([, value]) => value).sort((a, b) => b.length - a.length);
  return (text) => {
    let out = secrets.reduce((acc, secret) => acc.split(secret).join("[REDACTED]"), text);
    for (let shape of SECRET_SHAPES) out = out.replace(shape, "[REDACTED]");
    return out;
  };
}
var newRunId = (clock = Date.now) => `${new Date(clock()).toISOString().replace(/[:.]/g, "-")}-${process.pid}`;
function openTrace(root, redact, runId = newRunId()) {
  let rel = path.join(".speccc", "runs", `${runId}.jsonl`);
  return {
    runId,
    file: path.join(root, rel),
    write(event) {
      appendInsideSync(root, rel, redact(JSON.stringify({ at: (/* @__PURE__ */ new Date()).toISOString(), ...event })) + `
`);
    }
  };
}
var nullTrace = { runId: "none", file: null, write: () => {
} }, KNOWN_TYPES = {
  "run-start": !0,
  "run-end": !0,
  "job-start": !0,
  job: !0,
  budget: !0,
  prefix: !0,
  request: !0,
  tool: !0,
  error: !0,
  retry: !0,
  "models-check": !0,
  refusal: !0,
  warning: !0,
  validation: !0,
  batch: !0,
  cache: !0,
  triage: !0
}, KNOWN = new Set(Object.keys(KNOWN_TYPES));
function parseTrace(text) {
  let events = [], problems = [];
  return text.split(`
`).forEach((line, i) => {
    if (line.trim() === "") return;
    let value;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push({ line: i + 1, message: "not valid JSON (cut short by a crash?)" });
      return;
    }
    let e = value;
    if (!e || typeof e != "object" || typeof e.type != "string" || typeof e.at != "string") {
      problems.push({ line: i + 1, message: "not a trace event (no `type` and `at`)" });
      return;
    }
    if (KNOWN.has(e.type)) {
      if ("spec" in e && typeof e.spec != "string") {
        problems.push({ line: i + 1, message: "`spec` is not a string" });
        return;
      }
      events.push(e);
    }
  }), { events, problems };
}
async function listRuns(root) {
  let dir = path.join(root, ".speccc", "runs");
  return (await fs.readdir(dir).catch(() => [])).filter((f) => f.endsWith(".jsonl")).sort().map((f) => ({ runId: f.replace(/\.jsonl$/, ""), file: path.join(dir, f) }));
}
async function readRun(run) {
  return parseTrace(await fs.readFile(run.file, "utf8").catch(() => ""));
}

export {
  createRedactor,
  newRunId,
  openTrace,
  nullTrace,
  parseTrace,
  listRuns,
  readRun
};
