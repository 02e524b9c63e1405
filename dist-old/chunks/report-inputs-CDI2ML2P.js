import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  VERIFY_HISTORY,
  readVerifyHistory
} from "./chunk-PMSSQN5E.js";
import "./chunk-7XOQCP22.js";
import {
  listRuns,
  readRun
} from "./chunk-VQI6GZWE.js";
import {
  currentHolder
} from "./chunk-ZRJIQAHE.js";
import {
  readManifest
} from "./chunk-UUOMZIVY.js";
import "./chunk-7CJQW75R.js";
import "./chunk-5NFWZACR.js";
import "./chunk-U5XVFR3J.js";
import "./chunk-SZ6YGT22.js";
import "./chunk-VSAIBY22.js";

// src/io/report-inputs.ts
import { promises as fs } from "node:fs";
import path from "node:path";
var CHECK_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/, MAX_TITLE_READ = 64 * 1024;
async function readReportRecords(root, paths, version, members = []) {
  let problems = [], runs = [];
  for (let run of await listRuns(root)) {
    let { events, problems: broken } = await readRun(run);
    for (let p of broken) problems.push(`.speccc/runs/${run.runId}.jsonl:${p.line}: ${p.message}; skipped`);
    runs.push({ id: run.runId, events });
  }
  let history = await readVerifyHistory(root);
  for (let p of history?.problems ?? []) problems.push(`${VERIFY_HISTORY}:${p.line}: ${p.message}`);
  let { manifest, problem } = await readManifest(path.resolve(root, paths.generated), version), holder = await currentHolder(root), buildRunning = holder !== null && (holder.command === "build" || holder.command === "watch");
  return { runs, verify: history?.lines ?? [], manifest, manifestProblem: problem, scenarios: await allScenarioNames(root, paths.scenarios, members), problems, buildRunning };
}
async function allScenarioNames(root, scenarios, members) {
  let out = await scenarioNames(path.resolve(root, scenarios));
  for (let m of members) out.push(...(await scenarioNames(path.resolve(root, m.scenarios))).map((s) => ({ ...s, spec: `${m.name}:${s.spec}` })));
  return out;
}
async function scenarioNames(dir) {
  let folders = await fs.readdir(dir, { withFileTypes: !0 }).then(
    (entries) => entries.filter((d) => d.isDirectory()).map((d) => d.name).sort(),
    () => []
  ), out = [];
  for (let spec of folders) {
    let names = await fs.readdir(path.join(dir, spec)).catch(() => []), titles = /* @__PURE__ */ new Map();
    for (let md of names.filter((n) => n.endsWith(".md")).sort()) titles.set(md.slice(0, -3), await titleOf(path.join(dir, spec, md)));
    for (let check of names.filter((n) => CHECK_FILE.test(n)).sort()) {
      let name = check.replace(CHECK_FILE, "");
      titles.has(name) || titles.set(name, null);
    }
    for (let [name, title] of [...titles].sort(([a], [b]) => a < b ? -1 : 1)) out.push({ spec, name, title });
  }
  return out;
}
async function titleOf(file) {
  let handle;
  try {
    handle = await fs.open(file, "r");
    let buffer = Buffer.alloc(MAX_TITLE_READ), { bytesRead } = await handle.read(buffer, 0, MAX_TITLE_READ, 0), text = buffer.subarray(0, bytesRead).toString("utf8").replace(/^\uFEFF/, ""), body = text.startsWith("---") ? text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, "") : text, heading = /^#[ \t]+(.+?)[ \t#]*$/m.exec(body);
    return heading ? heading[1].trim() : null;
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}
export {
  readReportRecords
};
