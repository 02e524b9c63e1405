import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  closest
} from "./chunk-N6LFTOTB.js";

// src/commands/shared.ts
import path from "node:path";
import { promises as fs } from "node:fs";
var EXIT = {
  ok: 0,
  /** Findings that fail (errors, or warnings under --strict), failed jobs, stale tree under --check, a held lock. */
  failed: 1,
  /** Usage or configuration error: bad flags, bad config, no workspace, no key, no sandbox. */
  usage: 2
};
function withGuess(id, known) {
  let near = closest(id, known);
  return near ? `\`${id}\` (did you mean \`${near}\`?)` : `\`${id}\``;
}
function readyIdUnknown(id, ready) {
  let near = closest(id, ready);
  return `no ready spec with outputs has the id \`${id}\`; ${near ? `did you mean \`${near}\`?` : `ready specs: ${ready.join(", ") || "none"}`}`;
}
var UsageError = class extends Error {
  constructor(message, exitCode = EXIT.usage) {
    super(message);
    this.exitCode = exitCode;
  }
  exitCode;
};
async function inWorkspace(io, rootFlag, run) {
  let root = path.resolve(io.cwd, rootFlag ?? ".");
  if (!await fs.stat(root).then(
    (st) => st.isDirectory(),
    () => !1
  ))
    return io.stderr(`speccc: workspace root ${root} is not a directory
`), EXIT.usage;
  try {
    return await run(root);
  } catch (error) {
    let [{ RuntimeSetupError }, { WorkspaceLockedError }, { CorruptStateError }, { OutsideWorkspaceError }, { ApiFaultError }] = await Promise.all([
      import("./runtime-3AWIBRCX.js"),
      import("./lock-6BTPEANV.js"),
      import("./promote-KXQQYZFH.js"),
      import("./safe-write-P6YHJZZB.js"),
      import("./retry-5SHA5M7C.js")
    ]);
    if (error instanceof UsageError)
      return io.stderr(`speccc: ${error.message}
`), error.exitCode;
    if (error instanceof OutsideWorkspaceError)
      return io.stderr(`speccc: ${error.message}
`), EXIT.usage;
    if (error instanceof RuntimeSetupError)
      return io.stderr(`speccc: ${error.message}; generated/ is unchanged
`), EXIT.usage;
    if (error instanceof ApiFaultError)
      return io.stderr(`speccc: ${error.message}
`), error.exitCode;
    if (error instanceof WorkspaceLockedError || error instanceof CorruptStateError)
      return io.stderr(`speccc: ${error.message}
`), EXIT.failed;
    throw error;
  }
}
function parseUsd(flag, text) {
  if (text === void 0) return;
  let n = Number(text);
  if (!/^\s*[0-9]*\.?[0-9]+\s*$/.test(text) || !Number.isFinite(n) || !(n > 0)) throw new UsageError(`${flag} must be a positive number of US dollars, not ${text}`);
  return n;
}
function toJson(value) {
  return JSON.stringify(value, (key, v) => typeof v == "number" && !Number.isInteger(v) && (/Usd$/.test(key) || key === "cost") ? Math.round(v * 1e6) / 1e6 : v, 2) + `
`;
}
async function changedFiles(root, ref) {
  let { changedSince } = await import("./git-UKS2ZBCI.js"), changed = await changedSince(root, ref);
  if (!changed.ok) throw new UsageError(`${changed.message} [since-${changed.problem}]`);
  return changed.files;
}

export {
  EXIT,
  withGuess,
  readyIdUnknown,
  UsageError,
  inWorkspace,
  parseUsd,
  toJson,
  changedFiles
};
