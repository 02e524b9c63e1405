import path from 'node:path';
import { Option } from 'commander';
import { EXIT, inWorkspace, UsageError, withGuess, type CliIo, type RegisterCommand } from './shared.js';

interface Flags {
  root?: string;
  scenarios?: string;
  provider: 'anthropic' | 'replay';
  overwrite?: boolean;
}

export async function runScenariosGenerate(io: CliIo, specId: string | undefined, flags: Flags): Promise<number> {
  return inWorkspace(io, flags.root, async (root) => {
    const { createRuntime, takeCredentials } = await import('../runtime.js');
    const { generateScenarioChecks } = await import('../scenario-checks.js');
    const credentials = takeCredentials(io.env);
    // The runtime is made from the config the run reads under its lock: read once.
    const runtime = (loaded: import('../config/parse.js').LoadedConfig) => createRuntime({ root, config: loaded.config, credentials, command: 'scenarios', provider: flags.provider });
    const result = await generateScenarioChecks({ root, runtime, ...(flags.scenarios ? { scenariosDir: path.resolve(io.cwd, flags.scenarios) } : {}), ...(specId ? { specId } : {}), overwrite: Boolean(flags.overwrite), signal: io.signal });
    const { outcomes, blocked, scenariosDir } = result;
    if (result.unknownSpec) throw new UsageError(`no spec has id ${withGuess(specId!, result.unknownSpec)}`);
    if (blocked.length > 0) {
      io.stderr('speccc: the workspace has check errors; run `speccc check`\n');
      return EXIT.failed;
    }
    for (const o of outcomes) {
      const mark = o.state === 'written' ? '✔' : o.state === 'failed' ? '✖' : '-';
      const what = o.state === 'written' ? 'written' : o.state === 'failed' ? `failed: ${o.error}` : 'has a check already (use --overwrite to replace it)';
      io.stdout(`${mark} ${o.file}: ${what}\n`);
    }
    if (outcomes.length === 0) io.stdout(`no plain-language scenarios${specId ? ` for ${specId}` : ''} in ${scenariosDir}\n`);
    return outcomes.some((o) => o.state === 'failed') ? EXIT.failed : EXIT.ok;
  });
}

export const registerScenarios: RegisterCommand = (program, io, done) => {
  const scenarios = program.command('scenarios').description('Holdout scenarios: plain-language scenarios and their automated checks.');
  scenarios
    .command('generate')
    .description('Write an automated check for every plain-language scenario that lacks one, with an agent that never sees the implementation.')
    .argument('[spec-id]', "only this spec's scenarios")
    .option('--root <dir>', 'workspace root (default: current directory)')
    .option('--scenarios <dir>', 'holdout scenarios folder (default: paths.scenarios from speccc.config.json)')
    .option('--overwrite', 'replace checks that exist')
    .addOption(new Option('--provider <name>', 'who writes the checks').choices(['anthropic', 'replay']).default('anthropic'))
    .action((specId: string | undefined, flags: Flags) => done(runScenariosGenerate(io, specId, flags)));
};
