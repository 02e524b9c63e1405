import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  EXIT,
  UsageError
} from "./chunk-EEWYZ6FF.js";
import "./chunk-N6LFTOTB.js";
import "./chunk-VSAIBY22.js";

// src/commands/twin.ts
import path from "node:path";
import { promises as fs } from "node:fs";
function whole(flag, text, min, max) {
  if (text === void 0) return;
  let n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not ${text}`);
  return n;
}
function positive(flag, text) {
  if (text === void 0) return;
  let n = Number(text);
  if (!/^\s*[0-9]*\.?[0-9]+\s*$/.test(text) || !Number.isFinite(n) || !(n > 0)) throw new UsageError(`${flag} must be a positive number, not ${text}`);
  return n;
}
async function runTwin(io, flags) {
  try {
    let port = whole("--port", flags.port, 0, 65535), options = {
      port,
      host: flags.host,
      delayMs: whole("--delay-ms", flags.delayMs, 0, 6e5),
      eventDelayMs: whole("--event-delay-ms", flags.eventDelayMs, 0, 6e5),
      outputTokensPerSecond: positive("--output-tokens-per-second", flags.outputTokensPerSecond),
      maxConcurrent: whole("--max-concurrent", flags.maxConcurrent, 1, 1e4)
    }, scriptDir;
    if (flags.scriptDir !== void 0 && (scriptDir = path.resolve(io.cwd, flags.scriptDir), !await fs.stat(scriptDir).then((s) => s.isDirectory(), () => !1)))
      throw new UsageError(`--script-dir ${flags.scriptDir}: ${scriptDir} is not a folder`);
    let { serveTwin } = await import("./serve-ZXVCT5VW.js"), { abortWhenOrphaned } = await import("./lifetime-SRJE63KE.js"), controller = new AbortController(), stopOnSignal = () => controller.abort(io.signal.reason);
    if (io.signal.aborted) return EXIT.ok;
    io.signal.addEventListener("abort", stopOnSignal, { once: !0 });
    let disposeLifetime = abortWhenOrphaned(controller, { signals: !1, stdin: !1 }), twin;
    try {
      twin = await serveTwin({ ...options, ...scriptDir !== void 0 ? { scriptDir } : {} }, controller.signal);
    } catch (error) {
      io.signal.removeEventListener("abort", stopOnSignal), disposeLifetime();
      let code = error.code;
      throw code === "EADDRINUSE" ? new UsageError(`port ${port} on ${flags.host} is in use; choose another with --port (0 picks a free one)`) : code === "EADDRNOTAVAIL" || code === "ENOTFOUND" || code === "EACCES" ? new UsageError(`cannot listen on ${flags.host}:${port} (${code})`) : error;
    }
    return io.stdout(`${twin.url}
`), io.stderr(
      `speccc twin: the Messages API twin is listening${scriptDir ? `, answering from ${path.relative(io.cwd, scriptDir) || "."}` : " (no --script-dir: every request gets a short text answer)"}.
Point speccc at it:  export ANTHROPIC_BASE_URL=${twin.url} ANTHROPIC_API_KEY=rehearsal
No model is called. Ctrl-C stops it.
`
    ), await twin.closed, io.signal.removeEventListener("abort", stopOnSignal), EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError)
      return io.stderr(`speccc: ${error.message}
`), error.exitCode;
    throw error;
  }
}
var registerTwin = (program, io, done) => {
  program.command("twin").description("Serve a twin of the Anthropic Messages API that answers from a replies folder, to rehearse builds with no key and no model (docs/twin.md).").option("--script-dir <dir>", "replies folder: <spec-id>/<output path>, <spec-id>@2/\u2026, @scenarios/<spec-id>/<name>.test.ts").option("--port <n>", "port to listen on; 0 picks a free one (read the first line of output)", "0").option("--host <host>", "address to listen on", "127.0.0.1").option("--delay-ms <n>", "wait this long before each answer").option("--event-delay-ms <n>", "wait this long between streamed events").option("--output-tokens-per-second <n>", "take as long to answer as a model writing at this speed").option("--max-concurrent <n>", "answer requests beyond this many at once with 429").action((flags) => done(runTwin(io, flags)));
};
export {
  registerTwin,
  runTwin
};
