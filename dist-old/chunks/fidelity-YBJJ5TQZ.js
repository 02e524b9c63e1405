import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  EXIT,
  UsageError
} from "./chunk-EEWYZ6FF.js";
import {
  SPECCC_VERSION
} from "./chunk-H4KJMLKH.js";
import {
  readGeneratedTree
} from "./chunk-UUOMZIVY.js";
import "./chunk-7CJQW75R.js";
import "./chunk-U5XVFR3J.js";
import {
  closest
} from "./chunk-N6LFTOTB.js";
import {
  REPLAY_REPORT
} from "./chunk-GA32XAUT.js";
import "./chunk-SZ6YGT22.js";
import "./chunk-VSAIBY22.js";

// src/commands/fidelity.ts
import path from "node:path";
import { promises as fs } from "node:fs";
var RECORDING = /\.(?:jsonl|har)$/;
async function runFidelity(io, options) {
  let [{ createGate, takeCredentials }, twins, fidelity, { replayFiles }] = await Promise.all([
    import("./runtime-3AWIBRCX.js"),
    import("./twins-FLXBWCKU.js"),
    import("./fidelity-UBODGJQV.js"),
    import("./service-twins-4W2XGITY.js")
  ]), { root, config, workspace } = options;
  if (workspace.byId.get(options.twin)?.frontmatter?.kind !== "twin") {
    let known = [...workspace.byId.values()].filter((s) => s.frontmatter?.kind === "twin").map((s) => s.frontmatter.id).sort(), near = closest(options.twin, known);
    throw new UsageError(`--twin ${options.twin}: no twin spec has that id${near ? `; did you mean \`${near}\`?` : known.length ? `; twins: ${known.join(", ")}` : " (no spec of kind twin in this workspace)"}`);
  }
  let dir = path.join(options.scenariosDir, options.twin), shown = (file) => path.relative(io.cwd, path.join(dir, file)).split(path.sep).join("/"), names = (await fs.readdir(dir).catch(() => [])).filter((n) => RECORDING.test(n)).sort();
  if (names.length === 0) throw new UsageError(`no recorded traffic for twin ${options.twin}: expected ${shown("*.jsonl")} or ${shown("*.har")} (docs/twins.md)`);
  let recordings = await Promise.all(names.map(async (n) => fidelity.parseRecording(shown(n), await fs.readFile(path.join(dir, n), "utf8")))), tree = await readGeneratedTree(path.join(root, config.paths.generated), SPECCC_VERSION), twin = twins.serviceTwin(options.twin);
  if (!tree.files.has(twin.entry)) throw new UsageError(`twin ${options.twin} has not been built (${config.paths.generated}/${twin.entry} is missing); run \`speccc build\` first`);
  let gate = createGate({ config, credentials: takeCredentials(io.env) });
  for (let warning of gate.warnings) io.stderr(`speccc: warning: ${warning}
`);
  let replay = await replayFiles(fidelity.replayPlan(recordings, twin.env), gate.runner.toolchain.node), run = await gate.runner.run({
    files: new Map([...tree.files, ...replay.files]),
    argv: replay.argv,
    twins: [twin],
    timeoutMs: config.validation.timeoutMs,
    signal: io.signal,
    collect: [REPLAY_REPORT]
  }), report = fidelity.readReplayReport(run.collected.get(REPLAY_REPORT));
  if (!report) {
    let why = run.refused ?? (run.timedOut ? `it timed out after ${config.validation.timeoutMs} ms` : run.output.trim() || `it exited with ${run.exitCode ?? run.signal}`);
    return io.stderr(`speccc: the replay against twin ${options.twin} did not finish: ${why}
`), EXIT.failed;
  }
  let result = fidelity.compareReplay(recordings, report), problems = recordings.flatMap((r) => r.problems), clean = result.differences.length === 0 && problems.length === 0;
  if (options.format === "json")
    io.stdout(
      JSON.stringify(
        { twin: options.twin, files: recordings.map((r) => r.file), exchanges: result.exchanges, differences: result.differences.map(fidelity.differenceJson), unreadable: problems },
        null,
        2
      ) + `
`
    );
  else {
    let files = `${recordings.length} file${recordings.length === 1 ? "" : "s"}`, n = result.differences.length;
    io.stdout(
      clean ? `\u2714 ${options.twin}: ${result.exchanges} recorded exchanges replayed, no difference (${files})
` : `\u2716 ${options.twin}: ${n} difference${n === 1 ? "" : "s"} in ${result.exchanges} recorded exchanges (${files})
`
    );
    for (let d of result.differences) io.stdout(`  ${fidelity.formatDifference(d)}
`);
    for (let p of problems) io.stdout(`  ${p.at}: not replayed: ${p.message}
`);
  }
  return clean ? EXIT.ok : EXIT.failed;
}
export {
  runFidelity
};
