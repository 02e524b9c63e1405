import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  createValidator
} from "./chunk-346CJVLP.js";
import {
  resultStore
} from "./chunk-6244DZEH.js";
import {
  BatchRecordSchema,
  StoredResultSchema
} from "./chunk-7XOQCP22.js";
import {
  createRedactor,
  newRunId,
  openTrace
} from "./chunk-VQI6GZWE.js";
import {
  acquireWorkspaceLock
} from "./chunk-ZRJIQAHE.js";
import {
  prepareTwinRun,
  transpile
} from "./chunk-OENT7PDF.js";
import {
  assetPath
} from "./chunk-ZJ2LH7GO.js";
import {
  CorruptStateError
} from "./chunk-JMVWX2PN.js";
import {
  writeInside,
  writeInsideSync
} from "./chunk-5NFWZACR.js";
import {
  createBudget,
  spendCaps
} from "./chunk-NCADMWFB.js";
import {
  HOST_RUNTIME,
  JUDGE_RUNTIME
} from "./chunk-GA32XAUT.js";
import {
  priceOf
} from "./chunk-NSTTZTGX.js";

// src/phases/6-generate/cassette.ts
function recordingAgent(inner, store, redact, clock) {
  let cassettes = /* @__PURE__ */ new Map();
  return {
    name: inner.name,
    async run(task, sandbox) {
      let writes = [], recording = {
        outputs: sandbox.outputs,
        write(p, content) {
          let verdict = sandbox.write(p, content);
          return verdict.ok && writes.push({ path: p, content: redact(content) }), verdict;
        },
        read: (p) => sandbox.read(p),
        written: () => sandbox.written()
      }, outcome = await inner.run(task, recording), cassette = cassettes.get(task.jobKey) ?? {
        jobKey: task.jobKey,
        specId: task.specId,
        model: task.model,
        recordedWith: inner.name,
        recordedAt: new Date(clock()).toISOString(),
        attempts: []
      };
      return cassette.attempts.push(writes), cassettes.set(task.jobKey, cassette), store.write(cassette), outcome;
    }
  };
}
function createReplayAgent(store) {
  let attemptsSeen = /* @__PURE__ */ new Map();
  return {
    name: "replay",
    async run(task, sandbox) {
      let usage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 }, cassette = store.read(task.jobKey);
      if (!cassette)
        return {
          status: "failed",
          usage,
          costUsd: 0,
          requests: 0,
          history: task.history,
          error: `no cassette for spec ${task.specId} (job ${task.jobKey.slice(0, 12)}) in ${store.where}; record one with \`speccc build --record\``
        };
      let n = attemptsSeen.get(task.jobKey) ?? 0;
      attemptsSeen.set(task.jobKey, n + 1);
      let attempt = cassette.attempts[Math.min(n, cassette.attempts.length - 1)] ?? [];
      for (let w of attempt) sandbox.write(w.path, w.content);
      return { status: "done", usage, costUsd: 0, requests: 0, history: task.history };
    }
  };
}

// src/io/cassettes.ts
import { readFileSync } from "node:fs";
import path from "node:path";
var KEY = /^[0-9a-f]{64}$/;
function cassetteStore(root) {
  let dir = path.join(root, ".speccc", "cassettes");
  return {
    where: ".speccc/cassettes/",
    read(key) {
      if (KEY.test(key))
        try {
          let c = JSON.parse(readFileSync(path.join(dir, `${key}.json`), "utf8"));
          return c.jobKey === key && Array.isArray(c.attempts) && c.attempts.every((a) => Array.isArray(a) && a.every((w) => typeof w?.path == "string" && typeof w?.content == "string")) ? c : void 0;
        } catch {
          return;
        }
    },
    write(cassette) {
      writeInsideSync(root, path.join(".speccc", "cassettes", `${cassette.jobKey}.json`), JSON.stringify(cassette, null, 2));
    }
  };
}

// src/io/sealed-runner.ts
import { execFileSync } from "node:child_process";
import { existsSync as existsSync2, lstatSync, mkdtempSync as mkdtempSync3, readlinkSync, realpathSync, rmSync as rmSync3 } from "node:fs";
import { promises as fs3 } from "node:fs";
import { createRequire } from "node:module";
import os4 from "node:os";
import path7 from "node:path";

// src/io/judge-run.ts
import { existsSync, promises as fs2 } from "node:fs";
import os2 from "node:os";
import path5 from "node:path";

// src/io/run-child.ts
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path2 from "node:path";
var ALLOWED_ENV = ["PATH", "LANG", "LC_ALL", "TZ", "TERM", "SYSTEMROOT"], OUTPUT_CAP_BYTES = 256 * 1024, MAX_FILE_BYTES = 64 * 1024 * 1024;
function scrubbedEnv(parent, home) {
  let env = {};
  for (let key of ALLOWED_ENV) parent[key] !== void 0 && (env[key] = parent[key]);
  return { ...env, HOME: home, TMPDIR: home, CI: "true", NO_COLOR: "1", FORCE_COLOR: "0", NODE_ENV: "test" };
}
async function runChild(options) {
  let ownHome = options.home === void 0 ? mkdtempSync(path2.join(os.tmpdir(), "speccc-child-")) : void 0, home = options.home ?? ownHome, started = Date.now();
  try {
    let [file, ...args] = childArgv(options), child = spawn(file, args, {
      cwd: options.cwd,
      env: { ...scrubbedEnv(options.parentEnv ?? process.env, home), ...options.env ?? {} },
      detached: !0,
      // its own process group, so the whole tree can be killed
      stdio: ["ignore", "pipe", "pipe"]
    });
    return await untilClosed(child, options, started);
  } finally {
    ownHome && rmSync(ownHome, { recursive: !0, force: !0 });
  }
}
function childArgv(options) {
  let shell = ["/bin/sh", "-c", `ulimit -f ${Math.max(1, Math.floor((options.maxFileBytes ?? MAX_FILE_BYTES) / 512))} && exec "$0" "$@"`, options.command, ...options.args];
  return options.wrapper ? [...options.wrapper, ...shell] : shell;
}
function killGroup(child) {
  try {
    child.pid && process.kill(-child.pid, "SIGKILL");
  } catch {
  }
}
function untilClosed(child, options, started) {
  return new Promise((resolve) => {
    let output = new CappedOutput(), timedOut = !1, timer = setTimeout(() => {
      timedOut = !0, killGroup(child);
    }, options.timeoutMs), onAbort = () => killGroup(child);
    options.signal?.addEventListener("abort", onAbort, { once: !0 }), child.stdout.on("data", (chunk) => output.add(chunk)), child.stderr.on("data", (chunk) => output.add(chunk)), child.on("error", (error) => {
      clearTimeout(timer), resolve({ exitCode: null, signal: null, timedOut: !1, output: `could not start ${options.command}: ${error.message}`, durationMs: Date.now() - started });
    }), child.on("close", (exitCode, signal) => {
      clearTimeout(timer), options.signal?.removeEventListener("abort", onAbort), killGroup(child), resolve({ exitCode, signal, timedOut, output: output.text(), durationMs: Date.now() - started });
    });
  });
}
var CappedOutput = class {
  half;
  head = [];
  kept = 0;
  /** Bytes past the head, the tail's included. */
  dropped = 0;
  tail = [];
  tailBytes = 0;
  constructor(capBytes = OUTPUT_CAP_BYTES) {
    this.half = capBytes / 2;
  }
  add(chunk) {
    if (this.kept < this.half) {
      this.head.push(chunk), this.kept += chunk.length;
      return;
    }
    for (this.dropped += chunk.length, this.tail.push(chunk), this.tailBytes += chunk.length; this.tailBytes > this.half && this.tail.length > 1; ) this.tailBytes -= this.tail.shift().length;
  }
  text() {
    let head = Buffer.concat(this.head).toString("utf8"), tail = Buffer.concat(this.tail), skipped = this.dropped - tail.length;
    return skipped > 0 ? `${head}
\u2026 ${skipped} bytes of output omitted \u2026
${tail.toString("utf8")}` : head + tail.toString("utf8");
  }
};

// src/io/scratch-tree.ts
import { promises as fs } from "node:fs";
import path3 from "node:path";
var HOSTS = `127.0.0.1 localhost
::1 localhost
`;
async function writeTree(scratch, files) {
  for (let [rel, content] of files) {
    let target = path3.join(scratch, rel);
    target.startsWith(`${scratch}${path3.sep}`) && (await fs.mkdir(path3.dirname(target), { recursive: !0 }), await fs.writeFile(target, content));
  }
}

