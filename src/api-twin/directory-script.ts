// A script read from a folder: <dir>/<spec-id>/<output path...>. Any job whose prompt
// carries the line `speccc-spec-id: <id>` is answered by writing that folder's files; a
// scenario-check job (`speccc-scenario: <spec-id>/<name>`) by writing
// <dir>/@scenarios/<spec-id>/<name>.test.ts to the path its prompt names; a proposal
// (`speccc-proposal: <spec-id>/<name>`) by writing <dir>/@proposals/<spec-id>/<name>.md and
// .test.ts (a `<name>.none` file instead: it writes nothing, the mutant is judged equivalent); a triage
// conversation (`speccc-triage: <request-id>`) by calling record_decision with the input in
// <dir>/@triage/<request-id>.json. Files are read when a request comes, so editing a reply
// changes the next answer without a restart.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { textReply, toolUseReply, writeFilesTurn } from './replies.js';
import type { Fault, ReplyFn, RequestContext, Rule } from './types.js';

/** Folders that are not a spec's replies: `@scenarios`, `@triage` and anything hidden. */
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

/**
 * `<id>`, `<id>@2`, `<id>@3`… folders of one spec, in attempt order, as they are now. A monorepo
 * member's spec (`billing:invoice`) has them in its member's folder (`billing/invoice/`): a `:`
 * would be no folder name on every system.
 */
