/**
 * What `speccc init` writes, from the templates under assets/init/ (shipped in the package):
 * `workspace/` goes into the workspace, `scenarios/` into the holdout scenarios folder,
 * `ci/<provider>.yml` into the CI configuration. Each planned file says whether it is starter
 * *content* (specs, context documents, the scenario, the config: the user's from the moment they
 * exist) or *infrastructure* (the .gitignore block, templates/README.md, the CI workflow), because
 * an existing workspace only ever gets missing infrastructure.
 */
import path from 'node:path';
import { constants, promises as fs } from 'node:fs';
import { appendInside, folderInside } from '../io/safe-write.js';
import { assetPath } from '../io/package-files.js';

/** speccc's init templates ship in assets/init/ beside dist/ and src/. */
/** speccc's init templates ship in assets/init/ beside dist/ and src/. */
export const initAssetsDir = (): string => assetPath('init');

export const CI_PROVIDERS = ['github'] as const;
export type CiProvider = (typeof CI_PROVIDERS)[number];

/** The first line of speccc's .gitignore block: its presence means the block is there. */
const GITIGNORE_MARK = '# speccc: .speccc/ holds';

export interface Planned {
  /** Absolute path. */
  target: string;
  content: string;
  /** `.gitignore` is appended to when it exists; every other file is only ever created. */
  mode: 'create' | 'append-block';
  /**
   * `content`: a starter the user makes their own (specs, context, the scenario, the config);
   * written only into a new workspace. `infrastructure`: written wherever it is missing.
   */
  role: 'content' | 'infrastructure';
}

export type Action = 'create' | 'append' | 'unchanged' | 'conflict';

/** Where init writes: the workspace, its templates folder and its holdout scenarios folder (absolute). */
export interface InitLayout {
  root: string;
  templatesDir: string;
  scenariosDir: string;
}

export const toPosix = (p: string) => p.split(path.sep).join('/');

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
export async function readIfExists(file: string): Promise<string | null | undefined> {
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
  const { DEFAULT_MODEL, ROUTING } = await import('../prices/prices.js');
  // Constraint specs own no files and are never built, so only the kinds that are get a route.
  const byKind = Object.fromEntries((['architecture', 'feature'] as const).filter((kind) => ROUTING[kind] !== DEFAULT_MODEL).map((kind) => [kind, ROUTING[kind]]));
  const config = {
    $schema: './node_modules/speccc/schemas/config.schema.json',
    paths: { scenarios: scenariosPath },
    model: { default: DEFAULT_MODEL, byKind },
  };
  return JSON.stringify(config, null, 2) + '\n';
}

/** The workspace template's files: `templates/…` goes to the templates folder, `gitignore` becomes the .gitignore block. */
async function workspaceFiles(layout: InitLayout, vars: Record<string, string>): Promise<Planned[]> {
  const out: Planned[] = [];
  const workspace = path.join(initAssetsDir(), 'workspace');
  for (const rel of await filesUnder(workspace)) {
    const content = renderTemplate(await fs.readFile(path.join(workspace, rel), 'utf8'), vars);
    const [top, ...rest] = rel.split(path.sep);
    // npm leaves .gitignore files out of packages, so the template is named `gitignore`.
    if (rel === 'gitignore') out.push({ target: path.join(layout.root, '.gitignore'), content, mode: 'append-block', role: 'infrastructure' });
    else if (top === 'templates') out.push({ target: path.join(layout.templatesDir, ...rest), content, mode: 'create', role: 'infrastructure' });
    else out.push({ target: path.join(layout.root, rel), content, mode: 'create', role: 'content' });
  }
  return out;
}

/** Every file init would write for this layout, in the order it writes them: the config, .gitignore, the rest by path. */
export async function planInit(layout: InitLayout, name: string, ci: CiProvider | undefined): Promise<Planned[]> {
  const { root, scenariosDir } = layout;
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
  const out = await workspaceFiles(layout, vars);
  const config = path.join(root, 'speccc.config.json');
  out.push({ target: config, content: await initConfig(scenariosPath), mode: 'create', role: 'content' });
  const rank = (f: Planned) => (f.target === config ? 0 : f.mode === 'append-block' ? 1 : 2);
  out.sort((a, b) => rank(a) - rank(b));
  const scenarios = path.join(initAssetsDir(), 'scenarios');
  for (const rel of await filesUnder(scenarios)) {
    out.push({ target: path.join(scenariosDir, rel), content: renderTemplate(await fs.readFile(path.join(scenarios, rel), 'utf8'), vars), mode: 'create', role: 'content' });
  }
  if (ci === 'github') {
    // In CI the scenarios are checked out beside the product, under their folder's name.
    const ciVars = { ...vars, scenarios_path: separate ? `../${vars.scenarios_dir}` : scenariosPath };
    const text = await fs.readFile(path.join(initAssetsDir(), 'ci', 'github.yml'), 'utf8');
    out.push({ target: path.join(root, '.github', 'workflows', 'speccc.yml'), content: renderTemplate(text, ciVars, { separate }), mode: 'create', role: 'infrastructure' });
  }
  return out;
}

export async function classify(file: Planned): Promise<Action> {
  const existing = await readIfExists(file.target);
  if (existing === undefined) return 'create';
  if (existing === null) return 'conflict';
  if (file.mode === 'append-block') return existing.includes(GITIGNORE_MARK) ? 'unchanged' : 'append';
  return existing === file.content ? 'unchanged' : 'conflict';
}

/**
 * Creates a file that must not exist yet, inside `base` (the workspace, or the scenarios folder):
 * no folder on the way may be a link out of it, and a link in the file's place counts as taken.
 * False if it appeared meanwhile (it is then left alone).
 */
export async function createFile(base: string, file: string, content: string): Promise<boolean> {
  await fs.mkdir(base, { recursive: true }); // the folder init was pointed at
  await folderInside(base, path.relative(base, path.dirname(file)));
  try {
    await fs.writeFile(file, content, { flag: constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Appends speccc's block to .gitignore (created if missing), a blank line apart from what is there; never through a link. */
export async function appendBlock(base: string, file: string, content: string): Promise<void> {
  const existing = (await readIfExists(file)) ?? '';
  const gap = existing === '' ? '' : existing.endsWith('\n') ? '\n' : '\n\n';
  await fs.mkdir(base, { recursive: true });
  await appendInside(base, path.relative(base, file), `${gap}${content}`);
}
