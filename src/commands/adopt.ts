/**
 * `speccc adopt`: bring an existing TypeScript or JavaScript project under specs (docs/adopt.md).
 * `adopt [paths]` writes a draft spec per module (with a model, drafted from the code, its JSDoc
 * and its tests; `--no-model`, the deterministic skeleton only); `--check [ids]` runs the round
 * trip (code built from the spec alone, in a copy of the workspace, against the project's own
 * tests); `--take <id>` hands a faithful spec's files to speccc.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Option } from 'commander';
import type { Diagnostic } from '../types/index.js';
import { EXIT, inWorkspace, parseUsd, UsageError, type CliIo, type RegisterCommand } from './shared.js';

export interface AdoptFlags {
  root?: string;
  model: boolean;
  dryRun?: boolean;
  group: 'module' | 'dir';
  merge?: string[];
  rename?: string[];
  check?: boolean | string[];
  take?: string;
  refresh?: string;
  provider: 'anthropic' | 'replay';
  maxCost?: string;
}

export async function runAdopt(io: CliIo, paths: string[], flags: AdoptFlags): Promise<number> {
  return inWorkspace(io, flags.root, async (root) => {
    const modes = [flags.check !== undefined, flags.take !== undefined, flags.refresh !== undefined].filter(Boolean).length;
    if (modes > 1) throw new UsageError('--check, --take and --refresh each do one thing: give one of them');
    if (modes > 0 && paths.length > 0) throw new UsageError(`paths name what to adopt; --check, --take and --refresh take spec ids (${paths.map((p) => `\`${p}\``).join(', ')} given)`);
    const maxCost = parseUsd('--max-cost', flags.maxCost);
    if (flags.take !== undefined) return (await import('../adopt-hand-over.js')).runTake(io, root, flags.take);
    if (flags.refresh !== undefined) return (await import('../adopt-hand-over.js')).runRefresh(io, root, flags.refresh);
    if (flags.check !== undefined) {
      const ids = Array.isArray(flags.check) ? flags.check : [];
      return (await import('../adopt-round-trip.js')).runRoundTrip(io, root, { ids, provider: flags.provider, dryRun: Boolean(flags.dryRun), ...(maxCost !== undefined ? { maxCostUsd: maxCost } : {}) });
    }
    return adoptSkeleton(io, root, paths, flags, maxCost);
  });
}

/** `--rename src/a.ts=a-core` -> workspace-relative path -> id. */
function renames(io: CliIo, root: string, values: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of values) {
    const m = /^(.+)=([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(v);
    if (!m) throw new UsageError(`--rename takes <file>=<kebab-case-id>, not \`${v}\``);
    out.set(path.relative(root, path.resolve(io.cwd, m[1]!)).split(path.sep).join('/'), m[2]!);
  }
  return out;
}

async function adoptSkeleton(io: CliIo, root: string, paths: string[], flags: AdoptFlags, maxCost: number | undefined): Promise<number> {
  const { loadConfig } = await import('../io/config-file.js');
  const { listProjectFiles, listGeneratedRoot, readSources, readPackageName, readAdoptionRecord, scratchWorkspace, removeScratch, writeAdoption } = await import('../io/adopt-project.js');
  const { planAdoption, commonFolder, RECORD_FILE } = await import('../adopt/plan.js');
  const { isCode, TEST_FILE } = await import('../adopt/read-modules.js');
  const { check } = await import('../compile.js');
  const loaded = await loadConfig(root);
  if (loaded.diagnostics.length > 0) return printProblems(io, loaded.diagnostics, 'speccc.config.json has errors');
  const config = loaded.config;
  const configuredRoot = loaded.file ? config.paths.generated : null;
  const searched = paths.length > 0 ? paths : [(await fs.stat(path.join(io.cwd, 'src')).catch(() => null))?.isDirectory() ? 'src' : '.'];
  const own = [config.paths.specs, config.paths.context, config.paths.templates, config.paths.scenarios, '.speccc'];
  const listed = await listProjectFiles(root, io.cwd, searched, own);
  if (listed.missing.length > 0) throw new UsageError(`no such file or folder inside the workspace: ${listed.missing.map((p) => `\`${p}\``).join(', ')}`);
  const candidate = configuredRoot ?? commonFolder(listed.files.filter((f) => isCode(f) && !TEST_FILE.test(f)));
  const inRoot = candidate ? await listGeneratedRoot(root, candidate).catch(() => [] as string[]) : [];
  const sources = await readSources(root, [...new Set([...listed.files, ...inRoot])].sort());
  const checked = await check({ root, useCache: false });
  const existing = checked.workspace.files.flatMap((f) => (f.spec?.frontmatter ? [{ id: f.spec.frontmatter.id, file: f.file, outputs: f.spec.frontmatter.outputs }] : []));
  const recordFile = `${config.paths.specs}/${RECORD_FILE}`;
  const plan = planAdoption({
    sources,
    selected: new Set(listed.files),
    searched: searched.length === 1 ? searched[0]! : searched.join(', '),
    configuredRoot,
    specsDir: config.paths.specs,
    existing,
    existingSpecFiles: new Set(checked.workspace.files.map((f) => f.file)),
    record: await readAdoptionRecord(root, recordFile),
    ...(await readPackageName(root).then((name) => (name ? { packageName: name } : {}))),
    by: flags.group,
    merge: (flags.merge ?? []).map((m) => m.split(',').map((s) => s.trim()).filter(Boolean)),
    rename: renames(io, root, flags.rename ?? []),
  });
  if (plan.usage.length > 0) throw new UsageError(plan.usage.join('; '));
  if (plan.problems.length > 0) return printProblems(io, plan.problems, 'nothing was written');
  if (plan.groups.length === 0) {
    io.stdout(`nothing to adopt: specs own every file of ${searched.map((p) => `\`${p}\``).join(', ')} already\n`);
    return EXIT.ok;
  }
  const writes = new Map(plan.writes);
  if (!loaded.file) writes.set('speccc.config.json', `${JSON.stringify({ paths: { generated: plan.generatedRoot } }, null, 2)}\n`);
  // The skeleton must check without errors, in a copy of the workspace, before a byte is written.
  const scratch = await scratchWorkspace(root, [config.paths.specs, config.paths.context, config.paths.templates, plan.generatedRoot!], writes);
  const result = await check({ root: scratch, useCache: false }).finally(() => removeScratch(scratch));
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return printProblems(io, errors, 'the skeleton does not check clean; nothing was written (a bug in speccc adopt: please report it)');
  const warnings = countByCode(result.diagnostics.filter((d) => d.severity === 'warning'));
  if (flags.dryRun && !flags.model) {
    io.stdout(formatSkeleton(plan, writes, warnings, true));
    return EXIT.ok;
  }
  if (flags.model && !flags.dryRun && flags.provider === 'anthropic' && !io.env.ANTHROPIC_API_KEY) {
    throw new UsageError('drafting with a model needs ANTHROPIC_API_KEY (or a twin: docs/twin.md); `--no-model` writes the skeleton alone, `--dry-run` prices drafting; nothing was written');
  }
  if (!flags.dryRun) await writeAdoption(root, writes);
  io.stdout(formatSkeleton(plan, writes, warnings, Boolean(flags.dryRun)));
  if (!flags.model) return EXIT.ok;
  const { draftSpecs } = await import('../adopt-draft.js');
  const skeletons = new Map([...writes].filter(([file]) => file.endsWith('.md')));
  return draftSpecs(io, root, { skeletons, generatedRoot: plan.generatedRoot!, provider: flags.provider, dryRun: Boolean(flags.dryRun), ...(maxCost !== undefined ? { maxCostUsd: maxCost } : {}) });
}

function countByCode(diagnostics: readonly Diagnostic[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of diagnostics) out.set(d.code, (out.get(d.code) ?? 0) + 1);
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function formatSkeleton(plan: import('../adopt/plan.js').Planned, writes: ReadonlyMap<string, string>, warnings: ReadonlyMap<string, number>, dryRun: boolean): string {
  const lines = [`${dryRun ? 'would adopt' : '✔ adopted'} ${plan.groups.length} draft spec${plan.groups.length === 1 ? '' : 's'} (generated root: ${plan.generatedRoot})`];
  const specFiles = [...writes.keys()].filter((f) => f.endsWith('.md'));
  for (const g of plan.groups) {
    const file = specFiles.find((f) => f.endsWith(`/${g.id}.md`))!;
    const owned = [...g.modules, ...g.tests, ...g.others].length;
    lines.push(`  ${file}: ${owned} file${owned === 1 ? '' : 's'}${g.dependsOn.length > 0 ? `, depends on ${g.dependsOn.join(', ')}` : ''}${g.externalTests.length > 0 ? `, ${g.externalTests.length} test${g.externalTests.length === 1 ? '' : 's'} outside the generated root` : ''}`);
  }
  if (plan.alreadyOwned.size > 0) lines.push(`  left alone: ${plan.alreadyOwned.size} file${plan.alreadyOwned.size === 1 ? '' : 's'} existing specs own`);
  const extra = [...writes.keys()].filter((f) => !f.endsWith('.md'));
  if (extra.length > 0) lines.push(`  ${dryRun ? 'would write' : 'wrote'} ${extra.join(', ')}`);
  const total = [...warnings.values()].reduce((s, n) => s + n, 0);
  lines.push(`check: no errors, ${total} warning${total === 1 ? '' : 's'}${total > 0 ? ` (${[...warnings].map(([code, n]) => `${code} ${n}`).join(', ')})` : ''}`);
  if (!dryRun) lines.push('next: read each spec against its code, delete each <!-- drafted --> marker you confirm, set status: ready, then run `speccc adopt --check <id>`');
  return lines.join('\n') + '\n';
}

async function printProblems(io: CliIo, problems: readonly Diagnostic[], why: string): Promise<number> {
  const { formatDiagnostic } = await import('../diagnostics/reporters/text.js');
  for (const p of problems) io.stderr(`${formatDiagnostic(p, { color: io.color })}\n`);
  io.stderr(`speccc: ${why}\n`);
  return EXIT.usage;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export const registerAdopt: RegisterCommand = (program, io, done) => {
  program
    .command('adopt')
    .description('Bring existing TypeScript or JavaScript code under specs: draft a spec per module, check each against the code\'s own tests, then hand it to speccc.')
    .argument('[paths...]', 'files or folders to adopt (default: src/ if there is one, else the workspace)')
    .option('--root <dir>', 'workspace root (default: current directory)')
    .option('--no-model', 'write the deterministic skeleton only (signatures, JSDoc, links to tests); no agent, no key')
    .option('--dry-run', 'print what would be written and what drafting would cost; write nothing, call no agent')
    .addOption(new Option('--group <how>', 'one spec per module (with its tests) or per folder').choices(['module', 'dir']).default('module'))
    .option('--merge <ids>', 'put these adopted specs into one (comma-separated ids; repeatable)', collect)
    .option('--rename <file=id>', 'the spec id for a module (or, with --group dir, a folder); repeatable', collect)
    .option('--check [ids...]', 'the round trip: build each adopted spec alone, in a copy of the workspace, and run the existing tests against it as holdouts')
    .option('--take <id>', "hand a ready, faithful adopted spec's files to speccc: its existing tests become holdouts, the next build generates its files")
    .option('--refresh <id>', "record a hand-owned spec's files as they are now (after reviewing adopted-file-changed)")
    .option('--max-cost <usd>', 'stop before any request that could take this run past this many US dollars')
    .addOption(new Option('--provider <name>', 'who drafts and builds').choices(['anthropic', 'replay']).default('anthropic'))
    .action((paths: string[], flags: AdoptFlags) => done(runAdopt(io, paths, flags)));
};
