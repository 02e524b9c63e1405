import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  TEST_FILE
} from "./chunk-CT32TP7B.js";
import {
  readDraftTemplate,
  readSources,
  removeScratch,
  scratchWorkspace,
  writeAdoption
} from "./chunk-KLGCFRH2.js";
import {
  check
} from "./chunk-VA7EBHAO.js";
import "./chunk-ZM4FQIPF.js";
import {
  createSandbox
} from "./chunk-LIJDOTZK.js";
import "./chunk-QRRL77OZ.js";
import {
  require_lib
} from "./chunk-UJYSYHGP.js";
import "./chunk-2EGY45G7.js";
import "./chunk-IK4EGIYB.js";
import "./chunk-QW3P2242.js";
import "./chunk-SA3BV3R2.js";
import {
  loadConfig
} from "./chunk-VMNTWMXG.js";
import "./chunk-ZKZBSOLZ.js";
import "./chunk-RXRBJQYY.js";
import "./chunk-GYCCWPGP.js";
import "./chunk-S5MSW45D.js";
import "./chunk-44ZR3LL4.js";
import "./chunk-RYE4YOPW.js";
import "./chunk-DUKS3JMJ.js";
import "./chunk-XAD3VXWC.js";
import "./chunk-YSUJQ6UY.js";
import "./chunk-2UGXUQJK.js";
import "./chunk-CMLTEYZG.js";
import {
  SPECCC_VERSION
} from "./chunk-H4KJMLKH.js";
import {
  TOOL_DEFINITIONS
} from "./chunk-DLHTC4YV.js";
import {
  createRuntime,
  takeCredentials
} from "./chunk-3J4BXCOT.js";
import "./chunk-346CJVLP.js";
import "./chunk-6244DZEH.js";
import "./chunk-PXJADTX7.js";
import "./chunk-7XOQCP22.js";
import "./chunk-VQI6GZWE.js";
import "./chunk-ZRJIQAHE.js";
import "./chunk-OENT7PDF.js";
import "./chunk-ZJ2LH7GO.js";
import "./chunk-JMVWX2PN.js";
import "./chunk-UUOMZIVY.js";
import "./chunk-7CJQW75R.js";
import "./chunk-5NFWZACR.js";
import "./chunk-4DSQAG4B.js";
import "./chunk-NDE2NKID.js";
import "./chunk-7ZPQIYN7.js";
import "./chunk-KR53BPOB.js";
import {
  modelSpec,
  parseSpecFile
} from "./chunk-52CFOBE7.js";
import "./chunk-CXSIFPJL.js";
import {
  DRAFTED_MARKER
} from "./chunk-MIBJWLH2.js";
import "./chunk-242NOEV2.js";
import {
  sha256
} from "./chunk-U5XVFR3J.js";
import "./chunk-NCADMWFB.js";
import "./chunk-2YZVRG7S.js";
import "./chunk-Y72MW4XH.js";
import "./chunk-D7OYEMQK.js";
import "./chunk-VTZR3R7R.js";
import "./chunk-N6LFTOTB.js";
import "./chunk-GA32XAUT.js";
import "./chunk-SZ6YGT22.js";
import {
  expectedCostOf,
  priceOf,
  utf8Bytes,
  worstCaseOf
} from "./chunk-NSTTZTGX.js";
import "./chunk-Z6XS3NX4.js";
import {
  __toESM
} from "./chunk-VSAIBY22.js";

// src/adopt-draft.ts
import path from "node:path";

