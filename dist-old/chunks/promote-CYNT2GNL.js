import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  requireReadySpecs
} from "./chunk-JGZNUNMZ.js";
import "./chunk-PXOJ7NHK.js";
import {
  EXIT,
  inWorkspace
} from "./chunk-EEWYZ6FF.js";
import "./chunk-IMW7CCHR.js";
import "./chunk-N6LFTOTB.js";
import "./chunk-VSAIBY22.js";

// src/commands/promote.ts
async function runPromote(io, ids, flags) {
  return inWorkspace(io, flags.root, async (root) => {
    ids.length > 0 && await requireReadySpecs(root, ids, "speccc promote");
    let { build } = await import("./compile-EUQCMST3.js"), { createRuntime, takeCredentials } = await import("./runtime-3AWIBRCX.js"), credentials = takeCredentials(io.env), result = await build({ root, mode: "promote", runtime: (loaded) => createRuntime({ root, config: loaded.config, credentials, command: "promote", provider: "anthropic" }), promote: ids.length > 0 ? new Set(ids) : "all", signal: io.signal });
    if (result.kind === "up-to-date")
      return io.stdout(`\u2714 ${result.specs} specs up to date; nothing to promote
`), EXIT.ok;
    if (result.kind !== "built")
      return io.stderr("speccc: the workspace has check errors; run `speccc check`\n"), EXIT.failed;
    let outcomes = [...result.outcomes.values()], promoted = outcomes.filter((o) => o.state === "reused" && (ids.length === 0 || ids.includes(o.id) || o.promotedFor !== void 0)), waiting = outcomes.filter((o) => o.state === "stale" && (ids.length === 0 || ids.includes(o.id)));
    for (let o of promoted) {
      let notes = [...o.promotedFor ? [`${o.promotedFor} builds on it`] : [], ...o.holdout === "unverified" ? ["unverified: no holdout check"] : []];
      io.stdout(`\u2714 ${o.id} promoted${notes.length > 0 ? ` (${notes.join("; ")})` : ""}
`);
    }
    for (let o of waiting) io.stdout(`- ${o.id}: nothing staged for its current inputs; run \`speccc build\`
`);
    return promoted.length === 0 && waiting.length === 0 && io.stdout(`nothing to promote
`), EXIT.ok;
  });
}
var registerPromote = (program, io, done) => {
  program.command("promote").description('Promote staged output into generated/ (for promotion.policy "manual"); calls no agent.').argument("[ids...]", "spec ids to promote (default: every staged spec)").option("--root <dir>", "workspace root (default: current directory)").action((ids, flags) => done(runPromote(io, ids, flags)));
};
export {
  registerPromote,
  runPromote
};
