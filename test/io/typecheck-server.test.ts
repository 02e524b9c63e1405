import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSealedRunner } from '../../src/io/sealed-runner.js';
import { toolConfigs, TSCONFIG } from '../../src/phases/7-validate/index.js';

const runner = createSealedRunner({ mode: 'bubblewrap', parentEnv: process.env });
const tree = (files: Record<string, string>) => new Map([...Object.entries(files), ...toolConfigs(runner.toolchain)]);
const signal = new AbortController().signal;

describe('the type-check server (sealed)', () => {
  it('answers as tsc does: clean, errors with file(line,col), and keeps nothing of one tree for the next', async () => {
    const ok = await runner.typecheck!({ files: tree({ 'src/a.ts': 'export const a: number = 1;\n' }), config: TSCONFIG, timeoutMs: 60_000, signal });
    expect(ok).toMatchObject({ exitCode: 0, output: '', timedOut: false });
    const bad = await runner.typecheck!({ files: tree({ 'src/b.ts': "import { a } from './a.js';\nexport const b: string = a;\n" }), config: TSCONFIG, timeoutMs: 60_000, signal });
    expect(bad.exitCode).not.toBe(0);
    // a.ts belonged to the first tree only: the second cannot see it.
    expect(bad.output).toMatch(/^src\/b\.ts\(1,19\): error TS2307: Cannot find module '\.\/a\.js'/m);
    const typed = await runner.typecheck!({ files: tree({ 'src/c.ts': 'export const c: string = 1;\n', 'src/c.test.ts': "import { expect, it } from 'vitest';\nit('x', () => expect(1).toBe(1));\n" }), config: TSCONFIG, timeoutMs: 60_000, signal });
    expect(typed.output).toBe("src/c.ts(1,14): error TS2322: Type 'number' is not assignable to type 'string'.\n");
  });

  it('is sealed: a file outside the toolchain is not there for it; a check past its time limit is killed, and the next starts afresh', async () => {
    // speccc's own sources sit outside the toolchain's node_modules: a reference to one finds nothing.
    const outside = path.resolve(import.meta.dirname, '../../src/index.ts');
    const peek = await runner.typecheck!({ files: tree({ 'src/p.ts': `/// <reference path="${outside}" />\nexport {};\n` }), config: TSCONFIG, timeoutMs: 60_000, signal });
    expect(peek.output).toContain(`error TS6053: File '${outside}' not found`);
    const late = await runner.typecheck!({ files: tree({ 'src/slow.ts': 'export const s = 1;\n' }), config: TSCONFIG, timeoutMs: 1, signal });
    expect(late).toMatchObject({ timedOut: true, exitCode: null });
    const after = await runner.typecheck!({ files: tree({ 'src/d.ts': 'export const d = 1;\n' }), config: TSCONFIG, timeoutMs: 60_000, signal });
    expect(after).toMatchObject({ exitCode: 0, output: '' });
  });
});
