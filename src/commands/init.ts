/**
 * `speccc init [dir]`: a new workspace that `speccc check --strict` reports clean. The files are
 * templates under assets/init/ (shipped in the package): `workspace/` goes into the workspace,
 * `scenarios/` into the holdout scenarios folder, `ci/<provider>.yml` into the CI configuration.
 * Never overwrites a file and never prompts: existing files are listed and left alone.
 */
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { Option } from 'commander';
import { EXIT, UsageError, type CliIo, type RegisterCommand } from './shared.js';
import { assetPath } from '../io/package-files.js';

/** speccc's init templates ship in assets/init/ beside dist/ and src/. */
export const initAssetsDir = (): string => assetPath('init');

export const CI_PROVIDERS = ['github'] as const;
type CiProvider = (typeof CI_PROVIDERS)[number];

export interface InitFlags {
  name?: string;
  scenarios?: string;
  ci?: CiProvider;
  force?: boolean;
  yes?: boolean;
}

/** The first line of speccc's .gitignore block: its presence means the block is there. */
const GITIGNORE_MARK = '# speccc: .speccc/ holds';

interface Planned {
  /** Absolute path. */
  target: string;
  content: string;
  /** `.gitignore` is appended to when it exists; every other file is only ever created. */
  mode: 'create' | 'append-block';
}

type Action = 'create' | 'append' | 'unchanged' | 'conflict';

const toPosix = (p: string) => p.split(path.sep).join('/');

/** A folder name -> an npm package name: lowercase letters, digits, `-`, `.`, `_`. */
export function productName(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|[._-]+$/g, '');
  return name || 'product';
}

const NAME = /^[a-z0-9][a-z0-9._-]*$/;

/** `%%key%%` -> its value; `%%#flag%%` … `%%/flag%%` kept only when the flag is set. */
export function renderTemplate(text: string, vars: Record<string, string>, flags: Record<string, boolean> = {}): string {
  const blocks = text.replace(/^%%#([a-z_]+)%%\n([\s\S]*?)^%%\/\1%%\n/gm, (_, flag: string, body: string) => {
    if (!(flag in flags)) throw new Error(`init template: unknown block %%#${flag}%%`);
    return flags[flag] ? body : '';
  });
  return blocks.replace(/%%([a-z_]+)%%/g, (_, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new Error(`init template: unknown variable %%${key}%%`);
    return value;
  });
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** A file's text; undefined when nothing is there; null when something that is not a file is. */
async function readIfExists(file: string): Promise<string | null | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EISDIR') return null;
    throw error;
  }
}

/** speccc.config.json: the schema for editors, where the scenarios are, and the current model lineup. */
async function initConfig(scenariosPath: string): Promise<string> {
  // Loaded on use: every command's start-up pays for what index.ts imports.
  const { DEFAULT_MODEL, ROUTING } = await import('../models/prices.js');
  // Constraint specs own no files and are never built, so only the kinds that are get a route.
  const byKind = Object.fromEntries((['architecture', 'feature'] as const).filter((kind) => ROUTING[kind] !== DEFAULT_MODEL).map((kind) => [kind, ROUTING[kind]]));
  const config = {
    $schema: './node_modules/speccc/schemas/config.schema.json',
    paths: { scenarios: scenariosPath },
    model: { default: DEFAULT_MODEL, byKind },
  };
  return JSON.stringify(config, null, 2) + '\n';
}

/** The nearest folder at or above `dir` that holds `.git`, if any. */
async function gitRoot(dir: string): Promise<string | undefined> {
  for (let at = dir; ; at = path.dirname(at)) {
    if (await fs.stat(path.join(at, '.git')).then(() => true, () => false)) return at;
    if (path.dirname(at) === at) return undefined;
  }
}

