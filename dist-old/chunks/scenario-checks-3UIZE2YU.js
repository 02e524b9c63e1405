import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  agentWrites
} from "./chunk-WQUFENIQ.js";
import {
  mergeTemplates,
  renderScenarioCheck,
  twinsForPrompt
} from "./chunk-ZM4FQIPF.js";
import {
  declarationsOf
} from "./chunk-LIJDOTZK.js";
import {
  withRun
} from "./chunk-QRRL77OZ.js";
import "./chunk-UJYSYHGP.js";
import {
  readSnapshot
} from "./chunk-SA3BV3R2.js";
import "./chunk-VMNTWMXG.js";
import {
  checkSnapshot
} from "./chunk-ZKZBSOLZ.js";
import {
  stripHeader
} from "./chunk-RXRBJQYY.js";
import "./chunk-GYCCWPGP.js";
import "./chunk-S5MSW45D.js";
import "./chunk-44ZR3LL4.js";
import "./chunk-DUKS3JMJ.js";
import "./chunk-XAD3VXWC.js";
import {
  readScenario,
  writeScenarioCheck
} from "./chunk-YSUJQ6UY.js";
import "./chunk-2UGXUQJK.js";
import "./chunk-CMLTEYZG.js";
import {
  SPECCC_VERSION
} from "./chunk-H4KJMLKH.js";
import "./chunk-DLHTC4YV.js";
import {
  TEST_FILE
} from "./chunk-346CJVLP.js";
import "./chunk-6244DZEH.js";
import "./chunk-PXJADTX7.js";
import "./chunk-7XOQCP22.js";
import "./chunk-VQI6GZWE.js";
import "./chunk-ZRJIQAHE.js";
import "./chunk-ZJ2LH7GO.js";
import "./chunk-JMVWX2PN.js";
import {
  readGeneratedTree
} from "./chunk-UUOMZIVY.js";
import "./chunk-7CJQW75R.js";
import "./chunk-5NFWZACR.js";
import "./chunk-4DSQAG4B.js";
import "./chunk-NDE2NKID.js";
import "./chunk-7ZPQIYN7.js";
import "./chunk-KR53BPOB.js";
import "./chunk-CXSIFPJL.js";
import "./chunk-MIBJWLH2.js";
import {
  serviceTwin
} from "./chunk-242NOEV2.js";
import "./chunk-U5XVFR3J.js";
import "./chunk-2YZVRG7S.js";
import "./chunk-Y72MW4XH.js";
import "./chunk-D7OYEMQK.js";
import "./chunk-VTZR3R7R.js";
import "./chunk-N6LFTOTB.js";
import "./chunk-GA32XAUT.js";
import "./chunk-SZ6YGT22.js";
import "./chunk-NSTTZTGX.js";
import "./chunk-Z6XS3NX4.js";
import "./chunk-VSAIBY22.js";

// src/scenario-checks.ts
import path from "node:path";
var SYSTEM = `You write automated acceptance checks (vitest) for holdout scenarios of generated code.
You are independent of the agent that wrote the code: you check behaviour through the public
interface only. Write exactly the one file you are asked for with the write_file tool, then stop.`;
async function generateScenarioChecks(options) {
  return withRun({ root: options.root, runtime: options.runtime, command: "scenarios", traceCommand: "scenarios", outcomeOf: outcomeOfChecks }, async (run) => {
    let snapshot = await readSnapshot(options.root, { raw: run.raw, templates: !0, ...options.scenariosDir ? { scenariosDir: options.scenariosDir } : {} }), checked = await checkSnapshot(snapshot), scenariosDir = snapshot.scenarios.dir;
    if (options.specId && !checked.workspace.byId.has(options.specId)) return { outcomes: [], blocked: [], scenariosDir, unknownSpec: [...checked.workspace.byId.keys()] };
    let errors = checked.diagnostics.filter((d) => d.severity === "error" && !d.code.startsWith("generated-"));
    if (errors.length > 0) return { outcomes: [], blocked: errors, scenariosDir };
    let templates = mergeTemplates([...snapshot.templates.defaults], [...snapshot.templates.overrides]), tree = await readGeneratedTree(path.join(options.root, checked.config.paths.generated), SPECCC_VERSION), declarations = declarationsOf(new Map([...tree.files].filter(([p]) => !TEST_FILE.test(p)).map(([p, c]) => [p, stripHeader(c)]))), outcomes = [];
    for (let s of snapshot.scenarios.entries) {
      if (options.specId && s.spec !== options.specId) continue;
      let spec = checked.workspace.byId.get(s.spec);
      if (!spec) continue;
      let rel = `${s.spec}/${s.name}.test.ts`;
      if (s.hasCheck && !options.overwrite) {
        outcomes.push({ spec: s.spec, scenario: s.name, file: rel, state: "skipped-existing" });
        continue;
      }
      let interfaces = spec.frontmatter.outputs.filter((o) => declarations.has(o)).map((o) => ({ path: o.replace(/\.(?:[cm]?ts|tsx)$/, ".d.ts"), text: declarations.get(o) })), scenario = await readScenario(scenariosDir, s.file), prompt = renderScenarioCheck(templates, { spec, name: s.name, path: rel, scenario, interfaces, property: s.property !== void 0, twins: spec.frontmatter.kind === "twin" ? [{ ...serviceTwin(s.spec), source: null }] : twinsForPrompt(spec, checked.workspace) });
      if (!prompt.ok) return { outcomes, blocked: prompt.diagnostics, scenariosDir };
      outcomes.push(await writeOne(run.runtime, checked.config, { spec: s.spec, scenario: s.name, rel, prompt: prompt.text, scenariosDir, signal: options.signal ?? new AbortController().signal }));
    }
    return { outcomes, blocked: [], scenariosDir };
  });
}
var outcomeOfChecks = (r) => r.blocked.length > 0 || r.unknownSpec ? "blocked" : r.outcomes.some((o) => o.state === "failed") ? "failed" : "done";
async function writeOne(runtime, config, job) {
  let { spec, scenario, rel } = job, { result, written } = await agentWrites(runtime.agent, config, { specId: spec, system: SYSTEM, prompt: job.prompt, outputs: [rel], signal: job.signal }), content = written.get(rel);
  return result.status !== "done" || content === void 0 ? { spec, scenario, file: rel, state: "failed", error: result.error ?? `the agent did not write ${rel}` } : (await writeScenarioCheck(job.scenariosDir, rel, content), { spec, scenario, file: rel, state: "written" });
}
export {
  generateScenarioChecks
};
