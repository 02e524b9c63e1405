import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  mergeLessons
} from "./chunk-COQEM5Y6.js";
import {
  LessonsFileSchema
} from "./chunk-7XOQCP22.js";
import {
  listRuns,
  readRun
} from "./chunk-VQI6GZWE.js";
import {
  CorruptStateError
} from "./chunk-JMVWX2PN.js";
import "./chunk-UUOMZIVY.js";
import "./chunk-7CJQW75R.js";
import {
  writeInside
} from "./chunk-5NFWZACR.js";
import {
  sha256
} from "./chunk-U5XVFR3J.js";
import "./chunk-SZ6YGT22.js";
import "./chunk-VSAIBY22.js";

// src/io/lessons.ts
import { promises as fs } from "node:fs";
import path from "node:path";

// src/lessons/derive.ts
var LEARNABLE = /* @__PURE__ */ new Set(["does-not-compile", "tests-fail", "checks-weakened", "missing-output", "crash", "timeout"]);
function signatureOf(detail) {
  let line = detail.replace(/^visible checks failed after \d+ attempt\(s\): /, "").replace(/\s+/g, " ").trim(), compiler = /\berror (TS\d+): (.*)$/.exec(line);
  return compiler ? `${compiler[1]}: ${compiler[2]}` : line;
}
function occurrencesOf(run) {
  let out = [];
  for (let e of run.events) {
    if (e.type === "validation" && e.stage === "visible" && !e.passed && e.failureClass && LEARNABLE.has(e.failureClass) && out.push({ run: run.id, spec: e.spec, failureClass: e.failureClass, signature: signatureOf(e.detail ?? ""), final: !1 }), e.type !== "job" || e.state !== "failed" || !e.failureClass || !LEARNABLE.has(e.failureClass)) continue;
    let signature = signatureOf(e.error ?? ""), last = [...out].reverse().find((o) => o.spec === e.spec && o.run === run.id);
    last && last.failureClass === e.failureClass ? last.final = !0 : out.push({ run: run.id, spec: e.spec, failureClass: e.failureClass, signature, final: !0 });
  }
  return out;
}
var specList = (specs) => specs.map((s) => `\`${s}\``).join(", ");
function lessonText(failureClass, signature, evidence) {
  let seen = `${evidence.occurrences} attempt${evidence.occurrences === 1 ? "" : "s"} at ${specList(evidence.specs)}`, quoted = signature ? ` \`${signature.replace(/`/g, "'")}\`` : "";
  switch (failureClass) {
    case "does-not-compile":
      return `Write code that type-checks under strict TypeScript on the first try; the compiler rejected ${seen} with${quoted || " errors"}.`;
    case "tests-fail":
      return `Make the code and its own tests agree before writing them: ${seen} failed on${quoted || " their own tests"}.`;
    case "checks-weakened":
      return `Never switch a check off (\`@ts-nocheck\`, \`@ts-ignore\`, \`@ts-expect-error\`, a mock of the module under test, code that detects a test run): ${seen} were refused for it${quoted ? `:${quoted}` : ""}.`;
    case "missing-output": {
      let files = signature.replace(/^the agent did not write /, "");
      return `Write every file the job lists, all of them in one reply: ${seen} ended without ${files ? `\`${files}\`` : "one of them"}.`;
    }
    case "crash":
      return `Code and tests must not crash the test process (no process.exit, no unhandled rejection, no unbounded recursion): ${seen} crashed${quoted ? ` with${quoted}` : ""}.`;
    case "timeout":
      return `Keep every test fast and bounded (no real timers or waits, no unbounded loops): ${seen} ran past the time limit${quoted ? ` at${quoted}` : ""}.`;
    default:
      return `${seen} failed with ${failureClass}${quoted ? `:${quoted}` : ""}.`;
  }
}
function deriveLessons(runs) {
  let groups = /* @__PURE__ */ new Map();
  for (let run of runs)
    if (run.events.some((e) => e.type === "run-start" && (e.command === "build" || e.command === "watch")))
      for (let o of occurrencesOf(run)) {
        let key = sha256(`${o.failureClass}\0${o.signature}`).slice(0, 12);
        groups.set(key, [...groups.get(key) ?? [], o]);
      }
  let out = [];
  for (let [key, list] of groups) {
    let failedJobs = list.filter((o) => o.final).length;
    if (list.length < 2 && failedJobs === 0) continue;
    let first = list[0], evidence = { occurrences: list.length, failedJobs, specs: [...new Set(list.map((o) => o.spec))].sort(), runs: [...new Set(list.map((o) => o.run))] };
    out.push({ key, failureClass: first.failureClass, signature: first.signature, text: lessonText(first.failureClass, first.signature, evidence), evidence });
  }
  return out;
}

// src/io/lessons.ts
var LESSONS_FILE = "triage/lessons.json";
async function readLessons(root) {
  let text;
  try {
    text = await fs.readFile(path.join(root, LESSONS_FILE), "utf8");
  } catch {
    return [];
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CorruptStateError(`${LESSONS_FILE} is not valid JSON; fix it by hand (its history is in git) or delete it to propose every lesson again`);
  }
  let parsed = LessonsFileSchema.safeParse(value);
  if (!parsed.success) {
    let issue = parsed.error.issues[0];
    throw new CorruptStateError(`${LESSONS_FILE} is not a lessons file (at ${issue.path.join(".") || "the top"}: ${issue.message}); fix it by hand or delete it to propose every lesson again`);
  }
  return parsed.data.lessons;
}
async function writeLessons(root, lessons) {
  await writeInside(root, LESSONS_FILE, `${JSON.stringify({ version: 1, lessons }, null, 2)}
`);
}
async function refreshLessons(root, now) {
  let runs = [];
  for (let run of await listRuns(root)) runs.push({ id: run.runId, events: (await readRun(run)).events });
  let before = await readLessons(root), merged = mergeLessons(before, deriveLessons(runs), now);
  return JSON.stringify(merged.lessons) !== JSON.stringify(before) && await writeLessons(root, merged.lessons), merged;
}
async function readRules(root, contextDir) {
  let file = path.posix.join(contextDir.split(path.sep).join("/"), "rules.md"), text = await fs.readFile(path.join(root, file), "utf8").catch(() => null);
  return { file, text };
}
export {
  LESSONS_FILE,
  readLessons,
  readRules,
  refreshLessons,
  writeLessons
};
