import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import "./chunk-VSAIBY22.js";

// src/api-twin/lifetime.ts
import { fstatSync, readFileSync } from "node:fs";
var SHELLS = /* @__PURE__ */ new Set(["sh", "dash", "bash", "zsh", "ash", "ksh", "mksh", "busybox"]);
function processInfo(pid) {
  try {
    let stat = readFileSync(`/proc/${pid}/stat`, "utf8"), open = stat.indexOf("("), close = stat.lastIndexOf(")"), ppid = Number(stat.slice(close + 2).split(" ")[1]);
    return Number.isInteger(ppid) ? { comm: stat.slice(open + 1, close), ppid } : void 0;
  } catch {
    return;
  }
}
function stdinIsPipe() {
  try {
    let stat = fstatSync(0);
    return stat.isFIFO() || stat.isSocket();
  } catch {
    return !1;
  }
}
function abortWhenOrphaned(controller, options = {}) {
  let stop = (why) => {
    controller.signal.aborted || controller.abort(new Error(`twin stopping: ${why}`));
  }, parent = process.ppid, parentInfo = processInfo(parent), shellGrandparent = parentInfo && SHELLS.has(parentInfo.comm) ? parentInfo.ppid : void 0, timer = setInterval(() => {
    if (process.ppid !== parent) return stop(`parent process ${parent} exited`);
    if (shellGrandparent !== void 0) {
      let now = processInfo(parent);
      now && now.ppid !== shellGrandparent && stop(`the shell that started it (${parent}) lost its parent`);
    }
  }, options.pollMs ?? 500);
  timer.unref();
  let onSigterm = () => stop("SIGTERM"), onSigint = () => stop("SIGINT");
  (options.signals ?? !0) && (process.once("SIGTERM", onSigterm), process.once("SIGINT", onSigint));
  let onStdinEnd = () => stop("stdin closed"), watchStdin = (options.stdin ?? !0) && stdinIsPipe();
  watchStdin && (process.stdin.once("end", onStdinEnd), process.stdin.once("close", onStdinEnd), process.stdin.resume());
  let dispose = () => {
    clearInterval(timer), process.off("SIGTERM", onSigterm), process.off("SIGINT", onSigint), watchStdin && (process.stdin.off("end", onStdinEnd), process.stdin.off("close", onStdinEnd), process.stdin.pause());
  };
  return controller.signal.addEventListener("abort", dispose, { once: !0 }), dispose;
}
export {
  abortWhenOrphaned
};
