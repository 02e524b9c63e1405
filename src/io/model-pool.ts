/**
 * Phases 1–2 (and the spec-local checks) on every core: the calling thread and a small pool of
 * worker threads (src/model-worker.ts) take batches of files from one queue; each worker
 * answers with encoded models. Workers start only when enough files must be parsed for their
 * start-up (loading the markdown toolchain in each) to pay for itself.
 *
 * `SPECCC_WORKERS=n` fixes the number of workers besides the calling thread (0: never start
 * any), for measuring.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { shippedScript } from './package-files.js';

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
 * Below this many files a worker does not pay. The calling thread parses too (about 0.5 ms of CPU
 * a 3 KB spec), so a worker must take a real share to be worth its start-up (about 180 ms of CPU
 * on a spare core to load its copy of the parser, ~40 ms of this thread's) and the decoding of
 * what it sends back. Measured on 2 cores, a cold check without a worker and with one: 1,000
 * specs 1.04 s and 1.28 s, 3,000 about the same (2.2–2.4 s), 10,000 5.2 s and 4.3 s.
 */
export const MIN_FILES_PER_WORKER = 3_000;

/**
 * How many workers to start, besides the calling thread, for `files` files to parse: one per
 * spare core, each with enough files to pay for its start-up; 0 means this thread parses alone.
 *
 * None on a machine busier than its cores can serve (1-minute load average `load` at least one
 * more than the cores, so that a previous run's own two threads do not count): there a worker
 * gets no core of its own, and only adds its start-up and slows the calling thread. Measured on
 * 2 shared cores at load 5–7, a cold check of 10,000 specs: 11.8 s wall (11.6 s CPU) with one
 * worker, 8.9 s (9.0 s CPU) without. Windows has no load average (0): there it never applies.
 */
export function poolSize(files: number, env: NodeJS.ProcessEnv = process.env, load?: number): number {
  const fixed = env.SPECCC_WORKERS;
  if (fixed !== undefined && /^\d+$/.test(fixed)) return Math.min(Number(fixed), files);
  // node:os is loaded here, not imported: a warm check, which starts no worker, never needs it.
  const os = createRequire(import.meta.url)('node:os') as typeof import('node:os');
  load ??= os.loadavg()[0] ?? 0;
  const cores = os.availableParallelism();
  if (load >= cores + 1) return 0;
  return Math.max(0, Math.min(cores - 1, Math.floor(files / MIN_FILES_PER_WORKER)));
}

/**
 * A worker running model-worker: the bundle's own entry point (dist/model-worker.js, which loads
 * only the parse chunk), or from the TypeScript sources (tests) the module loaded through tsx.
 */
function startWorker(): Worker {
  // node:worker_threads is loaded here, not imported: loading it costs more than a whole warm
  // `check` of a small workspace, which never starts a worker.
  const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  const worker = shippedScript('model-worker', 'model-worker');
  if (!worker.typescript) return new Worker(worker.path);
  const tsx = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const script = pathToFileURL(worker.path).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => import(${JSON.stringify(script)}))`, { eval: true });
}

/** Workers started ahead of need (warmPool), loading their modules while this thread reads files. */
let warm: Worker[] = [];

/**
 * Starts `size` workers now, so that they have loaded their modules by the time files are read
 * and hashed: for a run that will surely parse many files (no parse cache, many specs). They do
 * not keep the process alive, and are ended by coolPool or when modelInWorkers takes them.
 */
export function warmPool(size: number): void {
  while (warm.length < size) {
    const worker = startWorker();
    worker.on('error', () => {}); // reported again, if it matters, when the worker is taken
    worker.unref();
    warm.push(worker);
  }
}

/** Ends the workers warmPool started and nothing took. */
export function coolPool(): void {
  for (const worker of warm.splice(0)) void worker.terminate();
}

function takeWorkers(count: number): Worker[] {
  const taken = warm.splice(0, count);
  coolPool();
  for (const worker of taken) worker.ref();
  while (taken.length < count) taken.push(startWorker());
  return taken;
}

/**
 * Parses and models `jobs` on `workers` threads, and on the calling thread too when `local` is
 * given: it takes batches from the same queue and models them itself (no encoding and decoding on
 * the way), between taking in the workers' replies. `onModel(index, encoded)` receives each
 * worker's model as it arrives (in no particular order). Rejects if a worker fails.
 */
export async function modelInWorkers(
  jobs: readonly ModelJob[],
  workers: number,
  onModel: (index: number, encoded: string) => void,
  local?: (first: number, files: readonly ModelJob[]) => void,
): Promise<void> {
  if (jobs.length === 0) return;
  const threads = workers + (local ? 1 : 0);
  // Small batches keep every thread busy to the end; not so small that messages cost more than parsing.
  const batch = Math.max(4, Math.min(64, Math.ceil(jobs.length / (threads * 16))));
  const pool = workers === 0 ? [] : takeWorkers(Math.max(1, Math.min(workers, Math.ceil(jobs.length / batch))));
  let next = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (error: unknown) => {
        failed = true;
        reject(error);
      };
      const take = (): [number, ModelJob[]] | null => {
        if (next >= jobs.length || failed) return null;
        const first = next;
        const files = jobs.slice(next, next + batch);
        next += files.length;
        return [first, files];
      };
      const finished = (count: number) => {
        done += count;
        if (done === jobs.length) resolve();
      };
      const send = (worker: Worker) => {
        const work = take();
        if (work) worker.postMessage({ id: work[0], files: work[1] } satisfies ModelRequest);
      };
      for (const worker of pool) {
        worker.on('message', (reply: ModelReply) => {
          if ('error' in reply) return fail(new Error(`a parse worker failed: ${reply.error}`));
          send(worker); // first: the worker has a batch queued while this one is taken in
          try {
            reply.encoded.forEach((encoded, i) => onModel(reply.id + i, encoded));
          } catch (error) {
            return fail(error);
          }
          finished(reply.encoded.length);
        });
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (done < jobs.length) fail(new Error(`a parse worker exited (code ${code}) before its work was done`));
        });
        // Two batches each: a worker never waits for this thread (busy modelling, taking in models,
        // or in a garbage collection) to hand it the next one.
        send(worker);
        send(worker);
      }
      if (local) {
        // The calling thread's share: a batch at a time, letting the workers' replies in between.
        const step = () => {
          const work = take();
          if (!work) return;
          try {
            local(work[0], work[1]);
          } catch (error) {
            return fail(error);
          }
          finished(work[1].length);
          setImmediate(step);
        };
        setImmediate(step);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
