/**
 * A monorepo's members: the root speccc.config.json's `members` (folders, or `"workspaces"` to take
 * them from package.json `workspaces` / pnpm-workspace.yaml) -> each member's name and folders,
 * workspace-relative. Read without zod, as raw-config.ts is, so the fast path can list a monorepo's
 * inputs; the full config load validates the same field with the schema and reports what is
 * wrong here as located diagnostics (the problems carry the config key they are about).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE } from '../config/file-name.js';
import { yaml } from '../yaml.js';
import { DEFAULT_PATHS } from '../schemas/default-paths.js';
import type { Member, MemberProblem } from '../types/index.js';

export type { Member, MemberProblem, MemberProblemKind } from '../types/index.js';

export interface Members {
  members: Member[];
  problems: MemberProblem[];
}

interface Listed {
  dir: string;
  name?: string;
  at: string;
  /** Discovered from a package manager's list: a folder without specs is a package, not a member. */
  discovered: boolean;
}

/** A spec id's form (schemas/frontmatter.ts), restated so the fast path does not load zod. */
const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const toPosix = (p: string) => p.split(path.sep).join('/');

/** The members a root config's `members` value lists (anything malformed is left to the schema's diagnostics). */
export async function resolveMembers(root: string, value: unknown): Promise<Members> {
  if (value === undefined) return { members: [], problems: [] };
  const listed = value === 'workspaces' ? await discover(root) : Array.isArray(value) ? explicit(value) : [];
  const members: Member[] = [];
  const problems: MemberProblem[] = [];
  const byDir = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const entry of listed) {
    const dir = path.posix.normalize(toPosix(entry.dir)).replace(/\/$/, '');
    const read = await readMember(root, dir, entry.name);
    if (!read) {
      if (!entry.discovered) problems.push({ kind: 'member-missing', at: entry.at, message: `Member \`${entry.dir}\` is not a folder of the workspace; expected a folder with specs (and optionally its own ${CONFIG_FILE})` });
      continue;
    }
    if (entry.discovered && !read.hasSpecs) continue;
    const member = read.member;
    const sameDir = byDir.get(dir);
    const sameName = byName.get(member.name);
    if (sameDir !== undefined || sameName !== undefined) {
      const what = sameDir !== undefined ? `folder \`${dir}\`` : `name \`${member.name}\``;
      problems.push({ kind: 'member-duplicate', at: entry.at, message: `Member ${what} is listed twice (first as \`${sameDir ?? sameName}\`); expected each member once, with a name of its own` });
      continue;
    }
    if (!KEBAB_CASE.test(member.name)) {
      problems.push({ kind: 'member-missing', at: entry.at, message: `Member \`${entry.dir}\` has the name \`${member.name}\`; expected a kebab-case name (set \`name\`)` });
      continue;
    }
    byDir.set(dir, dir);
    byName.set(member.name, dir);
    members.push(member);
  }
  return { members, problems };
}

function explicit(value: unknown[]): Listed[] {
  return value.flatMap((v, i): Listed[] => {
    const at = `value:members.${i}`;
    if (typeof v === 'string' && v !== '') return [{ dir: v, at, discovered: false }];
    if (v && typeof v === 'object' && typeof (v as { path?: unknown }).path === 'string') {
      const { path: dir, name } = v as { path: string; name?: unknown };
      return [{ dir, at, discovered: false, ...(typeof name === 'string' ? { name } : {}) }];
    }
    return [];
  });
}

/** package.json `workspaces` (an array, or yarn's `{ packages }`) and pnpm-workspace.yaml `packages`, globs expanded. */
async function discover(root: string): Promise<Listed[]> {
  const patterns: string[] = [];
  const pkg = await fs.readFile(path.join(root, 'package.json'), 'utf8').then((t) => JSON.parse(t) as { workspaces?: unknown }, () => ({}) as { workspaces?: unknown });
  const ws = pkg.workspaces;
  const list = Array.isArray(ws) ? ws : ws && typeof ws === 'object' && Array.isArray((ws as { packages?: unknown }).packages) ? (ws as { packages: unknown[] }).packages : [];
  patterns.push(...list.filter((p): p is string => typeof p === 'string'));
  const pnpm = await fs.readFile(path.join(root, 'pnpm-workspace.yaml'), 'utf8').catch(() => null);
  if (pnpm !== null) {
    const parsed = yaml().parse(pnpm) as { packages?: unknown } | null;
    if (Array.isArray(parsed?.packages)) patterns.push(...parsed.packages.filter((p): p is string => typeof p === 'string'));
  }
  const dirs = new Set<string>();
  for (const pattern of patterns.filter((p) => !p.startsWith('!'))) for (const dir of await expand(root, pattern)) dirs.add(dir);
  return [...dirs].sort().map((dir) => ({ dir, at: 'value:members', discovered: true }));
}

