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

interface ProposeFlags extends Flags {
  max: string;
}

/** `scenarios propose`: drafts from the last `verify --mutate` run's surviving mutants, into the scenarios folder's `.proposed/`. */
export async function runScenariosPropose(io: CliIo, specId: string | undefined, flags: ProposeFlags): Promise<number> {
  const max = Number(flags.max);
  if (!Number.isInteger(max) || max < 1 || max > 100) throw new UsageError(`--max ${flags.max} is not a whole number from 1 to 100`);
  return inWorkspace(io, flags.root, async (root) => {
    const { createRuntime, takeCredentials } = await import('../runtime.js');
    const { proposeScenarios } = await import('../scenario-proposals.js');
    const { mutantLabel } = await import('../proposals/mutants.js');
    const credentials = takeCredentials(io.env);
    const runtime = (loaded: import('../config/parse.js').LoadedConfig) => createRuntime({ root, config: loaded.config, credentials, command: 'scenarios', provider: flags.provider });
    const result = await proposeScenarios({ root, runtime, max, ...(flags.scenarios ? { scenariosDir: path.resolve(io.cwd, flags.scenarios) } : {}), ...(specId ? { specId } : {}), signal: io.signal });
    if (result.unknownSpec) throw new UsageError(`no spec has id ${withGuess(specId!, result.unknownSpec)}`);
    if (result.blocked.length > 0) {
      io.stderr('speccc: the workspace has check errors; run `speccc check`\n');
      return EXIT.failed;
    }
    if (result.survivors && 'missing' in result.survivors) throw new UsageError('no surviving mutants on record: run `speccc verify --mutate` first (it keeps them in .speccc/verify/survivors.json)');
    if (result.survivors) throw new UsageError(`.speccc/verify/survivors.json ${result.survivors.problem}: run \`speccc verify --mutate\` again`);
    for (const o of result.outcomes) {
      const mark = o.state === 'drafted' ? '✔' : o.state === 'failed' ? '✖' : '-';
      const what = o.state === 'drafted' ? `drafted to kill ${mutantLabel(o.mutant)}` : `${mutantLabel(o.mutant)}: ${o.error}`;
      io.stdout(`${mark} ${o.spec}/${o.name}: ${what}\n`);
    }
    const drafted = result.outcomes.filter((o) => o.state === 'drafted').length;
    if (result.outcomes.length === 0) io.stdout(`nothing to propose${specId ? ` for ${specId}` : ''}: every surviving mutant on record has a draft, a scenario or a rejection\n`);
    else if (drafted > 0) io.stdout(`${drafted} draft${drafted === 1 ? '' : 's'} in ${path.relative(io.cwd, path.join(result.scenariosDir, '.proposed')) || '.'}: read each, then \`speccc scenarios accept <spec-id>/<name>\` or \`reject\`\n`);
    return result.outcomes.some((o) => o.state === 'failed') ? EXIT.failed : EXIT.ok;
  });
}

/** `scenarios accept`: each draft judged in the sandbox (passes on the promoted code, fails on its mutant), then made a holdout. */
export async function runScenariosAccept(io: CliIo, drafts: string[], flags: { root?: string; scenarios?: string }): Promise<number> {
  return inWorkspace(io, flags.root, async (root) => {
    const { createGate, takeCredentials } = await import('../runtime.js');
    const { acceptDrafts } = await import('../scenario-proposals.js');
    const { mutantLabel } = await import('../proposals/mutants.js');
    // The sealed gate is made from the config the run reads (once), as verify's is.
    const validator = (config: import('../types/index.js').SpecccConfig) => {
      const gate = createGate({ config, credentials: takeCredentials(io.env) });
      for (const warning of gate.warnings) io.stderr(`speccc: warning: ${warning}\n`);
      return gate.validator;
    };
    const result = await acceptDrafts({ root, drafts, validator, signal: io.signal, ...(flags.scenarios ? { scenariosDir: path.resolve(io.cwd, flags.scenarios) } : {}) });
    if (result.configBroken) throw new UsageError('speccc.config.json is invalid; run `speccc check` to see where');
    const { outcomes } = result;
    if (outcomes.length === 0) io.stdout('no drafts to accept: `speccc scenarios propose` writes them\n');
    for (const o of outcomes) {
      if (o.state === 'accepted') io.stdout(`✔ ${o.draft}: accepted: it passes on the promoted code and kills ${mutantLabel(o.mutant!)}\n`);
      else io.stdout(`✖ ${o.draft}: not accepted: ${o.reason}\n`);
    }
    return outcomes.every((o) => o.state === 'accepted') ? EXIT.ok : EXIT.failed;
  });
}