// src/io/judge-trees.ts
import { readFileSync as readFileSync2 } from "node:fs";
import path4 from "node:path";
var assets = assetPath("judge"), runtime, read = (name) => (runtime ??= /* @__PURE__ */ new Map()).get(name) ?? runtime.set(name, readFileSync2(path4.join(assets, name), "utf8")).get(name), TS = /\.(?:ts|tsx|mts)$/, JS_LIKE = /\.(?:[cm]?js|json)$/, jsPath = (rel) => rel.replace(/\.mts$/, ".mjs").replace(/\.tsx?$/, ".js");
async function codeHostTree(tree) {
  let files = new Map(tree);
  for (let name of ["host-launcher.mjs", "host.mjs", "wire.mjs"]) files.set(`${HOST_RUNTIME}/${name}`, read(name));
  files.set(`${HOST_RUNTIME}/js/package.json`, `{ "type": "module" }
`);
  for (let [rel, content] of tree)
    rel.startsWith(".speccc") || rel.endsWith(".d.ts") || (TS.test(rel) ? files.set(`${HOST_RUNTIME}/js/${jsPath(rel)}`, withExtensions(await transpile(content, rel), rel, tree)) : JS_LIKE.test(rel) && path4.posix.basename(rel) !== "package.json" && files.set(`${HOST_RUNTIME}/js/${rel}`, content));
  return files;
}
var RELATIVE = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"\n]*)\2/g;
function withExtensions(js, rel, tree) {
  return js.replace(RELATIVE, (whole, head, quote, specifier) => {
    if (/\.[cm]?js$|\.json$/.test(specifier)) return whole;
    let target = path4.posix.normalize(path4.posix.join(path4.posix.dirname(rel), specifier)), file = [`${target}.ts`, `${target}.tsx`, `${target}.js`].find((c) => tree.has(c)), index = [`${target}/index.ts`, `${target}/index.tsx`, `${target}/index.js`].find((c) => tree.has(c));
    return file ? `${head}${quote}${specifier}.js${quote}` : index ? `${head}${quote}${specifier.replace(/\/$/, "")}/index.js${quote}` : whole;
  });
}
function proofDriverScript() {
  return readFileSync2(path4.resolve(assets, "../prove/driver.mjs"), "utf8");
}
function judgeRuntimeTree(judge) {
  let files = new Map(judge);
  for (let name of ["client.mjs", "io.mjs", "wire.mjs", "setup.mjs"]) files.set(`${JUDGE_RUNTIME}/${name}`, read(name));
  return files;
}

