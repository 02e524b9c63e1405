/**
 * The stat cache: an unchanged file costs a stat, not a read; a changed or racy one is read and
 * hashed; a cache that is corrupt or from another machine is never believed. And through the fast
 * path: a warm workspace is checked without reading a spec, with the same findings.
 */
import { cpSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStatCache, RACY_MARGIN_MS, STAT_CACHE_FILE, stillHolds } from '../../src/io/stat-cache.js';
import { openParseCache } from '../../src/io/parse-cache.js';
import { MODEL_CODEC } from '../../src/phases/2-model/model-codec.js';
import { SPECCC_VERSION } from '../../src/version.js';
import { sha256 } from '../../src/hash.js';
import { checkKey, readInputs, storedReport, storeReport } from '../../src/fast-path.js';
import { check } from '../../src/compile.js';
import { formatJson } from '../../src/diagnostics/reporters/json.js';
import { runCli } from '../helpers/cli.js';
import { mixedWorkspace, specFiles } from '../helpers/mixed-workspace.js';
import { useTempWorkspace } from '../helpers/fixtures.js';

const workspaces = useTempWorkspace({ scope: 'all' });

const dir = () => {
  const d = workspaces.empty('speccc-stat-');
  return d;
};
/** An hour ago: well outside the racy window of a cache written now. */
const age = (file: string) => utimesSync(file, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));

describe('stat cache', () => {
  it('reads an unchanged file once, and a changed one again', async () => {
    const root = dir();
    const a = path.join(root, 'a.md');
    const b = path.join(root, 'b.md');
    writeFileSync(a, 'one');
    writeFileSync(b, 'two');
    age(a);
    age(b);
    const first = await openStatCache(root);
    expect(await first.hash(a)).toEqual({ hash: sha256('one'), bytes: Buffer.from('one') });
    await first.hash(b);
    await first.save();

    writeFileSync(b, 'TWO'); // same size
    age(b);
    const second = await openStatCache(root);
    expect(await second.hash(a)).toEqual({ hash: sha256('one'), bytes: null });
    expect(await second.hash(b)).toEqual({ hash: sha256('TWO'), bytes: Buffer.from('TWO') });
    expect(await second.hash(path.join(root, 'missing.md'))).toBeNull();
  });

  it('hashes a file again while its mtime is within the racy margin of the cache write', async () => {
    const root = dir();
    const a = path.join(root, 'a.md');
    writeFileSync(a, 'fresh'); // mtime: now, as the cache is about to be written
    const first = await openStatCache(root);
    await first.hash(a);
    await first.save();
    const again = await openStatCache(root);
    expect((await again.hash(a))?.bytes).not.toBeNull();
  });

  it('trusts a stat only when every field matches and the mtime is clearly older than the cache', () => {
    const stamp: [number, number, number, number] = [3, 1000.25, 2000.5, 77];
    const written = 10 * RACY_MARGIN_MS;
    const trustedBefore = written - RACY_MARGIN_MS;
    expect(stillHolds([...stamp, 'h'], stamp, trustedBefore)).toBe(true);
    const at = (mtime: number): [number, number, number, number] => [stamp[0], mtime, stamp[2], stamp[3]];
    expect(stillHolds([...at(trustedBefore), 'h'], at(trustedBefore), trustedBefore)).toBe(false); // written in the same instant: racy
    expect(stillHolds([...at(written + 5), 'h'], at(written + 5), trustedBefore)).toBe(false); // mtime after the cache (a clock ahead)
    for (let i = 0; i < 4; i++) {
      const other: [number, number, number, number] = [...stamp];
      other[i] = 9;
      expect(stillHolds([...stamp, 'h'], other, trustedBefore)).toBe(false);
    }
    // A sub-millisecond change is a change: mtimes are compared as the doubles the stat gives.
    expect(stillHolds([...stamp, 'h'], at(1000.2500001), trustedBefore)).toBe(false);
  });

  it('believes nothing from a corrupt cache, or one copied from another machine', async () => {
    const root = dir();
    const a = path.join(root, 'a.md');
    writeFileSync(a, 'content');
    age(a);
    const first = await openStatCache(root);
    await first.hash(a);
    await first.save();
    const good = readFileSync(path.join(root, STAT_CACHE_FILE), 'utf8');
    const entry = (JSON.parse(good) as { entries: Record<string, (number | string)[]> }).entries[a]!;
    const variants = [
      '',
      'not json',
      good.slice(0, good.length >> 1),
      'null',
      '[]',
      JSON.stringify({ format: 999, entries: { [a]: entry } }),
      JSON.stringify({ format: 1, entries: { [a]: entry } }), // the nanosecond format before
      JSON.stringify({ format: 2, entries: { [a]: 'x' } }),
      JSON.stringify({ format: 2, entries: { [a]: [...entry.slice(0, 4).map(String), sha256('content')] } }),
      JSON.stringify({ format: 2, entries: { [a]: [...entry.slice(0, 4), 'not-a-hash'] } }),
      JSON.stringify({ format: 2, entries: { [a]: [...entry.slice(0, 3), Number(entry[3]) + 1, sha256('other')] } }), // another machine: another inode
    ];
    for (const text of variants) {
      writeFileSync(path.join(root, STAT_CACHE_FILE), text);
      utimesSync(path.join(root, STAT_CACHE_FILE), new Date(), new Date());
      const cache = await openStatCache(root);
      expect(await cache.hash(a), text.slice(0, 60)).toEqual({ hash: sha256('content'), bytes: Buffer.from('content') });
    }
  });
});

