// speccc's warm test runner: a spare vitest process, started in a sealed sandbox of its own
// before the job it will serve is known (src/io/vitest-spare.ts starts it), and used for exactly
// one job, then thrown away with its sandbox.
//
// While it waits it loads vitest's node code and starts vite's esbuild service: read-only
// toolchain code, the same for every job, and most of a cold `vitest run`. Given a config file
// (speccc's own, already in its folder), it also creates the vitest instance for `vitest run
// --config <it>`, as vitest's CLI would. Then it says `ready` on fd 3. It reads one JSON line on
// stdin, { args: [...], prepared }, says `started` on fd 3, and either starts the prepared instance
// on the job's test files (`prepared`: the host checked that the job's command and files are the
// ones it was made for), or runs vitest's own CLI with those arguments in this process: the same
// code path, output and exit code as the cold `node vitest.mjs ...`. It closes fd 3 before any of
// the job's code runs.
//
// With the instance, it also starts the process vitest's forks pool runs test files in (vitest's
// own workers/forks.js, launched as the pool would launch it), so that its start-up too is paid
// while the spare waits: about half of a warm run's time. The pool takes that process only when
// it launches its worker exactly so (script, environment, node flags), and then the spare says
// `forked` on fd 3; otherwise the pool starts its own as always and the early one is stopped. It
// is this job's alone, in this job's sandbox, like everything else here; the spare says `ready`
// once it has loaded too.
import { fork } from 'node:child_process';
import { closeSync, readFileSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';
import { pathToFileURL } from 'node:url';

const [vitestDir, preparedConfig] = process.argv.slice(2);
const vitestBin = path.join(vitestDir, 'vitest.mjs');
const CONTROL = 3;
// What vitest's modules could read while loading: the shape of the command line they will see.
process.argv = [process.argv[0], vitestBin, 'run'];

async function preload() {
  const vitest = await import(pathToFileURL(path.join(vitestDir, 'dist/node.js')).href);
  // vite bundles the config file with esbuild, whose service is a child process started on first use.
  const vite = createRequire(createRequire(path.join(vitestDir, 'package.json')).resolve('vite/package.json'));
  const esbuild = vite('esbuild');
  await esbuild.transform('', {});
  return preparedConfig ? prepare(vitest) : null;
}

/** The instance vitest's CLI makes for `vitest run --config <preparedConfig>` (its prepareVitest), or null if that fails. */
async function prepare(vitest) {
  try {
    const { options } = vitest.parseCLI(['vitest', 'run', '--config', preparedConfig]);
    process.env.TEST = 'true';
    process.env.VITEST = 'true';
    process.env.NODE_ENV ??= 'test';
    options.watch = false;
    // The pool as an inline override: the config file names `forks`, and a pool given as a CLI
    // option does not replace a name the file gives.
    const ctx = await vitest.createVitest('test', options, { test: { pool: earlyForks(vitest) } });
    await startEarlyWorker(ctx, vitest);
    return ctx;
  } catch {
    return null;
  }
}

/** The test worker's process started while the spare waits, with how it was launched; or null. */
let early = null;

const sameList = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
const sameEnv = (a, b) => sameList(Object.keys(a), Object.keys(b)) && Object.keys(a).every((k) => a[k] === b[k]);

function stopEarlyWorker() {
  early?.child.kill('SIGKILL');
  early = null;
}

/**
 * vitest's forks pool (its own ForksPoolWorker), whose first worker is the early process when the
 * pool launches it exactly as that one was launched.
 */
function earlyForks({ ForksPoolWorker }) {
  const name = 'forks-early';
  class EarlyForksPoolWorker extends ForksPoolWorker {
    name = name;
    async start() {
      if (!this._fork && early) {
        if (early.entrypoint === this.entrypoint && sameEnv(early.env, this.env) && sameList(early.execArgv, this.execArgv)) {
          this._fork = early.child;
          early = null;
          say('forked');
        } else {
          stopEarlyWorker();
        }
      }
      endControl();
      return super.start();
    }
  }
  return { name, createPoolWorker: (options) => new EarlyForksPoolWorker(options) };
}

/**
 * Starts the test worker as vitest 4.1's forks pool launches it for the instance's one project
 * (its resolveOptions and resolveConditions, for vite 6 and later). Should a later vitest launch
 * it otherwise, the pool sees the difference and starts its own.
 */
function startEarlyWorker(ctx, { distDir, rootDir, viteVersion }) {
  if (ctx.projects.length !== 1 || Number(String(viteVersion).split('.')[0]) < 6) return;
  const project = ctx.projects[0];
  const vite = project.vite.config;
  const conditions = [...new Set(vite.ssr?.resolve?.conditions ?? [])]
    .filter((c) => (c === 'production' ? vite.isProduction : c === 'development' ? !vite.isProduction : true))
    .map((c) => (c === 'development|production' ? (vite.isProduction ? 'production' : 'development') : c))
    .flatMap((c) => ['--conditions', c]);
  const env = {
    ...process.env,
    TEST: 'true',
    VITEST: 'true',
    NODE_ENV: process.env.NODE_ENV || 'test',
    VITEST_MODE: ctx.config.watch ? 'WATCH' : 'RUN',
    FORCE_TTY: isatty(1) ? 'true' : '',
    ...ctx.config.env,
    ...project.config.env,
  };
  const execArgv = [
    ...process.execArgv.filter((a) => a.startsWith('--cpu-prof') || a.startsWith('--heap-prof') || a.startsWith('--diagnostic-dir')),
    '--experimental-import-meta-resolve',
    '--require',
    path.resolve(rootDir, 'suppress-warnings.cjs'),
    ...conditions,
    ...(project.config.execArgv ?? []),
  ];
  const entrypoint = path.resolve(distDir, 'workers/forks.js');
  const child = fork(entrypoint, [], { env, execArgv, stdio: 'pipe', serialization: 'advanced' });
  child.on('error', () => {}); // a worker that could not start is vitest's to find: the pool starts its own
  early = { child, entrypoint, env, execArgv };
  return loaded(child.pid);
}

/**
 * Resolves once the process has loaded its modules: vitest's worker says nothing until it is given
 * tests, so this waits until its CPU time stops growing (Linux's /proc; elsewhere, or after 3 s, at once).
 */
async function loaded(pid) {
  const cpu = () => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks
    } catch {
      return null;
    }
  };
  const until = Date.now() + 3_000;
  let last = cpu();
  let still = 0;
  while (last !== null && still < 2 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    const now = cpu();
    still = now === last ? still + 1 : 0;
    last = now;
  }
}

