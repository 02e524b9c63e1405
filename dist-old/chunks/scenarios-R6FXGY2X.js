import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  EXIT,
  UsageError,
  inWorkspace,
  withGuess
} from "./chunk-EEWYZ6FF.js";
import {
  Option
} from "./chunk-IMW7CCHR.js";
import "./chunk-N6LFTOTB.js";
import "./chunk-VSAIBY22.js";

// src/commands/scenarios.ts
import path from "node:path";
async function runScenariosGenerate(io, specId, flags) {
  return inWorkspace(io, flags.root, async (root) => {
    let { createRuntime, takeCredentials } = await import("./runtime-3AWIBRCX.js"), { generateScenarioChecks } = await import("./scenario-checks-3UIZE2YU.js"), credentials = takeCredentials(io.env), result = await generateScenarioChecks({ root, runtime: (loaded) => createRuntime({ root, config: loaded.config, credentials, command: "scenarios", provider: flags.provider }), ...flags.scenarios ? { scenariosDir: path.resolve(io.cwd, flags.scenarios) } : {}, ...specId ? { specId } : {}, overwrite: !!flags.overwrite, signal: io.signal }), { outcomes, blocked, scenariosDir } = result;
    if (result.unknownSpec) throw new UsageError(`no spec has id ${withGuess(specId, result.unknownSpec)}`);
    if (blocked.length > 0)
      return io.stderr("speccc: the workspace has check errors; run `speccc check`\n"), EXIT.failed;
    for (let o of outcomes) {
      let mark = o.state === "written" ? "\u2714" : o.state === "failed" ? "\u2716" : "-", what = o.state === "written" ? "written" : o.state === "failed" ? `failed: ${o.error}` : "has a check already (use --overwrite to replace it)";
      io.stdout(`${mark} ${o.file}: ${what}
`);
    }
    return outcomes.length === 0 && io.stdout(`no plain-language scenarios${specId ? ` for ${specId}` : ""} in ${scenariosDir}
`), outcomes.some((o) => o.state === "failed") ? EXIT.failed : EXIT.ok;
  });
}
async function runScenariosPropose(io, specId, flags) {
  let max = Number(flags.max);
  if (!Number.isInteger(max) || max < 1 || max > 100) throw new UsageError(`--max ${flags.max} is not a whole number from 1 to 100`);
  return inWorkspace(io, flags.root, async (root) => {
    let { createRuntime, takeCredentials } = await import("./runtime-3AWIBRCX.js"), { proposeScenarios } = await import("./scenario-proposals-5FDRRJWK.js"), { mutantLabel } = await import("./mutants-7WGKA4DL.js"), credentials = takeCredentials(io.env), result = await proposeScenarios({ root, runtime: (loaded) => createRuntime({ root, config: loaded.config, credentials, command: "scenarios", provider: flags.provider }), max, ...flags.scenarios ? { scenariosDir: path.resolve(io.cwd, flags.scenarios) } : {}, ...specId ? { specId } : {}, signal: io.signal });
    if (result.unknownSpec) throw new UsageError(`no spec has id ${withGuess(specId, result.unknownSpec)}`);
    if (result.blocked.length > 0)
      return io.stderr("speccc: the workspace has check errors; run `speccc check`\n"), EXIT.failed;
    if (result.survivors && "missing" in result.survivors) throw new UsageError("no surviving mutants on record: run `speccc verify --mutate` first (it keeps them in .speccc/verify/survivors.json)");
    if (result.survivors) throw new UsageError(`.speccc/verify/survivors.json ${result.survivors.problem}: run \`speccc verify --mutate\` again`);
    for (let o of result.outcomes) {
      let mark = o.state === "drafted" ? "\u2714" : o.state === "failed" ? "\u2716" : "-", what = o.state === "drafted" ? `drafted to kill ${mutantLabel(o.mutant)}` : `${mutantLabel(o.mutant)}: ${o.error}`;
      io.stdout(`${mark} ${o.spec}/${o.name}: ${what}
`);
    }
    let drafted = result.outcomes.filter((o) => o.state === "drafted").length;
    return result.outcomes.length === 0 ? io.stdout(`nothing to propose${specId ? ` for ${specId}` : ""}: every surviving mutant on record has a draft, a scenario or a rejection
`) : drafted > 0 && io.stdout(`${drafted} draft${drafted === 1 ? "" : "s"} in ${path.relative(io.cwd, path.join(result.scenariosDir, ".proposed")) || "."}: read each, then \`speccc scenarios accept <spec-id>/<name>\` or \`reject\`
`), result.outcomes.some((o) => o.state === "failed") ? EXIT.failed : EXIT.ok;
  });
}
async function runScenariosAccept(io, drafts, flags) {
  return inWorkspace(io, flags.root, async (root) => {
    let { createGate, takeCredentials } = await import("./runtime-3AWIBRCX.js"), { acceptDrafts } = await import("./scenario-proposals-5FDRRJWK.js"), { mutantLabel } = await import("./mutants-7WGKA4DL.js"), result = await acceptDrafts({ root, drafts, validator: (config) => {
      let gate = createGate({ config, credentials: takeCredentials(io.env) });
      for (let warning of gate.warnings) io.stderr(`speccc: warning: ${warning}
`);
      return gate.validator;
    }, signal: io.signal, ...flags.scenarios ? { scenariosDir: path.resolve(io.cwd, flags.scenarios) } : {} });
    if (result.configBroken) throw new UsageError("speccc.config.json is invalid; run `speccc check` to see where");
    let { outcomes } = result;
    outcomes.length === 0 && io.stdout("no drafts to accept: `speccc scenarios propose` writes them\n");
    for (let o of outcomes)
      o.state === "accepted" ? io.stdout(`\u2714 ${o.draft}: accepted: it passes on the promoted code and kills ${mutantLabel(o.mutant)}
`) : io.stdout(`\u2716 ${o.draft}: not accepted: ${o.reason}
`);
    return outcomes.every((o) => o.state === "accepted") ? EXIT.ok : EXIT.failed;
  });
}
async function runScenariosReject(io, drafts, flags) {
  if (drafts.length === 0) throw new UsageError("name the drafts to reject (`speccc scenarios drafts` lists them)");
  return inWorkspace(io, flags.root, async (root) => {
    let { rejectDrafts } = await import("./scenario-proposals-5FDRRJWK.js"), out = await rejectDrafts(root, flags.scenarios ? path.resolve(io.cwd, flags.scenarios) : void 0, drafts);
    for (let r of out) io.stdout(r.removed ? `\u2714 ${r.draft}: rejected; its mutant will not be proposed again
` : `\u2716 ${r.draft}: no such draft
`);
    return out.every((r) => r.removed) ? EXIT.ok : EXIT.failed;
  });
}
async function runScenariosDrafts(io, flags) {
  return inWorkspace(io, flags.root, async (root) => {
    let { listProposals } = await import("./scenario-proposals-5FDRRJWK.js"), { mutantLabel } = await import("./mutants-7WGKA4DL.js"), { drafts } = await listProposals(root, flags.scenarios ? path.resolve(io.cwd, flags.scenarios) : void 0);
    drafts.length === 0 && io.stdout("no drafts: `speccc scenarios propose` writes them from the survivors of `speccc verify --mutate`\n");
    for (let d of drafts) io.stdout(`${d.draft}  ${d.title}  (${d.mutant ? `kills ${mutantLabel(d.mutant)}?` : "its mutant record is unreadable"})
`);
    return EXIT.ok;
  });
}
var registerScenarios = (program, io, done) => {
  let scenarios = program.command("scenarios").description("Holdout scenarios: plain-language scenarios and their automated checks.");
  scenarios.command("generate").description("Write an automated check for every plain-language scenario that lacks one, with an agent that never sees the implementation.").argument("[spec-id]", "only this spec's scenarios").option("--root <dir>", "workspace root (default: current directory)").option("--scenarios <dir>", "holdout scenarios folder (default: paths.scenarios from speccc.config.json)").option("--overwrite", "replace checks that exist").addOption(new Option("--provider <name>", "who writes the checks").choices(["anthropic", "replay"]).default("anthropic")).action((specId, flags) => done(runScenariosGenerate(io, specId, flags))), scenarios.command("propose").description("Draft holdout scenarios that kill the surviving mutants of the last `verify --mutate` run, for a person to accept.").argument("[spec-id]", "only this spec's mutants").option("--root <dir>", "workspace root (default: current directory)").option("--scenarios <dir>", "holdout scenarios folder (default: paths.scenarios from speccc.config.json)").option("--max <n>", "drafts per spec at most", "3").addOption(new Option("--provider <name>", "who writes the drafts").choices(["anthropic", "replay"]).default("anthropic")).action((specId, flags) => done(runScenariosPropose(io, specId, flags))), scenarios.command("drafts").description("List the proposed drafts waiting for a person, with the mutant each should kill.").option("--root <dir>", "workspace root (default: current directory)").option("--scenarios <dir>", "holdout scenarios folder (default: paths.scenarios from speccc.config.json)").action((flags) => done(runScenariosDrafts(io, flags))), scenarios.command("accept").description("Make drafts holdouts: each must pass on the promoted code and fail on its mutant, run sealed.").argument("[drafts...]", "<spec-id>/<name> of each draft (default: every draft)").option("--root <dir>", "workspace root (default: current directory)").option("--scenarios <dir>", "holdout scenarios folder (default: paths.scenarios from speccc.config.json)").action((drafts, flags) => done(runScenariosAccept(io, drafts, flags))), scenarios.command("reject").description("Remove drafts; their mutants are not proposed again.").argument("<drafts...>", "<spec-id>/<name> of each draft").option("--root <dir>", "workspace root (default: current directory)").option("--scenarios <dir>", "holdout scenarios folder (default: paths.scenarios from speccc.config.json)").action((drafts, flags) => done(runScenariosReject(io, drafts, flags)));
};
export {
  registerScenarios,
  runScenariosAccept,
  runScenariosDrafts,
  runScenariosGenerate,
  runScenariosPropose,
  runScenariosReject
};