// src/io/judge-run.ts
var TWIN_ENV = /^SPECCC_TWIN_[A-Z0-9_]+_URL$/, LOOPBACK_URL = /^http:\/\/127\.0\.0\.1:\d{1,5}$/;
async function readReady(file) {
  try {
    let parsed = JSON.parse(await fs2.readFile(file, "utf8")), twins = parsed.twins && typeof parsed.twins == "object" ? Object.entries(parsed.twins) : [];
    return Object.fromEntries(twins.filter((e) => TWIN_ENV.test(e[0]) && typeof e[1] == "string" && LOOPBACK_URL.test(e[1])));
  } catch {
    return null;
  }
}
async function waitForHost(ready, host, deadline, signal) {
  let ended = !1;
  for (host.then(() => ended = !0); !ended && !signal.aborted && Date.now() < deadline; ) {
    if (existsSync(ready)) return readReady(ready);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return null;
}
async function judgeRun(sandbox, command) {
  let started = Date.now(), deadline = started + command.timeoutMs, base = await fs2.mkdtemp(path5.join(os2.tmpdir(), "speccc-judge-")), [codeDir, judgeDir, shared] = ["code", "judge", "shared"].map((d) => path5.join(base, d)), hosts = path5.join(base, "hosts"), socket = path5.join(shared, "code.sock"), readyFile = path5.join(shared, "ready.json"), sealed2 = sandbox.wrapper !== null, wrap = (dir) => sandbox.wrapper ? { wrapper: sandbox.wrapper(dir, hosts, shared) } : {}, home = async (dir) => sealed2 ? "/tmp" : (await fs2.mkdir(path5.join(dir, ".home"), { recursive: !0 }), path5.join(dir, ".home")), common = { parentEnv: sandbox.parentEnv, ...sandbox.maxFileBytes ? { maxFileBytes: sandbox.maxFileBytes } : {} }, hostStop = new AbortController(), stopHost = () => hostStop.abort();
  command.signal.addEventListener("abort", stopHost, { once: !0 });
  try {
    await Promise.all([codeDir, judgeDir, shared].map((d) => fs2.mkdir(d))), await fs2.writeFile(hosts, HOSTS);
    let hostArgv = [sandbox.toolchain.node, `${HOST_RUNTIME}/host-launcher.mjs`, socket, readyFile], code = await codeHostTree(command.code), launch = command.twins?.length ? await prepareTwinRun({ node: sandbox.toolchain.node, twins: command.twins, files: code, argv: hostArgv }) : { files: code, argv: hostArgv };
    await writeTree(codeDir, launch.files), await writeTree(judgeDir, judgeRuntimeTree(command.judge));
    let [cmd, ...args] = launch.argv, host = runChild({ command: cmd, args, cwd: codeDir, timeoutMs: command.timeoutMs, signal: hostStop.signal, home: await home(codeDir), ...wrap(codeDir), ...common }), twins = await waitForHost(readyFile, host, deadline, command.signal);
    if (twins === null) {
      stopHost();
      let ran = await host, timedOut = Date.now() >= deadline;
      return { exitCode: null, signal: null, timedOut, output: `speccc: the code host did not start${timedOut ? ` within ${command.timeoutMs} ms` : ""}
${ran.output}`.trim(), durationMs: Date.now() - started, collected: /* @__PURE__ */ new Map() };
    }
    let [judgeCmd, ...judgeArgs] = command.argv, judged = await runChild({
      command: judgeCmd,
      args: judgeArgs,
      cwd: judgeDir,
      timeoutMs: Math.max(1, deadline - Date.now()),
      signal: command.signal,
      home: await home(judgeDir),
      env: { SPECCC_JUDGE_SOCKET: socket, SPECCC_JUDGE_CALL_TIMEOUT_MS: String(command.timeoutMs), ...twins },
      ...wrap(judgeDir),
      ...common
    });
    stopHost();
    let hosted = await host, collected = /* @__PURE__ */ new Map();
    for (let rel of command.collect ?? []) {
      let file = path5.join(judgeDir, rel);
      if (!file.startsWith(`${judgeDir}${path5.sep}`)) continue;
      let st = await fs2.lstat(file).catch(() => null);
      st?.isFile() && st.size <= 16 * 1024 * 1024 && collected.set(rel, await fs2.readFile(file, "utf8"));
    }
    let printed = hosted.output.trim(), output = printed ? `${judged.output}
--- the code under test printed ---
${printed}` : judged.output, refused = sealed2 && judged.exitCode === 1 && /^bwrap: /m.test(judged.output) ? judged.output.split(`
`).find((l) => l.startsWith("bwrap: ")) : void 0;
    return { ...judged, output, collected, durationMs: Date.now() - started, ...refused ? { refused } : {} };
  } finally {
    command.signal.removeEventListener("abort", stopHost), stopHost(), await fs2.rm(base, { recursive: !0, force: !0 });
  }
}

// src/io/typecheck-server.ts
import { spawn as spawn2 } from "node:child_process";
var typecheckServerScript = () => assetPath("typecheck", "server.mjs"), SCRIPT_INSIDE = "/tmp/.speccc-typecheck-server.mjs", MAX_ANSWER_BYTES = 4 * OUTPUT_CAP_BYTES, IDLE_STOP_MS = 2e4;
function createTypecheckServer(options) {
  let state = { options, running: null, queue: Promise.resolve(), nextId: 0 };
  return {
    check(request2) {
      let turn = state.queue.then(() => checkNow(state, request2));
      return state.queue = turn.catch(() => {
      }), turn;
    },
    close() {
      state.running && (state.running.idleTimer && clearTimeout(state.running.idleTimer), kill(state.running)), state.running = null;
    }
  };
}
function kill(r) {
  try {
    r.child.pid && process.kill(-r.child.pid, "SIGKILL");
  } catch {
  }
}
function forget(state, r) {
  state.running === r && (state.running = null);
}
function setIdle(state, r, isIdle) {
  for (let handle of [r.child, r.child.stdin, r.child.stdout, r.child.stderr])
    isIdle ? handle?.unref?.() : handle?.ref?.();
  r.idleTimer && clearTimeout(r.idleTimer), r.idleTimer = null, isIdle && (r.idleTimer = setTimeout(() => {
    kill(r), forget(state, r);
  }, state.options.idleStopMs ?? IDLE_STOP_MS), r.idleTimer.unref());
}
function serverArgv(options) {
  let onHost = typecheckServerScript(), script = options.wrapper ? SCRIPT_INSIDE : onHost, shell = ["/bin/sh", "-c", `ulimit -f ${Math.max(1, Math.floor(MAX_FILE_BYTES / 512))} && exec "$0" "$@"`, options.toolchain.node, script, options.toolchain.tsc];
  return options.wrapper ? [...options.wrapper(["--ro-bind", onHost, SCRIPT_INSIDE]), ...shell] : shell;
}
function start(state) {
  let { options } = state, argv = serverArgv(options), child = spawn2(argv[0], argv.slice(1), { env: scrubbedEnv(options.parentEnv, options.home), detached: !0, stdio: ["pipe", "pipe", "pipe"], cwd: options.home }), r = { child, pending: "", waiter: null, stderr: "", idleTimer: null };
  child.stdout.setEncoding("utf8"), child.stdout.on("data", (chunk) => readAnswer(r, chunk)), child.stderr.setEncoding("utf8"), child.stderr.on("data", (chunk) => {
    r.stderr.length < OUTPUT_CAP_BYTES && (r.stderr += chunk);
  });
  let gone = () => {
    forget(state, r), r.waiter?.(null);
  };
  return child.on("error", (error) => {
    r.stderr += `could not start the type-check server: ${error.message}
`, gone();
  }), child.on("close", gone), child.stdin.on("error", () => {
  }), r;
}
function readAnswer(r, chunk) {
  r.pending += chunk;
  let newline = r.pending.indexOf(`
`);
  if (newline >= 0) {
    let line = r.pending.slice(0, newline);
    r.pending = r.pending.slice(newline + 1), r.waiter?.(line);
  } else r.pending.length > MAX_ANSWER_BYTES && (r.pending = "", r.waiter?.(null), kill(r));
}
async function ask(r, request2, id) {
  let answer = new Promise((resolve) => r.waiter = resolve);
  r.child.stdin.write(JSON.stringify({ id, config: request2.config, files: [...request2.files] }) + `
`);
  let timedOut = !1, timer = setTimeout(() => {
    timedOut = !0, kill(r);
  }, request2.timeoutMs), onAbort = () => kill(r);
  request2.signal.addEventListener("abort", onAbort, { once: !0 });
  let line = await answer;
  return clearTimeout(timer), request2.signal.removeEventListener("abort", onAbort), r.waiter = null, { line, timedOut };
}
async function checkNow(state, request2) {
  let started = Date.now(), result = (partial) => ({ exitCode: null, signal: null, timedOut: !1, output: "", durationMs: Date.now() - started, collected: /* @__PURE__ */ new Map(), ...partial });
  if (request2.signal.aborted) return result({ output: "cancelled" });
  let r = state.running ??= start(state);
  setIdle(state, r, !1);
  let id = state.nextId++, { line, timedOut } = await ask(r, request2, id);
  if (line === null || timedOut) {
    kill(r), forget(state, r);
    let refused = /^bwrap: /m.test(r.stderr) ? r.stderr.split(`
`).find((l) => l.startsWith("bwrap: ")) : void 0;
    return result({ timedOut, signal: timedOut ? "SIGKILL" : null, output: r.stderr || (timedOut ? "" : "the type-check server stopped"), ...refused ? { refused } : {} });
  }
  setIdle(state, r, !0);
  let parsed = parseAnswer(line, id);
  return parsed ? result({ exitCode: parsed.exitCode, output: parsed.output }) : (kill(r), forget(state, r), result({ output: "the type-check server gave an answer that is not one" }));
}
function parseAnswer(line, id) {
  let value;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (!value || typeof value != "object") return null;
  let { id: got, exitCode, output } = value;
  return got !== id || typeof output != "string" || !(exitCode === null || typeof exitCode == "number" && Number.isInteger(exitCode)) ? null : { exitCode, output: output.length > OUTPUT_CAP_BYTES ? `${output.slice(0, OUTPUT_CAP_BYTES)}
\u2026 output cut \u2026
` : output };
}

// src/io/vitest-spare.ts
import { spawn as spawn3 } from "node:child_process";
import { mkdtempSync as mkdtempSync2, rmSync as rmSync2, writeFileSync, mkdirSync } from "node:fs";
import os3 from "node:os";
import path6 from "node:path";
var spareScript = () => assetPath("vitest-spare", "spare.mjs"), SCRIPT_INSIDE2 = "/tmp/.speccc-vitest-spare.mjs", SPARE_IDLE_STOP_MS = 2e4, MAX_WARM_FAILURES = 3;
function createVitestSpares(options) {
  let waiting = null, busy = !1, failures = 0, config = null, take = () => {
    let spare = waiting && !waiting.gone ? waiting : startSpare(options, null);
    return waiting = null, spare;
  };
  return {
    async run(command, reports) {
      if (busy || failures >= MAX_WARM_FAILURES) return null;
      busy = !0, config = configOf(command) ?? config;
      let result = null;
      try {
        result = await runOnSpare(take(), command, reports);
      } catch {
        result = null;
      }
      return failures = result ? 0 : failures + 1, busy = !1, !waiting && failures < MAX_WARM_FAILURES && (waiting = trySpare(options, config)), result;
    },
    async ready() {
      if (failures >= MAX_WARM_FAILURES) return !1;
      (!waiting || waiting.gone) && (waiting = trySpare(options, config));
      let spare = waiting;
      if (!spare) return !1;
      idle(spare, !1);
      let loaded = await until(spare, "ready") === "ready";
      return waiting === spare && !spare.gone && idle(spare, !0, options.idleStopMs), loaded;
    },
    prestart(expected) {
      config ??= expected ?? null, failures < MAX_WARM_FAILURES && !busy && (!waiting || waiting.gone) && (waiting = trySpare(options, config));
    },
    close() {
      waiting && discard(waiting), waiting = null;
    }
  };
}
function trySpare(options, prepared) {
  try {
    return startSpare(options, prepared);
  } catch {
    return null;
  }
}
var live = /* @__PURE__ */ new Set(), exitHook = !1;
function startSpare(options, prepared) {
  let base = mkdtempSync2(path6.join(os3.tmpdir(), "speccc-spare-")), scratch = path6.join(base, "tree"), hosts = path6.join(base, "hosts");
  mkdirSync(scratch), writeFileSync(hosts, HOSTS), prepared && writeFileSync(path6.join(scratch, prepared.name), prepared.content);
  let shell = ["/bin/sh", "-c", `ulimit -f ${Math.max(1, Math.floor((options.maxFileBytes ?? MAX_FILE_BYTES) / 512))} && exec "$0" "$@"`, options.toolchain.node, SCRIPT_INSIDE2, options.toolchain.vitestDir, ...prepared ? [prepared.name] : []], argv = [...options.wrapper(scratch, hosts, ["--ro-bind", spareScript(), SCRIPT_INSIDE2]), ...shell], child = spawn3(argv[0], argv.slice(1), { cwd: scratch, env: scrubbedEnv(options.parentEnv, "/tmp"), detached: !0, stdio: ["pipe", "pipe", "pipe", "pipe"] }), spare = { child, base, scratch, said: /* @__PURE__ */ new Set(), listeners: /* @__PURE__ */ new Set(), exit: Promise.resolve({ exitCode: null, signal: null }), gone: !1, output: prepared ? new CappedOutput() : null, idleTimer: null, prepared };
  spare.exit = new Promise((resolve) => {
    child.on("error", () => resolve({ exitCode: null, signal: null })), child.on("close", (exitCode, signal) => resolve({ exitCode, signal }));
  }), spare.exit.then(() => {
    spare.gone = !0;
    for (let listener of spare.listeners) listener(null);
  });
  let control = "";
  return child.stdio[3].on("data", (chunk) => {
    if (control += chunk.toString("utf8"), control.length > 64) {
      control = "", discard(spare);
      return;
    }
    for (let newline = control.indexOf(`
`); newline >= 0; newline = control.indexOf(`
`)) {
      let word = control.slice(0, newline);
      control = control.slice(newline + 1), spare.said.add(word);
      for (let listener of spare.listeners) listener(word);
    }
  }), child.stdout.on("data", (chunk) => spare.output?.add(chunk)), child.stderr.on("data", (chunk) => spare.output?.add(chunk)), child.stdin.on("error", () => {
  }), live.add(spare), exitHook || (exitHook = !0, process.once("exit", () => [...live].forEach(discard))), idle(spare, !0, options.idleStopMs ?? SPARE_IDLE_STOP_MS), spare;
}
function idle(spare, isIdle, stopMs = SPARE_IDLE_STOP_MS) {
  for (let handle of [spare.child, spare.child.stdin, spare.child.stdout, spare.child.stderr, spare.child.stdio[3]])
    isIdle ? handle?.unref?.() : handle?.ref?.();
  spare.idleTimer && clearTimeout(spare.idleTimer), spare.idleTimer = isIdle ? setTimeout(() => discard(spare), stopMs) : null, spare.idleTimer?.unref();
}
function discard(spare) {
  spare.gone = !0, spare.idleTimer && clearTimeout(spare.idleTimer);
  try {
    spare.child.pid && process.kill(-spare.child.pid, "SIGKILL");
  } catch {
  }
  live.delete(spare);
  try {
    rmSync2(spare.base, { recursive: !0, force: !0 });
  } catch {
    setTimeout(() => {
      try {
        rmSync2(spare.base, { recursive: !0, force: !0, maxRetries: 3 });
      } catch {
      }
    }, 1e3).unref();
  }
}
function until(spare, word) {
  return spare.said.has(word) ? Promise.resolve(word) : spare.gone ? Promise.resolve(null) : new Promise((resolve) => {
    let listener = (said) => {
      said !== null && said !== word || (spare.listeners.delete(listener), resolve(said));
    };
    spare.listeners.add(listener);
  });
}
async function runOnSpare(spare, command, reports) {
  let started = Date.now();
  idle(spare, !1);
  try {
    if (spare.gone) return null;
    await writeTree(spare.scratch, command.files);
    let prepared = fitsPrepared(spare.prepared, command);
    prepared || (spare.output = new CappedOutput());
    let { timedOut, cancelled } = await limited(spare, command, prepared);
    if (timedOut) return null;
    let { exitCode, signal } = await spare.exit, output = spare.output.text();
    return cancelled ? { exitCode, signal, timedOut: !1, output, durationMs: Date.now() - started, collected: /* @__PURE__ */ new Map() } : !spare.said.has("started") || exitCode !== 0 && exitCode !== 1 ? null : { exitCode, signal, timedOut: !1, output, durationMs: Date.now() - started, collected: await reports(spare.scratch), warm: prepared ? "prepared" : "loaded" };
  } catch {
    return null;
  } finally {
    discard(spare);
  }
}
async function limited(spare, command, prepared) {
  let timedOut = !1, cancelled = !1, kill2 = () => {
    try {
      spare.child.pid && process.kill(-spare.child.pid, "SIGKILL");
    } catch {
    }
  }, timer = setTimeout(() => {
    timedOut = !0, kill2();
  }, command.timeoutMs), onAbort = () => {
    cancelled = !0, kill2();
  };
  return command.signal.aborted && onAbort(), command.signal.addEventListener("abort", onAbort, { once: !0 }), spare.child.stdin.end(JSON.stringify({ args: command.argv.slice(2), prepared }) + `
`), await spare.exit, clearTimeout(timer), command.signal.removeEventListener("abort", onAbort), { timedOut, cancelled };
}
function configOf(command) {
  let args = command.argv.slice(2), name = args.at(-1);
  if (args[0] !== "run" || args.at(-2) !== "--config" || !name || name.includes("/")) return null;
  let files = args.slice(1, -2);
  if (files.length === 0 || files.some((f) => f.startsWith("-") || /[:\\]/.test(f))) return null;
  let content = command.files.get(name);
  return content === void 0 ? null : { name, content };
}
function fitsPrepared(prepared, command) {
  let config = configOf(command);
  return !prepared || !config || config.name !== prepared.name || config.content !== prepared.content ? !1 : [...command.files.keys()].every((file) => file.includes("/") || file.startsWith(".speccc-"));
}

// src/io/sealed-runner.ts
var SandboxUnavailableError = class extends Error {
}, require2 = createRequire(import.meta.url);
function resolveToolchain() {
  let vitestDir = path7.dirname(require2.resolve("vitest/package.json")), typeRoot;
  try {
    typeRoot = path7.dirname(path7.dirname(require2.resolve("@types/node/package.json")));
  } catch {
  }
  return {
    node: process.execPath,
    tsc: require2.resolve("typescript/bin/tsc"),
    vitest: path7.join(vitestDir, "vitest.mjs"),
    vitestDir,
    stryker: strykerBin(),
    ...typeRoot ? { typeRoot } : {},
    ...fastCheck()
  };
}
function strykerBin() {
  try {
    let core = require2.resolve("@stryker-mutator/core/package.json"), bin = require2(core).bin.stryker;
    return path7.join(path7.dirname(core), bin);
  } catch {
    return;
  }
}
function fastCheck() {
  try {
    return { fastCheckDir: path7.dirname(require2.resolve("fast-check/package.json")) };
  } catch {
    return {};
  }
}
function toolchainDirs(toolchain) {
  let tools = [toolchain.tsc, toolchain.vitestDir, ...toolchain.typeRoot ? [toolchain.typeRoot] : [], ...toolchain.stryker ? [toolchain.stryker] : [], ...toolchain.fastCheckDir ? [path7.join(toolchain.fastCheckDir, "package.json")] : []];
  return [path7.dirname(path7.dirname(realpathOrSelf(toolchain.node))), ...tools.map((t) => nodeModulesOf(realpathOrSelf(t)))];
}
function nodeModulesOf(file) {
  let parts = file.split(path7.sep), at = parts.lastIndexOf("node_modules");
  return at > 0 ? parts.slice(0, at + 1).join(path7.sep) : path7.dirname(file);
}
function systemMounts(toolchain) {
  let args = ["--ro-bind", "/usr", "/usr"];
  for (let top of ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"]) {
    if (!existsSync2(top)) continue;
    let st = lstatSync(top);
    st.isSymbolicLink() ? args.push("--symlink", readlinkSync(top), top) : st.isDirectory() && args.push("--ro-bind", top, top);
  }
  let mounted = /* @__PURE__ */ new Set(["/usr"]), add = (dir) => {
    [...mounted].some((m) => dir === m || dir.startsWith(`${m}/`)) || (mounted.add(dir), args.push("--ro-bind", dir, dir));
  };
  for (let dir of toolchainDirs(toolchain)) add(dir);
  return args;
}
function realpathOrSelf(p) {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
function bwrapArgs(toolchain, scratch, hosts, shared = [], mounts = []) {
  return [...sealed(toolchain), ...hosts ? ["--ro-bind", hosts, "/etc/hosts"] : [], "--bind", scratch, scratch, ...shared.flatMap((dir) => ["--bind", dir, dir]), ...mounts, "--chdir", scratch, "--"];
}
function sealed(toolchain) {
  return [
    "bwrap",
    "--unshare-all",
    // user, pid, net, ipc, uts, cgroup: no network, no view of other processes
    "--die-with-parent",
    "--new-session",
    // no TIOCSTI into speccc's terminal
    // /tmp first: a toolchain or scratch folder under /tmp is then mounted on top of it, not hidden by it.
    "--tmpfs",
    "/tmp",
    "--proc",
    "/proc",
    "--dev",
    "/dev",
    ...systemMounts(toolchain)
  ];
}
var probed;
function probeBubblewrap(toolchain = resolveToolchain()) {
  if (probed) return probed;
  if (process.platform !== "linux")
    return probed = { ok: !1, why: `speccc's sandbox uses bubblewrap, which needs Linux (this is ${process.platform}); build in a Linux machine or container` }, probed;
  try {
    execFileSync("bwrap", ["--version"], { stdio: "ignore" });
  } catch {
    return probed = { ok: !1, why: "bubblewrap is not installed; install it with `sudo apt-get install bubblewrap` (Debian, Ubuntu) or `sudo dnf install bubblewrap` (Fedora)" }, probed;
  }
  let scratch = os4.tmpdir();
  try {
    execFileSync(bwrapArgs(toolchain, scratch)[0], [...bwrapArgs(toolchain, scratch).slice(1), toolchain.node, "-e", ""], { stdio: "pipe", timeout: 1e4 }), probed = { ok: !0 };
  } catch (error) {
    probed = {
      ok: !1,
      why: `bubblewrap is installed but cannot create a sandbox here (${(String(error.stderr ?? "").trim().split(`
`)[0] ?? "") || "unknown error"}); allow unprivileged user namespaces (e.g. \`sysctl kernel.unprivileged_userns_clone=1\`, or an AppArmor profile for bwrap on Ubuntu 24.04)`
    };
  }
  return probed;
}
var servers = /* @__PURE__ */ new Map();
function createSealedRunner(options) {
  let setup = { ...options, toolchain: options.toolchain ?? resolveToolchain() }, { toolchain } = setup;
  if (options.mode === "bubblewrap") {
    let probe = probeBubblewrap(toolchain);
    if (!probe.ok)
      throw new SandboxUnavailableError(
        `generated code must run sealed, and no sandbox is available: ${probe.why}. To run it unsealed anyway (not recommended), set "validation": { "sandbox": "off" } in speccc.config.json`
      );
  }
  let runner = {
    mode: options.mode,
    toolchain,
    typecheck: (command) => sharedTypecheckServer(setup).check(command),
    run: (command) => runSealed(setup, command),
    test: (command) => runTests(setup, command),
    prepareTests: (config) => {
      options.mode === "bubblewrap" && sparesFor(setup).prestart(config);
    },
    judge: (command) => judgeRun(
      {
        toolchain,
        parentEnv: options.parentEnv,
        // Each side in a sandbox of its own; the one folder both see holds the socket between them.
        wrapper: options.mode === "bubblewrap" ? (dir, hosts, shared) => bwrapArgs(toolchain, dir, hosts, [shared]) : null,
        ...options.maxFileBytes ? { maxFileBytes: options.maxFileBytes } : {}
      },
      command
    )
  };
  return setups.set(runner, setup), runner;
}
function sharedTypecheckServer(setup) {
  let { mode, toolchain, parentEnv } = setup, key = JSON.stringify([mode, toolchain, scrubbedEnv(parentEnv, "")]), server = servers.get(key);
  if (server) return server;
  let home = "/tmp";
  if (mode === "off") {
    let own = home = mkdtempSync3(path7.join(os4.tmpdir(), "speccc-typecheck-"));
    process.once("exit", () => rmSync3(own, { recursive: !0, force: !0 }));
  }
  return server = createTypecheckServer({
    toolchain,
    parentEnv,
    home,
    wrapper: mode === "bubblewrap" ? (script) => [...sealed(toolchain), ...script, "--chdir", "/tmp", "--"] : null
  }), servers.set(key, server), server;
}
var spares = /* @__PURE__ */ new Map(), setups = /* @__PURE__ */ new WeakMap();
function sparesFor(setup) {
  let { toolchain, parentEnv, maxFileBytes } = setup, key = JSON.stringify([toolchain, scrubbedEnv(parentEnv, ""), maxFileBytes ?? null]), warm = spares.get(key);
  return warm || (warm = createVitestSpares({ toolchain, parentEnv, ...maxFileBytes ? { maxFileBytes } : {}, wrapper: (scratch, hosts, mounts) => bwrapArgs(toolchain, scratch, hosts, [], mounts) }), spares.set(key, warm)), warm;
}
async function runTests(setup, command) {
  let { mode, toolchain } = setup;
  return mode === "bubblewrap" && !command.twins?.length && !command.links?.size && command.argv[0] === toolchain.node && command.argv[1] === toolchain.vitest ? await sparesFor(setup).run(command, (scratch) => collectReports(scratch, command.collect ?? [])) ?? runSealed(setup, command) : runSealed(setup, command);
}
async function runSealed(setup, command) {
  let { mode, toolchain } = setup, base = await fs3.mkdtemp(path7.join(os4.tmpdir(), "speccc-sealed-")), scratch = path7.join(base, "tree"), hosts = path7.join(base, "hosts");
  try {
    await fs3.mkdir(scratch), await fs3.writeFile(hosts, HOSTS);
    let launch = command.twins?.length ? await prepareTwinRun({ node: toolchain.node, twins: command.twins, files: command.files, argv: command.argv }) : { files: command.files, argv: command.argv };
    await writeTree(scratch, launch.files);
    let refusedLink = await linkIntoToolchain(scratch, command.links ?? /* @__PURE__ */ new Map(), toolchain);
    if (refusedLink) return { exitCode: null, signal: null, timedOut: !1, output: "", durationMs: 0, collected: /* @__PURE__ */ new Map(), refused: refusedLink };
    let [cmd, ...args] = launch.argv, home = mode === "bubblewrap" ? "/tmp" : path7.join(scratch, ".home");
    mode === "off" && await fs3.mkdir(home, { recursive: !0 });
    let result = await runChild({
      command: cmd,
      args,
      cwd: scratch,
      timeoutMs: command.timeoutMs,
      signal: command.signal,
      parentEnv: setup.parentEnv,
      home,
      ...setup.maxFileBytes ? { maxFileBytes: setup.maxFileBytes } : {},
      ...mode === "bubblewrap" ? { wrapper: bwrapArgs(toolchain, scratch, hosts) } : {}
    }), collected = await collectReports(scratch, command.collect ?? []), refused = mode === "bubblewrap" && result.exitCode === 1 && /^bwrap: /m.test(result.output) ? result.output.split(`
`).find((l) => l.startsWith("bwrap: ")) : void 0;
    return { ...result, collected, ...refused ? { refused } : {} };
  } finally {
    await fs3.rm(base, { recursive: !0, force: !0 });
  }
}
async function linkIntoToolchain(scratch, links, toolchain) {
  let mounted = toolchainDirs(toolchain);
  for (let [rel, to] of links) {
    let at = path7.join(scratch, rel), inside = (dir) => path7.resolve(to) === dir || path7.resolve(to).startsWith(`${dir}${path7.sep}`);
    if (!at.startsWith(`${scratch}${path7.sep}`) || !mounted.some(inside)) return `a link to ${to} is outside the sandbox's toolchain`;
    await fs3.mkdir(path7.dirname(at), { recursive: !0 }), await fs3.rm(at, { recursive: !0, force: !0 }), await fs3.symlink(to, at, "dir");
  }
  return null;
}
async function collectReports(scratch, collect) {
  let collected = /* @__PURE__ */ new Map();
  for (let rel of collect) {
    let file = path7.join(scratch, rel);
    if (file.startsWith(`${scratch}${path7.sep}`))
      try {
        let st = await fs3.lstat(file);
        st.isFile() && st.size <= 16 * 1024 * 1024 && collected.set(rel, await fs3.readFile(file, "utf8"));
      } catch {
      }
  }
  return collected;
}

// src/io/batch-state.ts
import { promises as fs4 } from "node:fs";
import path8 from "node:path";
var FILE = /^[A-Za-z0-9_-]{1,128}\.json$/;
function batchStateStore(root) {
  let dir = path8.join(root, ".speccc", "batches"), where = (name) => `.speccc/batches/${name}`, advice = "delete it to submit its requests again (a batch still running would then be paid for twice)";
  return {
    where: ".speccc/batches/",
    async load() {
      let names = await fs4.readdir(dir).catch((error) => {
        if (error.code === "ENOENT") return [];
        throw error;
      }), records = [];
      for (let name of names.filter((n) => FILE.test(n)).sort()) {
        let text = await fs4.readFile(path8.join(dir, name), "utf8"), data;
        try {
          data = JSON.parse(text);
        } catch (error) {
          throw new CorruptStateError(`${where(name)}: not valid JSON (${error instanceof Error ? error.message : String(error)}); ${advice}`);
        }
        let parsed = BatchRecordSchema.safeParse(data);
        if (!parsed.success) {
          let issue = parsed.error.issues[0], at = issue.path.length > 0 ? `\`${issue.path.join(".")}\`: ` : "";
          throw new CorruptStateError(`${where(name)}: not a batch state file: ${at}${issue.message}; ${advice}`);
        }
        if (`${parsed.data.id}.json` !== name) throw new CorruptStateError(`${where(name)}: records batch ${parsed.data.id}, not the batch its name says; ${advice}`);
        records.push(parsed.data);
      }
      return records;
    },
    async save(record) {
      await writeInside(root, path8.join(".speccc", "batches", `${record.id}.json`), JSON.stringify(record, null, 2) + `
`);
    },
    async remove(id) {
      FILE.test(`${id}.json`) && await fs4.rm(path8.join(dir, `${id}.json`), { force: !0 });
    }
  };
}

// src/io/remote-cache.ts
import { createHmac, timingSafeEqual } from "node:crypto";
var DEFAULT_TIMEOUT_MS = 1e4, HASH_PATTERN = /^[0-9a-fA-F]{16,128}$/, TAG_PATTERN = /^[A-Za-z0-9+/]{43}=?$/, PROBE_HASH = "0".repeat(64), MAX_DETAIL = 240, TAG_DOMAIN = Buffer.from("artifact-signature:v2", "utf8");
function framed(bytes) {
  let length = Buffer.alloc(8);
  return length.writeBigUInt64LE(BigInt(bytes.byteLength)), [length, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)];
}
function artifactTag(signingKey, hash, team, bytes) {
  return tagBytes(signingKey, hash, team, bytes).toString("base64");
}
function tagBytes(signingKey, hash, team, bytes) {
  let hmac = createHmac("sha256", Buffer.from(signingKey, "utf8"));
  for (let field of [TAG_DOMAIN, Buffer.from(hash, "utf8"), Buffer.from(team, "utf8"), bytes])
    for (let part of framed(field)) hmac.update(part);
  return hmac.digest();
}
function tagMatches(expected, received) {
  if (!TAG_PATTERN.test(received)) return !1;
  let got = Buffer.from(received, "base64");
  return got.length === expected.length && timingSafeEqual(got, expected);
}
function createRemoteCache(options) {
  let c = clientOf(options);
  return {
    get: (hash, signal) => getArtifact(c, hash, signal),
    put: (hash, bytes, signal) => putArtifact(c, hash, bytes, signal),
    status: (signal) => cacheStatus(c, signal)
  };
}
function clientOf(options) {
  let timeoutMs = options.timeoutMs !== void 0 && Number.isFinite(options.timeoutMs) && options.timeoutMs > 0 ? options.timeoutMs : DEFAULT_TIMEOUT_MS, base = parseBase(options.url), problem = typeof base == "string" ? base : optionsProblem(options);
  return {
    options,
    secrets: [options.token, options.signingKey].filter((s) => typeof s == "string" && s.length > 0),
    timeoutMs,
    fetch: options.fetch ?? globalThis.fetch,
    base: problem === void 0 && typeof base != "string" ? { ok: !0, url: base } : { ok: !1, problem }
  };
}
function optionsProblem(options) {
  if (typeof options.team != "string" || options.team.length === 0) return "no team configured";
  if (typeof options.token != "string" || options.token.length === 0) return "no token configured";
  if (!/^[\x21-\x7e]+$/.test(options.token)) return "the token has characters an HTTP header cannot carry";
}
function scrubbed(secrets, text) {
  let out = text;
  for (let secret of secrets) out = out.split(secret).join("[redacted]");
  out = out.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").replace(/\s+/g, " ").trim(), out.length > MAX_DETAIL && (out = `${out.slice(0, MAX_DETAIL - 1)}\u2026`);
  for (let secret of secrets) if (out.includes(secret)) return "remote cache failure (detail withheld: it named a credential)";
  return out;
}
function artifactsUrl(base, team, last) {
  let url = new URL(base.href);
  return url.pathname = `${url.pathname.replace(/\/+$/, "")}/v8/artifacts/${last}`, url.search = new URLSearchParams({ teamId: team, slug: team }).toString(), url.href;
}
function checkHash(hash) {
  if (typeof hash != "string") return "invalid hash: not a string";
  if (!HASH_PATTERN.test(hash)) return `invalid hash: expected 16 to 128 hex characters, got ${hash.length} characters`;
}
async function request(c, what, url, init, signal, read2) {
  if (signal?.aborted) return { ok: !1, detail: scrubbed(c.secrets, `${what}: aborted`) };
  let timeout = new AbortController(), timer = setTimeout(() => timeout.abort(), c.timeoutMs), joined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
  try {
    let res = await c.fetch(url, {
      ...init,
      headers: { ...init.headers, Authorization: `Bearer ${c.options.token}` },
      signal: joined
    });
    return { ok: !0, value: await read2(res) };
  } catch (error) {
    return timeout.signal.aborted && !signal?.aborted ? { ok: !1, detail: scrubbed(c.secrets, `${what}: timed out after ${c.timeoutMs} ms`) } : signal?.aborted ? { ok: !1, detail: scrubbed(c.secrets, `${what}: aborted`) } : { ok: !1, detail: scrubbed(c.secrets, `${what}: ${describe(error)}`) };
  } finally {
    clearTimeout(timer);
  }
}
async function httpFailure(res) {
  let said = "";
  try {
    let text = (await res.text()).slice(0, 2e3);
    try {
      let body = JSON.parse(text), error = body.error;
      said = typeof body.message == "string" ? body.message : typeof error == "string" ? error : typeof error?.message == "string" ? error.message : text;
    } catch {
      said = text;
    }
  } catch {
  }
  return said = said.replace(/\s+/g, " ").trim().slice(0, 120), `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""}${said ? `: ${said}` : ""}`;
}
async function getArtifact(c, hash, signal) {
  try {
    let problem = c.base.ok ? checkHash(hash) : c.base.problem;
    if (problem !== void 0 || !c.base.ok) return { status: "error", detail: scrubbed(c.secrets, `remote cache get: ${problem}`) };
    let what = `remote cache get ${hash.slice(0, 16)}`, attempt = await request(c, what, artifactsUrl(c.base.url, c.options.team, hash), { method: "GET" }, signal, (res) => readArtifact(c, what, hash, res));
    return attempt.ok ? attempt.value : { status: "error", detail: attempt.detail };
  } catch (error) {
    return { status: "error", detail: scrubbed(c.secrets, `remote cache get: ${describe(error)}`) };
  }
}
async function readArtifact(c, what, hash, res) {
  if (res.status === 404)
    return await res.body?.cancel().catch(() => {
    }), { status: "miss" };
  if (res.status !== 200) return { status: "error", detail: scrubbed(c.secrets, `${what}: ${await httpFailure(res)}`) };
  let tag = res.headers.get("x-artifact-tag"), bytes = new Uint8Array(await res.arrayBuffer()), { signingKey, team } = c.options;
  return signingKey === void 0 || signingKey === "" ? { status: "hit", bytes } : tag === null || tag.trim() === "" ? { status: "refused", reason: "unsigned", detail: scrubbed(c.secrets, `${what}: the artifact has no x-artifact-tag, and signing is on`) } : tagMatches(tagBytes(signingKey, hash, team, bytes), tag.trim()) ? { status: "hit", bytes } : {
    status: "refused",
    reason: "bad-signature",
    detail: scrubbed(c.secrets, `${what}: the x-artifact-tag does not verify (tampered, or signed with another key or team)`)
  };
}
async function putArtifact(c, hash, bytes, signal) {
  try {
    let problem = c.base.ok ? checkHash(hash) ?? (bytes instanceof Uint8Array ? void 0 : "the artifact is not bytes") : c.base.problem;
    if (problem !== void 0 || !c.base.ok) return { status: "error", detail: scrubbed(c.secrets, `remote cache put: ${problem}`) };
    let what = `remote cache put ${hash.slice(0, 16)}`, headers = { "Content-Type": "application/octet-stream" };
    c.options.signingKey && (headers["x-artifact-tag"] = artifactTag(c.options.signingKey, hash, c.options.team, bytes));
    let body = bytes.buffer instanceof ArrayBuffer ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes), attempt = await request(c, what, artifactsUrl(c.base.url, c.options.team, hash), { method: "PUT", headers, body }, signal, async (res) => res.status >= 200 && res.status < 300 ? (await res.body?.cancel().catch(() => {
    }), { status: "stored" }) : { status: "error", detail: scrubbed(c.secrets, `${what}: ${await httpFailure(res)}`) });
    return attempt.ok ? attempt.value : { status: "error", detail: attempt.detail };
  } catch (error) {
    return { status: "error", detail: scrubbed(c.secrets, `remote cache put: ${describe(error)}`) };
  }
}
async function cacheStatus(c, signal) {
  try {
    if (!c.base.ok) return { ok: !1, detail: scrubbed(c.secrets, `remote cache: ${c.base.problem}`) };
    let base = c.base.url, { team } = c.options, what = "remote cache status", state = await request(c, what, artifactsUrl(base, team, "status"), { method: "GET" }, signal, (res) => readStatus(c, what, res));
    if (!state.ok) return { ok: !1, detail: state.detail };
    if (!state.value.ok) return { ok: !1, detail: state.value.detail };
    let probe = await request(c, "remote cache token check", artifactsUrl(base, team, PROBE_HASH), { method: "HEAD" }, signal, async (res) => (await res.body?.cancel().catch(() => {
    }), res.status));
    return probe.ok ? probe.value === 401 || probe.value === 403 ? { ok: !1, detail: scrubbed(c.secrets, `remote cache at ${base.host}: the token is not accepted for team ${team} (HTTP ${probe.value})`) } : probe.value !== 200 && probe.value !== 404 ? { ok: !1, detail: scrubbed(c.secrets, `remote cache token check: HTTP ${probe.value}`) } : { ok: !0, detail: scrubbed(c.secrets, `remote cache at ${base.host} is enabled for team ${team}`) } : { ok: !1, detail: probe.detail };
  } catch (error) {
    return { ok: !1, detail: scrubbed(c.secrets, `remote cache status: ${describe(error)}`) };
  }
}
async function readStatus(c, what, res) {
  if (res.status !== 200) return { ok: !1, detail: scrubbed(c.secrets, `${what}: ${await httpFailure(res)}`) };
  let body;
  try {
    body = JSON.parse(await res.text());
  } catch {
    return { ok: !1, detail: scrubbed(c.secrets, `${what}: the answer is not JSON`) };
  }
  let value = body?.status;
  return typeof value != "string" ? { ok: !1, detail: scrubbed(c.secrets, `${what}: the answer has no status`) } : value === "enabled" ? { ok: !0, value } : { ok: !1, detail: scrubbed(c.secrets, `${what}: the cache is ${value}`) };
}
function parseBase(raw) {
  if (typeof raw != "string" || raw.trim() === "") return "no remote cache URL configured";
  let url;
  try {
    url = new URL(raw.trim());
  } catch {
    return "the remote cache URL is not a valid URL";
  }
  return url.protocol !== "http:" && url.protocol !== "https:" ? `the remote cache URL must be http or https, not ${url.protocol}` : url.username !== "" || url.password !== "" ? "the remote cache URL must not contain credentials (use the token)" : (url.search = "", url.hash = "", url);
}
function describe(error) {
  if (!(error instanceof Error)) return String(error);
  let cause = error.cause;
  if (cause instanceof Error) {
    let code = cause.code;
    return `${error.message}: ${typeof code == "string" && !cause.message.includes(code) ? `${code} ` : ""}${cause.message}`;
  }
  return error.message;
}

