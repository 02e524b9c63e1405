/** argv -> command -> exit code. Commands get the process's edges through CliIo. */
import { Command, CommanderError } from 'commander';
import { EXIT, type CliIo, type RegisterCommand } from './shared.js';
import { registerCheck } from './check.js';
import { registerBuild } from './build.js';
import { registerLog } from './log.js';
import { registerVerify } from './verify.js';
import { registerWatch } from './watch.js';
import { registerPromote } from './promote.js';
import { registerScenarios } from './scenarios.js';
import { registerTrace } from './trace.js';
import { registerAudit } from './audit.js';
import { registerInit } from './init.js';
import { registerTwin } from './twin.js';
import { registerCompletion } from './completion.js';
import { registerReport } from './report.js';
import { registerGraph } from './graph.js';
import { registerLsp } from './lsp.js';
import { registerTriage } from './triage.js';
import { registerStatus } from './status.js';
import { usageSuggestion } from './usage-suggestion.js';

import { SPECCC_VERSION as VERSION } from '../version.js';

export async function main(argv: string[], io: CliIo): Promise<number> {
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
  const commands: RegisterCommand[] = [registerCheck, registerBuild, registerLog, registerVerify, registerPromote, registerScenarios, registerWatch, registerInit, registerTwin, registerCompletion, registerReport, registerGraph, registerLsp, registerTrace, registerAudit, registerTriage, registerStatus];
  for (const register of commands) register(program, io, done);
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
