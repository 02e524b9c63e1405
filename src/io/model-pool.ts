/**
 * Phases 1–2 on every core: a small pool of worker threads (src/io/model-worker.ts), each
 * parsing and modelling the files it is sent and answering with encoded models. Used only when
 * enough files must be parsed for the workers' start-up (loading the markdown toolchain in each)
 * to pay for itself; below that the caller parses on its own thread.
 *
 * `SPECCC_WORKERS=n` fixes the number of workers (0: never start any), for measuring.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export interface ModelJob {
  file: string;
  hash: string;
  bytes: Uint8Array;
}

export interface ModelRequest {
  id: number;
  files: ModelJob[];
}

export type ModelReply = { id: number; encoded: string[] } | { id: number; error: string };

/**
 * Below this many files per worker a pool does not pay. Measured on 2 cores: a worker costs about
 * 180 ms of CPU to start (its own copy of micromark, yaml and zod: what the calling thread would
 * load anyway to parse) plus ~40 ms to create, and a 3 KB spec about 3 ms to parse; from ~50
 * files each, two workers finish well before one thread would.
 */
export const MIN_FILES_PER_WORKER = 50;

/**
 * From this many files one worker pays even on one core: the calling thread holds every model
 * and its garbage collector slows with the heap, while a worker's heap holds one batch of syntax
 * trees. Measured at 10,000 specs: no worker 34.6 s and 1,085 MB peak, one worker 28.4 s and 579 MB.
 */
export const ONE_WORKER_FROM = 2_000;

/** How many workers to start for `files` files to parse: 0 means parse on the calling thread. */
export function poolSize(files: number, env: NodeJS.ProcessEnv = process.env): number {
  const fixed = env.SPECCC_WORKERS;
  if (fixed !== undefined && /^\d+$/.test(fixed)) return Math.min(Number(fixed), files);
  const workers = Math.min(os.availableParallelism(), Math.floor(files / MIN_FILES_PER_WORKER));
  // One worker is the calling thread's speed plus its start-up: a pool starts at two, except for
  // a batch large enough that the calling thread's heap is the cost (one core, many specs).
  if (workers >= 2) return workers;
  return files >= ONE_WORKER_FROM ? 1 : 0;
}

/** A worker running model-worker beside this module; from the TypeScript sources (tests) it is loaded through tsx. */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./model-worker.js', import.meta.url));
  const tsx = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const script = new URL('./model-worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => import(${JSON.stringify(script)}))`, { eval: true });
}

/**
 * Parses and models `jobs` on `workers` threads; `onModel(index, encoded)` receives each file's
 * encoded model as it arrives (in no particular order). Rejects if a worker fails.
 */
export async function modelInWorkers(jobs: readonly ModelJob[], workers: number, onModel: (index: number, encoded: string) => void): Promise<void> {
  if (jobs.length === 0) return;
  // Small batches keep every worker busy to the end; not so small that messages cost more than parsing.
  const batch = Math.max(4, Math.min(64, Math.ceil(jobs.length / (workers * 16))));
  const pool = Array.from({ length: Math.max(1, Math.min(workers, Math.ceil(jobs.length / batch))) }, startWorker);
  let next = 0;
  let pending = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const send = (worker: Worker) => {
        if (next >= jobs.length) return;
        const id = next;
        const files = jobs.slice(next, next + batch);
        next += files.length;
        pending++;
        worker.postMessage({ id, files } satisfies ModelRequest);
      };
      for (const worker of pool) {
        worker.on('message', (reply: ModelReply) => {
          pending--;
          if ('error' in reply) return reject(new Error(`a parse worker failed: ${reply.error}`));
          send(worker); // first: the worker has a batch queued while this one is taken in
          try {
            reply.encoded.forEach((encoded, i) => onModel(reply.id + i, encoded));
          } catch (error) {
            return reject(error);
          }
          if (pending === 0 && next >= jobs.length) resolve();
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (pending > 0 || next < jobs.length) reject(new Error(`a parse worker exited (code ${code}) before its work was done`));
        });
        // Two batches each: a worker never waits for this thread (busy taking in models, or in a
        // garbage collection) to hand it the next one.
        send(worker);
        send(worker);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
