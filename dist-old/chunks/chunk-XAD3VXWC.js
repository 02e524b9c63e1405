import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  shippedScript
} from "./chunk-ZJ2LH7GO.js";

// src/io/parse-cache-file.ts
import { existsSync } from "node:fs";
import path from "node:path";
var PARSE_CACHE_FORMAT = 16, PARSE_CACHE_FILE = path.join(".speccc", "cache", "models.jsonl"), hasParseCache = (root) => existsSync(path.join(root, PARSE_CACHE_FILE));

// src/io/model-pool.ts
import { createRequire } from "node:module";
import os from "node:os";
import path2 from "node:path";
import { pathToFileURL } from "node:url";
var MIN_FILES_PER_WORKER = 3e3;
function poolSize(files, env = process.env, load = os.loadavg()[0] ?? 0) {
  let fixed = env.SPECCC_WORKERS;
  if (fixed !== void 0 && /^\d+$/.test(fixed)) return Math.min(Number(fixed), files);
  let cores = os.availableParallelism();
  return load >= cores + 1 ? 0 : Math.max(0, Math.min(cores - 1, Math.floor(files / MIN_FILES_PER_WORKER)));
}
function startWorker() {
  let { Worker } = createRequire(import.meta.url)("node:worker_threads"), worker = shippedScript("model-worker", "model-worker");
  if (!worker.typescript) return new Worker(worker.path);
  let tsx = pathToFileURL(path2.join(path2.dirname(createRequire(import.meta.url).resolve("tsx/package.json")), "dist/esm/api/index.mjs")).href, script = pathToFileURL(worker.path).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => import(${JSON.stringify(script)}))`, { eval: !0 });
}
var warm = [];
function warmPool(size) {
  for (; warm.length < size; ) {
    let worker = startWorker();
    worker.on("error", () => {
    }), worker.unref(), warm.push(worker);
  }
}
function coolPool() {
  for (let worker of warm.splice(0)) worker.terminate();
}
function takeWorkers(count) {
  let taken = warm.splice(0, count);
  coolPool();
  for (let worker of taken) worker.ref();
  for (; taken.length < count; ) taken.push(startWorker());
  return taken;
}
async function modelInWorkers(jobs, workers, onModel, local) {
  if (jobs.length === 0) return;
  let threads = workers + (local ? 1 : 0), batch = Math.max(4, Math.min(64, Math.ceil(jobs.length / (threads * 16)))), pool = workers === 0 ? [] : takeWorkers(Math.max(1, Math.min(workers, Math.ceil(jobs.length / batch)))), next = 0, done = 0;
  try {
    await new Promise((resolve, reject) => {
      let failed = !1, fail = (error) => {
        failed = !0, reject(error);
      }, take = () => {
        if (next >= jobs.length || failed) return null;
        let first = next, files = jobs.slice(next, next + batch);
        return next += files.length, [first, files];
      }, finished = (count) => {
        done += count, done === jobs.length && resolve();
      }, send = (worker) => {
        let work = take();
        work && worker.postMessage({ id: work[0], files: work[1] });
      };
      for (let worker of pool)
        worker.on("message", (reply) => {
          if ("error" in reply) return fail(new Error(`a parse worker failed: ${reply.error}`));
          send(worker);
          try {
            reply.encoded.forEach((encoded, i) => onModel(reply.id + i, encoded));
          } catch (error) {
            return fail(error);
          }
          finished(reply.encoded.length);
        }), worker.on("error", fail), worker.on("exit", (code) => {
          done < jobs.length && fail(new Error(`a parse worker exited (code ${code}) before its work was done`));
        }), send(worker), send(worker);
      if (local) {
        let step = () => {
          let work = take();
          if (work) {
            try {
              local(work[0], work[1]);
            } catch (error) {
              return fail(error);
            }
            finished(work[1].length), setImmediate(step);
          }
        };
        setImmediate(step);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

export {
  PARSE_CACHE_FORMAT,
  PARSE_CACHE_FILE,
  hasParseCache,
  poolSize,
  warmPool,
  coolPool,
  modelInWorkers
};
