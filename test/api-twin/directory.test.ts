// The directory script (how examples/replies drives the bundled example) and the
// command-line twin.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Anthropic from '@anthropic-ai/sdk';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { directoryScript } from '../../src/api-twin/index.js';
import { runCli } from '../helpers/cli.js';
import { useTempWorkspace, useTwin } from '../helpers/fixtures.js';

const REPLIES = fileURLToPath(new URL('./samples/replies', import.meta.url));
const CLI = fileURLToPath(new URL('../../src/api-twin/cli.ts', import.meta.url));
const MODEL = 'claude-sonnet-4-6';

const twins = useTwin();
const workspaces = useTempWorkspace();

/** Runs a job the way an agent loop would: execute write_file calls until end_turn. */
async function runJob(client: Anthropic, specId: string, prompt = `Implement it.\nspeccc-spec-id: ${specId}\n`): Promise<Record<string, string>> {
  const written: Record<string, string> = {};
  const messages: Anthropic.MessageParam[] = [{ role: 'user', content: prompt }];
  for (let turn = 0; turn < 5; turn++) {
    const reply = await client.messages.stream({ model: MODEL, max_tokens: 8000, messages }).finalMessage();
    messages.push({ role: 'assistant', content: reply.content });
    if (reply.stop_reason !== 'tool_use') return written;
    const results: Anthropic.ToolResultBlockParam[] = [];
    for (const block of reply.content) {
      if (block.type !== 'tool_use') continue;
      const input = block.input as { path: string; content: string };
      written[input.path] = input.content;
      results.push({ type: 'tool_result', tool_use_id: block.id, content: 'written' });
    }
    messages.push({ role: 'user', content: results });
  }
  throw new Error('job did not end its turn');
}

describe('twin: directory script', () => {
  it('answers each spec id with its folder of files', async () => {
    const twin = await twins.start({ script: await directoryScript(REPLIES) });
    const client = new Anthropic({ apiKey: 'test-key', baseURL: twin.url, maxRetries: 0 });
    expect(await runJob(client, 'money')).toEqual({ 'src/money.ts': 'export type Cents = number;\n' });
    // A second job for the same spec (a fix) gets the money@2 attempt.
    expect(await runJob(client, 'money')).toEqual({ 'src/money.ts': 'export type Cents = number; // fixed\n' });
    const invoice = await runJob(client, 'invoice');
    expect(Object.keys(invoice).sort()).toEqual(['src/invoice.ts', 'src/lib/x.ts']);
    expect(twin.messageRequests().map((r) => r.rule)).toEqual(['dir:money', 'dir:money', 'dir:money', 'dir:money', 'dir:invoice', 'dir:invoice']);
    await expect(runJob(client, 'unknown')).rejects.toThrow(`twin: no reply for spec unknown's job (attempt 1, turn 1) in ${REPLIES}: add unknown/<each output path of the spec>`);
  });
});

/** A copy of samples/replies to edit during a test. */
function scratchReplies(): string {
  const dir = workspaces.empty('twin-replies-');
  cpSync(REPLIES, dir, { recursive: true });
  return dir;
}

/** The prompt of a scenario-check job, rendered from the template speccc uses. */
function scenarioPrompt(specId: string, name: string): string {
  const template = readFileSync(fileURLToPath(new URL('../../templates/scenario-check.hbs', import.meta.url)), 'utf8');
  return Handlebars.compile(template)({
    spec: { id: specId, file: `specs/${specId}.md`, source: '# Money\n\nRounds half up.' },
    name,
    path: `${specId}/${name}.test.ts`,
    scenario: 'Rounding 2.5 gives 3.',
    interfaces: [{ path: 'src/money.ts', text: 'export declare function round(x: number): number;' }],
    firstOutput: 'src/money.js',
  });
}

