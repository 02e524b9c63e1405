import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  loadedConfigOf
} from "./chunk-VMNTWMXG.js";
import {
  SPECCC_VERSION
} from "./chunk-H4KJMLKH.js";
import {
  readRawConfig
} from "./chunk-PXJADTX7.js";
import {
  acquireWorkspaceLock
} from "./chunk-ZRJIQAHE.js";
import {
  discardStaging
} from "./chunk-JMVWX2PN.js";

// src/pipeline/with-run.ts
async function withRun(setup, body) {
  let given = typeof setup.runtime == "function" ? null : setup.runtime, lock = await acquireWorkspaceLock(setup.root, given?.command ?? setup.command ?? "build"), runtime, outcome = "failed";
  try {
    let raw = await readRawConfig(setup.root), loaded = loadedConfigOf(raw);
    runtime = given ?? setup.runtime(loaded), runtime.trace.write({ type: "run-start", command: setup.traceCommand ?? "build", provider: runtime.providerLabel, sandbox: setup.traceSandbox ?? runtime.sandbox, speccc: SPECCC_VERSION, maxCostUsd: runtime.budget.cap });
    let result = await body({ runtime, raw, loaded });
    return outcome = setup.outcomeOf(result), result;
  } finally {
    runtime && (await runtime.finish(), runtime.trace.write({ type: "run-end", outcome, spentUsd: runtime.budget.spent() }), await discardStaging(setup.root, runtime.runId)), await lock.release();
  }
}

export {
  withRun
};
