import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  buildableInOrder
} from "./chunk-IK4EGIYB.js";
import {
  readSnapshot
} from "./chunk-SA3BV3R2.js";
import {
  checkSnapshot
} from "./chunk-ZKZBSOLZ.js";
import {
  recoverUnderLock
} from "./chunk-RYE4YOPW.js";
import {
  SPECCC_VERSION
} from "./chunk-H4KJMLKH.js";
import {
  readRawConfig
} from "./chunk-PXJADTX7.js";
import {
  readGeneratedTree
} from "./chunk-UUOMZIVY.js";
import {
  twinsUsedBy
} from "./chunk-242NOEV2.js";

// src/pipeline/verify.ts
import path from "node:path";
async function readForVerify(root, scenariosDir) {
  let raw = await readRawConfig(root);
  await recoverUnderLock(root, raw, !1);
  let snapshot = await readSnapshot(root, { raw, ...scenariosDir ? { scenariosDir } : {} });
  return { snapshot, checked: await checkSnapshot(snapshot) };
}
async function judgeSpecs(options) {
  let { snapshot, checked, validator, signal } = options, seeded = options.seed !== void 0 ? { seed: options.seed } : {}, tree = await readGeneratedTree(path.join(snapshot.root, checked.config.paths.generated), SPECCC_VERSION), minimum = checked.config.promotion.minMutationScore, verdicts = [], unverified = [];
  for (let spec of options.specs) {
    let id = spec.frontmatter.id, twins = twinsUsedBy(spec, checked.workspace), checks = snapshot.scenarios.holdouts.get(id) ?? [], run = await validator.holdout({ specId: id, checks, tree: tree.files, twins, signal, ...seeded });
    if (run.scenarios.length === 0) {
      unverified.push(id);
      continue;
    }
    let verdict = { spec: id, scenarios: run.scenarios, passed: run.passed };
    if (options.mutate) {
      let files = mutationTargets(spec.frontmatter.outputs, tree.files);
      if (!run.passed) verdict.mutation = notScored(files, "its holdout scenarios fail: mutants are judged only against passing scenarios");
      else {
        options.onMutating?.(id, files, run.scenarios.length);
        let m = await validator.mutate({ specId: id, checks, tree: tree.files, mutate: files, twins, signal, ...seeded });
        verdict.mutation = m.result ? await scored(files, m.result, m.durationMs, tree.files, minimum) : notScored(files, m.error ?? "not scored", m.durationMs);
      }
    }
    verdicts.push(verdict);
  }
  return { verdicts, unverified };
}
var readyIds = (checked) => buildableInOrder(checked.workspace).map((s) => s.frontmatter.id);
function specsToVerify(checked, specId) {
  return buildableInOrder(checked.workspace).filter((s) => specId === void 0 || s.frontmatter.id === specId).sort((a, b) => a.frontmatter.id < b.frontmatter.id ? -1 : 1);
}
function historyLine(verdicts, unverified, at) {
  let mutated = verdicts.filter((v) => v.mutation && v.mutation.error === void 0);
  return {
    at: at.toISOString(),
    results: verdicts.flatMap((v) => v.scenarios.map((s) => ({ spec: v.spec, scenario: s.name, passed: s.passed, ...s.failure ? { failure: s.failure } : {}, ...s.property ? { property: s.property } : {} }))),
    unverified,
    ...mutated.length > 0 ? { mutation: mutated.map(({ spec, mutation: m }) => ({ spec, score: m.score, killed: m.killed, survived: m.survived, timedOut: m.timedOut, noCoverage: m.noCoverage, total: m.total, durationMs: m.durationMs })) } : {}
  };
}
function mutationTargets(outputs, files) {
  return outputs.filter((o) => /\.[cm]?[jt]sx?$/.test(o) && !/\.(?:test|spec)\.[cm]?[jt]sx?$/.test(o) && !/\.d\.ts$/.test(o) && files.has(o));
}
function notScored(files, error, durationMs = 0) {
  return { files, score: null, killed: 0, survived: 0, timedOut: 0, noCoverage: 0, total: 0, durationMs, survivors: [], error };
}
async function scored(files, r, durationMs, tree, minimum) {
  let { codeRequirements, requirementsAtLine } = await import("./coverage-DJD3ZEWV.js"), spans = new Map(files.map((f) => [f, codeRequirements(f, tree.get(f) ?? "")]));
  return {
    files,
    score: r.score,
    killed: r.killed,
    survived: r.survived,
    timedOut: r.timedOut,
    noCoverage: r.noCoverage,
    total: r.total,
    durationMs,
    survivors: r.survivors.map((s) => ({ ...s, requirements: requirementsAtLine(spans.get(s.file) ?? [], s.line) })),
    ...minimum !== void 0 && (r.score === null || r.score < minimum) ? { belowMinimum: !0 } : {}
  };
}

export {
  readForVerify,
  judgeSpecs,
  readyIds,
  specsToVerify,
  historyLine
};
