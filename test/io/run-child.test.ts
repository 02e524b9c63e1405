import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CappedOutput, runChild } from '../../src/io/run-child.js';

const node = process.execPath;

describe('sandboxed child runner', () => {
  it('kills a check that loops forever at the limit, with the processes it forked', async () => {
    const script = `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      console.log('grandchild ' + child.pid);
      setInterval(() => {}, 1000);`;
    const result = await runChild({ command: node, args: ['-e', script], cwd: process.cwd(), timeoutMs: 1500 });
    expect(result.timedOut).toBe(true);
    expect(result.durationMs).toBeLessThan(5000);
    const pid = Number(/grandchild (\d+)/.exec(result.output)?.[1]);
    expect(pid).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    // Gone, or a zombie waiting for a reaper: either way it no longer runs.
    const state = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]![0] : 'gone';
    expect(['gone', 'Z', 'X']).toContain(state);
  });

  it('never passes the API key or other secrets to generated code', async () => {
    const parentEnv = { PATH: process.env.PATH, ANTHROPIC_API_KEY: 'sk-ant-secret-123', GITHUB_TOKEN: 'ghp_secret', AWS_SECRET_ACCESS_KEY: 'aws', HOME: '/root' };
    const result = await runChild({ command: node, args: ['-e', 'console.log(JSON.stringify(process.env))'], cwd: process.cwd(), timeoutMs: 5000, parentEnv });
    const env = JSON.parse(result.output) as Record<string, string>;
    expect(Object.keys(env).filter((k) => /KEY|TOKEN|SECRET/.test(k))).toEqual([]);
    expect(result.output).not.toContain('secret');
    expect(env.HOME).not.toBe('/root');
  });

  it('caps a flood of output and keeps its beginning and end', async () => {
    const script = "process.stdout.write('BEGIN\\n'); for (let i = 0; i < 20000; i++) process.stdout.write('x'.repeat(100) + '\\n'); process.stdout.write('END\\n');";
    const result = await runChild({ command: node, args: ['-e', script], cwd: process.cwd(), timeoutMs: 10000 });
    expect(result.exitCode).toBe(0);
    expect(result.output.length).toBeLessThan(300 * 1024);
    expect(result.output.startsWith('BEGIN')).toBe(true);
    expect(result.output.trimEnd().endsWith('END')).toBe(true);
    expect(result.output).toMatch(/bytes of output omitted/);
  });

  it('stops a check that tries to fill the disk', async () => {
    const script = "require('node:fs').writeFileSync('big.bin', Buffer.alloc(8 * 1024 * 1024))";
    const { mkdtempSync, rmSync, statSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'speccc-disk-'));
    try {
      const result = await runChild({ command: node, args: ['-e', script], cwd: dir, timeoutMs: 10000, maxFileBytes: 1024 * 1024 });
      expect(result.exitCode).not.toBe(0);
      expect(statSync(path.join(dir, 'big.bin')).size).toBeLessThanOrEqual(1024 * 1024);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('capped output', () => {
  const text = (cap: number, chunks: string[]) => {
    const out = new CappedOutput(cap);
    for (const c of chunks) out.add(Buffer.from(c));
    return out.text();
  };

  it('keeps everything under the cap, and a tail that follows the head without a gap', () => {
    expect(text(100, ['ab', 'cd'])).toBe('abcd');
    expect(text(10, ['abcdef', 'gh'])).toBe('abcdefgh');
  });

  it('keeps the head up to half the cap and the last half in whole chunks, and says how many bytes between were dropped', () => {
    expect(text(10, ['abc', 'def', 'ghi', 'jkl', 'mn'])).toBe('abcdef\n… 3 bytes of output omitted …\njklmn');
  });
});