// src/io/shared-results.ts
var GIVE_UP_AFTER = 3, sleepers = /* @__PURE__ */ new WeakMap();
function defaultSleep(ms, signal) {
  if (signal.aborted) return Promise.resolve();
  let wakers = sleepers.get(signal);
  if (!wakers) {
    let set = /* @__PURE__ */ new Set();
    signal.addEventListener("abort", () => [...set].forEach((wake) => wake()), { once: !0 }), sleepers.set(signal, wakers = set);
  }
  let all = wakers;
  return new Promise((resolve) => {
    let wake = () => {
      clearTimeout(timer), all.delete(wake), resolve();
    }, timer = setTimeout(wake, ms);
    all.add(wake);
  });
}
function sharedResultStore(options) {
  let state = { options, counts: { restored: 0, uploaded: 0, refused: 0, errors: 0 }, fromRemote: /* @__PURE__ */ new Set(), failuresInARow: 0, off: !1 };
  return {
    async read(key, context) {
      let mine = await options.local.read(key, context);
      return mine?.stage === "passed" || !context ? mine : await lookup(state, key, context) ?? mine;
    },
    write: (result) => upload(state, result),
    waitFor: (key, context, timeoutMs, signal) => waitFor(state, key, context, timeoutMs, signal),
    counts: () => ({ ...state.counts })
  };
}
var short = (key) => key.slice(0, 12);
function failed(state, specId, key, op, detail) {
  let { trace, warn } = state.options;
  state.counts.errors++, trace.write({ type: "cache", spec: specId, jobKey: key, op, status: "error", detail }), op === "get" && ++state.failuresInARow >= GIVE_UP_AFTER && !state.off ? (state.off = !0, warn(`${detail}; ${GIVE_UP_AFTER} lookups failed in a row, so this build stops asking the remote cache and builds what it needs`)) : state.off || warn(`${detail}; ${op === "get" ? `building ${specId} instead` : `${specId}'s result stays local (not shared)`}`);
}
function refuse(state, specId, key, detail) {
  state.counts.refused++, state.options.trace.write({ type: "cache", spec: specId, jobKey: key, op: "get", status: "refused", detail }), state.options.warn(`remote cache: refused the artifact for ${specId} (job ${short(key)}\u2026): ${detail}; building it instead`);
}
async function lookup(state, key, context, signal, traceMiss = !0) {
  let { remote, local, trace } = state.options;
  if (state.off) return;
  let got = await remote.get(key, signal);
  if (got.status === "error") {
    failed(state, context.specId, key, "get", got.detail);
    return;
  }
  if (state.failuresInARow = 0, got.status === "miss") {
    traceMiss && trace.write({ type: "cache", spec: context.specId, jobKey: key, op: "get", status: "miss" });
    return;
  }
  if (got.status === "refused") {
    refuse(state, context.specId, key, got.reason === "unsigned" ? "it is not signed" : "its signature does not verify (tampered, or signed with another key or team)");
    return;
  }
  let problem = contentProblem(got.bytes, key, context);
  if (typeof problem == "string") {
    refuse(state, context.specId, key, problem);
    return;
  }
  return state.fromRemote.add(key), await local.write(problem), state.counts.restored++, trace.write({ type: "cache", spec: context.specId, jobKey: key, op: "get", status: "hit" }), problem;
}
async function upload(state, result) {
  let { local, remote, trace } = state.options;
  if (await local.write(result), result.stage !== "passed" || state.fromRemote.has(result.jobKey)) return;
  let { history: _history, ...shared } = result, put = await remote.put(result.jobKey, new TextEncoder().encode(JSON.stringify(shared)));
  put.status === "stored" ? (state.counts.uploaded++, trace.write({ type: "cache", spec: result.specId, jobKey: result.jobKey, op: "put", status: "stored" })) : failed(state, result.specId, result.jobKey, "put", put.detail);
}
async function waitFor(state, key, context, timeoutMs, signal) {
  let { options, counts } = state, sleep = options.sleep ?? defaultSleep, clock = options.clock ?? Date.now, deadline = clock() + timeoutMs, delay = options.pollMs ?? 2e3;
  for (let poll = 0; ; poll++) {
    let mine = await options.local.read(key, context);
    if (mine?.stage === "passed") return mine;
    let refusedBefore = counts.refused, found = await lookup(state, key, context, signal, poll === 0);
    if (found) return found;
    if (state.off || counts.refused > refusedBefore || signal.aborted || clock() + delay > deadline) return;
    await sleep(delay, signal), delay = Math.min(delay * 2, options.maxPollMs ?? 2e4);
  }
}
function contentProblem(bytes, key, context) {
  let data;
  try {
    data = JSON.parse(new TextDecoder("utf-8", { fatal: !0 }).decode(bytes));
  } catch {
    return "its content is not a stored result (not UTF-8 JSON)";
  }
  let parsed = StoredResultSchema.safeParse(data);
  if (!parsed.success) return "its content is not a stored result";
  let result = parsed.data;
  if (result.jobKey !== key) return "it was stored for another job key";
  if (result.stage !== "passed") return "it is not a passed result";
  if (result.specId !== context.specId) return `it is a result for spec ${JSON.stringify(result.specId).slice(0, 80)}`;
  if (context.outputs) {
    let files = Object.keys(result.files).sort(), wanted = [...context.outputs].sort();
    if (files.length !== wanted.length || files.some((f, i) => f !== wanted[i])) return "its files are not the spec's outputs";
  }
  return result;
}

// src/runtime.ts
var RuntimeSetupError = class extends Error {
};
function takeCredentials(env) {
  let redact = createRedactor(env), apiKey = env.ANTHROPIC_API_KEY || void 0, baseURL = env.ANTHROPIC_BASE_URL || void 0, remoteCache = { token: env.SPECCC_REMOTE_CACHE_TOKEN || void 0, signingKey: env.SPECCC_REMOTE_CACHE_KEY || void 0 };
  return delete env.ANTHROPIC_API_KEY, delete env.ANTHROPIC_AUTH_TOKEN, delete env.SPECCC_REMOTE_CACHE_TOKEN, delete env.SPECCC_REMOTE_CACHE_KEY, { apiKey, baseURL, redact, env, remoteCache };
}
function providerLabel(provider, baseURL) {
  if (provider === "replay") return "replay (recorded cassettes from .speccc/cassettes/; no model was called)";
  if (provider !== "anthropic") return provider;
  if (!baseURL) return "anthropic";
  try {
    let host = new URL(baseURL).hostname;
    return host === "127.0.0.1" || host === "localhost" || host === "[::1]" ? `anthropic (speccc twin at ${host}; no model was called)` : `anthropic (via ${host})`;
  } catch {
    return "anthropic";
  }
}
var SANDBOX_OFF_WARNING = `validation.sandbox is "off": generated code runs unsealed, with access to this machine's files and network`;
function createGate(options) {
  let mode = options.config.validation.sandbox === "off" ? "off" : "bubblewrap", runner;
  try {
    runner = options.runner ?? createSealedRunner({ mode, parentEnv: options.credentials.env });
  } catch (error) {
    throw error instanceof SandboxUnavailableError ? new RuntimeSetupError(error.message) : error;
  }
  let warnings = runner.mode === "off" ? [SANDBOX_OFF_WARNING] : [], validator = createValidator({
    config: options.config,
    runner,
    proofDriver: proofDriverScript(),
    ...options.mutationConcurrency ? { mutationConcurrency: options.mutationConcurrency } : {}
  });
  return { runner, validator, warnings };
}
function refusingGate() {
  let refuse2 = () => {
    throw new Error("bug: this command runs no generated code");
  };
  return { runner: { mode: "bubblewrap", toolchain: { node: "", tsc: "", vitest: "", vitestDir: "" }, run: refuse2, judge: refuse2 }, validator: { visible: refuse2, holdout: refuse2, mutate: refuse2, prove: refuse2 }, warnings: [] };
}
function createRuntime(options) {
  let { root, config, credentials } = options, clock = options.clock ?? Date.now, runId = newRunId(clock), trace = openTrace(root, credentials.redact, runId), budget = createBudget(spendCaps(config, options.maxCostUsd !== void 0 ? { maxCostUsd: options.maxCostUsd } : {}).run, options.session), warnings = [], gate = lazyGate(options);
  gate.sandbox === "off" && gate.runsCode && warnings.push(SANDBOX_OFF_WARNING);
  let warn = options.onWarning ?? ((line) => {
    warnings.push(line);
  }), local = resultStore(root), shared = sharedCacheOf(options, trace, local, warn, warnings), provider = lazyProvider(options, { budget, trace, clock });
  return {
    runId,
    command: options.command,
    config,
    agent: provider.agent,
    providerLabel: options.inject?.agent ? options.inject.agent.name : providerLabel(options.provider, credentials.baseURL),
    validator: gate.validator,
    sandbox: gate.sandbox,
    budget,
    results: shared ?? local,
    shared,
    batch: !!options.batch,
    trace,
    redact: credentials.redact,
    clock,
    warnings,
    lock: () => acquireWorkspaceLock(root, options.command),
    requireSandbox: gate.require,
    checkModels: provider.checkModels,
    warn(line) {
      trace.write({ type: "warning", message: line }), warn(line);
    },
    prepare: provider.prepare,
    finish: provider.finish
  };
}
function lazyGate(options) {
  let { config, credentials } = options, runsCode = options.command === "build" || options.command === "watch", gate, ensureGate = () => gate ??= runsCode && !options.inject?.validator ? createGate({ config, credentials, ...options.inject?.runner ? { runner: options.inject.runner } : {} }) : refusingGate(), sandbox = options.inject?.runner?.mode ?? (config.validation.sandbox === "off" ? "off" : "bubblewrap");
  return {
    validator: options.inject?.validator ?? {
      visible: (input) => ensureGate().validator.visible(input),
      prepare: () => {
        try {
          ensureGate().validator.prepare?.();
        } catch {
        }
      },
      holdout: (input) => ensureGate().validator.holdout(input),
      mutate: (input) => ensureGate().validator.mutate(input),
      prove: (input) => ensureGate().validator.prove(input)
    },
    sandbox,
    runsCode,
    require() {
      options.inject?.validator || ensureGate();
    }
  };
}
function lazyProvider(options, run) {
  let { root, config, credentials } = options, tuning = typeof options.batch == "object" ? options.batch : {}, batches = options.batch ? batchStateStore(root) : null, resumable, loadBatches = () => resumable ??= batches ? batches.load() : Promise.resolve([]), prices = config.model.prices ?? {}, provider, real = async () => {
    if (provider) return provider;
    if (options.inject?.agent) return provider = options.inject.agent;
    if (options.provider === "replay") return provider = createReplayAgent(cassetteStore(root));
    if (!credentials.apiKey) throw new RuntimeSetupError(noKey(options.command));
    let { createAnthropicAgent } = await import("./provider-UOZ6LW5Y.js");
    return provider = createAnthropicAgent({
      apiKey: credentials.apiKey,
      ...credentials.baseURL ? { baseURL: credentials.baseURL } : {},
      budget: run.budget,
      trace: run.trace,
      maxTurns: config.agent.maxTurns,
      concurrency: config.concurrency,
      redact: credentials.redact,
      priceOf: (model) => priceOf(model, prices),
      maxFileChars: config.model.maxOutputTokens * 16,
      caching: config.model.promptCaching,
      clock: run.clock,
      ...tuning.sleep ? { sleep: tuning.sleep } : {},
      ...batches ? { batch: { ...tuning, store: batches, resumable: await loadBatches() } } : {}
    }), provider;
  }, agent = { name: options.inject?.agent?.name ?? options.provider, run: async (task, sandbox) => (await real()).run(task, sandbox) };
  return options.record && (agent = recordingAgent(agent, cassetteStore(root), credentials.redact, run.clock)), {
    agent,
    async checkModels(ids) {
      let none = { unknown: [], notices: [] };
      if (ids.length === 0 || options.provider !== "anthropic" || options.inject?.agent) return none;
      let p = await real();
      return p.checkModels ? p.checkModels(ids) : none;
    },
    async prepare() {
      await loadBatches();
    },
    async finish() {
      await provider?.finish?.();
    }
  };
}
var noKey = (command) => `ANTHROPIC_API_KEY is not set: export your Anthropic API key to ${command === "build" || command === "watch" || command === "promote" ? "build (speccc build --dry-run and --check need none)" : `run speccc ${command}`}, or rehearse with no key against speccc's twin of the API: start \`npx speccc twin --script-dir <replies>\` and export ANTHROPIC_BASE_URL=<the URL it prints> ANTHROPIC_API_KEY=rehearsal (docs/twin.md)`;
function sharedCacheOf(options, trace, local, warn, warnings) {
  let remote = options.config.cache?.remote;
  if (!remote) return null;
  let token = options.credentials.remoteCache?.token, signingKey = options.credentials.remoteCache?.signingKey, missing = [...token ? [] : ["SPECCC_REMOTE_CACHE_TOKEN"], ...signingKey ? [] : ["SPECCC_REMOTE_CACHE_KEY"]];
  if (missing.length > 0)
    return warnings.push(`cache.remote is configured but ${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} not set: building without the shared cache (speccc never reads or writes it unsigned)`), null;
  signingKey.length < 32 && warnings.push("SPECCC_REMOTE_CACHE_KEY is shorter than 32 characters: anyone who guesses it can publish results your builds will trust; use 32 random bytes or more");
  let seams = options.sharedCache ?? {};
  return sharedResultStore({
    local,
    remote: createRemoteCache({ url: remote.url, team: remote.team, token, signingKey, timeoutMs: remote.timeoutMs }),
    trace,
    warn,
    ...options.clock ? { clock: options.clock } : {},
    ...seams
  });
}

export {
  RuntimeSetupError,
  takeCredentials,
  providerLabel,
  createGate,
  createRuntime
};