export async function runScenariosReject(io: CliIo, drafts: string[], flags: { root?: string; scenarios?: string }): Promise<number> {
  if (drafts.length === 0) throw new UsageError('name the drafts to reject (`speccc scenarios drafts` lists them)');
  return inWorkspace(io, flags.root, async (root) => {
    const { rejectDrafts } = await import('../scenario-proposals.js');
    const out = await rejectDrafts(root, flags.scenarios ? path.resolve(io.cwd, flags.scenarios) : undefined, drafts);
    for (const r of out) io.stdout(r.removed ? `✔ ${r.draft}: rejected; its mutant will not be proposed again\n` : `✖ ${r.draft}: no such draft\n`);
    return out.every((r) => r.removed) ? EXIT.ok : EXIT.failed;
  });
}

export async function runScenariosDrafts(io: CliIo, flags: { root?: string; scenarios?: string }): Promise<number> {
  return inWorkspace(io, flags.root, async (root) => {
    const { listProposals } = await import('../scenario-proposals.js');
    const { mutantLabel } = await import('../proposals/mutants.js');
    const { drafts } = await listProposals(root, flags.scenarios ? path.resolve(io.cwd, flags.scenarios) : undefined);
    if (drafts.length === 0) io.stdout('no drafts: `speccc scenarios propose` writes them from the survivors of `speccc verify --mutate`\n');
    for (const d of drafts) io.stdout(`${d.draft}  ${d.title}  (${d.mutant ? `kills ${mutantLabel(d.mutant)}?` : 'its mutant record is unreadable'})\n`);
    return EXIT.ok;
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
  scenarios
    .command('propose')
    .description('Draft holdout scenarios that kill the surviving mutants of the last `verify --mutate` run, for a person to accept.')
    .argument('[spec-id]', "only this spec's mutants")
    .option('--root <dir>', 'workspace root (default: current directory)')
    .option('--scenarios <dir>', 'holdout scenarios folder (default: paths.scenarios from speccc.config.json)')
    .option('--max <n>', 'drafts per spec at most', '3')
    .addOption(new Option('--provider <name>', 'who writes the drafts').choices(['anthropic', 'replay']).default('anthropic'))
    .action((specId: string | undefined, flags: ProposeFlags) => done(runScenariosPropose(io, specId, flags)));
  scenarios
    .command('drafts')
    .description('List the proposed drafts waiting for a person, with the mutant each should kill.')
    .option('--root <dir>', 'workspace root (default: current directory)')
    .option('--scenarios <dir>', 'holdout scenarios folder (default: paths.scenarios from speccc.config.json)')
    .action((flags: { root?: string; scenarios?: string }) => done(runScenariosDrafts(io, flags)));
  scenarios
    .command('accept')
    .description('Make drafts holdouts: each must pass on the promoted code and fail on its mutant, run sealed.')
    .argument('[drafts...]', '<spec-id>/<name> of each draft (default: every draft)')
    .option('--root <dir>', 'workspace root (default: current directory)')
    .option('--scenarios <dir>', 'holdout scenarios folder (default: paths.scenarios from speccc.config.json)')
    .action((drafts: string[], flags: { root?: string; scenarios?: string }) => done(runScenariosAccept(io, drafts, flags)));
  scenarios
    .command('reject')
    .description('Remove drafts; their mutants are not proposed again.')
    .argument('<drafts...>', '<spec-id>/<name> of each draft')
    .option('--root <dir>', 'workspace root (default: current directory)')
    .option('--scenarios <dir>', 'holdout scenarios folder (default: paths.scenarios from speccc.config.json)')
    .action((drafts: string[], flags: { root?: string; scenarios?: string }) => done(runScenariosReject(io, drafts, flags)));
};
