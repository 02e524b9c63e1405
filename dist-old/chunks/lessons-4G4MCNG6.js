import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  EXIT,
  UsageError,
  inWorkspace,
  toJson
} from "./chunk-EEWYZ6FF.js";
import {
  Option
} from "./chunk-IMW7CCHR.js";
import "./chunk-N6LFTOTB.js";
import "./chunk-VSAIBY22.js";

// src/commands/lessons.ts
function evidenceLine(l) {
  let e = l.evidence, jobs = e.failedJobs > 0 ? `, ${e.failedJobs} failed job${e.failedJobs === 1 ? "" : "s"}` : "";
  return `${e.occurrences} failed attempt${e.occurrences === 1 ? "" : "s"}${jobs} \xB7 ${e.specs.join(", ")} \xB7 ${e.runs.length} run${e.runs.length === 1 ? "" : "s"}`;
}
function formatLessons(lessons) {
  if (lessons.length === 0) return `no lessons: no failure of a spec's own checks repeated or ended a job in .speccc/runs/
`;
  let lines = [];
  for (let l of lessons)
    l.status === "proposed" ? lines.push(`${l.n} proposed \xB7 ${l.failureClass} \xB7 ${evidenceLine(l)}`, `  ${l.text}`, `  accept: speccc lessons --accept ${l.n} [--as "<your words>"]; reject: speccc lessons --reject ${l.n}`) : lines.push(`${l.n} ${l.status} ${l.decidedAt?.slice(0, 10) ?? ""} \xB7 ${l.failureClass}${l.status === "accepted" ? `: ${l.accepted}` : ""}`);
  return lines.join(`
`) + `
`;
}
function lessonNumber(flag, text, lessons) {
  let n = Number(text), lesson = /^\s*\d+\s*$/.test(text) ? lessons.find((l) => l.n === n) : void 0;
  if (!lesson) throw new UsageError(`${flag} ${text}: no such lesson; ${lessons.length === 0 ? "none is proposed" : `the lessons are ${lessons.map((l) => l.n).join(", ")}`} (speccc lessons lists them)`);
  if (lesson.status !== "proposed") throw new UsageError(`${flag} ${text}: lesson ${lesson.n} was ${lesson.status} on ${lesson.decidedAt?.slice(0, 10) ?? "an earlier day"}; only a proposed lesson can be accepted or rejected`);
  return lesson;
}
async function runLessons(io, flags) {
  return inWorkspace(io, flags.root, async (root) => {
    if (flags.accept !== void 0 && flags.reject !== void 0) throw new UsageError("--accept and --reject decide one lesson each; give one of them");
    if (flags.as !== void 0 && flags.accept === void 0) throw new UsageError("--as words a lesson you accept; add --accept <n>");
    if (flags.as !== void 0 && flags.as.trim() === "") throw new UsageError("--as is empty: give the words to add to the rules");
    let { refreshLessons, writeLessons, readRules } = await import("./lessons-WJJJKVQQ.js"), now = (/* @__PURE__ */ new Date()).toISOString(), { lessons, added } = await refreshLessons(root, now);
    if (flags.accept === void 0 && flags.reject === void 0)
      return io.stdout(flags.format === "json" ? toJson({ lessons, added }) : formatLessons(lessons)), EXIT.ok;
    let lesson = lessonNumber(flags.accept !== void 0 ? "--accept" : "--reject", flags.accept ?? flags.reject, lessons), decided = (change) => lessons.map((l) => l.n === lesson.n ? { ...l, ...change, decidedAt: now } : l);
    if (flags.reject !== void 0)
      return await writeLessons(root, decided({ status: "rejected" })), io.stdout(`lesson ${lesson.n} rejected; it will not be proposed again
`), EXIT.ok;
    let { acquireWorkspaceLock } = await import("./lock-6BTPEANV.js"), { loadConfig } = await import("./config-file-I2MFN4UQ.js"), { writeInside } = await import("./safe-write-P6YHJZZB.js"), { withRule } = await import("./review-K5XZJJLW.js"), lock = await acquireWorkspaceLock(root, "lessons");
    try {
      let rules = await readRules(root, (await loadConfig(root)).config.paths.context), words = (flags.as ?? lesson.text).trim(), next = withRule(rules.text, words);
      await writeInside(root, rules.file, next.text), await writeLessons(root, decided({ status: "accepted", accepted: words })), io.stdout(`\u2714 lesson ${lesson.n} added to ${rules.file} as ${next.label}. The rules are part of every job's system prompt, so every job key changes: the next build rebuilds every spec (speccc build --dry-run lists them)
`);
    } finally {
      await lock.release();
    }
    return EXIT.ok;
  });
}
var registerLessons = (program, io, done) => {
  program.command("lessons").description("Lessons proposed for context/rules.md from failed and costly builds (the traces' failure classes and first errors), for a person to accept or reject.").option("--root <dir>", "workspace root (default: current directory)").option("--accept <n>", "add lesson n to context/rules.md (part of every later prompt, and so of every job key)").option("--as <text>", "with --accept: the words to add instead of the proposal").option("--reject <n>", "reject lesson n: it is never proposed again").addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text")).action((flags) => done(runLessons(io, flags)));
};
export {
  formatLessons,
  registerLessons,
  runLessons
};
