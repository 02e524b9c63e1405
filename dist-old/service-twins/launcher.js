// src/io/service-twins/launcher.ts
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
var HOST = "127.0.0.1", START_TIMEOUT_MS = 5e3, CLOSE_TIMEOUT_MS = 1e3, MAX_BODY_BYTES = 8 * 1024 * 1024, MAX_LOG = 1e3, CONTROL = "/__twin/", HOP_BY_HOP = /* @__PURE__ */ new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "upgrade", "proxy-connection"]), here = path.dirname(fileURLToPath(import.meta.url)), begun = performance.now(), LaunchError = class extends Error {
}, message = (error) => error instanceof Error ? error.message : String(error), sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function withTimeout(work, ms, what) {
  return new Promise((resolve, reject) => {
    let timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    work.then(
      (value) => {
        clearTimeout(timer), resolve(value);
      },
      (error) => {
        clearTimeout(timer), reject(error instanceof Error ? error : new Error(String(error)));
      }
    );
  });
}
function listening(url) {
  return new Promise((resolve) => {
    let socket = net.connect({ host: url.hostname, port: Number(url.port || 80) }), done = (ok) => {
      socket.destroy(), resolve(ok);
    };
    socket.once("connect", () => done(!0)), socket.once("error", () => done(!1)), socket.setTimeout(1e3, () => done(!1));
  });
}
async function readBody(req) {
  let chunks = [], size = 0;
  for await (let chunk of req) {
    if (size += chunk.length, size > MAX_BODY_BYTES) throw new Error(`request body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
function bodyValue(body) {
  if (body.length === 0) return null;
  let text = body.toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
function send(res, status, body, headers = {}) {
  if (body === void 0) {
    res.writeHead(status, headers).end();
    return;
  }
  let text = typeof body == "string" ? body : JSON.stringify(body), type = Object.keys(headers).some((h) => h.toLowerCase() === "content-type") ? {} : { "content-type": typeof body == "string" ? "text/plain; charset=utf-8" : "application/json" };
  res.writeHead(status, { ...type, ...headers, "content-length": String(Buffer.byteLength(text)) }).end(text);
}
function readFault(raw, index) {
  let where = `fault ${index + 1}`;
  if (typeof raw != "object" || raw === null || Array.isArray(raw)) throw new Error(`${where} is not an object`);
  let f = raw, known = ["method", "path", "status", "headers", "body", "delayMs", "drop", "times"], unknown = Object.keys(f).filter((k) => !known.includes(k));
  if (unknown.length > 0) throw new Error(`${where} has unknown field ${unknown.join(", ")}; expected ${known.join(", ")}`);
  let fault = { times: 1 };
  if (f.method !== void 0) {
    if (typeof f.method != "string") throw new Error(`${where}: method must be a string`);
    fault.method = f.method.toUpperCase();
  }
  if (f.path !== void 0) {
    if (typeof f.path != "string" || !f.path.startsWith("/")) throw new Error(`${where}: path must start with /`);
    fault.path = f.path;
  }
  if (f.status !== void 0) {
    if (typeof f.status != "number" || !Number.isInteger(f.status) || f.status < 100 || f.status > 599) throw new Error(`${where}: status must be an HTTP status code`);
    fault.status = f.status;
  }
  if (f.headers !== void 0) {
    if (typeof f.headers != "object" || f.headers === null || Object.values(f.headers).some((v) => typeof v != "string")) throw new Error(`${where}: headers must map names to strings`);
    fault.headers = f.headers;
  }
  if (f.body !== void 0 && (fault.body = f.body), f.delayMs !== void 0) {
    if (typeof f.delayMs != "number" || f.delayMs < 0) throw new Error(`${where}: delayMs must be a number of milliseconds`);
    fault.delayMs = f.delayMs;
  }
  if (f.drop !== void 0 && (fault.drop = f.drop === !0), f.times !== void 0) {
    if (f.times !== "always" && (typeof f.times != "number" || !Number.isInteger(f.times) || f.times < 1)) throw new Error(`${where}: times must be a positive integer or "always"`);
    fault.times = f.times;
  }
  if (fault.status === void 0 && !fault.drop && fault.delayMs === void 0) throw new Error(`${where} does nothing; give it a status, drop: true or delayMs`);
  return fault;
}
var matches = (fault, method, pathname) => (fault.method === void 0 || fault.method === method) && (fault.path === void 0 || (fault.path.endsWith("*") ? pathname.startsWith(fault.path.slice(0, -1)) : pathname === fault.path)), RunningTwin = class {
  constructor(id, entry, start) {
    this.id = id;
    this.entry = entry;
    this.start = start;
  }
  id;
  entry;
  start;
  handle;
  faults = [];
  log = [];
  url = "";
  async boot(state) {
    let options = { port: 0, host: HOST, ...state === void 0 ? {} : { state } }, handle;
    try {
      handle = await withTimeout(Promise.resolve().then(() => this.start(options)), START_TIMEOUT_MS, "start()");
    } catch (error) {
      throw new LaunchError(`twin ${this.id}: start() in ${this.entry} failed: ${message(error)}`);
    }
    if (typeof handle != "object" || handle === null || typeof handle.url != "string" || typeof handle.close != "function")
      throw new LaunchError(`twin ${this.id}: start() in ${this.entry} must resolve to { url, close, state }`);
    let url;
    try {
      url = new URL(handle.url);
    } catch {
      throw new LaunchError(`twin ${this.id}: start() gave url ${JSON.stringify(handle.url)}; expected http://127.0.0.1:<port>`);
    }
    if (!await listening(url)) throw new LaunchError(`twin ${this.id}: start() resolved, but nothing listens at ${handle.url}`);
    this.handle = handle;
  }
  async stop() {
    let handle = this.handle;
    if (this.handle = void 0, !!handle)
      try {
        await withTimeout(Promise.resolve().then(() => handle.close()), CLOSE_TIMEOUT_MS, "close()");
      } catch {
      }
  }
  /** A fresh instance: start() again, in `state` when given. On failure the twin starts clean and the error is rethrown. */
  async restart(state) {
    await this.stop();
    try {
      await this.boot(state);
    } catch (error) {
      throw state !== void 0 && await this.boot().catch(() => {
      }), error;
    }
  }
  takeFault(method, pathname) {
    let at = this.faults.findIndex((f) => matches(f, method, pathname));
    if (at < 0) return;
    let fault = this.faults[at];
    return fault.times !== "always" && (fault.times -= 1, fault.times === 0 && this.faults.splice(at, 1)), fault;
  }
};
async function control(twin, method, what, body, res) {
  let json = () => {
    let text = body.toString("utf8").trim();
    if (text === "") throw new Error("expected a JSON body");
    return JSON.parse(text);
  }, bad = (error) => send(res, 400, { error: message(error) });
  switch (`${method} ${what}`) {
    case "POST reset":
      return twin.faults = [], twin.log = [], await twin.restart(), send(res, 204);
    case "GET state":
      return typeof twin.handle?.state != "function" ? send(res, 501, { error: `twin ${twin.id} has no state() to read` }) : send(res, 200, twin.handle.state() ?? null);
    case "PUT state":
    case "POST state": {
      let state;
      try {
        state = json();
      } catch (error) {
        return bad(error);
      }
      try {
        await twin.restart(state);
      } catch (error) {
        return bad(error);
      }
      return send(res, 204);
    }
    case "GET faults":
      return send(res, 200, twin.faults);
    case "POST faults": {
      try {
        let raw = json(), list = Array.isArray(raw) ? raw : typeof raw == "object" && raw !== null && Array.isArray(raw.faults) ? raw.faults : [raw];
        twin.faults.push(...list.map(readFault));
      } catch (error) {
        return bad(error);
      }
      return send(res, 204);
    }
    case "DELETE faults":
      return twin.faults = [], send(res, 204);
    case "GET requests":
      return send(res, 200, twin.log);
    case "DELETE requests":
      return twin.log = [], send(res, 204);
    default:
      return send(res, 404, {
        error: `${method} ${CONTROL}${what} is not part of the twin control interface`,
        expected: ["POST reset", "GET state", "PUT state", "GET faults", "POST faults", "DELETE faults", "GET requests", "DELETE requests"].map((p) => `${p.split(" ")[0]} ${CONTROL}${p.split(" ")[1]}`)
      });
  }
}
function forward(twin, req, body, res) {
  return new Promise((resolve) => {
    let handle = twin.handle;
    if (!handle) {
      send(res, 503, { error: `twin ${twin.id} is not running (its last start failed)` }), resolve(503);
      return;
    }
    let target = new URL(handle.url), headers = {};
    for (let [name, value] of Object.entries(req.headers)) HOP_BY_HOP.has(name) || (headers[name] = value);
    headers.host = target.host, body.length > 0 && (headers["content-length"] = String(body.length));
    let out = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent: !1 }, (answer) => {
      let chunks = [];
      answer.on("data", (c) => chunks.push(c)), answer.on("end", () => {
        let payload = Buffer.concat(chunks), copied = {};
        for (let [name, value] of Object.entries(answer.headers)) !HOP_BY_HOP.has(name) && value !== void 0 && (copied[name] = value);
        copied["content-length"] = String(payload.length), res.writeHead(answer.statusCode ?? 502, copied).end(payload), resolve(answer.statusCode ?? 502);
      }), answer.on("error", () => {
        res.destroy(), resolve(502);
      });
    });
    out.on("error", (error) => {
      send(res, 502, { error: `twin ${twin.id} did not answer: ${message(error)}` }), resolve(502);
    }), out.end(body);
  });
}
async function serve(twin, req, res) {
  let method = (req.method ?? "GET").toUpperCase(), url = new URL(req.url ?? "/", "http://twin.invalid"), body = await readBody(req);
  if (url.pathname.startsWith(CONTROL)) return control(twin, method, url.pathname.slice(CONTROL.length).replace(/\/$/, ""), body, res);
  let entry = { method, path: url.pathname + url.search, headers: req.headers, body: bodyValue(body), status: null, fault: !1 };
  twin.log.push(entry), twin.log.length > MAX_LOG && twin.log.shift();
  let fault = twin.takeFault(method, url.pathname);
  if (fault) {
    if (entry.fault = !0, fault.delayMs && await sleep(fault.delayMs), fault.drop) {
      req.socket.destroy();
      return;
    }
    if (fault.status !== void 0)
      return entry.status = fault.status, send(res, fault.status, fault.body ?? (fault.status >= 400 ? { error: `fault injected through ${CONTROL}faults` } : void 0), fault.headers);
  }
  entry.status = await forward(twin, req, body, res);
}
function front(twin) {
  let server = http.createServer((req, res) => {
    serve(twin, req, res).catch((error) => {
      res.headersSent ? res.destroy() : send(res, 500, { error: `speccc twin front for ${twin.id}: ${message(error)}` });
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject), server.listen(0, HOST, () => {
      let address = server.address();
      twin.url = `http://${HOST}:${address.port}`, resolve(server);
    });
  });
}
async function main() {
  let at = process.argv.indexOf("--"), argv = at < 0 ? [] : process.argv.slice(at + 1);
  if (argv.length === 0) throw new LaunchError("launch.mjs: no command after --");
  let config = JSON.parse(readFileSync(path.join(here, "twins.json"), "utf8")), twins = [], servers = [], stopAll = async () => {
    for (let s of servers) s.close();
    await Promise.all(twins.map((t) => t.stop()));
  };
  process.on("uncaughtException", (error) => process.stderr.write(`speccc: a twin threw outside a request: ${error.stack ?? message(error)}
`)), process.on("unhandledRejection", (error) => process.stderr.write(`speccc: a twin left a promise rejected: ${message(error)}
`));
  try {
    for (let t of config.twins) {
      if (t.module === null) throw new LaunchError(`twin ${t.id}: ${t.entry} is not in the tree (build the twin spec \`${t.id}\` first)`);
      let mod;
      try {
        mod = await import(pathToFileURL(path.join(here, t.module)).href);
      } catch (error) {
        throw new LaunchError(`twin ${t.id}: loading ${t.entry} failed: ${message(error)}`);
      }
      if (typeof mod.start != "function") throw new LaunchError(`twin ${t.id}: ${t.entry} does not export a function start({ port, host, state })`);
      let twin = new RunningTwin(t.id, t.entry, mod.start);
      twins.push(twin), await twin.boot(), servers.push(await front(twin));
    }
  } catch (error) {
    throw await stopAll(), error;
  }
  let env = { ...process.env, SPECCC_TWINS_STARTED_MS: String(Math.round(performance.now() - begun)) };
  config.twins.forEach((t, i) => env[t.env] = twins[i].url);
  let child = spawn(argv[0], argv.slice(1), { stdio: "inherit", env });
  for (let signal of ["SIGTERM", "SIGINT", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  let code = await new Promise((resolve) => {
    child.once("error", (error) => {
      process.stderr.write(`speccc: could not start ${argv[0]}: ${error.message}
`), resolve(127);
    }), child.once("exit", (exitCode, signal) => resolve(exitCode ?? 128 + (signal ? os.constants.signals[signal] ?? 0 : 0)));
  });
  await stopAll(), process.exit(code);
}
main().catch((error) => {
  process.stderr.write(`speccc: ${error instanceof LaunchError ? error.message : `the twin launcher failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`}
`), process.exit(1);
});
