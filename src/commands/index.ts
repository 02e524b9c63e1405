/**
 * argv -> command -> exit code. Commands get the process's edges through CliIo.
 *
 * Each command's module is loaded only when it is the one invoked: start-up is part of every run
 * (`speccc check` on one spec is mostly start-up), and the bundle keeps every command in its own
 * chunk. Help, completion (which reads the whole command tree) and anything not recognised load
 * them all, so what commander prints is the same as with every command registered.
 */
import { EXIT, type CliIo, type RegisterCommand } from './shared.js';
import { usageSuggestion } from './usage-suggestion.js';
import { SPECCC_VERSION as VERSION } from '../version.js';
import { directRun } from './direct.js';
import type { CheckLookup } from './check-stored.js';

/**
 * `handoff.looked`: what a bare check's small bundle read before finding its inputs changed
 * (src/quick-check.ts, through cli.ts), for the check to go on from.
 */
export async function main(argv: string[], io: CliIo, handoff: { looked?: CheckLookup } = {}): Promise<number> {
  // `speccc --version` and a bare `speccc check` (what editors, hooks and CI run most) need no
  // argument parser: commander is the largest module a warm check would load.
  const direct = directRun(argv, io, VERSION, handoff.looked);
  if (direct) return direct;
  const { Command, CommanderError } = await import('commander');
  let pending: Promise<number> | undefined;
  const done = (code: Promise<number>) => {
    pending = code;
  };
  const program = new Command()
    .name('speccc')
    .description('A spec compiler: markdown specs in, tested code out.')
    .version(VERSION)
    .exitOverride()
    // Suggestions come from closest(), as everywhere else (usage-suggestion.ts).
    .showSuggestionAfterError(false)
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  for (const register of await Promise.all(commandsFor(argv).map((load) => load()))) register(program, io, done);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; every other commander error is a usage error.
      if (error.exitCode === 0) return EXIT.ok;
      const near = usageSuggestion(program, argv, error);
      if (near) io.stderr(`(Did you mean ${near}?)\n`);
      return EXIT.usage;
    }
    throw error;
  }
  return pending ? await pending : EXIT.ok;
}

/** Every command, in the order `speccc --help` lists them. */
const COMMANDS: Record<string, () => Promise<RegisterCommand>> = {
  check: async () => (await import('./check.js')).registerCheck,
  build: async () => (await import('./build.js')).registerBuild,
  log: async () => (await import('./log.js')).registerLog,
  verify: async () => (await import('./verify.js')).registerVerify,
  promote: async () => (await import('./promote.js')).registerPromote,
  scenarios: async () => (await import('./scenarios.js')).registerScenarios,
  watch: async () => (await import('./watch.js')).registerWatch,
  init: async () => (await import('./init.js')).registerInit,
  twin: async () => (await import('./twin.js')).registerTwin,
  completion: async () => (await import('./completion.js')).registerCompletion,
  report: async () => (await import('./report.js')).registerReport,
  graph: async () => (await import('./graph.js')).registerGraph,
  lsp: async () => (await import('./lsp.js')).registerLsp,
  trace: async () => (await import('./trace.js')).registerTrace,
  audit: async () => (await import('./audit.js')).registerAudit,
  adopt: async () => (await import('./adopt.js')).registerAdopt,
  triage: async () => (await import('./triage.js')).registerTriage,
  status: async () => (await import('./status.js')).registerStatus,
  lessons: async () => (await import('./lessons.js')).registerLessons,
};

/** The commands to register for `argv`: the one it names; none for `--version`; all for anything else (help, completion, a typo). */
function commandsFor(argv: readonly string[]): (() => Promise<RegisterCommand>)[] {
  const first = argv[0] ?? '';
  if (first !== 'completion' && Object.hasOwn(COMMANDS, first)) return [COMMANDS[first]!];
  if (first === '--version' || first === '-V') return [];
  return Object.values(COMMANDS);
}
