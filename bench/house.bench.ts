/**
 * The shape of the code, measured the same way before and after a redesign (issue "The house,
 * rearranged"): files and lines under src/, the longest function and how many pass 80 lines,
 * import arrows that cross from one room (a folder under src/, or src/phases/<n>) into another,
 * and how many times one in-process build of the bundled example reads speccc.config.json,
 * templates and the scenarios folder. Counted, not timed: the figures do not depend on load.
 */
import fs, { readdirSync, readFileSync, statSync } from 'node:fs';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
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

/** Reads of the config, the templates folder and the scenarios folder during one in-process build of the example (everything fresh). */
async function readsPerBuild(): Promise<{ config: number; templates: number; scenarios: number }> {
  const root = mkdtempSync(path.join(tmpdir(), 'speccc-bench-house-'));
  for (const part of ['specs', 'context', 'scenarios', 'generated', 'speccc.config.json']) cpSync(path.join(repo, part), path.join(root, part), { recursive: true });
  const counts = { config: 0, templates: 0, scenarios: 0 };
  const count = (p: unknown) => {
    const s = String(p);
    if (s.endsWith('speccc.config.json')) counts.config++;
    else if (s.includes(`${path.sep}templates`)) counts.templates++;
    else if (s.startsWith(path.join(root, 'scenarios'))) counts.scenarios++;
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
  try {
    const { build } = await import('../src/compile.js');
    const { createRuntime, takeCredentials } = await import('../src/runtime.js');
    const { loadConfig } = await import('../src/io/config-file.js');
    const { passing } = await import('./stubs.js');
    const runtime = createRuntime({ root, config: (await loadConfig(root)).config, credentials: takeCredentials({}), command: 'build', provider: 'anthropic', inject: { validator: passing } });
    counts.config = counts.templates = counts.scenarios = 0; // what the build reads, not the bench's own set-up
    await build({ root, mode: 'build', runtime, force: 'all' }).catch(() => undefined);
  } finally {
    undo.forEach((u) => u());
    rmSync(root, { recursive: true, force: true });
  }
  return counts;
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
    { name: 'speccc.config.json reads per build', value: reads.config, unit: 'reads' },
    { name: 'templates reads per build', value: reads.templates, unit: 'reads' },
    { name: 'scenarios folder reads per build', value: reads.scenarios, unit: 'reads' },
  ];
}