/** `packages/*` and `packages/**` (every folder below), or a plain folder: the forms workspaces lists use. */
async function expand(root: string, pattern: string): Promise<string[]> {
  const clean = pattern.replace(/^\.\//, '').replace(/\/$/, '');
  const star = clean.indexOf('*');
  if (star < 0) return [clean];
  const base = clean.slice(0, star).replace(/\/$/, '');
  const deep = clean.slice(star).startsWith('**');
  const out: string[] = [];
  const walk = async (rel: string, depth: number) => {
    const entries = await fs.readdir(path.join(root, rel), { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (!e.isDirectory() || e.name.startsWith('.') || e.name === 'node_modules') continue;
      const child = rel ? `${rel}/${e.name}` : e.name;
      out.push(child);
      if (deep && depth < 4) await walk(child, depth + 1);
    }
  };
  await walk(base, 0);
  return out.sort();
}

/** A member's folders from its own config's `paths` (defaults as a workspace's), and its name: the given one, else its package's unscoped name, else its folder's. */
async function readMember(root: string, dir: string, given: string | undefined): Promise<{ member: Member; hasSpecs: boolean } | null> {
  const abs = path.join(root, dir);
  const isDir = await fs.stat(abs).then((s) => s.isDirectory(), () => false);
  if (!isDir || dir === '.' || dir.startsWith('..')) return null;
  const configText = await fs.readFile(path.join(abs, CONFIG_FILE), 'utf8').catch(() => '');
  let paths: Record<string, unknown> = {};
  try {
    const parsed = configText ? (JSON.parse(configText) as { paths?: Record<string, unknown> }) : {};
    paths = parsed.paths && typeof parsed.paths === 'object' ? parsed.paths : {};
  } catch {
    // an unreadable member config: its folders default, and the digest (its text) still changes with it
  }
  const folder = (key: 'specs' | 'context' | 'scenarios') => path.posix.join(dir, typeof paths[key] === 'string' && paths[key] !== '' ? (paths[key] as string) : DEFAULT_PATHS[key]);
  const pkgName = await fs.readFile(path.join(abs, 'package.json'), 'utf8').then((t) => (JSON.parse(t) as { name?: unknown }).name, () => undefined);
  const name = given ?? (typeof pkgName === 'string' ? pkgName.replace(/^@[^/]+\//, '') : path.posix.basename(dir));
  const specs = folder('specs');
  const hasSpecs = configText !== '' || (await fs.stat(path.join(root, specs)).then((s) => s.isDirectory(), () => false));
  return { member: { name, dir, specs, context: folder('context'), scenarios: folder('scenarios'), configText }, hasSpecs };
}

/** The member a workspace-relative file belongs to (its specs, context or scenarios folder, or anywhere under its folder). */
export function memberOf(members: readonly Member[], file: string): Member | undefined {
  return members.find((m) => file === m.dir || file.startsWith(`${m.dir}/`));
}

/**
 * The monorepo a folder is a member of: the nearest folder above it whose speccc.config.json lists
 * it among its members (`check` run inside a member checks it at the monorepo's root). Null when
 * the folder is a workspace of its own (its config lists members) or no monorepo holds it.
 */
export async function enclosingMonorepo(dir: string): Promise<{ root: string; member: Member } | null> {
  const own = await fs.readFile(path.join(dir, CONFIG_FILE), 'utf8').catch(() => '');
  if (/"members"\s*:/.test(own)) return null;
  let up = path.dirname(dir);
  for (let depth = 0; depth < 8 && up !== path.dirname(up); depth++, up = path.dirname(up)) {
    const text = await fs.readFile(path.join(up, CONFIG_FILE), 'utf8').catch(() => '');
    let members: unknown;
    try {
      members = text ? (JSON.parse(text) as { members?: unknown }).members : undefined;
    } catch {
      continue;
    }
    if (members === undefined) continue;
    const rel = toPosix(path.relative(up, dir));
    const found = (await resolveMembers(up, members)).members.find((m) => m.dir === rel);
    return found ? { root: up, member: found } : null;
  }
  return null;
}
