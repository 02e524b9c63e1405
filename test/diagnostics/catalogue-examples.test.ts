/**
 * Every catalogue entry's examples are real, as remark-lint's are: each `ok` workspace runs
 * clean and each `notOk` workspace reports its code. The workspaces are written to temporary
 * folders and speccc runs in-process on them (`check --format json`, or the entry's command);
 * only the generated-* examples build first, with an agent that writes every declared output.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/diagnostics/catalogue/index.js';
import type { Example } from '../../src/diagnostics/catalogue/types.js';
import type { Agent } from '../../src/types/index.js';
import { buildWith, view } from '../helpers/runtime.js';
import { runCli } from '../helpers/cli.js';
import { startTwin } from '../../src/api-twin/index.js';
import { useTempWorkspace } from '../helpers/fixtures.js';

/** Models the twin knows for these examples: the lineup speccc prices. */
const MODELS = ['claude-sonnet-5-5', 'claude-opus-5-5', 'claude-haiku-5-5', 'claude-fable-5-1'];

const workspaces = useTempWorkspace({ scope: 'all' });

/**
 * Writes every file the job owns with a line naming it, as test/commands/build/samples.test.ts does; test
 * files get one asserting test per requirement id the prompt lists, as a compliant agent's would.
 */
const writeEverything: Agent = {
  name: 'example',
  async run(task, sandbox) {
    const ids = [...task.prompt.matchAll(/^- `([a-z0-9-]+#[^`]+)` \(/gm)].map((m) => m[1]!);
    const tests = ids.map((id) => `it(${JSON.stringify(`[${id}]`)}, () => { expect(1).toBe(1); });\n`).join('');
    for (const p of sandbox.outputs) sandbox.write(p, /\.test\./.test(p) ? `import { expect, it } from 'vitest';\n${tests}` : `export const file = ${JSON.stringify(p)};\n`);
    return { status: 'done', usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 }, costUsd: 0, requests: 1, history: [task.prompt] };
  },
};

function write(root: string, file: string, content: string | Uint8Array) {
  const target = path.join(root, ...file.split('/'));
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, content);
}

interface Ran {
  codes: string[];
  exit: number;
  output: string;
}

/** Writes the example to a temporary workspace, builds it if asked, runs its command; the codes reported. */
async function run(example: Example): Promise<Ran> {
  const root = workspaces.empty('speccc-catalogue-');
  for (const [file, made] of Object.entries(example.files)) write(root, file, typeof made === 'string' ? made : made.content());
  if (example.build) {
    const built = view(await buildWith(root, writeEverything));
    expect(built.blocked, 'the example must build').toEqual([]);
    expect([...built.outcomes.values()].map((o) => o.state).filter((s) => s !== 'built'), 'every job must build').toEqual([]);
    for (const [file, content] of Object.entries(example.build.thenEdit ?? {})) {
      if (content === null) rmSync(path.join(root, file));
      else write(root, file, content);
    }
  }
  const command = example.command ?? ['check'];
  if (command[0] === 'check') {
    const result = await runCli([...command, '--format', 'json', '--no-cache'], { cwd: root });
    const output = result.stdout + result.stderr;
    let report: { diagnostics: { code: string }[] };
    try {
      report = JSON.parse(result.stdout) as typeof report;
    } catch {
      throw new Error(`speccc ${command.join(' ')} printed no JSON report:\n${output}`);
    }
    return { codes: report.diagnostics.map((d) => d.code), exit: result.code, output };
  }
  // build reports what stops it in the text format, one finding a line. Codes the API decides run against the twin.
  const twin = example.api ? await startTwin({ models: [...MODELS] }) : undefined;
  const result = await runCli(command, { cwd: root, ...(twin ? { env: twin.env() } : {}) }).finally(() => twin?.close());
  const output = result.stdout + result.stderr;
  const codes = [...output.matchAll(/^\S+:\d+:\d+: (?:error|warning) ([a-z0-9-]+) /gm)].map((m) => m[1]!);
  return { codes, exit: result.code, output };
}

describe('catalogue examples', () => {
  for (const entry of CATALOGUE.values()) {
    describe(entry.code, () => {
      it('ok: runs clean', async () => {
        const ran = await run(entry.ok);
        expect(ran.codes, ran.output).not.toContain(entry.code);
        // An ok example shows what good looks like: nothing else is reported either. (Against the
        // twin a build goes on to ask for code the twin cannot write: only the code's absence counts.)
        expect(ran.codes, ran.output).toEqual([]);
        if (!entry.ok.api) expect(ran.exit, ran.output).toBe(0);
      });

      it('not ok: reports the code, and only it', async () => {
        const ran = await run(entry.notOk);
        expect(ran.codes, ran.output).toContain(entry.code);
        // The docs show this example under this code: nothing else may be what it shows.
        expect(new Set(ran.codes), ran.output).toEqual(new Set([entry.code]));
        // Errors fail the command (exit 1, or 2 for the config); warnings fail it only under --strict.
        if (entry.severity === 'error') expect(ran.exit, ran.output).toBeGreaterThan(0);
        else expect(ran.exit, ran.output).toBe(0);
      });
    });
  }

  it('what the docs show of a file is in the file', () => {
    for (const entry of CATALOGUE.values()) {
      for (const [file, made] of Object.entries({ ...entry.ok.files, ...entry.notOk.files })) {
        if (typeof made === 'string') continue;
        const content = made.content();
        if (typeof content !== 'string') continue;
        // A line starting with … stands for text left out.
        for (const part of made.shown.split(/^….*(?:\n|$)/m)) expect(content, `${entry.code}: ${file}`).toContain(part.trim());
      }
    }
  });
});
