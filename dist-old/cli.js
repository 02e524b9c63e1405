#!/usr/bin/env node
import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);

// src/cli.ts
import module from "node:module";
module.enableCompileCache?.();
var { main } = await import("./chunks/commands-CMAV4ANY.js");
function processIo() {
  let controller = new AbortController(), interrupts = 0, onSignal = () => {
    interrupts += 1, interrupts > 1 && process.exit(130), controller.abort(new Error("interrupted"));
  };
  process.on("SIGINT", onSignal), process.on("SIGTERM", onSignal);
  let stdoutClosed = !1;
  process.stdout.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
    stdoutClosed = !0;
  });
  let isTTY = !!process.stdout.isTTY;
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => {
      stdoutClosed || process.stdout.write(text);
    },
    stderr: (text) => process.stderr.write(text),
    isTTY,
    color: isTTY && !("NO_COLOR" in process.env) && process.env.TERM !== "dumb",
    signal: controller.signal,
    stdin: {
      // A getter: process.stdin opens a stream on fd 0 (loading net or fs streams) when first
      // touched, which only `triage` needs.
      get isTTY() {
        return !!process.stdin.isTTY;
      },
      async read() {
        let chunks = [];
        for await (let chunk of process.stdin) chunks.push(chunk);
        return Buffer.concat(chunks).toString("utf8");
      }
    }
  };
}
main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`speccc: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}
`), process.stderr.write(`This is a bug in speccc; please report it with the command you ran.
`), process.exitCode = 3;
  }
);