async function plan(root: string, scenariosDir: string, name: string, ci: CiProvider | undefined): Promise<Planned[]> {
  const scenariosPath = toPosix(path.relative(root, scenariosDir));
  const separate = scenariosPath.startsWith('../') || path.isAbsolute(scenariosPath);
  const vars: Record<string, string> = {
    name,
    date: new Date().toISOString().slice(0, 10),
    scenarios_path: scenariosPath,
    product_dir: name,
    scenarios_repo: path.basename(scenariosDir),
    scenarios_dir: path.basename(scenariosDir),
  };
  const out: Planned[] = [];
  const workspace = path.join(initAssetsDir(), 'workspace');
  for (const rel of await filesUnder(workspace)) {
    const content = renderTemplate(await fs.readFile(path.join(workspace, rel), 'utf8'), vars);
    // npm leaves .gitignore files out of packages, so the template is named `gitignore`.
    if (rel === 'gitignore') out.push({ target: path.join(root, '.gitignore'), content, mode: 'append-block' });
    else out.push({ target: path.join(root, rel), content, mode: 'create' });
  }
  out.push({ target: path.join(root, 'speccc.config.json'), content: await initConfig(scenariosPath), mode: 'create' });
  // The config first, then .gitignore, then the rest in path order.
  const rank = (f: Planned) => (f.target === path.join(root, 'speccc.config.json') ? 0 : f.mode === 'append-block' ? 1 : 2);
  out.sort((a, b) => rank(a) - rank(b));
  const scenarios = path.join(initAssetsDir(), 'scenarios');
  for (const rel of await filesUnder(scenarios)) {
    out.push({ target: path.join(scenariosDir, rel), content: renderTemplate(await fs.readFile(path.join(scenarios, rel), 'utf8'), vars), mode: 'create' });
  }
  if (ci === 'github') {
    // In CI the scenarios are checked out beside the product, under their folder's name.
    const ciVars = { ...vars, scenarios_path: separate ? `../${vars.scenarios_dir}` : scenariosPath };
    const text = await fs.readFile(path.join(initAssetsDir(), 'ci', 'github.yml'), 'utf8');
    out.push({ target: path.join(root, '.github', 'workflows', 'speccc.yml'), content: renderTemplate(text, ciVars, { separate }), mode: 'create' });
  }
  return out;
}

async function classify(file: Planned): Promise<Action> {
  const existing = await readIfExists(file.target);
  if (existing === undefined) return 'create';
  if (existing === null) return 'conflict';
  if (file.mode === 'append-block') return existing.includes(GITIGNORE_MARK) ? 'unchanged' : 'append';
  return existing === file.content ? 'unchanged' : 'conflict';
}

/** Creates a file that must not exist yet; false if it appeared meanwhile (it is then left alone). */
async function create(file: string, content: string): Promise<boolean> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  try {
    await fs.writeFile(file, content, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
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
    throw error;
  }
}

