/**
 * Parsing on worker threads hands back exactly the models the calling thread makes, and a check
 * that uses them prints exactly what a check without them prints.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseSpecFile } from '../../src/phases/1-parse/index.js';
import { modelSpec } from '../../src/phases/2-model/index.js';
import { sha256 } from '../../src/phases/1-parse/hash.js';
import { decodeModel } from '../../src/io/model-codec.js';
import { MIN_FILES_PER_WORKER, modelInWorkers, ONE_WORKER_FROM, poolSize } from '../../src/io/model-pool.js';
import { runCli } from '../helpers/cli.js';
import { mixedWorkspace, specFiles } from '../helpers/mixed-workspace.js';

const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));
const saved = process.env.SPECCC_WORKERS;
afterEach(() => {
  if (saved === undefined) delete process.env.SPECCC_WORKERS;
  else process.env.SPECCC_WORKERS = saved;
});

describe('parse workers', () => {
  it('start only when there is enough to parse, and never more than the cores', () => {
    expect(poolSize(10, {})).toBe(0);
    expect(poolSize(MIN_FILES_PER_WORKER, {})).toBe(0); // one worker's worth: the calling thread is as fast
    expect(poolSize(ONE_WORKER_FROM, {})).toBeGreaterThanOrEqual(1); // many specs: never on the calling thread's heap
    expect(poolSize(1_000_000, {})).toBeLessThanOrEqual(Math.max(2, (require('node:os') as typeof import('node:os')).availableParallelism()));
    expect(poolSize(10, { SPECCC_WORKERS: '3' })).toBe(3);
    expect(poolSize(2, { SPECCC_WORKERS: '3' })).toBe(2);
    expect(poolSize(1_000_000, { SPECCC_WORKERS: '0' })).toBe(0);
  });

  it('hand back the models the calling thread makes, for every kind of spec', async () => {
    const root = mixedWorkspace(temps, 20);
    const jobs = specFiles(root).map((file) => {
      const bytes = new Uint8Array(readFileSync(path.join(root, file)));
      return { file, bytes, hash: sha256(bytes) };
    });
    const fromWorkers: string[] = new Array(jobs.length);
    await modelInWorkers(jobs, 2, (i, encoded) => {
      const job = jobs[i]!;
      fromWorkers[i] = JSON.stringify(decodeModel(encoded, job, () => new TextDecoder().decode(job.bytes)));
    });
    jobs.forEach((job, i) => expect(fromWorkers[i], job.file).toBe(JSON.stringify(modelSpec(parseSpecFile(job.file, job.bytes)))));
  });

  it('a check on workers prints what a check without them prints', async () => {
    const root = mixedWorkspace(temps, 30);
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
