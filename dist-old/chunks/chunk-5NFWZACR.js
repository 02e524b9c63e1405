import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-VSAIBY22.js";

// ../main/node_modules/write-file-atomic/node_modules/signal-exit/dist/cjs/signals.js
var require_signals = __commonJS({
  "../main/node_modules/write-file-atomic/node_modules/signal-exit/dist/cjs/signals.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.signals = void 0;
    exports.signals = [];
    exports.signals.push("SIGHUP", "SIGINT", "SIGTERM");
    process.platform !== "win32" && exports.signals.push(
      "SIGALRM",
      "SIGABRT",
      "SIGVTALRM",
      "SIGXCPU",
      "SIGXFSZ",
      "SIGUSR2",
      "SIGTRAP",
      "SIGSYS",
      "SIGQUIT",
      "SIGIOT"
      // should detect profiler and enable/disable accordingly.
      // see #21
      // 'SIGPROF'
    );
    process.platform === "linux" && exports.signals.push("SIGIO", "SIGPOLL", "SIGPWR", "SIGSTKFLT");
  }
});

// ../main/node_modules/write-file-atomic/node_modules/signal-exit/dist/cjs/index.js
var require_cjs = __commonJS({
  "../main/node_modules/write-file-atomic/node_modules/signal-exit/dist/cjs/index.js"(exports) {
    "use strict";
    var _a;
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.unload = exports.load = exports.onExit = exports.signals = void 0;
    var signals_js_1 = require_signals();
    Object.defineProperty(exports, "signals", { enumerable: !0, get: function() {
      return signals_js_1.signals;
    } });
    var processOk = (process3) => !!process3 && typeof process3 == "object" && typeof process3.removeListener == "function" && typeof process3.emit == "function" && typeof process3.reallyExit == "function" && typeof process3.listeners == "function" && typeof process3.kill == "function" && typeof process3.pid == "number" && typeof process3.on == "function", kExitEmitter = /* @__PURE__ */ Symbol.for("signal-exit emitter"), global = globalThis, ObjectDefineProperty = Object.defineProperty.bind(Object), Emitter = class {
      emitted = {
        afterExit: !1,
        exit: !1
      };
      listeners = {
        afterExit: [],
        exit: []
      };
      count = 0;
      id = Math.random();
      constructor() {
        if (global[kExitEmitter])
          return global[kExitEmitter];
        ObjectDefineProperty(global, kExitEmitter, {
          value: this,
          writable: !1,
          enumerable: !1,
          configurable: !1
        });
      }
      on(ev, fn) {
        this.listeners[ev].push(fn);
      }
      removeListener(ev, fn) {
        let list = this.listeners[ev], i = list.indexOf(fn);
        i !== -1 && (i === 0 && list.length === 1 ? list.length = 0 : list.splice(i, 1));
      }
      emit(ev, code, signal) {
        if (this.emitted[ev])
          return !1;
        this.emitted[ev] = !0;
        let ret = !1;
        for (let fn of this.listeners[ev])
          ret = fn(code, signal) === !0 || ret;
        return ev === "exit" && (ret = this.emit("afterExit", code, signal) || ret), ret;
      }
    }, SignalExitBase = class {
    }, signalExitWrap = (handler) => ({
      onExit(cb, opts) {
        return handler.onExit(cb, opts);
      },
      load() {
        return handler.load();
      },
      unload() {
        return handler.unload();
      }
    }), SignalExitFallback = class extends SignalExitBase {
      onExit() {
        return () => {
        };
      }
      load() {
      }
      unload() {
      }
    }, SignalExit = class extends SignalExitBase {
      // "SIGHUP" throws an `ENOSYS` error on Windows,
      // so use a supported signal instead
      /* c8 ignore start */
      #hupSig = process2.platform === "win32" ? "SIGINT" : "SIGHUP";
      /* c8 ignore stop */
      #emitter = new Emitter();
      #process;
      #originalProcessEmit;
      #originalProcessReallyExit;
      #sigListeners = {};
      #loaded = !1;
      constructor(process3) {
        super(), this.#process = process3, this.#sigListeners = {};
        for (let sig of signals_js_1.signals)
          this.#sigListeners[sig] = () => {
            let listeners = this.#process.listeners(sig), { count } = this.#emitter, p = process3;
            if (typeof p.__signal_exit_emitter__ == "object" && typeof p.__signal_exit_emitter__.count == "number" && (count += p.__signal_exit_emitter__.count), listeners.length === count) {
              this.unload();
              let ret = this.#emitter.emit("exit", null, sig), s = sig === "SIGHUP" ? this.#hupSig : sig;
              ret || process3.kill(process3.pid, s);
            }
          };
        this.#originalProcessReallyExit = process3.reallyExit, this.#originalProcessEmit = process3.emit;
      }
      onExit(cb, opts) {
        if (!processOk(this.#process))
          return () => {
          };
        this.#loaded === !1 && this.load();
        let ev = opts?.alwaysLast ? "afterExit" : "exit";
        return this.#emitter.on(ev, cb), () => {
          this.#emitter.removeListener(ev, cb), this.#emitter.listeners.exit.length === 0 && this.#emitter.listeners.afterExit.length === 0 && this.unload();
        };
      }
      load() {
        if (!this.#loaded) {
          this.#loaded = !0, this.#emitter.count += 1;
          for (let sig of signals_js_1.signals)
            try {
              let fn = this.#sigListeners[sig];
              fn && this.#process.on(sig, fn);
            } catch {
            }
          this.#process.emit = (ev, ...a) => this.#processEmit(ev, ...a), this.#process.reallyExit = (code) => this.#processReallyExit(code);
        }
      }
      unload() {
        this.#loaded && (this.#loaded = !1, signals_js_1.signals.forEach((sig) => {
          let listener = this.#sigListeners[sig];
          if (!listener)
            throw new Error("Listener not defined for signal: " + sig);
          try {
            this.#process.removeListener(sig, listener);
          } catch {
          }
        }), this.#process.emit = this.#originalProcessEmit, this.#process.reallyExit = this.#originalProcessReallyExit, this.#emitter.count -= 1);
      }
      #processReallyExit(code) {
        return processOk(this.#process) ? (this.#process.exitCode = code || 0, this.#emitter.emit("exit", this.#process.exitCode, null), this.#originalProcessReallyExit.call(this.#process, this.#process.exitCode)) : 0;
      }
      #processEmit(ev, ...args) {
        let og = this.#originalProcessEmit;
        if (ev === "exit" && processOk(this.#process)) {
          typeof args[0] == "number" && (this.#process.exitCode = args[0]);
          let ret = og.call(this.#process, ev, ...args);
          return this.#emitter.emit("exit", this.#process.exitCode, null), ret;
        } else
          return og.call(this.#process, ev, ...args);
      }
    }, process2 = globalThis.process;
    _a = signalExitWrap(processOk(process2) ? new SignalExit(process2) : new SignalExitFallback()), /**
     * Called when the process is exiting, whether via signal, explicit
     * exit, or running out of stuff to do.
     *
     * If the global process object is not suitable for instrumentation,
     * then this will be a no-op.
     *
     * Returns a function that may be used to unload signal-exit.
     */
    exports.onExit = _a.onExit, /**
     * Load the listeners.  Likely you never need to call this, unless
     * doing a rather deep integration with signal-exit functionality.
     * Mostly exposed for the benefit of testing.
     *
     * @internal
     */
    exports.load = _a.load, /**
     * Unload the listeners.  Likely you never need to call this, unless
     * doing a rather deep integration with signal-exit functionality.
     * Mostly exposed for the benefit of testing.
     *
     * @internal
     */
    exports.unload = _a.unload;
  }
});

// ../main/node_modules/write-file-atomic/lib/index.js
var require_lib = __commonJS({
  "../main/node_modules/write-file-atomic/lib/index.js"(exports, module) {
    "use strict";
    module.exports = writeFile;
    module.exports.sync = writeFileSync;
    module.exports._getTmpname = getTmpname;
    module.exports._cleanupOnExit = cleanupOnExit;
    var fs2 = __require("fs"), crypto = __require("node:crypto"), { onExit } = require_cjs(), path2 = __require("path"), { promisify } = __require("util"), activeFiles = {}, threadId = (function() {
      try {
        return __require("worker_threads").threadId;
      } catch {
        return 0;
      }
    })(), invocations = 0;
    function getTmpname(filename) {
      return filename + "." + crypto.createHash("sha1").update(import.meta.filename).update(String(process.pid)).update(String(threadId)).update(String(++invocations)).digest().readUInt32BE(0);
    }
    function cleanupOnExit(tmpfile) {
      return () => {
        try {
          fs2.unlinkSync(typeof tmpfile == "function" ? tmpfile() : tmpfile);
        } catch {
        }
      };
    }
    function serializeActiveFile(absoluteName) {
      return new Promise((resolve) => {
        activeFiles[absoluteName] || (activeFiles[absoluteName] = []), activeFiles[absoluteName].push(resolve), activeFiles[absoluteName].length === 1 && resolve();
      });
    }
    function isChownErrOk(err) {
      return err.code === "ENOSYS" || (!process.getuid || process.getuid() !== 0) && (err.code === "EINVAL" || err.code === "EPERM");
    }
    async function writeFileAsync(filename, data, options = {}) {
      typeof options == "string" && (options = { encoding: options });
      let fd, tmpfile, removeOnExitHandler = onExit(cleanupOnExit(() => tmpfile)), absoluteName = path2.resolve(filename);
      try {
        await serializeActiveFile(absoluteName);
        let truename = await promisify(fs2.realpath)(filename).catch(() => filename);
        if (tmpfile = getTmpname(truename), !options.mode || !options.chown) {
          let stats = await promisify(fs2.stat)(truename).catch(() => {
          });
          stats && (options.mode == null && (options.mode = stats.mode), options.chown == null && process.getuid && (options.chown = { uid: stats.uid, gid: stats.gid }));
        }
        fd = await promisify(fs2.open)(tmpfile, "w", options.mode), options.tmpfileCreated && await options.tmpfileCreated(tmpfile), ArrayBuffer.isView(data) ? await promisify(fs2.write)(fd, data, 0, data.length, 0) : data != null && await promisify(fs2.write)(fd, String(data), 0, String(options.encoding || "utf8")), options.fsync !== !1 && await promisify(fs2.fsync)(fd), await promisify(fs2.close)(fd), fd = null, options.chown && await promisify(fs2.chown)(tmpfile, options.chown.uid, options.chown.gid).catch((err) => {
          if (!isChownErrOk(err))
            throw err;
        }), options.mode && await promisify(fs2.chmod)(tmpfile, options.mode).catch((err) => {
          if (!isChownErrOk(err))
            throw err;
        }), await promisify(fs2.rename)(tmpfile, truename);
      } finally {
        fd && await promisify(fs2.close)(fd).catch(
          /* istanbul ignore next */
          () => {
          }
        ), removeOnExitHandler(), await promisify(fs2.unlink)(tmpfile).catch(() => {
        }), activeFiles[absoluteName].shift(), activeFiles[absoluteName].length > 0 ? activeFiles[absoluteName][0]() : delete activeFiles[absoluteName];
      }
    }
    async function writeFile(filename, data, options, callback) {
      options instanceof Function && (callback = options, options = {});
      let promise = writeFileAsync(filename, data, options);
      if (callback)
        try {
          let result = await promise;
          return callback(result);
        } catch (err) {
          return callback(err);
        }
      return promise;
    }
    function writeFileSync(filename, data, options) {
      typeof options == "string" ? options = { encoding: options } : options || (options = {});
      try {
        filename = fs2.realpathSync(filename);
      } catch {
      }
      let tmpfile = getTmpname(filename);
      if (!options.mode || !options.chown)
        try {
          let stats = fs2.statSync(filename);
          options = Object.assign({}, options), options.mode || (options.mode = stats.mode), !options.chown && process.getuid && (options.chown = { uid: stats.uid, gid: stats.gid });
        } catch {
        }
      let fd, cleanup = cleanupOnExit(tmpfile), removeOnExitHandler = onExit(cleanup), threw = !0;
      try {
        if (fd = fs2.openSync(tmpfile, "w", options.mode || 438), options.tmpfileCreated && options.tmpfileCreated(tmpfile), ArrayBuffer.isView(data) ? fs2.writeSync(fd, data, 0, data.length, 0) : data != null && fs2.writeSync(fd, String(data), 0, String(options.encoding || "utf8")), options.fsync !== !1 && fs2.fsyncSync(fd), fs2.closeSync(fd), fd = null, options.chown)
          try {
            fs2.chownSync(tmpfile, options.chown.uid, options.chown.gid);
          } catch (err) {
            if (!isChownErrOk(err))
              throw err;
          }
        if (options.mode)
          try {
            fs2.chmodSync(tmpfile, options.mode);
          } catch (err) {
            if (!isChownErrOk(err))
              throw err;
          }
        fs2.renameSync(tmpfile, filename), threw = !1;
      } finally {
        if (fd)
          try {
            fs2.closeSync(fd);
          } catch {
          }
        removeOnExitHandler(), threw && cleanup();
      }
    }
  }
});

// src/io/safe-write.ts
var import_write_file_atomic = __toESM(require_lib(), 1);
import { constants, lstatSync, mkdirSync, openSync, closeSync, writeSync, realpathSync, promises as fs } from "node:fs";
import path from "node:path";
var OutsideWorkspaceError = class extends Error {
}, inside = (root, p) => p === root || p.startsWith(`${root}${path.sep}`);
function lexical(root, rel) {
  let target = path.resolve(root, rel);
  if (!inside(path.resolve(root), target) || target === path.resolve(root)) throw new OutsideWorkspaceError(`refusing to write ${rel}: it is not a path inside the workspace ${root}`);
  return target;
}
function refuseLink(root, at, real) {
  let rel = path.relative(root, at) || ".";
  throw new OutsideWorkspaceError(`refusing to write through ${rel}: it is a link${real ? ` to ${real}` : ""}, outside the workspace ${root}; speccc never writes outside it (remove or replace the link)`);
}
function folderSteps(root, dir) {
  let steps = [], at = dir;
  for (; at !== root && inside(root, at); )
    steps.unshift(at), at = path.dirname(at);
  return steps;
}
async function safeFolder(root, realRoot, dir) {
  for (let at of folderSteps(path.resolve(root), dir)) {
    let st = await fs.lstat(at).catch(() => null);
    if (!st) {
      await fs.mkdir(at).catch((error) => {
        if (error.code !== "EEXIST") throw error;
      });
      continue;
    }
    if (st.isSymbolicLink()) {
      let real = await fs.realpath(at).catch(() => null);
      if ((!real || !inside(realRoot, real)) && refuseLink(root, at, real), !(await fs.stat(real)).isDirectory()) throw new OutsideWorkspaceError(`refusing to write into ${path.relative(root, at)}: it is not a folder`);
    } else if (!st.isDirectory()) throw new OutsideWorkspaceError(`refusing to write into ${path.relative(root, at)}: it is not a folder`);
  }
}
function safeFolderSync(root, realRoot, dir) {
  for (let at of folderSteps(path.resolve(root), dir)) {
    let st = null;
    try {
      st = lstatSync(at);
    } catch {
      try {
        mkdirSync(at);
      } catch (error) {
        if (error.code !== "EEXIST") throw error;
      }
      continue;
    }
    if (st.isSymbolicLink()) {
      let real = null;
      try {
        real = realpathSync(at);
      } catch {
      }
      (!real || !inside(realRoot, real)) && refuseLink(root, at, real);
    } else if (!st.isDirectory()) throw new OutsideWorkspaceError(`refusing to write into ${path.relative(root, at)}: it is not a folder`);
  }
}
async function realRootOf(root) {
  return fs.realpath(root).catch(() => path.resolve(root));
}
async function assertInside(root, rel) {
  let target = lexical(root, rel), realRoot = await realRootOf(root);
  for (let at of [...folderSteps(path.resolve(root), path.dirname(target)), target]) {
    let st = await fs.lstat(at).catch(() => null);
    if (!st) return;
    if (st.isSymbolicLink()) {
      let real = await fs.realpath(at).catch(() => null);
      (!real || !inside(realRoot, real)) && refuseLink(root, at, real);
    }
  }
}
async function folderInside(root, relDir) {
  let dir = path.resolve(root, relDir);
  if (!inside(path.resolve(root), dir)) throw new OutsideWorkspaceError(`refusing to write into ${relDir}: it is not inside the workspace ${root}`);
  return await safeFolder(root, await realRootOf(root), dir), dir;
}
function folderInsideSync(root, relDir) {
  let dir = path.resolve(root, relDir);
  if (!inside(path.resolve(root), dir)) throw new OutsideWorkspaceError(`refusing to write into ${relDir}: it is not inside the workspace ${root}`);
  let realRoot = path.resolve(root);
  try {
    realRoot = realpathSync(root);
  } catch {
  }
  return safeFolderSync(root, realRoot, dir), dir;
}
async function writeInside(root, rel, data, options = {}) {
  let target = lexical(root, rel);
  if (await safeFolder(root, await realRootOf(root), path.dirname(target)), (await fs.lstat(target).catch(() => null))?.isSymbolicLink() && refuseLink(root, target, await fs.realpath(target).catch(() => null)), options.atomic === !1) {
    let handle = await fs.open(target, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 420);
    try {
      await handle.writeFile(data);
    } finally {
      await handle.close();
    }
    return;
  }
  await (0, import_write_file_atomic.default)(target, data);
}
async function appendInside(root, rel, data) {
  let target = lexical(root, rel);
  await safeFolder(root, await realRootOf(root), path.dirname(target));
  let handle;
  try {
    handle = await fs.open(target, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | constants.O_NOFOLLOW, 420);
  } catch (error) {
    throw error.code === "ELOOP" && refuseLink(root, target, await fs.realpath(target).catch(() => null)), error;
  }
  try {
    await handle.appendFile(data);
  } finally {
    await handle.close();
  }
}
function appendInsideSync(root, rel, data) {
  let fd = openAppendInsideSync(root, rel);
  try {
    writeSync(fd, data);
  } finally {
    closeSync(fd);
  }
}
function openAppendInsideSync(root, rel) {
  let target = lexical(root, rel), realRoot = path.resolve(root);
  try {
    realRoot = realpathSync(root);
  } catch {
  }
  safeFolderSync(root, realRoot, path.dirname(target));
  try {
    return openSync(target, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | constants.O_NOFOLLOW, 420);
  } catch (error) {
    throw error.code === "ELOOP" && refuseLink(root, target, null), error;
  }
}
function writeInsideSync(root, rel, data) {
  let fd = openWriteInsideSync(root, rel);
  try {
    writeSync(fd, data);
  } finally {
    closeSync(fd);
  }
}
function openWriteInsideSync(root, rel) {
  let target = lexical(root, rel), realRoot = path.resolve(root);
  try {
    realRoot = realpathSync(root);
  } catch {
  }
  safeFolderSync(root, realRoot, path.dirname(target));
  try {
    return openSync(target, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 420);
  } catch (error) {
    throw error.code === "ELOOP" && refuseLink(root, target, null), error;
  }
}

export {
  OutsideWorkspaceError,
  assertInside,
  folderInside,
  folderInsideSync,
  writeInside,
  appendInside,
  appendInsideSync,
  writeInsideSync
};