function attemptFolders(dir: string, id: string): string[] {
  const qualified = /^([^:]+):(.+)$/.exec(id);
  if (qualified) return existsSync(join(dir, qualified[1]!)) ? attemptFolders(join(dir, qualified[1]!), qualified[2]!) : [];
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
function attemptsReply(dir: string, id: string): ReplyFn {
  let writes = 0;
  return (ctx) => {
    const folders = attemptFolders(dir, id);
    if (!ctx.awaitsWork) return textReply(folders.length === 1 ? `Done: wrote ${Object.keys(filesUnder(folders[0]!)).length} file(s).` : 'Done.');
    const folder = folders[Math.min(writes, folders.length - 1)];
    if (!folder) return textReply(`twin: the replies folder for ${id} is gone.`);
    writes += 1;
    return writeFilesTurn(filesUnder(folder));
  };
}

function specRule(dir: string, id: string): Rule {
  return { name: `dir:${id}`, match: { specId: id }, reply: attemptsReply(dir, id) };
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

const PROPOSAL_LINE = /^speccc-proposal:[ \t]*([^/\s]+)\/(\S+)[ \t]*$/m;

/** The draft a proposal job is for: its reply files, if the folder has them. */
function proposalJob(dir: string, ctx: RequestContext): { spec: string; name: string; base: string } | undefined {
  const m = PROPOSAL_LINE.exec(ctx.allText);
  if (!m) return undefined;
  const base = join(dir, '@proposals', m[1]!, m[2]!);
  return existsSync(`${base}.md`) || existsSync(`${base}.none`) ? { spec: m[1]!, name: m[2]!, base } : undefined;
}

function proposalRule(dir: string): Rule {
  return {
    name: 'dir:@proposals',
    match: { where: (ctx) => proposalJob(dir, ctx) !== undefined },
    reply: (ctx) => {
      const job = proposalJob(dir, ctx)!;
      if (!existsSync(`${job.base}.md`)) return textReply('The spec allows what this mutant does: no scenario can tell it apart.');
      const files: Record<string, string> = { [`${job.spec}/${job.name}.md`]: readFileSync(`${job.base}.md`, 'utf8') };
      if (existsSync(`${job.base}.test.ts`)) files[`${job.spec}/${job.name}.test.ts`] = readFileSync(`${job.base}.test.ts`, 'utf8');
      return !ctx.awaitsWork ? textReply(`Done: wrote ${Object.keys(files).join(' and ')}.`) : writeFilesTurn(files);
    },
  };
}

const TRIAGE_LINE = /^speccc-triage:[ \t]*(\S+)[ \t]*$/m;

/** The request a triage conversation is about, and its reply file (which may not exist). */
function triageJob(dir: string, ctx: RequestContext): { id: string; source: string } | undefined {
  const id = TRIAGE_LINE.exec(ctx.allText)?.[1];
  return id === undefined ? undefined : { id, source: join(dir, '@triage', `${id}.json`) };
}

/**
 * A triage conversation: record_decision with the file's input. A file holding a list gives
 * successive calls: the first call, then (after speccc answers it with an error) the second, and
 * so on, the last repeating. Broken JSON is a twin error that names the file.
 */
function triageRule(dir: string): Rule {
  return {
    name: 'dir:@triage',
    match: { where: (ctx) => existsSync(triageJob(dir, ctx)?.source ?? '') },
    reply: (ctx) => {
      const job = triageJob(dir, ctx)!;
      let value: unknown;
      try {
        value = JSON.parse(readFileSync(job.source, 'utf8'));
      } catch (error) {
        return textReply(`twin: @triage/${job.id}.json is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
      }
      const calls = Array.isArray(value) ? value : [value];
      return toolUseReply('record_decision', calls[Math.min(ctx.turn, calls.length - 1)]);
    },
  };
}

/** The output paths a job prompt lists ("Write exactly these files …" in speccc's job template), if it does. */
function askedPaths(ctx: RequestContext): string[] {
  const list = /Write exactly these files[^\n]*\n((?:- `[^`]+`\n?)+)/.exec(ctx.allText)?.[1] ?? '';
  return [...list.matchAll(/^- `([^`]+)`/gm)].map((m) => m[1]!);
}

/** Files named in the message at most: speccc keeps only the first 300 characters of an API error's message. */
const FILES_SHOWN = 4;

/**
 * A speccc job the folder has no reply for: a 400 that says which job it is (the spec, the
 * attempt at its files, the turn of the conversation) and which files to add, relative to the
 * folder it names, so a rehearsal that fails on a missing reply says how to fix it. `asked`
 * counts each spec's write occasions.
 */
function missingReply(dir: string, ctx: RequestContext, asked: Map<string, number>): Fault {
  const scenario = SCENARIO_LINE.exec(ctx.allText);
  const triage = TRIAGE_LINE.exec(ctx.allText);
  const proposal = PROPOSAL_LINE.exec(ctx.allText);
  let message: string;
  if (proposal) {
    message = `twin: no reply for the proposal ${proposal[1]}/${proposal[2]} (turn ${ctx.turn + 1}) in ${dir}: add @proposals/${proposal[1]}/${proposal[2]}.md and .test.ts (or .none)`;
  } else if (triage) {
    message = `twin: no reply for the triage of request ${triage[1]} (turn ${ctx.turn + 1}) in ${dir}: add @triage/${triage[1]}.json (the record_decision input)`;
  } else if (scenario) {
    message = `twin: no reply for the check of scenario ${scenario[1]}/${scenario[2]} (turn ${ctx.turn + 1}) in ${dir}: add @scenarios/${scenario[1]}/${scenario[2]}.test.ts`;
  } else {
    const id = ctx.specId!;
    const attempt = Math.max((asked.get(id) ?? 0) + (ctx.awaitsWork ? 1 : 0), 1);
    asked.set(id, attempt);
    const folder = id.replace(':', '/');
    const paths = askedPaths(ctx).map((p) => `${folder}/${p}`);
    const files = paths.length === 0 ? `${folder}/<each output path of the spec>` : paths.length <= FILES_SHOWN ? paths.join(', ') : `${paths.slice(0, FILES_SHOWN).join(', ')} and ${paths.length - FILES_SHOWN} more of its outputs`;
    message = `twin: no reply for spec ${id}'s job (attempt ${attempt}, turn ${ctx.turn + 1}) in ${dir}: add ${files}`;
  }
  return { kind: 'status', status: 400, errorType: 'invalid_request_error', message };
}

/**
 * `<dir>/<id>/` holds the files of the first attempt; `<dir>/<id>@2/`, `<dir>/<id>@3/`…
 * (optional) hold what later attempts write, e.g. a fix after failing tests;
 * `<dir>/@scenarios/<id>/<name>.test.ts` answers the job writing that scenario's check.
 * Which specs have folders is read here, and again for a job none of them answers (so a folder
 * added while the twin runs is used from the next request); their files on every request. A
 * speccc job with no reply is answered with a 400 that names the file to add.
 */
export async function directoryScript(dir: string): Promise<Rule[]> {
  const folders = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory() && !RESERVED.test(e.name));
  const ids = [...new Set(folders.map((e) => /^(.+?)(?:@\d+)?$/.exec(e.name)![1]!))].sort();
  const added = new Map<string, ReplyFn>();
  const addedReply = (id: string) => added.get(id) ?? added.set(id, attemptsReply(dir, id)).get(id)!;
  const asked = new Map<string, number>();
  const isSpecJob = (ctx: RequestContext) => ctx.specId !== undefined && !RESERVED.test(ctx.specId);
  return [
    triageRule(dir),
    proposalRule(dir),
    scenarioRule(dir),
    ...ids.map((id) => specRule(dir, id)),
    {
      name: 'dir:added',
      match: { where: (ctx) => isSpecJob(ctx) && !ids.includes(ctx.specId!) && attemptFolders(dir, ctx.specId!).length > 0 },
      reply: (ctx) => addedReply(ctx.specId!)(ctx),
    },
    {
      name: 'dir:no-reply',
      match: { where: (ctx) => isSpecJob(ctx) || SCENARIO_LINE.test(ctx.allText) || TRIAGE_LINE.test(ctx.allText) || PROPOSAL_LINE.test(ctx.allText) },
      fault: (ctx) => missingReply(dir, ctx, asked),
    },
  ];
}
