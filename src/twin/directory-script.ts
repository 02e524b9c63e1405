// A script read from a folder: <dir>/<spec-id>/<output path...>. Any job whose prompt
// carries the line `speccc-spec-id: <id>` is answered by writing that folder's files; a
// scenario-check job (`speccc-scenario: <spec-id>/<name>`) by writing
// <dir>/@scenarios/<spec-id>/<name>.test.ts to the path its prompt names. Files are read
// when a request comes, so editing a reply changes the next answer without a restart.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { textReply, writeFilesTurn } from './replies.js';
import type { RequestContext, Rule } from './types.js';

/** Folders that are not a spec's replies: `@scenarios` and anything hidden. */
const RESERVED = /^[@.]/;

function filesUnder(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const paths = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const path of paths) files[relative(root, path).split(sep).join('/')] = readFileSync(path, 'utf8');
  return files;
}

/** `<id>`, `<id>@2`, `<id>@3`… folders of one spec, in attempt order, as they are now. */
function attemptFolders(dir: string, id: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => ({ folder: e.name, m: /^(.+?)(?:@(\d+))?$/.exec(e.name)! }))
    .filter(({ m }) => m[1] === id)
    .sort((a, b) => Number(a.m[2] ?? 1) - Number(b.m[2] ?? 1))
    .map(({ folder }) => join(dir, folder));
}

/**
 * One spec's job: each write occasion (a request without tool results, e.g. the first
 * request or a fix request after failing tests) writes the next attempt's files, the last
 * attempt repeating; once tool results come back, the turn ends.
 */
function specRule(dir: string, id: string): Rule {
  let writes = 0;
  return {
    name: `dir:${id}`,
    match: { specId: id },
    reply: (ctx) => {
      const folders = attemptFolders(dir, id);
      if (!ctx.awaitsWork)
        return textReply(folders.length === 1 ? `Done: wrote ${Object.keys(filesUnder(folders[0]!)).length} file(s).` : 'Done.');
      const folder = folders[Math.min(writes, folders.length - 1)];
      if (!folder) return textReply(`twin: the replies folder for ${id} is gone.`);
      writes += 1;
      return writeFilesTurn(filesUnder(folder));
    },
  };
}

const SCENARIO_LINE = /^speccc-scenario:[ \t]*([^/\s]+)\/(\S+)[ \t]*$/m;
const WRITE_PATH = /Write the file `([^`]+)`/;

/** The scenario a check-writing job is for, and where its prompt says to write the check. */
function scenarioJob(dir: string, ctx: RequestContext): { source: string; path: string } | undefined {
  const m = SCENARIO_LINE.exec(ctx.allText);
  if (!m) return undefined;
  const [, specId, name] = m as unknown as [string, string, string];
  const source = join(dir, '@scenarios', specId, `${name}.test.ts`);
  if (!existsSync(source)) return undefined;
  return { source, path: WRITE_PATH.exec(ctx.allText)?.[1] ?? `${specId}/${name}.test.ts` };
}

function scenarioRule(dir: string): Rule {
  return {
    name: 'dir:@scenarios',
    match: { where: (ctx) => scenarioJob(dir, ctx) !== undefined },
    reply: (ctx) => {
      const job = scenarioJob(dir, ctx)!;
      return !ctx.awaitsWork ? textReply(`Done: wrote ${job.path}.`) : writeFilesTurn({ [job.path]: readFileSync(job.source, 'utf8') });
    },
  };
}

/**
 * `<dir>/<id>/` holds the files of the first attempt; `<dir>/<id>@2/`, `<dir>/<id>@3/`…
 * (optional) hold what later attempts write, e.g. a fix after failing tests;
 * `<dir>/@scenarios/<id>/<name>.test.ts` answers the job writing that scenario's check.
 * Which specs have folders is read once, here; their files on every request.
 */
export async function directoryScript(dir: string): Promise<Rule[]> {
  const folders = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory() && !RESERVED.test(e.name));
  const ids = [...new Set(folders.map((e) => /^(.+?)(?:@\d+)?$/.exec(e.name)![1]!))].sort();
  return [scenarioRule(dir), ...ids.map((id) => specRule(dir, id))];
}