async function init(io: CliIo, dir: string | undefined, flags: InitFlags): Promise<number> {
  const root = path.resolve(io.cwd, dir ?? '.');
  const st = await fs.stat(root).catch(() => null);
  if (st && !st.isDirectory()) throw new UsageError(`${root} exists and is not a folder`);
  const name = flags.name ?? productName(path.basename(root));
  if (!NAME.test(name)) throw new UsageError(`--name must be lowercase letters, digits, '.', '_' or '-', starting with a letter or digit, not ${JSON.stringify(name)}`);
  const scenariosDir = flags.scenarios !== undefined ? path.resolve(io.cwd, flags.scenarios) : path.join(path.dirname(root), `${name}-scenarios`);
  const fromScenarios = path.relative(scenariosDir, root);
  if (fromScenarios === '' || !fromScenarios.startsWith('..')) throw new UsageError(`--scenarios ${flags.scenarios ?? scenariosDir} would hold the workspace itself; choose a folder beside it, such as ../${name}-scenarios`);

  const files = await plan(root, scenariosDir, name, flags.ci);
  const actions = await Promise.all(files.map(classify));
  const shown = (p: string) => toPosix(path.relative(io.cwd, p)) || '.';
  const conflicts = files.filter((_, i) => actions[i] === 'conflict');
  if (conflicts.length > 0 && !flags.force) {
    io.stderr(`speccc: ${conflicts.length === 1 ? 'this file already exists' : 'these files already exist'} and ${conflicts.length === 1 ? 'was' : 'were'} left alone:\n`);
    for (const f of conflicts) io.stderr(`  ${shown(f.target)}\n`);
    const rest = actions.filter((a) => a === 'create' || a === 'append').length;
    const keep = conflicts.length === 1 ? 'this one as it is' : 'these as they are';
    io.stderr(
      rest === 0
        ? `speccc: nothing else is missing, so nothing was written (init never overwrites a file)\n`
        : `speccc: nothing was written. Rerun with --force to write the ${rest} missing file${rest === 1 ? '' : 's'} and keep ${keep} (init never overwrites a file)\n`,
    );
    return EXIT.failed;
  }

  for (const [i, file] of files.entries()) {
    const action = actions[i]!;
    if (action === 'create') io.stdout((await create(file.target, file.content)) ? `created ${shown(file.target)}\n` : `kept    ${shown(file.target)} (it appeared meanwhile; left as it is)\n`);
    else if (action === 'append') {
      const existing = (await readIfExists(file.target)) ?? '';
      const gap = existing === '' ? '' : existing.endsWith('\n') ? '\n' : '\n\n';
      await fs.appendFile(file.target, `${gap}${file.content}`);
      io.stdout(`added   speccc's block to ${shown(file.target)}\n`);
    } else if (action === 'conflict') io.stdout(`kept    ${shown(file.target)} (it exists; left as it is)\n`);
  }

  const unchanged = actions.filter((a) => a === 'unchanged').length;
  if (unchanged === files.length) io.stdout('nothing to do: every file is already as init writes it\n');
  else if (unchanged > 0) io.stdout(`${unchanged} file${unchanged === 1 ? ' is' : 's are'} already as init writes ${unchanged === 1 ? 'it' : 'them'}\n`);
  const scenariosShown = shown(scenariosDir);
  io.stdout(`✔ speccc workspace for ${name} in ${shown(root)}; its holdout scenarios in ${scenariosShown}\n`);
  if (flags.ci === 'github') {
    const git = await gitRoot(root);
    if (git && git !== root) io.stdout(`⚠ ${shown(root)} is not the root of its git repository (${shown(git)}): GitHub reads workflows only from .github/workflows/ at the repository root; move speccc.yml there and adjust its paths\n`);
  }
  const installed = await fs.stat(path.join(root, 'node_modules', 'speccc', 'package.json')).then(() => true, () => false);
  const next: [string, string][] = [];
  if (shown(root) !== '.') next.push([`cd ${shown(root)}`, 'the workspace']);
  if (!installed) next.push(['npm i -D speccc', "speccc in the project: npx runs it, the config's $schema points into it"]);
  next.push(['npx speccc check', 'the starter specs check clean'], ['npx speccc build --dry-run', 'what a build would do, and what it would cost']);
  const outsideWorkspace = path.relative(root, scenariosDir).startsWith('..');
  if (outsideWorkspace && (await gitRoot(scenariosDir)) !== scenariosDir) next.push([`git init ${toPosix(path.relative(root, scenariosDir))}`, 'holdout scenarios belong in a repository of their own']);
  const width = Math.max(...next.map(([c]) => c.length));
  io.stdout(`\nNext:\n${next.map(([c, why]) => `  ${c.padEnd(width)}   # ${why}\n`).join('')}`);
  return EXIT.ok;
}

export const registerInit: RegisterCommand = (program, io, done) => {
  program
    .command('init')
    .description('Set up a new workspace: config, one spec of each kind, context documents, a holdout scenario; never overwrites a file.')
    .argument('[dir]', 'folder to set up (default: current directory; created if missing)')
    .option('--name <name>', 'product name (default: the folder name)')
    .option('--scenarios <dir>', 'holdout scenarios folder (default: ../<name>-scenarios, beside the workspace)')
    .addOption(new Option('--ci <provider>', 'also write a CI workflow that checks, builds --check and verifies').choices([...CI_PROVIDERS]))
    .option('--force', 'write the missing files even when some already exist (existing files are still left alone)')
    .option('-y, --yes', 'accept every default (init never prompts)')
    .action((dir: string | undefined, flags: InitFlags) => done(runInit(io, dir, flags)));
};
