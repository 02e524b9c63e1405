import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  EXIT
} from "./chunk-EEWYZ6FF.js";
import {
  SPECCC_VERSION
} from "./chunk-H4KJMLKH.js";
import {
  closest
} from "./chunk-N6LFTOTB.js";
import "./chunk-VSAIBY22.js";

// src/commands/usage-suggestion.ts
function commandOf(program, argv) {
  let command = program;
  for (let word of argv) {
    if (word.startsWith("-")) continue;
    let sub = command.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!sub) break;
    command = sub;
  }
  return command;
}
function longFlags(command) {
  let flags = [];
  for (let c = command; c; c = c.parent)
    for (let option of c.createHelp().visibleOptions(c)) option.long && flags.push(option.long);
  return flags;
}
function usageSuggestion(program, argv, error) {
  let command = commandOf(program, argv);
  if (error.code === "commander.unknownCommand") {
    let typed = /unknown command '(.*)'/.exec(error.message)?.[1], names = command.createHelp().visibleCommands(command).flatMap((c) => [c.name(), ...c.aliases()]);
    return typed === void 0 ? void 0 : closest(typed, names);
  }
  if (error.code === "commander.unknownOption") {
    let typed = /unknown option '(--.*)'/.exec(error.message)?.[1];
    return typed === void 0 ? void 0 : closest(typed, longFlags(command));
  }
  if (error.code === "commander.invalidArgument") {
    let m = /argument '(.*)' is invalid\. Allowed choices are (.*)\.$/.exec(error.message);
    return m ? closest(m[1], m[2].split(", ")) : void 0;
  }
}

// src/commands/direct.ts
var BARE_CHECK_FLAGS = { format: "text", cache: !0 };
function directRun(argv, io, version) {
  if (argv.length !== 1) return null;
  let only = argv[0];
  return only === "--version" || only === "-V" ? (io.stdout(`${version}
`), Promise.resolve(0)) : only === "check" ? import("./check-4EYWODIY.js").then(({ runCheck }) => runCheck(io, [], { ...BARE_CHECK_FLAGS })) : null;
}

// src/commands/index.ts
async function main(argv, io) {
  let direct = directRun(argv, io, SPECCC_VERSION);
  if (direct) return direct;
  let { Command, CommanderError } = await import("./esm-XPRH65V6.js"), pending, done = (code) => {
    pending = code;
  }, program = new Command().name("speccc").description("A spec compiler: markdown specs in, tested code out.").version(SPECCC_VERSION).exitOverride().showSuggestionAfterError(!1).configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  for (let register of await Promise.all(commandsFor(argv).map((load) => load()))) register(program, io, done);
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.ok;
      let near = usageSuggestion(program, argv, error);
      return near && io.stderr(`(Did you mean ${near}?)
`), EXIT.usage;
    }
    throw error;
  }
  return pending ? await pending : EXIT.ok;
}
var COMMANDS = {
  check: async () => (await import("./check-4EYWODIY.js")).registerCheck,
  build: async () => (await import("./build-35PE237T.js")).registerBuild,
  log: async () => (await import("./log-VBIEO5WH.js")).registerLog,
  verify: async () => (await import("./verify-KWJNQEWZ.js")).registerVerify,
  promote: async () => (await import("./promote-CYNT2GNL.js")).registerPromote,
  scenarios: async () => (await import("./scenarios-R6FXGY2X.js")).registerScenarios,
  watch: async () => (await import("./watch-IDAH2MWD.js")).registerWatch,
  init: async () => (await import("./init-QDDYV7TR.js")).registerInit,
  twin: async () => (await import("./twin-FDQDDHFC.js")).registerTwin,
  completion: async () => (await import("./completion-7RXA63T5.js")).registerCompletion,
  report: async () => (await import("./report-FTRBEDIQ.js")).registerReport,
  graph: async () => (await import("./graph-DUT4XSWE.js")).registerGraph,
  lsp: async () => (await import("./lsp-T3QQG2OT.js")).registerLsp,
  trace: async () => (await import("./trace-IINUWEX2.js")).registerTrace,
  audit: async () => (await import("./audit-PXSEEHXU.js")).registerAudit,
  adopt: async () => (await import("./adopt-ITP5IUYX.js")).registerAdopt,
  triage: async () => (await import("./triage-UJABR5JJ.js")).registerTriage,
  status: async () => (await import("./status-MOIESQYI.js")).registerStatus,
  lessons: async () => (await import("./lessons-4G4MCNG6.js")).registerLessons
};
function commandsFor(argv) {
  let first = argv[0] ?? "";
  return first !== "completion" && Object.hasOwn(COMMANDS, first) ? [COMMANDS[first]] : first === "--version" || first === "-V" ? [] : Object.values(COMMANDS);
}
export {
  main
};
