// speccc's warm test runner: a spare vitest process, started in a sealed sandbox of its own
// before the job it will serve is known (src/io/vitest-spare.ts starts it), and used for exactly
// one job, then thrown away with its sandbox.
//
// While it waits it loads vitest's node code and starts vite's esbuild service: read-only
// toolchain code, the same for every job, and most of a cold `vitest run`. Then it says `ready`
// on fd 3. It reads one JSON line on stdin, { args: [...] } (vitest's command line after the
// binary), says `started` on fd 3 and closes it, and runs vitest's own CLI with those arguments
// in this process: the same code path, output and exit code as the cold `node vitest.mjs ...`.
import { closeSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';
import { pathToFileURL } from 'node:url';

const [vitestDir] = process.argv.slice(2);
const vitestBin = path.join(vitestDir, 'vitest.mjs');
const CONTROL = 3;
// What vitest's modules could read while loading: the shape of the command line they will see.
process.argv = [process.argv[0], vitestBin, 'run'];

async function preload() {
  await import(pathToFileURL(path.join(vitestDir, 'dist/node.js')).href);
  // vite bundles the config file with esbuild, whose service is a child process started on first use.
  const vite = createRequire(createRequire(path.join(vitestDir, 'package.json')).resolve('vite/package.json'));
  const esbuild = vite('esbuild');
  await esbuild.transform('', {});
}

function say(word) {
  writeSync(CONTROL, `${word}\n`);
}

await preload();
say('ready');
const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
const line = await new Promise((resolve) => {
  lines.once('line', resolve);
  lines.once('close', () => resolve(null));
});
lines.close();
process.stdin.destroy();
if (line === null) process.exit(0);
const { args } = JSON.parse(line);
if (!Array.isArray(args) || !args.every((a) => typeof a === 'string')) process.exit(70);
process.argv = [process.argv[0], vitestBin, ...args];
say('started');
closeSync(CONTROL);
await import(pathToFileURL(path.join(vitestDir, 'dist/cli.js')).href);
