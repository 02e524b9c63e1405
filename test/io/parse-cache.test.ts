/**
 * The parse cache is never trusted: whatever is wrong with .speccc/cache/models.jsonl (cut short,
 * overwritten, a flipped byte, another speccc's format, an entry under another file's key, a
 * well-formed line of nonsense), a check prints exactly what a check without the cache prints,
 * and the next run has a sound cache again.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openParseCache, PARSE_CACHE_FILE } from '../../src/io/parse-cache.js';
import { sha256 } from '../../src/phases/1-parse/hash.js';
import { SPECCC_VERSION } from '../../src/version.js';
import { runCli } from '../helpers/cli.js';
import { mixedWorkspace, specFiles } from '../helpers/mixed-workspace.js';

const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

let root = '';
let cold = '';
let good = Buffer.alloc(0);
const cacheFile = () => path.join(root, PARSE_CACHE_FILE);
const check = async () => {
  rmSync(path.join(root, '.speccc/cache/check-report.json'), { force: true }); // the stored report would answer without the pipeline
  const run = await runCli(['check', '--format', 'json'], { cwd: root });
  return `${run.stdout}${run.stderr}exit ${run.code}`;
};

/** Entry lines of a cache file, with the header apart. */
const split = (bytes: Buffer) => {
  const [header, ...lines] = bytes.toString('utf8').split('\n').filter(Boolean);
  return { header: header!, lines };
};
/** A line as the cache writes it, around any payload. */
const line = (hash: string, file: string, payload: string) => {
  const body = `${hash}\t${JSON.stringify(file)}\t${payload}`;
  return `${crc32(body).toString(16).padStart(8, '0')}\t${body}`;
};

beforeAll(async () => {
  root = mixedWorkspace(temps, 12);
  const run = await runCli(['check', '--format', 'json', '--no-cache'], { cwd: root });
  cold = `${run.stdout}${run.stderr}exit ${run.code}`;
  expect(await check()).toBe(cold); // writes the cache
  good = readFileSync(cacheFile());
  expect(split(good).lines.length).toBeGreaterThan(40);
});

/** How many of the workspace's files the cache answers now. */
async function hits(): Promise<number> {
  const cache = await openParseCache(root, SPECCC_VERSION);
  let n = 0;
  for (const file of specFiles(root)) {
    const bytes = readFileSync(path.join(root, file));
    if (cache.get(file, sha256(bytes), () => new TextDecoder().decode(bytes))) n++;
  }
  return n;
}

describe('a corrupt parse cache is a miss, never a crash', () => {
  const { header, lines } = { get header() { return split(good).header; }, get lines() { return split(good).lines; } };
  const corruptions: [string, () => Buffer | 'directory'][] = [
    ['cut short in the middle of an entry', () => good.subarray(0, Math.floor(good.length * 0.6))],
    ['empty', () => Buffer.alloc(0)],
    ['random bytes', () => Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919 + 13) % 256))],
    ['a byte flipped inside every entry (checksums no longer match)', () => Buffer.from([header, ...lines.map((l) => l.replace(/"text":"(.)/, (_m, c: string) => `"text":"${c === 'x' ? 'y' : 'x'}`))].join('\n'))],
    ['another speccc version wrote it', () => Buffer.from(good.toString('utf8').replace(SPECCC_VERSION, '0.0.0-other'))],
    ['the JSON cache an older speccc wrote, under the new name', () => Buffer.from(JSON.stringify({ version: `5:${SPECCC_VERSION}`, entries: {} }))],
    ['each entry moved under another file\'s key (checksums recomputed)', () => {
      const parts = lines.map((l) => l.split('\t'));
      return Buffer.from([header, ...parts.map((p, i) => line(p[1]!, JSON.parse(p[2]!) as string, parts[(i + 1) % parts.length]![3]!))].join('\n'));
    }],
    ['well-formed lines of nonsense (checksums recomputed)', () => {
      const payloads = ['null', '{}', '[]', '"x"', '{"file":1}', '{"spec":{"sections":"no"}}'];
      return Buffer.from([header, ...lines.map((l, i) => {
        const [, hash, file] = l.split('\t');
        const model = JSON.parse(l.split('\t')[3]!) as { spec: unknown };
        const payload = i % 2 ? payloads[i % payloads.length]! : JSON.stringify({ ...model, spec: model.spec ? { ...model.spec as object, sections: [{ bodyRange: 'x' }] } : { sections: 1 } });
        return line(hash!, JSON.parse(file!) as string, payload);
      })].join('\n'));
    }],
    ['spans that point nowhere (checksums recomputed)', () => Buffer.from([header, ...lines.map((l) => {
      const [, hash, file, payload] = l.split('\t');
      return line(hash!, JSON.parse(file!) as string, payload!.replace(/"@\d+:\d+"/g, '"@:"'));
    })].join('\n'))],
    ['a directory where the file should be', () => 'directory'],
  ];

  for (const [name, make] of corruptions) {
    it(name, async () => {
      const corrupt = make();
      rmSync(cacheFile(), { recursive: true, force: true });
      if (corrupt === 'directory') mkdirSync(cacheFile());
      else writeFileSync(cacheFile(), corrupt);
      const out = await check();
      if (name.startsWith('spans')) {
        // Valid by every check the cache can make cheaply: the models are wrong but the check runs.
        expect(out).toMatch(/exit [01]$/);
      } else {
        expect(out).toBe(cold);
      }
      if (corrupt === 'directory') {
        expect(statSync(cacheFile()).isDirectory()).toBe(true); // left alone; the check just was not faster
        rmSync(cacheFile(), { recursive: true });
      } else {
        expect(existsSync(cacheFile())).toBe(true);
      }
      await check();
      if (!name.startsWith('spans')) expect(await hits()).toBe(specFiles(root).length);
    });
  }

  it('a sound cache answers every file', async () => {
    writeFileSync(cacheFile(), good);
    expect(await hits()).toBe(specFiles(root).length);
    expect(await check()).toBe(cold);
  });
});