describe('the fast path on the stat cache', () => {
  it('checks a warm workspace without reading a spec, and finds what a cold check finds', async () => {
    const root = mixedWorkspace(workspaces.temps, 10);
    for (const f of specFiles(root)) age(path.join(root, f));
    const cold = await runCli(['check', '--format', 'json', '--no-cache'], { cwd: root });
    await readInputs(root); // writes the stat cache
    const read = await readInputs(root);
    expect(read.files.specs.filter((f) => f.bytes !== null)).toEqual([]);
    const result = await check({ root, files: read.files });
    const summary = { specs: result.specs, errors: result.errors, warnings: result.warnings };
    expect(formatJson(result.diagnostics, summary)).toBe(cold.stdout);
  });

  it('a workspace restored with its .speccc/ elsewhere (CI) re-hashes every file, and still uses the parse cache', async () => {
    const first = mixedWorkspace(workspaces.temps, 10);
    for (const f of specFiles(first)) age(path.join(first, f));
    const cold = await runCli(['check', '--format', 'json'], { cwd: first });
    const restored = dir();
    cpSync(first, restored, { recursive: true, preserveTimestamps: true }); // new inodes and ctimes, same mtimes and contents
    const read = await readInputs(restored);
    expect(read.files.specs.filter((f) => f.bytes === null)).toEqual([]); // no stat believed
    const cache = await openParseCache(restored, SPECCC_VERSION, MODEL_CODEC);
    expect(read.files.specs.every((f) => cache.get(f.file, f.hash, () => new TextDecoder().decode(f.bytes!)) !== undefined)).toBe(true);
    expect(await runCli(['check', '--format', 'json'], { cwd: restored })).toEqual(cold);
  });

  it('does not store a report when a spec changed between being hashed and being read', async () => {
    const root = mixedWorkspace(workspaces.temps, 0);
    const file = path.join(root, specFiles(root).find((f) => f.endsWith('clean/cart.md'))!);
    age(file);
    await readInputs(root);
    const read = await readInputs(root);
    const digest = checkKey(read.inputs, [], read.scenarios.texts);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nTBD\n`); // between the stat and the read
    const result = await check({ root, files: read.files });
    expect(result.diagnostics.some((d) => d.file.endsWith('clean/cart.md') && d.code === 'placeholder-text')).toBe(true);
    await storeReport(root, digest, { diagnostics: result.diagnostics, specs: result.specs, errors: result.errors, warnings: result.warnings, configBroken: false }, read.files);
    expect(await storedReport(root, digest)).toBeUndefined();
    expect(statSync(file).size).toBeGreaterThan(0);
  });
});