/** What vitest's CLI does after creating its instance, for a run of `filters`; a throw is left to the cold run. */
async function runPrepared(ctx, filters) {
  try {
    await ctx.start(filters);
  } catch {
    stopEarlyWorker();
    process.exit(70);
  }
  endControl();
  stopEarlyWorker();
  if (!ctx.shouldKeepServer()) {
    await ctx.close();
    await ctx.exit();
  }
}

function say(word) {
  writeSync(CONTROL, `${word}\n`);
}

let controlOpen = true;
function endControl() {
  if (controlOpen) closeSync(CONTROL);
  controlOpen = false;
}

const prepared = await preload();
say('ready');
const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
const line = await new Promise((resolve) => {
  lines.once('line', resolve);
  lines.once('close', () => resolve(null));
});
lines.close();
process.stdin.destroy();
if (line === null) {
  stopEarlyWorker();
  process.exit(0);
}
const request = JSON.parse(line);
const { args } = request;
if (!Array.isArray(args) || !args.every((a) => typeof a === 'string') || (request.prepared && !prepared)) {
  stopEarlyWorker();
  process.exit(70);
}
process.argv = [process.argv[0], vitestBin, ...args];
say('started');
if (request.prepared) {
  // args: run <test files> --config <preparedConfig>, checked by the host.
  await runPrepared(prepared, args.slice(1, -2));
} else {
  endControl();
  stopEarlyWorker();
  await prepared?.close();
  await import(pathToFileURL(path.join(vitestDir, 'dist/cli.js')).href);
}