describe('twin: directory script, a job with no reply', () => {
  it('is a 400 naming the spec, the attempt and turn, and the files to add; once added, the next request is answered', async () => {
    const dir = scratchReplies();
    const twin = await twins.start({ script: await directoryScript(dir) });
    const client = new Anthropic({ apiKey: 'test-key', baseURL: twin.url, maxRetries: 0 });
    // speccc's job prompt lists the files the spec owns.
    const prompt = 'speccc-spec-id: late\n\n# Job: build spec `late` (feature)\n\nWrite exactly these files (paths relative to the generated root):\n- `src/late.ts`\n- `src/late.test.ts`\n';
    const expected = (attempt: number) => `twin: no reply for spec late's job (attempt ${attempt}, turn 1) in ${dir}: add late/src/late.ts, late/src/late.test.ts`;
    await expect(runJob(client, 'late', prompt)).rejects.toThrow(expected(1));
    await expect(runJob(client, 'late', prompt)).rejects.toThrow(expected(2));
    expect(twin.messageRequests().map((r) => r.status)).toEqual([400, 400]);
    // Add what it said, without restarting the twin.
    mkdirSync(join(dir, 'late/src'), { recursive: true });
    writeFileSync(join(dir, 'late/src/late.ts'), 'export const late = true;\n');
    writeFileSync(join(dir, 'late/src/late.test.ts'), "import { it } from 'vitest';\nit('is late', () => {});\n");
    expect(Object.keys(await runJob(client, 'late', prompt)).sort()).toEqual(['src/late.test.ts', 'src/late.ts']);
  });

  it('speccc build prints it as the job failure', async () => {
    const base = workspaces.empty('twin-missing-');
    const replies = join(base, 'replies');
    mkdirSync(replies);
    const twin = await twins.start({ script: await directoryScript(replies) });
    expect((await runCli(['init', 'acme'], { cwd: base })).code).toBe(0);
    const build = await runCli(['build'], { cwd: join(base, 'acme'), env: { ...twin.env('rehearsal'), PATH: process.env.PATH } });
    expect(build.code).toBe(1);
    expect(build.stdout).toContain(
      `✖ foundation failed (api-error): the API rejected the request (400 invalid_request_error): twin: no reply for spec foundation's job (attempt 1, turn 1) in ${replies}: add foundation/package.json, foundation/tsconfig.json, foundation/src/errors.ts, foundation/src/errors.test.ts; generated/ keeps its previous files\n`,
    );
  }, 60_000);
});

describe('twin: directory script, live', () => {
  it('re-reads reply files at request time: an edit changes the next answer, a new attempt folder is used', async () => {
    const dir = scratchReplies();
    const twin = await twins.start({ script: await directoryScript(dir) });
    const client = new Anthropic({ apiKey: 'test-key', baseURL: twin.url, maxRetries: 0 });
    expect(await runJob(client, 'invoice')).toMatchObject({ 'src/invoice.ts': readFileSync(join(dir, 'invoice/src/invoice.ts'), 'utf8') });
    writeFileSync(join(dir, 'invoice/src/invoice.ts'), 'export const edited = true;\n');
    expect((await runJob(client, 'invoice'))['src/invoice.ts']).toBe('export const edited = true;\n');
    mkdirSync(join(dir, 'invoice@3/src'), { recursive: true });
    writeFileSync(join(dir, 'invoice@3/src/invoice.ts'), 'export const third = 3;\n');
    // Third write occasion for this spec: the attempt folder added while the twin ran.
    expect(await runJob(client, 'invoice')).toEqual({ 'src/invoice.ts': 'export const third = 3;\n' });
  });

  it('answers a scenario-check job from @scenarios/<spec-id>/<name>.test.ts, written where the prompt says', async () => {
    const twin = await twins.start({ script: await directoryScript(REPLIES) });
    const client = new Anthropic({ apiKey: 'test-key', baseURL: twin.url, maxRetries: 0 });
    const prompt = scenarioPrompt('money', 'rounds-half-up');
    expect(prompt).toContain('speccc-scenario: money/rounds-half-up');
    const written = await runJob(client, 'money', prompt);
    expect(written).toEqual({
      'money/rounds-half-up.test.ts': readFileSync(join(REPLIES, '@scenarios/money/rounds-half-up.test.ts'), 'utf8'),
    });
    expect(twin.messageRequests().map((r) => r.rule)).toEqual(['dir:@scenarios', 'dir:@scenarios']);
    // A scenario without a reply file is answered with the file to add (and @scenarios is no spec id).
    await expect(runJob(client, 'money', scenarioPrompt('money', 'unknown'))).rejects.toThrow(
      `400 {"type":"error","error":{"type":"invalid_request_error","message":"twin: no reply for the check of scenario money/unknown (turn 1) in ${REPLIES}: add @scenarios/money/unknown.test.ts"}`,
    );
    await expect(runJob(client, '@scenarios')).rejects.toThrow(/no script rule matched/);
  });
});

describe('twin: command line', () => {
  it('prints its URL first and serves the directory script until killed', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--script-dir', REPLIES], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const lines = createInterface({ input: child.stdout! });
      const url = await new Promise<string>((resolve, reject) => {
        lines.once('line', resolve);
        child.once('exit', (code) => reject(new Error(`twin exited with ${code}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const client = new Anthropic({ apiKey: 'test-key', baseURL: url, maxRetries: 0 });
      expect(await runJob(client, 'money')).toEqual({ 'src/money.ts': 'export type Cents = number;\n' });
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
  });
});