// src/adopt/draft.ts
var import_handlebars = __toESM(require_lib(), 1);
var DRAFT_SYSTEM = `You draft specs for existing code so that it can be regenerated from them. You read code and
its tests and write down, exactly and testably, the behaviour a caller relies on. You write one
file with the write_file tool, then stop.`, language = (p) => /\.[cm]?tsx?$/.test(p) ? "ts" : /\.[cm]?jsx?$/.test(p) ? "js" : /\.json$/.test(p) ? "json" : "text";
function renderDraftPrompt(template, input) {
  let render = import_handlebars.default.create().compile(template, { strict: !0, noEscape: !0 }), files = (list) => list.map((f) => ({ path: f.path, text: f.text.replace(/\n$/, ""), language: language(f.path) }));
  return render({ id: input.id, specFile: input.specFile, feature: input.kind === "feature", skeleton: input.skeleton.trim(), code: files(input.code), tests: files(input.tests) }).replace(/\n{3,}/g, `

`).trim() + `
`;
}
var FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/;
function acceptDraft(skeleton, draft) {
  let mine = FRONTMATTER.exec(skeleton)?.[0], theirs = FRONTMATTER.exec(draft.replace(/^\uFEFF/, ""))?.[0];
  return theirs ? theirs.replace(/\r\n/g, `
`) !== mine ? { ok: !1, why: "the draft changed the frontmatter" } : { ok: !0, text: markDrafted(draft.replace(/^\uFEFF/, "").replace(/\r\n/g, `
`)) } : { ok: !1, why: "the draft has no frontmatter" };
}
var DRAFTED_SECTIONS = /* @__PURE__ */ new Set(["what", "purpose", "summary", "who", "users", "actors", "rules", "requirements", "behaviour", "behavior", "edge cases", "edge-cases", "edge conditions", "evaluation", "scenarios", "acceptance"]), ITEM = /^(?:[-*+]|\d+[.)])\s/, MARKED = /<!--\s*drafted\s*-->/;
function markDrafted(markdown) {
  let lines = markdown.split(`
`), section = "", fence = null, block = [], close = () => {
    if (block.length > 0 && !block.some((i) => MARKED.test(lines[i]))) {
      let last = block.at(-1);
      lines[last] = `${lines[last].trimEnd()} ${DRAFTED_MARKER}`;
    }
    block = [];
  };
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i], fenceOpen = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence) {
      fenceOpen && fenceOpen[1].startsWith(fence) && (fence = null);
      continue;
    }
    if (fenceOpen) {
      close(), fence = fenceOpen[1];
      continue;
    }
    let h2 = /^##\s+(.*?)\s*#*\s*$/.exec(line);
    if (h2 && !line.startsWith("###")) {
      close(), section = h2[1].toLowerCase();
      continue;
    }
    if (!DRAFTED_SECTIONS.has(section) || /^#\s/.test(line) || /^\s*<!--.*-->\s*$/.test(line)) continue;
    let inScenario = block.length > 0 && /^###\s/.test(lines[block[0]]);
    /^###\s/.test(line) || !inScenario && ITEM.test(line) ? (close(), block = [i]) : line.trim() === "" ? inScenario || close() : (block.length > 0 || !/^\s/.test(line)) && block.push(i);
  }
  return close(), lines.join(`
`);
}
var SPEC_TOKENS = 2e3, TOOL_RESULT_TOKENS = 256;
function estimateDraft(input) {
  let price = priceOf(input.model, input.prices ?? {});
  if (!price) return null;
  let bytes = utf8Bytes(DRAFT_SYSTEM) + utf8Bytes(input.prompt) + input.toolsBytes, inputTokens = Math.ceil(bytes / 4), worst = 0;
  for (let r = 0; r < input.maxTurns; r++) worst += worstCaseOf(price, bytes + r * (input.maxOutputTokens + TOOL_RESULT_TOKENS), input.maxOutputTokens);
  return { id: input.id, model: input.model, inputTokens, expectedUsd: expectedCostOf(price, inputTokens, SPEC_TOKENS), worstCaseUsd: worst };
}

