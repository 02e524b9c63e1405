/**
 * The shape of the code, measured the same way before and after a redesign (issue "The house,
 * rearranged"): files and lines under src/, the longest function and how many pass 80 lines,
 * import arrows that cross from one room (a folder under src/, or src/phases/<n>) into another,
 * and how many times one in-process build of the bundled example reads speccc.config.json,
 * templates and the scenarios folder. Counted, not timed: the figures do not depend on load.
 */
import fs, { readdirSync, readFileSync, statSync } from 'node:fs';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { repo, type BenchResult } from './util.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.ts$/.test(p) && !p.endsWith('.d.ts') ? [p] : [];
  });
}

/** The room a source file is in: `phases/5-plan`, `io`, `commands`, or `.` for a file at src/'s top. */
function roomOf(file: string): string {
  const rel = path.relative(path.join(repo, 'src'), file).split(path.sep);
  if (rel[0] === 'phases' && rel.length > 2) return `phases/${rel[1]}`;
  return rel.length > 1 ? rel[0]! : '.';
}

function functionLengths(file: string, text: string): { name: string; lines: number }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: { name: string; lines: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const a = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const b = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = (node as { name?: ts.Node }).name?.getText(source) ?? '(anonymous)';
      out.push({ name: `${path.relative(repo, file)}:${a + 1} ${name}`, lines: b - a + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function importArrows(files: string[]): number {
  const arrows = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)) {
      const target = path.resolve(path.dirname(file), m[1]!.replace(/\.js$/, '.ts'));
      const [from, to] = [roomOf(file), roomOf(target)];
      if (from !== to) arrows.add(`${from} -> ${to}`);
    }
  }
  return arrows.size;
}

/** What one kind of input cost one build: read calls (readFile, readdir, sync or not), and how many of them read a path a second time. */
export interface Reads {
  calls: number;
  /** Calls on a path this build had read (or listed) already: 0 when every file and folder is read once. */
  repeated: number;
}

/**
 * Reads of the config, the templates folders (speccc's defaults and the workspace's) and the
 * scenarios folder during one in-process build of the example (everything fresh), as the command
 * runs it: the config read that makes the runtime counts too. A file or folder read once costs one
 * call; a folder of n files, n + 1. `repeated` counts calls on a path read before in the same build.
 */
async function readsPerBuild(): Promise<Record<'config' | 'templates' | 'scenarios', Reads>> {
  const root = mkdtempSync(path.join(tmpdir(), 'speccc-bench-house-'));
  for (const part of ['specs', 'context', 'scenarios', 'generated', 'speccc.config.json']) cpSync(path.join(repo, part), path.join(root, part), { recursive: true });
  const seen = { config: new Map<string, number>(), templates: new Map<string, number>(), scenarios: new Map<string, number>() };
  let live = true;
  const count = (p: unknown) => {
    if (!live) return;
    const s = String(p);
    const kind = s.endsWith('speccc.config.json') ? 'config' : s.includes(`${path.sep}templates`) ? 'templates' : s.startsWith(path.join(root, 'scenarios')) ? 'scenarios' : null;
    if (kind) seen[kind].set(s, (seen[kind].get(s) ?? 0) + 1);
  };
  const wrap = <T extends (...args: never[]) => unknown>(target: object, name: string) => {
    const original = (target as Record<string, T>)[name]!;
    (target as Record<string, unknown>)[name] = (...args: Parameters<T>) => {
      count(args[0]);
      return original(...args);
    };
    return () => ((target as Record<string, unknown>)[name] = original);
  };
  const undo = [wrap(fs.promises, 'readFile'), wrap(fs.promises, 'readdir'), wrap(fs, 'readFileSync'), wrap(fs, 'readdirSync')];
  // `import { readFileSync } from 'node:fs'` binds the export, not the property: sync them so those reads count too.
  syncBuiltinESMExports();
  try {
    const { runBuildOnce } = await import('./house-build.js');
    await runBuildOnce(root, () => {
      for (const m of Object.values(seen)) m.clear(); // what the build reads, not the bench's own set-up
    });
  } finally {
    live = false; // the bench's own clean-up below is no read of the build's
    undo.forEach((u) => u());
    syncBuiltinESMExports();
    rmSync(root, { recursive: true, force: true });
  }
  const reads = (m: Map<string, number>): Reads => {
    const calls = [...m.values()].reduce((a, b) => a + b, 0);
    return { calls, repeated: calls - m.size };
  };
  return { config: reads(seen.config), templates: reads(seen.templates), scenarios: reads(seen.scenarios) };
}

export async function run(): Promise<BenchResult[]> {
  const files = sources(path.join(repo, 'src'));
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const lines = texts.reduce((n, t) => n + t.split('\n').length, 0);
  const fns = files.flatMap((f, i) => functionLengths(f, texts[i]!)).sort((a, b) => b.lines - a.lines);
  const reads = await readsPerBuild();
  return [
    { name: 'source files under src/', value: files.length, unit: 'files' },
    { name: 'lines under src/', value: lines, unit: 'lines' },
    { name: 'longest function', value: fns[0]!.lines, unit: 'lines', note: fns[0]!.name },
    { name: 'functions over 80 lines', value: fns.filter((f) => f.lines > 80).length, unit: 'functions', note: fns.filter((f) => f.lines > 80).map((f) => f.name).slice(0, 6).join('; ') },
    { name: 'import arrows between rooms', value: importArrows(files), unit: 'arrows' },
    ...(['config', 'templates', 'scenarios'] as const).flatMap((k) => [
      { name: `${k === 'config' ? 'speccc.config.json' : k === 'templates' ? 'templates' : 'scenarios folder'} reads per build`, value: reads[k].calls, unit: 'reads' },
      { name: `${k === 'config' ? 'speccc.config.json' : k === 'templates' ? 'templates' : 'scenarios folder'} reads of a path read before`, value: reads[k].repeated, unit: 'reads' },
    ]),
  ];
}
