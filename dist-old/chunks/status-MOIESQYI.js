import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  EXIT,
  inWorkspace,
  toJson
} from "./chunk-EEWYZ6FF.js";
import {
  Option
} from "./chunk-IMW7CCHR.js";
import "./chunk-N6LFTOTB.js";
import "./chunk-VSAIBY22.js";

// src/commands/status.ts
var MAX_WHY = 110, clip = (text) => text.length > MAX_WHY ? `${text.slice(0, MAX_WHY - 1)}\u2026` : text, SECTIONS = [
  ["waiting", "waiting (speccc build --next N takes from the top)"],
  ["running", "running"],
  ["failed", "failed (a person acts before it is built again)"],
  ["held", "held (proposed or draft: a person makes it ready; blocked: fix what blocks it)"],
  ["shipped", "shipped"]
];
function formatQueue(queue, priorityLabel) {
  let lines = [`queue: ${SECTIONS.map(([key]) => `${queue[key].length} ${key}`).join(", ")}`];
  for (let [key, heading] of SECTIONS) {
    let entries = queue[key];
    if (entries.length === 0) continue;
    lines.push(`${heading}:`);
    let idWidth = Math.max(...entries.map((e) => e.id.length)), label = (e) => key === "waiting" ? priorityLabel(e.priority) : key === "failed" ? e.failureClass ?? "failed" : key === "running" ? e.run ?? "" : e.stage, labelWidth = Math.max(...entries.map((e) => label(e).length));
    entries.forEach((e, i) => {
      let place = key === "waiting" ? `${String(i + 1).padStart(String(entries.length).length)}. ` : "";
      lines.push(`  ${place}${e.id.padEnd(idWidth)}  ${label(e).padEnd(labelWidth)}  ${clip(e.why)}`.trimEnd());
    });
  }
  return lines.join(`
`) + `
`;
}
async function runStatus(io, flags) {
  return inWorkspace(io, flags.root, async (root) => {
    let { gatherReport } = await import("./report-FTRBEDIQ.js"), { priorityLabel } = await import("./queue-SDMOIXDK.js"), model = await gatherReport(io, root), lessons = await proposedLessons(io, root);
    return flags.format === "json" ? io.stdout(toJson({ queue: model.queue, lessonsProposed: lessons })) : io.stdout(`${formatQueue(model.queue, priorityLabel)}${lessons.length > 0 ? `lessons: ${lessons.join(", ")} proposed for the rules, waiting for a person (speccc lessons)
` : ""}`), EXIT.ok;
  });
}
async function proposedLessons(io, root) {
  let { readLessons } = await import("./lessons-WJJJKVQQ.js"), { CorruptStateError } = await import("./promote-KXQQYZFH.js");
  try {
    return (await readLessons(root)).filter((l) => l.status === "proposed").map((l) => l.n);
  } catch (error) {
    if (!(error instanceof CorruptStateError)) throw error;
    return io.stderr(`speccc: warning: ${error.message}
`), [];
  }
}
var registerStatus = (program, io, done) => {
  program.command("status").description("The spec queue: what waits to be built (in the order build --next takes it), what is building, what failed, what shipped, what waits for a person.").option("--root <dir>", "workspace root (default: current directory)").addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text")).action((flags) => done(runStatus(io, flags)));
};
export {
  formatQueue,
  registerStatus,
  runStatus
};
