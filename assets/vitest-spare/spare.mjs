// speccc's warm test runner: a spare vitest process, started in a sealed sandbox of its own
// before the job it will serve is known (src/io/vitest-spare.ts starts it), and used for exactly
// one job, then thrown away with its sandbox.
//
// While it waits it loads vitest's node code and starts vite's esbuild service: read-only
// toolchain code, the same for every job, and most of a cold `vitest run`. Given a config file
// (speccc's own, already in its folder), it also creates the vitest instance for `vitest run
// --config <it>`, as vitest's CLI would. Then it says `ready` on fd 3. It reads one JSON line on
// stdin, { args: [...], prepared }, says `started` on fd 3 and closes it, and either starts the
// prepared instance on the job's test files (`prepared`: the host checked that the job's command
// and files are the ones it was made for), or runs vitest's own CLI with those arguments in this
// process: the same code path, output and exit code as the cold `node vitest.mjs ...`.
import { closeSync, writeSync } from 'node:fs';
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
async function prepare({ parseCLI, createVitest }) {
  try {
    const { options } = parseCLI(['vitest', 'run', '--config', preparedConfig]);
    process.env.TEST = 'true';
    process.env.VITEST = 'true';
    process.env.NODE_ENV ??= 'test';
    options.watch = false;
    return await createVitest('test', options);
  } catch {
    return null;
  }
}

/** What vitest's CLI does after creating its instance, for a run of `filters`; a throw is left to the cold run. */
async function runPrepared(ctx, filters) {
  try {
    await ctx.start(filters);
  } catch {
    process.exit(70);
  }
  if (!ctx.shouldKeepServer()) {
    await ctx.close();
    await ctx.exit();
  }
}

function say(word) {
  writeSync(CONTROL, `${word}\n`);
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
if (line === null) process.exit(0);
const request = JSON.parse(line);
const { args } = request;
if (!Array.isArray(args) || !args.every((a) => typeof a === 'string')) process.exit(70);
process.argv = [process.argv[0], vitestBin, ...args];
if (request.prepared && !prepared) process.exit(70);
say('started');
closeSync(CONTROL);
if (request.prepared) {
  // args: run <test files> --config <preparedConfig>, checked by the host.
  await runPrepared(prepared, args.slice(1, -2));
} else {
  await prepared?.close();
  await import(pathToFileURL(path.join(vitestDir, 'dist/cli.js')).href);
}
