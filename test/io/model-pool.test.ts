/**
 * Parsing on worker threads hands back exactly the models the calling thread makes, and a check
 * that uses them prints exactly what a check without them prints.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/hash.js';
import { decodeModel } from '../../src/phases/2-model/model-codec.js';
import { coolPool, MIN_FILES_PER_WORKER, modelInWorkers, poolSize, warmPool } from '../../src/io/model-pool.js';
import { modelAndCheck } from '../../src/phases/3-check/model-and-check.js';
import { runCli } from '../helpers/cli.js';
import { mixedWorkspace, specFiles } from '../helpers/mixed-workspace.js';
import { useTempWorkspace } from '../helpers/fixtures.js';

const workspaces = useTempWorkspace({ scope: 'all' });
const saved = process.env.SPECCC_WORKERS;
afterEach(() => {
  if (saved === undefined) delete process.env.SPECCC_WORKERS;
  else process.env.SPECCC_WORKERS = saved;
});

describe('parse workers', () => {
  it('start only when there is enough to parse, never more than the cores, and none when other work takes every core', () => {
    const spare = (require('node:os') as typeof import('node:os')).availableParallelism() - 1; // the calling thread parses too
    expect(poolSize(10, {}, 0)).toBe(0);
    expect(poolSize(MIN_FILES_PER_WORKER - 1, {}, 0)).toBe(0); // less than a worker's worth: the calling thread is as fast
    expect(poolSize(MIN_FILES_PER_WORKER, {}, 0)).toBe(Math.min(1, spare));
    expect(poolSize(1_000_000, {}, 0)).toBe(spare);
    expect(poolSize(1_000_000, {}, spare + 1)).toBe(spare); // a previous run's own threads still leave the cores to this one
    expect(poolSize(1_000_000, {}, spare + 2)).toBe(0); // every core taken by other work: a worker would only slow this thread
    expect(poolSize(1_000_000, { SPECCC_WORKERS: '1' }, spare + 2)).toBe(1);
    expect(poolSize(10, { SPECCC_WORKERS: '3' })).toBe(3);
    expect(poolSize(2, { SPECCC_WORKERS: '3' })).toBe(2);
    expect(poolSize(1_000_000, { SPECCC_WORKERS: '0' })).toBe(0);
  });

  it('hand back the models the calling thread makes, for every kind of spec', async () => {
    const root = mixedWorkspace(workspaces.temps, 20);
    const jobs = specFiles(root).map((file) => {
      const bytes = new Uint8Array(readFileSync(path.join(root, file)));
      return { file, bytes, hash: sha256(bytes) };
    });
    const fromWorkers: string[] = new Array(jobs.length);
    await modelInWorkers(jobs, 2, (i, encoded) => {
      const job = jobs[i]!;
      fromWorkers[i] = JSON.stringify(decodeModel(encoded, job, () => new TextDecoder().decode(job.bytes)));
    });
    const here = modelAndCheck(jobs);
    jobs.forEach((job, i) => expect(fromWorkers[i], job.file).toBe(JSON.stringify(here[i])));
    // The spec-local findings came with the models, and there are some to compare.
    expect(here.some((m) => Object.keys(m.checked ?? {}).length > 0)).toBe(true);
  });

  it('share the queue with the calling thread, each file modelled once', async () => {
    const root = mixedWorkspace(workspaces.temps, 20);
    const jobs = specFiles(root).map((file) => {
      const bytes = new Uint8Array(readFileSync(path.join(root, file)));
      return { file, bytes, hash: sha256(bytes) };
    });
    const seen = new Array<number>(jobs.length).fill(0);
    let local = 0;
    await modelInWorkers(
      jobs,
      1,
      (i) => seen[i]!++,
      (first, files) => {
        local += files.length;
        files.forEach((_, k) => seen[first + k]!++);
      },
    );
    expect(seen.every((n) => n === 1)).toBe(true);
    expect(local).toBeGreaterThan(0);
    expect(local).toBeLessThan(jobs.length); // the worker took a share too
  });

  it('take workers started ahead of need, and end the ones nothing took', async () => {
    warmPool(1);
    const bytes = new TextEncoder().encode('---\nid: a\nkind: feature\nstatus: draft\n---\n\n# A\n');
    const models: string[] = [];
    await modelInWorkers([{ file: 'specs/a.md', bytes, hash: sha256(bytes) }], 1, (_, encoded) => models.push(encoded));
    expect(models).toHaveLength(1);
    warmPool(2);
    coolPool(); // nothing is left running: the test process exits
  });

  it('a check on workers prints what a check without them prints', async () => {
    const root = mixedWorkspace(workspaces.temps, 30);
    const run = async (workers: string) => {
      process.env.SPECCC_WORKERS = workers;
      return runCli(['check', '--format', 'json', '--no-cache'], { cwd: root });
    };
    const inProcess = await run('0');
    const onWorkers = await run('2');
    expect(onWorkers).toEqual(inProcess);
    expect(JSON.parse(inProcess.stdout).specs).toBeGreaterThan(60);
  });
});