// src/adopt-draft.ts
async function draftSpecs(io, root, options) {
  let config = (await loadConfig(root)).config, template = await readDraftTemplate(), jobs = await Promise.all([...options.skeletons].map(([file, skeleton]) => draftJob(root, options.generatedRoot, file, skeleton, template)));
  if (options.dryRun)
    return io.stdout(formatEstimate(jobs, config)), 0;
  let runtime = createRuntime({ root, config, credentials: takeCredentials(io.env), command: "adopt", provider: options.provider, ...options.maxCostUsd !== void 0 ? { maxCostUsd: options.maxCostUsd } : {}, onWarning: (line) => io.stderr(`speccc: warning: ${line}
`) }), lock = await runtime.lock();
  runtime.trace.write({ type: "run-start", command: "adopt", provider: runtime.providerLabel, sandbox: runtime.sandbox, speccc: SPECCC_VERSION, maxCostUsd: runtime.budget.cap });
  let scratch = await scratchWorkspace(root, [config.paths.specs, config.paths.context, config.paths.templates, options.generatedRoot], /* @__PURE__ */ new Map()), failed = 0, spent = 0;
  try {
    for (let [i, job] of jobs.entries()) {
      io.stderr(`\u2026 drafting ${job.id} (${i + 1} of ${jobs.length})
`);
      let result = await draftOne(runtime, config, job, io.signal);
      spent += result.costUsd;
      let accepted = result.text === void 0 ? { why: result.why ?? "no draft" } : await checkDraft(scratch, job, result.text);
      if ("why" in accepted) {
        failed++, io.stderr(`\u2716 ${job.id}: kept the skeleton: ${accepted.why} ($${result.costUsd.toFixed(4)})
`);
        continue;
      }
      if (await writeAdoption(root, /* @__PURE__ */ new Map([[job.file, accepted.text]])), io.stderr(`\u2714 drafted ${job.file} ($${result.costUsd.toFixed(4)})
`), io.signal.aborted) break;
    }
  } finally {
    await removeScratch(scratch), await runtime.finish(), runtime.trace.write({ type: "run-end", outcome: failed > 0 ? "failed" : "done", spentUsd: runtime.budget.spent() }), await lock.release();
  }
  return io.stdout(`drafted ${jobs.length - failed} of ${jobs.length} spec${jobs.length === 1 ? "" : "s"} with a model ($${spent.toFixed(4)}); every drafted sentence is marked <!-- drafted --> until a person confirms it
`), failed > 0 ? 1 : 0;
}
async function draftJob(root, generatedRoot, file, skeleton, template) {
  let fm = modelSpec(parseSpecFile(file, new TextEncoder().encode(skeleton))).spec.frontmatter, owned = fm.outputs.map((o) => `${generatedRoot}/${o}`), linked = [...skeleton.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]))).filter((p) => TEST_FILE.test(p) && !p.startsWith("..")), sources = await readSources(root, [.../* @__PURE__ */ new Set([...owned, ...linked])]), code = sources.filter((s) => !TEST_FILE.test(s.path) && s.text !== ""), tests = sources.filter((s) => TEST_FILE.test(s.path)), kind = fm.kind === "architecture" ? "architecture" : "feature", prompt = renderDraftPrompt(template, { id: fm.id, specFile: file, kind, skeleton, code, tests });
  return { id: fm.id, file, skeleton, prompt, readable: new Map(sources.map((s) => [s.path, s.text])) };
}
async function draftOne(runtime, config, job, signal) {
  let sandbox = createSandbox({ outputs: [job.file], readable: job.readable, maxFileBytes: config.model.maxOutputTokens * 16 }), outcome = await runtime.agent.run(
    { specId: job.id, jobKey: sha256(`${DRAFT_SYSTEM}
${job.prompt}`), model: config.model.default, effort: config.model.effort, maxOutputTokens: config.model.maxOutputTokens, system: DRAFT_SYSTEM, prompt: job.prompt, signal },
    sandbox
  ), text = sandbox.written().get(job.file);
  return outcome.status !== "done" || text === void 0 ? { why: outcome.error ?? `the agent did not write ${job.file} (${outcome.status})`, costUsd: outcome.costUsd } : { text, costUsd: outcome.costUsd };
}
async function checkDraft(scratch, job, draft) {
  let accepted = acceptDraft(job.skeleton, draft);
  if (!accepted.ok) return { why: accepted.why };
  await writeAdoption(scratch, /* @__PURE__ */ new Map([[job.file, accepted.text]]));
  let errors = (await check({ root: scratch, paths: [job.file], cwd: scratch, useCache: !1 })).diagnostics.filter((d) => d.severity === "error" && d.file === job.file);
  if (errors.length === 0) return { text: accepted.text };
  await writeAdoption(scratch, /* @__PURE__ */ new Map([[job.file, job.skeleton]]));
  let first = errors[0];
  return { why: `the draft does not check: ${job.file}:${first.span.start.line}:${first.span.start.column}: ${first.code} ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ""}` };
}
function formatEstimate(jobs, config) {
  let toolsBytes = Buffer.byteLength(JSON.stringify(TOOL_DEFINITIONS)), estimates = jobs.map((j) => estimateDraft({ id: j.id, model: config.model.default, prompt: j.prompt, toolsBytes, maxTurns: config.agent.maxTurns, maxOutputTokens: config.model.maxOutputTokens, prices: config.model.prices })), priced = estimates.filter((e) => e !== null), sum = (f) => priced.reduce((s, e) => s + f(e), 0), width = Math.max(...jobs.map((j) => j.id.length), 4), lines = [`drafting ${jobs.length} spec${jobs.length === 1 ? "" : "s"} with ${config.model.default}: one request each, about $${sum((e) => e.expectedUsd).toFixed(4)} expected, $${sum((e) => e.worstCaseUsd).toFixed(2)} at worst (input tokens estimated from bytes)`];
  for (let [i, j] of jobs.entries()) {
    let e = estimates[i];
    lines.push(`  ${j.id.padEnd(width)}  ${e ? `${e.inputTokens.toLocaleString("en-US")} input tokens, $${e.expectedUsd.toFixed(4)} expected, $${e.worstCaseUsd.toFixed(2)} worst case` : `${config.model.default} has no price: set model.prices in speccc.config.json`}`);
  }
  return lines.push("nothing was written and no request was sent (--dry-run)"), lines.join(`
`) + `
`;
}
export {
  draftSpecs
};
