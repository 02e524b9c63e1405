// serveTwin (what `npm run twin` and `speccc twin` run) and the command-line twin's
// lifetime: it stops when told to, when its stdin pipe closes, and when its parent dies.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { serveTwin } from '../../src/api-twin/index.js';
import { portFreedWithin, portRefuses } from '../helpers/ports.js';

const REPLIES = fileURLToPath(new URL('./samples/replies', import.meta.url));
const CLI = fileURLToPath(new URL('../../src/api-twin/cli.ts', import.meta.url));
const TWIN = `'${process.execPath}' --import tsx '${CLI}' --port 0 --script-dir '${REPLIES}'`;


/** The first stdout line of a child: the twin's URL. */
function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing its URL`)));
  });
}

const portOf = (url: string) => Number(new URL(url).port);

describe('twin: serveTwin', () => {
  it('resolves once listening with the directory script; aborting the signal closes it', async () => {
    const controller = new AbortController();
    const twin = await serveTwin({ port: 0, host: '127.0.0.1', scriptDir: REPLIES, delayMs: 1, maxConcurrent: 4 }, controller.signal);
    const client = new Anthropic({ apiKey: 'k', baseURL: twin.url, maxRetries: 0 });
    const reply = await client.messages.create({ model: 'claude-opus-5', max_tokens: 1000, messages: [{ role: 'user', content: 'speccc-spec-id: money' }] });
    expect(reply.content.find((b) => b.type === 'tool_use')).toMatchObject({ input: { path: 'src/money.ts' } });
    expect(twin.messageRequests()[0]!.rule).toBe('dir:money');
    controller.abort();
    await twin.closed;
    expect(await portRefuses(twin.port)).toBe(true);
    await twin.close(); // closing again is harmless
  });

  it('refuses to start with a signal already aborted', async () => {
    await expect(serveTwin({}, AbortSignal.abort())).rejects.toThrow();
  });
});

describe('twin: command-line lifetime', () => {
  it('stops when the shell that started it is killed (SIGKILL)', async () => {
    const shell = spawn('sh', ['-c', `${TWIN} & wait`], { stdio: ['ignore', 'pipe', 'inherit'] });
    const port = portOf(await firstLine(shell));
    expect(await portRefuses(port)).toBe(false);
    shell.kill('SIGKILL');
    // The twin polls its parent every 500 ms.
    expect(await portFreedWithin(port, 5000)).toBeLessThan(5000);
  });

  it('stops when a wrapper shell loses its parent, as under a killed `npm run twin`', async () => {
    // outer sh (npm's place) -> inner sh waiting on the twin (npm's `sh -c`) -> twin
    const inner = `sh -c "${TWIN.replace(/"/g, '\\"')}; exit \\$?"`;
    const outer = spawn('sh', ['-c', `${inner} & wait`], { stdio: ['ignore', 'pipe', 'inherit'] });
    const port = portOf(await firstLine(outer));
    outer.kill('SIGKILL');
    expect(await portFreedWithin(port, 5000)).toBeLessThan(5000);
  });

  it('stops when its stdin pipe closes', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const port = portOf(await firstLine(child));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.stdin!.end();
    expect(await exited).toBe(0);
    expect(await portRefuses(port)).toBe(true);
  });

  it('stops on SIGINT with exit code 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const port = portOf(await firstLine(child));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(await portRefuses(port)).toBe(true);
  });
});
