// `speccc twin`: in-process (the command's own code, as runCli runs it) and as a child process
// (the built binary): its URL is the first line of stdout, Ctrl-C stops it with exit 0, and it
// stops by itself when the process that started it dies.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from '../helpers/cli.js';
import { portFreedWithin, portRefuses } from '../helpers/ports.js';

const REPLIES = fileURLToPath(new URL('./samples/replies', import.meta.url));
const BIN = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const repo = fileURLToPath(new URL('../..', import.meta.url));


/** `speccc twin …` in this process; `firstLine` resolves with its first stdout line once it has printed one. */
const twinInProcess = (args: string[]) => startCli(['twin', ...args], { cwd: repo });

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing its URL`)));
  });
}

describe('speccc twin (in-process)', () => {
  it('prints its URL first, answers from --script-dir, and stops with exit 0 on Ctrl-C', async () => {
    const twin = twinInProcess(['--script-dir', 'test/api-twin/samples/replies', '--delay-ms', '1', '--max-concurrent', '4']);
    const url = await twin.firstLine;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = new Anthropic({ apiKey: 'rehearsal', baseURL: url, maxRetries: 0 });
    const reply = await client.messages.create({ model: 'claude-sonnet-5-5', max_tokens: 1000, messages: [{ role: 'user', content: 'speccc-spec-id: money' }] });
    expect(reply.content.find((b) => b.type === 'tool_use')).toMatchObject({ input: { path: 'src/money.ts' } });
    expect(twin.output().stderr).toContain(`export ANTHROPIC_BASE_URL=${url}`);
    twin.stop();
    expect(await twin.exit).toBe(0);
    expect(await portRefuses(Number(new URL(url).port))).toBe(true);
  });

  it('without --script-dir every request gets a short text answer', async () => {
    const twin = twinInProcess([]);
    const client = new Anthropic({ apiKey: 'k', baseURL: await twin.firstLine, maxRetries: 0 });
    const reply = await client.messages.create({ model: 'claude-sonnet-5-5', max_tokens: 100, messages: [{ role: 'user', content: 'hello' }] });
    expect(reply.content[0]?.type).toBe('text');
    twin.stop();
    expect(await twin.exit).toBe(0);
  });

  it('--port serves on that port', async () => {
    const free = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const port = (s.address() as { port: number }).port;
        s.close(() => resolve(port));
      });
    });
    const twin = twinInProcess(['--port', String(free)]);
    expect(await twin.firstLine).toBe(`http://127.0.0.1:${free}`);
    // a second twin on the same port is a usage error, not a stack trace
    const busy = await runCli(['twin', '--port', String(free)], { cwd: repo });
    expect(busy).toMatchObject({ code: 2, stdout: '' });
    expect(busy.stderr).toBe(`speccc: port ${free} on 127.0.0.1 is in use; choose another with --port (0 picks a free one)\n`);
    twin.stop();
    expect(await twin.exit).toBe(0);
  });

  it('bad flags are usage errors (exit 2) that name the flag', async () => {
    const cases: [string[], string][] = [
      [['--port', '70000'], '--port must be a whole number from 0 to 65535, not 70000'],
      [['--port', 'x'], '--port must be a whole number from 0 to 65535, not x'],
      [['--delay-ms', '-5'], '--delay-ms must be a whole number from 0 to 600000, not -5'],
      [['--max-concurrent', '0'], '--max-concurrent must be a whole number from 1 to 10000, not 0'],
      [['--output-tokens-per-second', '0'], '--output-tokens-per-second must be a positive number, not 0'],
      [['--script-dir', 'no/such/folder'], `--script-dir no/such/folder: ${repo}no/such/folder is not a folder`],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(['twin', ...args], { cwd: repo });
      expect(run, args.join(' ')).toMatchObject({ code: 2, stdout: '', stderr: `speccc: ${message}\n` });
    }
  });

  it('an already aborted signal (Ctrl-C before it started) exits 0 without listening', async () => {
    const run = await runCli(['twin'], { cwd: repo, signal: AbortSignal.abort() });
    expect(run).toMatchObject({ code: 0, stdout: '' });
  });
});

describe('speccc twin (child process, the built binary)', () => {
  it('stops on SIGINT with exit 0 and frees its port', async () => {
    const child = spawn(process.execPath, [BIN, 'twin', '--port', '0', '--script-dir', REPLIES], { stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await firstLine(child);
    const port = Number(new URL(url).port);
    expect(await portRefuses(port)).toBe(false);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(await portRefuses(port)).toBe(true);
  });

  it('stops when the shell that started it is killed (SIGKILL)', async () => {
    const shell = spawn('sh', ['-c', `'${process.execPath}' '${BIN}' twin --port 0 & wait`], { stdio: ['ignore', 'pipe', 'ignore'] });
    const port = Number(new URL(await firstLine(shell)).port);
    expect(await portRefuses(port)).toBe(false);
    shell.kill('SIGKILL');
    // the twin looks at its parent every 500 ms
    expect(await portFreedWithin(port, 5000)).toBeLessThan(5000);
  });

  it('keeps serving while its stdin is a pipe that closes (only Ctrl-C and a dead parent stop it)', async () => {
    const child = spawn(process.execPath, [BIN, 'twin', '--port', '0'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const port = Number(new URL(await firstLine(child)).port);
    child.stdin!.end();
    await new Promise((r) => setTimeout(r, 700));
    expect(await portRefuses(port)).toBe(false);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
