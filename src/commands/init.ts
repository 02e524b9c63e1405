/**
 * `speccc init [dir]`: a new workspace that `speccc check --strict` reports clean (the files:
 * init-files.ts). Never overwrites a file and never prompts: existing files are listed and left
 * alone. In a workspace that already has a speccc.config.json, its specs, context documents and
 * scenarios are the user's: init then writes only missing infrastructure (the .gitignore block,
 * templates/README.md, the CI workflow), at the paths the config names, and nothing else.
 */
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { Option } from 'commander';
import { EXIT, UsageError, type CliIo, type RegisterCommand } from './shared.js';
import { appendBlock, CI_PROVIDERS, classify, createFile, planInit, toPosix, type Action, type CiProvider, type InitLayout, type Planned } from './init-files.js';
import { assertInside, OutsideWorkspaceError } from '../io/safe-write.js';
import { DEFAULT_PATHS } from '../schemas/default-paths.js';

export { initAssetsDir } from './init-files.js';

export interface InitFlags {
  name?: string;
  scenarios?: string;
  ci?: CiProvider;
  force?: boolean;
  yes?: boolean;
}

/** A folder name -> an npm package name: lowercase letters, digits, `-`, `.`, `_`. */
export function productName(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|[._-]+$/g, '');
  return name || 'product';
}

const NAME = /^[a-z0-9][a-z0-9._-]*$/;

/** The nearest folder at or above `dir` that holds `.git`, if any. */
async function gitRoot(dir: string): Promise<string | undefined> {
  for (let at = dir; ; at = path.dirname(at)) {
    if (await fs.stat(path.join(at, '.git')).then(() => true, () => false)) return at;
    if (path.dirname(at) === at) return undefined;
  }
}

