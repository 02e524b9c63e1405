import path from 'node:path';
import { EXIT, type CliIo, type RegisterCommand } from './shared.js';
import { resolveRoot } from './check.js';

interface Flags {
  root?: string;
  scenarios?: string;
  provider: string;
  overwrite?: boolean;
}

export async function runScenariosGenerate(io: CliIo, specId: string | undefined, flags: Flags): Promise<number> {
  const root = await resolveRoot(io, flags.root);
  if (typeof root !== 'string') {
    io.stderr(`${root.error}\n`);
    return EXIT.usage;
  }
  const { loadConfig } = await import('../config/load.js');
  const { lazyAgent } = await import('./agent-factory.js');
  const { generateScenarioChecks } = await import('../scenario-checks.js');
  const { ProviderSetupError } = await import('./agent-factory.js');
  const config = (await loadConfig(root)).config;
  const scenariosDir = path.resolve(flags.scenarios ? io.cwd : root, flags.scenarios ?? config.paths.scenarios);
  try {
    const { outcomes, blocked } = await generateScenarioChecks({
      root,
      agent: lazyAgent(flags.provider, io.env, config, root),
      scenariosDir,
      ...(specId ? { specId } : {}),
      overwrite: Boolean(flags.overwrite),
      signal: io.signal,
    });
    if (blocked.length > 0) {
      io.stderr('speccc: the workspace has check errors; run `speccc check`\n');
      return EXIT.failed;
    }
    for (const o of outcomes) {
      const mark = o.state === 'written' ? '✔' : o.state === 'failed' ? '✖' : '-';
      const what = o.state === 'written' ? 'written' : o.state === 'failed' ? `failed: ${o.error}` : 'has a check already (use --overwrite to replace it)';
      io.stdout(`${mark} ${o.file}: ${what}\n`);
    }
    if (outcomes.length === 0) io.stdout(`no plain-language scenarios found in ${scenariosDir}\n`);
    return outcomes.some((o) => o.state === 'failed') ? EXIT.failed : EXIT.ok;
  } catch (error) {
    if (error instanceof ProviderSetupError) {
      io.stderr(`speccc: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

export const registerScenarios: RegisterCommand = (program, io, done) => {
  const scenarios = program.command('scenarios').description('Holdout scenarios: plain-language scenarios and their automated checks.');
  scenarios
    .command('generate')
    .description('Write an automated check for every plain-language scenario that lacks one, with an agent that never sees the implementation.')
    .argument('[spec-id]', 'only this spec\'s scenarios')
    .option('--root <dir>', 'workspace root (default: current directory)')
    .option('--scenarios <dir>', 'holdout scenarios folder (default from config)')
    .option('--overwrite', 'replace checks that exist')
    .option('--provider <name>', 'who writes the checks', 'anthropic')
    .action((specId: string | undefined, flags: Flags) => done(runScenariosGenerate(io, specId, flags)));
};
