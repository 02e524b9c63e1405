/**
 * The install a user gets: `npm pack` this repository, install the tarball into an empty project
 * with an empty npm cache (every package downloaded, as on a fresh machine), and the same for
 * OpenSpec 1.13 from the registry. Size is `du` of node_modules (what the disk holds), packages
 * are the folders with a package.json under it. Needs the npm registry; BENCH_INSTALL_RUNS=3.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { median, repo, type BenchResult } from './util.js';

const RUNS = Number(process.env.BENCH_INSTALL_RUNS ?? 3);
const OPENSPEC = '@fission-ai/openspec@1.13.2';

interface Install {
  ms: number;
  mb: number;
  packages: number;
}

/** Folders under node_modules that are packages (scoped ones counted one by one). */
function packagesIn(nodeModules: string): number {
  let n = 0;
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const at = path.join(dir, entry.name);
      if (entry.name.startsWith('@')) visit(at);
      else if (existsSync(path.join(at, 'package.json'))) {
        n++;
        if (existsSync(path.join(at, 'node_modules'))) visit(path.join(at, 'node_modules'));
      }
    }
  };
  visit(nodeModules);
  return n;
}

/** One install of `what` into a fresh project with a fresh npm cache. */
function installOnce(what: string): Install {
  const work = mkdtempSync(path.join(tmpdir(), 'speccc-bench-install-'));
  try {
    const project = path.join(work, 'project');
    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'bench', private: true }));
    const started = process.hrtime.bigint();
    const run = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--cache', path.join(work, 'cache'), what], { cwd: project, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (run.status !== 0) throw new Error(`npm install ${what} failed: ${run.stderr}`);
    const nodeModules = path.join(project, 'node_modules');
    const kb = Number(execFileSync('du', ['-sk', nodeModules], { encoding: 'utf8' }).split('\t')[0]);
    return { ms, mb: kb / 1024, packages: packagesIn(nodeModules) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function summary(runs: Install[]): Install {
  return { ms: median(runs.map((r) => r.ms)), mb: median(runs.map((r) => r.mb)), packages: median(runs.map((r) => r.packages)) };
}

export async function run(): Promise<BenchResult[]> {
  const packed = mkdtempSync(path.join(tmpdir(), 'speccc-bench-pack-'));
  try {
    execFileSync('npm', ['pack', '--pack-destination', packed, '--silent'], { cwd: repo, encoding: 'utf8' });
    const tarball = path.join(packed, readdirSync(packed).find((f) => f.endsWith('.tgz'))!);
    // Alternated, so that both see the same moments of a shared machine and network.
    const ours: Install[] = [];
    const theirs: Install[] = [];
    for (let i = 0; i < RUNS; i++) {
      ours.push(installOnce(tarball));
      theirs.push(installOnce(OPENSPEC));
    }
    const s = summary(ours);
    const o = summary(theirs);
    return [
      { name: 'install speccc from the tarball, size', value: s.mb, unit: 'MB', note: `${s.packages} packages; goal <= 60 MB`, row: 'install: size', tool: 'speccc' },
      { name: 'install speccc from the tarball, time', value: s.ms, unit: 'ms', note: `empty npm cache; median of ${RUNS}; goal <= 5 s`, row: 'install: time (empty npm cache)', tool: 'speccc' },
      { name: 'install speccc from the tarball, packages', value: s.packages, unit: 'packages', row: 'install: packages', tool: 'speccc' },
      { name: `install ${OPENSPEC}, size`, value: o.mb, unit: 'MB', note: `${o.packages} packages`, row: 'install: size', tool: 'openspec' },
      { name: `install ${OPENSPEC}, time`, value: o.ms, unit: 'ms', note: `empty npm cache; median of ${RUNS}`, row: 'install: time (empty npm cache)', tool: 'openspec' },
      { name: `install ${OPENSPEC}, packages`, value: o.packages, unit: 'packages', row: 'install: packages', tool: 'openspec' },
    ];
  } finally {
    rmSync(packed, { recursive: true, force: true });
  }
}
