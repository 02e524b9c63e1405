/**
 * `speccc adopt --take <id>` and `--refresh <id>`: the end of adoption and its upkeep. Take hands
 * a hand-owned spec's files to speccc once the spec is ready and its last round trip (recorded on
 * this machine) found it faithful for exactly this text: the existing tests are written into the
 * scenarios folder as the spec's holdouts, `owner: hand` is removed, and the next build generates
 * and owns its files. Refresh records a hand-owned spec's files as they are now.
 */
import path from 'node:path';
import type { CliIo } from './commands/shared.js';
import { EXIT, UsageError, withGuess } from './commands/shared.js';
import { editFrontmatter, holdoutOf, TEST_SUPPORT, testsOfSpec } from './adopt/round-trip.js';
import { isCode, TEST_FILE } from './adopt/read-modules.js';
import { RECORD_FILE, type AdoptionRecord } from './adopt/plan.js';
import { isHandOwned } from './phases/5-plan/index.js';
import { sha256 } from './hash.js';
import { listGeneratedRoot, readAdoptCheck, writeHoldoutChecks, readAdoptionRecord, readSources, writeAdoption } from './io/adopt-project.js';
import { check } from './compile.js';

async function handOwnedSpec(root: string, id: string, what: string) {
  const checked = await check({ root, useCache: false });
  const specs = checked.workspace.files.flatMap((f) => (f.spec?.frontmatter ? [f.spec] : []));
  const spec = specs.find((s) => s.frontmatter!.id === id);
  const adopted = specs.filter(isHandOwned).map((s) => s.frontmatter!.id);
  if (!spec || !isHandOwned(spec)) throw new UsageError(`${what} names no hand-owned (adopted) spec: ${withGuess(id, adopted)}${spec ? ' is speccc\'s already' : ''}`);
  return { spec, config: checked.config, adopted };
}

export async function runTake(io: CliIo, root: string, id: string): Promise<number> {
  const { spec, config } = await handOwnedSpec(root, id, '--take');
  const fm = spec.frontmatter!;
  const refuse = (why: string) => {
    io.stderr(`speccc: not taken: ${id} ${why}\n`);
    return EXIT.failed;
  };
  if (fm.status !== 'ready') return refuse(`is ${fm.status}: confirm its drafted sentences, set status: ready in ${spec.file}, then run \`speccc adopt --check ${id}\``);
  const last = await readAdoptCheck(root, id);
  if (!last) return refuse(`has no round trip on record: run \`speccc adopt --check ${id}\` first`);
  if (last.specHash !== sha256(spec.source)) return refuse(`changed since its last round trip (${last.checkedAt}): run \`speccc adopt --check ${id}\` again`);
  if (!last.faithful) return refuse(`is not faithful: its last round trip ${last.failing.length > 0 ? `failed ${last.failing.filter((f) => !f.startsWith('  ')).length} existing test(s)` : `could not judge it (${last.error ?? 'no result'})`}; strengthen the spec and run \`speccc adopt --check ${id}\` again`);
  const root_ = config.paths.generated;
  const kept = fm.outputs.filter((o) => !(isCode(o) && !TEST_SUPPORT.test(o)) && !TEST_FILE.test(o));
  if (kept.length > 0) return refuse(`owns files that are neither code nor tests (${kept.map((k) => `\`${k}\``).join(', ')}): a build would have to write them; move them into a spec that stays hand-owned, or out of ${root_}/`);
  const files = new Set(await listGeneratedRoot(root, root_));
  const tests = await readSources(root, testsOfSpec({ file: spec.file, source: spec.source, outputs: fm.outputs }, root_));
  const checks = new Map<string, string>();
  for (const t of tests) {
    const made = holdoutOf(t, { generatedRoot: root_, files });
    if ('why' in made) return refuse(`has a test the next build would replace and that cannot run as a holdout: ${t.path}: ${made.why}`);
    checks.set(`${id}/${path.posix.basename(t.path)}`, made.content);
  }
  const scenariosDir = path.resolve(root, config.paths.scenarios);
  await writeHoldoutChecks(scenariosDir, checks);
  await writeAdoption(root, new Map([[spec.file, editFrontmatter(spec.source, { owner: null })]]));
  const recordFile = `${config.paths.specs}/${RECORD_FILE}`;
  const record = await readAdoptionRecord(root, recordFile);
  if (record?.specs[id]) {
    const { [id]: _taken, ...rest } = record.specs;
    await writeAdoption(root, new Map([[recordFile, `${JSON.stringify({ format: 1, specs: rest } satisfies AdoptionRecord, null, 2)}\n`]]));
  }
  const where = path.relative(io.cwd, scenariosDir) || '.';
  io.stdout(`✔ ${id} is speccc's: its ${checks.size} existing test file${checks.size === 1 ? ' is a holdout' : 's are holdouts'} in ${where}/${id}/; the next \`speccc build\` generates ${fm.outputs.map((o) => `${root_}/${o}`).join(', ')} from ${spec.file}\n`);
  return EXIT.ok;
}

export async function runRefresh(io: CliIo, root: string, id: string): Promise<number> {
  const { spec, config, adopted } = await handOwnedSpec(root, id, '--refresh');
  const recordFile = `${config.paths.specs}/${RECORD_FILE}`;
  const record: AdoptionRecord = (await readAdoptionRecord(root, recordFile)) ?? { format: 1, specs: {} };
  const sources = await readSources(root, spec.frontmatter!.outputs.map((o) => `${config.paths.generated}/${o}`));
  const files = Object.fromEntries(sources.map((s) => [s.path.slice(config.paths.generated.length + 1), s.hash!]));
  // A spec merged into another by editing (its file deleted) leaves its entry behind: it goes with the next refresh.
  const gone = Object.keys(record.specs).filter((other) => !adopted.includes(other));
  const specs = Object.fromEntries(Object.entries({ ...record.specs, [id]: { files } }).filter(([other]) => !gone.includes(other)).sort(([a], [b]) => (a < b ? -1 : 1)));
  await writeAdoption(root, new Map([[recordFile, `${JSON.stringify({ format: 1, specs }, null, 2)}\n`]]));
  io.stdout(`✔ recorded ${sources.length} file${sources.length === 1 ? '' : 's'} of ${id} as they are now${gone.length > 0 ? ` (and dropped the record of ${gone.map((g) => `\`${g}\``).join(', ')}, which no hand-owned spec has any more)` : ''}\n`);
  return EXIT.ok;
}