export async function runInit(io: CliIo, dir: string | undefined, flags: InitFlags): Promise<number> {
  try {
    return await init(io, dir, flags);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`speccc: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof OutsideWorkspaceError) {
      io.stderr(`speccc: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

/**
 * The paths of an existing workspace's speccc.config.json, or undefined when there is none. A
 * config that does not load is printed, located, and is a usage error: init must not guess
 * where its folders are.
 */
async function existingConfigPaths(io: CliIo, root: string): Promise<{ templates: string; scenarios: string } | undefined> {
  const exists = await fs.lstat(path.join(root, 'speccc.config.json')).then(() => true, () => false);
  if (!exists) return undefined;
  const [{ loadConfig }, { formatDiagnostic }] = await Promise.all([import('../io/config-file.js'), import('../diagnostics/reporters/text.js')]);
  const loaded = await loadConfig(root);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    for (const d of errors) io.stderr(`${formatDiagnostic({ ...d, file: toPosix(path.relative(io.cwd, path.join(root, d.file))) }, { color: false })}\n`);
    throw new UsageError('speccc.config.json is not valid; init writes where it says, so fix it first');
  }
  return loaded.config.paths;
}

/** Where init writes: a new workspace's folders from the flags, an existing one's from its config. */
async function layoutOf(io: CliIo, root: string, name: string, flags: InitFlags): Promise<{ layout: InitLayout; existing: boolean }> {
  const configured = await existingConfigPaths(io, root);
  const asked = flags.scenarios !== undefined ? path.resolve(io.cwd, flags.scenarios) : undefined;
  let layout: InitLayout;
  if (configured) {
    layout = { root, templatesDir: path.resolve(root, configured.templates), scenariosDir: path.resolve(root, configured.scenarios) };
    if (asked !== undefined && asked !== layout.scenariosDir)
      throw new UsageError(`--scenarios ${flags.scenarios}: speccc.config.json already puts the scenarios in ${configured.scenarios}; change paths.scenarios there instead`);
  } else layout = { root, templatesDir: path.join(root, DEFAULT_PATHS.templates), scenariosDir: asked ?? path.join(path.dirname(root), `${name}-scenarios`) };
  const fromScenarios = path.relative(layout.scenariosDir, root);
  if (fromScenarios === '' || !fromScenarios.startsWith('..'))
    throw new UsageError(`--scenarios ${flags.scenarios ?? layout.scenariosDir} would hold the workspace itself; choose a folder beside it, such as ../${name}-scenarios`);
  return { layout, existing: configured !== undefined };
}

async function init(io: CliIo, dir: string | undefined, flags: InitFlags): Promise<number> {
  const root = path.resolve(io.cwd, dir ?? '.');
  const st = await fs.stat(root).catch(() => null);
  if (st && !st.isDirectory()) throw new UsageError(`${root} exists and is not a folder`);
  const name = flags.name ?? productName(path.basename(root));
  if (!NAME.test(name)) throw new UsageError(`--name must be lowercase letters, digits, '.', '_' or '-', starting with a letter or digit, not ${JSON.stringify(name)}`);
  const { layout, existing } = await layoutOf(io, root, name, flags);

  const planned = await planInit(layout, name, flags.ci);
  // An existing workspace's content is the user's: a starter they removed stays removed.
  const files = existing ? planned.filter((f) => f.role === 'infrastructure') : planned;
  const actions = await Promise.all(files.map(classify));
  const shown = (p: string) => toPosix(path.relative(io.cwd, p)) || '.';
  const conflicts = files.filter((_, i) => actions[i] === 'conflict');
  if (conflicts.length > 0 && !flags.force) return refuse(io, conflicts.map((f) => shown(f.target)), actions);

  await writeFiles(io, files, actions, shown, (file) => (file.startsWith(`${layout.scenariosDir}${path.sep}`) ? layout.scenariosDir : root));
  if (existing) {
    const missing = await Promise.all(planned.filter((f) => f.role === 'content').map((f) => fs.lstat(f.target).then(() => false, () => true)));
    if (missing.some(Boolean))
      io.stdout('starter specs, context and scenarios not written: speccc.config.json exists, so this workspace\'s own are used (init writes starters only into a new workspace)\n');
  }
  const unchanged = actions.filter((a) => a === 'unchanged').length;
  if (unchanged === files.length) io.stdout('nothing to do: every file is already as init writes it\n');
  else if (unchanged > 0) io.stdout(`${unchanged} file${unchanged === 1 ? ' is' : 's are'} already as init writes ${unchanged === 1 ? 'it' : 'them'}\n`);
  io.stdout(`✔ speccc workspace for ${name} in ${shown(root)}; its holdout scenarios in ${shown(layout.scenariosDir)}\n`);
  if (flags.ci === 'github') {
    const git = await gitRoot(root);
    if (git && git !== root) io.stdout(`⚠ ${shown(root)} is not the root of its git repository (${shown(git)}): GitHub reads workflows only from .github/workflows/ at the repository root; move speccc.yml there and adjust its paths\n`);
  }
  io.stdout(await nextSteps(root, layout.scenariosDir, existing, shown));
  return EXIT.ok;
}

/** Some files exist with other content and --force was not given: list them, write nothing, exit 1. */
function refuse(io: CliIo, conflicts: string[], actions: Action[]): number {
  const one = conflicts.length === 1;
  io.stderr(`speccc: ${one ? 'this file already exists' : 'these files already exist'} and ${one ? 'was' : 'were'} left alone:\n`);
  for (const f of conflicts) io.stderr(`  ${f}\n`);
  const rest = actions.filter((a) => a === 'create' || a === 'append').length;
  const keep = one ? 'this one as it is' : 'these as they are';
  io.stderr(
    rest === 0
      ? `speccc: nothing else is missing, so nothing was written (init never overwrites a file)\n`
      : `speccc: nothing was written. Rerun with --force to write the ${rest} missing file${rest === 1 ? '' : 's'} and keep ${keep} (init never overwrites a file)\n`,
  );
  return EXIT.failed;
}

/** Writes each planned file as its action says, and prints one line for each that is not already as init writes it. */
async function writeFiles(io: CliIo, files: Planned[], actions: Action[], shown: (p: string) => string, baseOf: (file: string) => string): Promise<void> {
  // A link out of the workspace anywhere is refused before the first file is written: nothing half-done.
  for (const [i, file] of files.entries()) if (actions[i] === 'create' || actions[i] === 'append') await assertInside(baseOf(file.target), path.relative(baseOf(file.target), file.target));
  for (const [i, file] of files.entries()) {
    const action = actions[i]!;
    if (action === 'create') io.stdout((await createFile(baseOf(file.target), file.target, file.content)) ? `created ${shown(file.target)}\n` : `kept    ${shown(file.target)} (it appeared meanwhile; left as it is)\n`);
    else if (action === 'append') {
      await appendBlock(baseOf(file.target), file.target, file.content);
      io.stdout(`added   speccc's block to ${shown(file.target)}\n`);
    } else if (action === 'conflict') io.stdout(`kept    ${shown(file.target)} (it exists; left as it is)\n`);
  }
}

/** What to run next, aligned, each with why. */
async function nextSteps(root: string, scenariosDir: string, existing: boolean, shown: (p: string) => string): Promise<string> {
  const installed = await fs.stat(path.join(root, 'node_modules', 'speccc', 'package.json')).then(() => true, () => false);
  const next: [string, string][] = [];
  if (shown(root) !== '.') next.push([`cd ${shown(root)}`, 'the workspace']);
  if (!installed) next.push(['npm i -D speccc', "speccc in the project: npx runs it, the config's $schema points into it"]);
  next.push(['npx speccc check', existing ? 'the findings in your specs, if any' : 'the starter specs check clean'], ['npx speccc build --dry-run', 'what a build would do, and what it would cost']);
  const outsideWorkspace = path.relative(root, scenariosDir).startsWith('..');
  const scenariosExist = await fs.stat(scenariosDir).then((s) => s.isDirectory(), () => false);
  if (outsideWorkspace && scenariosExist && (await gitRoot(scenariosDir)) !== scenariosDir) next.push([`git init ${toPosix(path.relative(root, scenariosDir))}`, 'holdout scenarios belong in a repository of their own']);
  const width = Math.max(...next.map(([c]) => c.length));
  return `\nNext:\n${next.map(([c, why]) => `  ${c.padEnd(width)}   # ${why}\n`).join('')}`;
}

export const registerInit: RegisterCommand = (program, io, done) => {
  program
    .command('init')
    .description('Set up a new workspace: config, one spec of each kind, context documents, a holdout scenario; in an existing one, only what is missing of .gitignore, templates/README.md and the CI workflow. Never overwrites a file.')
    .argument('[dir]', 'folder to set up (default: current directory; created if missing)')
    .option('--name <name>', 'product name (default: the folder name)')
    .option('--scenarios <dir>', 'holdout scenarios folder of a new workspace (default: ../<name>-scenarios, beside the workspace)')
    .addOption(new Option('--ci <provider>', 'also write a CI workflow that checks, builds --check and verifies').choices([...CI_PROVIDERS]))
    .option('--force', 'write the missing files even when some already exist (existing files are still left alone)')
    .option('-y, --yes', 'accept every default (init never prompts)')
    .action((dir: string | undefined, flags: InitFlags) => done(runInit(io, dir, flags)));
};
