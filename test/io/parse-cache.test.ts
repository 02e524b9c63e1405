/**
 * The parse cache is never trusted: whatever is wrong with .speccc/cache/models.jsonl (cut short,
 * overwritten, a flipped byte, another speccc's format, an entry under another file's key, a
 * well-formed line of nonsense), a check prints exactly what a check without the cache prints,
 * and the next run has a sound cache again.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { openParseCache, PARSE_CACHE_FILE } from '../../src/io/parse-cache.js';
import { MODEL_CODEC } from '../../src/phases/2-model/model-codec.js';
import { sha256 } from '../../src/hash.js';
import { SPECCC_VERSION } from '../../src/version.js';
import { modelAndCheck } from '../../src/phases/3-check/model-and-check.js';
import { runCli } from '../helpers/cli.js';
import { mixedWorkspace, specFiles } from '../helpers/mixed-workspace.js';
import { useTempWorkspace } from '../helpers/fixtures.js';

const workspaces = useTempWorkspace({ scope: 'all' });

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
/** A line as the cache writes it, around any payload: its checksum covers the header line too. */
const line = (hash: string, file: string, payload: string) => {
  const body = `${hash}\t${JSON.stringify(file)}\t${payload}`;
  return `${crc32(body, crc32(`${split(good).header}\n`)).toString(16).padStart(8, '0')}\t${body}`;
};

beforeAll(async () => {
  root = mixedWorkspace(workspaces.temps, 12);
  const run = await runCli(['check', '--format', 'json', '--no-cache'], { cwd: root });
  cold = `${run.stdout}${run.stderr}exit ${run.code}`;
  expect(await check()).toBe(cold); // writes the cache
  good = readFileSync(cacheFile());
  expect(split(good).lines.length).toBeGreaterThan(40);
});

/** How many of the workspace's files the cache answers now. */
async function hits(): Promise<number> {
  const cache = await openParseCache(root, SPECCC_VERSION, MODEL_CODEC);
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

describe('after an edit the parse cache grows by the new entries instead of being rewritten', () => {
  const entryOf = (file: string, text: string) => {
    const bytes = new TextEncoder().encode(text);
    return modelAndCheck([{ file, bytes, hash: sha256(bytes) }])[0]!;
  };
  /** Opens the cache and asks it for every file of the workspace, as a check does. */
  const openAndUse = async () => {
    const cache = await openParseCache(root, SPECCC_VERSION, MODEL_CODEC);
    for (const file of specFiles(root)) {
      const bytes = readFileSync(path.join(root, file));
      cache.get(file, sha256(bytes), () => new TextDecoder().decode(bytes));
    }
    return cache;
  };

  it('appends the entries of changed files, and the file still answers every one', async () => {
    writeFileSync(cacheFile(), good);
    const cache = await openAndUse();
    cache.set(entryOf('specs/bench/feature-0.md', `${readFileSync(path.join(root, 'specs/bench/feature-0.md'), 'utf8')}\n- One more rule.\n`));
    await cache.save(true);
    const after = readFileSync(cacheFile());
    expect(after.length).toBeGreaterThan(good.length);
    expect(after.subarray(0, good.length).equals(good)).toBe(true); // the old bytes untouched
    expect(await hits()).toBe(specFiles(root).length);
  });

  it('rewrites it with only the used entries once unused ones pile up', async () => {
    writeFileSync(cacheFile(), good);
    const old = await openAndUse();
    for (let i = 0; i < 80; i++) old.set(entryOf(`specs/gone/${i}.md`, `---\nid: gone-${i}\nkind: feature\nstatus: draft\n---\n\n# Gone ${i}\n`));
    await old.save(false); // a partial run keeps what it does not use: appended
    expect(split(readFileSync(cacheFile())).lines).toHaveLength(split(good).lines.length + 80);
    await (await openAndUse()).save(true); // 80 unused entries: more than a cache keeps
    expect(split(readFileSync(cacheFile())).lines).toHaveLength(split(good).lines.length);
    expect(await hits()).toBe(specFiles(root).length);
  });

  it('a line appended by a speccc with another header is a miss', async () => {
    // Every entry as another speccc version would write it: the same bytes, checksummed under its header.
    const { header, lines } = split(good);
    const otherCrc = crc32(`${header.replace(SPECCC_VERSION, '0.0.0-other')}\n`);
    const foreign = lines.map((l) => `${crc32(l.slice(9), otherCrc).toString(16).padStart(8, '0')}\t${l.slice(9)}`);
    writeFileSync(cacheFile(), [header, ...foreign, ''].join('\n'));
    expect(await hits()).toBe(0);
    // Nor does a checksum of the line alone pass.
    const unseeded = lines.map((l) => `${crc32(l.slice(9)).toString(16).padStart(8, '0')}\t${l.slice(9)}`);
    writeFileSync(cacheFile(), [header, ...unseeded, ''].join('\n'));
    expect(await hits()).toBe(0);
  });
});

