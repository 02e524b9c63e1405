/**
 * One test per folder in test/commands/build/samples/. Each holds a workspace (specs/, context/,
 * optional templates/). If it has an `edits/` folder, the workspace is first built with an agent
 * that writes every declared file, then `edits/` is copied over it. Then `speccc build --dry-run
 * --prompts-out` runs, and the printed plan must equal `expected-plan.txt` and the rendered
 * prompts `expected-prompts/`; then the build runs, and the generated tree with its manifest
 * must equal `expected-tree/`. UPDATE=1 rewrites expectations; SAMPLE=name runs one.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWith } from '../../helpers/runtime.js';
import type { Agent } from '../../../src/types/index.js';
import { runCli } from '../../helpers/cli.js';
import { useTempWorkspace } from '../../helpers/fixtures.js';

const dir = path.join(import.meta.dirname, 'samples');
const update = process.env.UPDATE === '1';
const workspaces = useTempWorkspace({ scope: 'all' });

/** Writes every file the job owns with a line naming it: enough to make a tree to plan against. */
const writeEverything: Agent = {
  name: 'sample',
  async run(task, sandbox) {
    for (const p of sandbox.outputs) sandbox.write(p, `export const file = ${JSON.stringify(p)};\n`);
    return { status: 'done', usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 }, costUsd: 0, requests: 1, history: [task.prompt] };
  },
};

/** Every file under a folder, by relative POSIX path. */
function filesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else out[path.relative(dir, p).split(path.sep).join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** The manifest without what changes from run to run (when and how long) or with the toolchain's versions (the settings digest). */
function stableManifest(text: string): string {
  const manifest = JSON.parse(text) as { specs: Record<string, { builtAt: string; durationMs: number; verdict?: { at: string; key: { settings: string } } }> };
  for (const entry of Object.values(manifest.specs)) {
    entry.builtAt = '<builtAt>';
    entry.durationMs = 0;
    if (entry.verdict) {
      entry.verdict.at = '<at>';
      entry.verdict.key.settings = '<settings>';
    }
  }
  return JSON.stringify(manifest, null, 2) + '\n';
}

function compare(actual: string, file: string) {
  if (update) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  expect(existsSync(file), `${file} is missing (run with UPDATE=1)`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('speccc build samples (plan and prompts)', () => {
  for (const name of readdirSync(dir).filter((n) => !process.env.SAMPLE || n === process.env.SAMPLE).sort()) {
    it(name, async () => {
      const sample = path.join(dir, name);
      const root = workspaces.empty(`speccc-sample-${name}-`);
      for (const part of ['specs', 'context', 'templates', 'speccc.config.json']) {
        if (existsSync(path.join(sample, part))) cpSync(path.join(sample, part), path.join(root, part), { recursive: true });
      }
      if (existsSync(path.join(sample, 'edits'))) {
        await buildWith(root, writeEverything);
        cpSync(path.join(sample, 'edits'), root, { recursive: true });
      }
      const prompts = path.join(root, '.prompts');
      const run = await runCli(['build', '--dry-run', '--prompts-out', prompts], { cwd: root });
      compare(`${run.stdout}${run.stderr}exit ${run.code}\n`, path.join(sample, 'expected-plan.txt'));
      if (!existsSync(prompts)) return;
      const expectedDir = path.join(sample, 'expected-prompts');
      if (update) rmSync(expectedDir, { recursive: true, force: true });
      const produced = readdirSync(prompts).sort();
      if (!update) expect(produced).toEqual(readdirSync(expectedDir).sort());
      for (const file of produced) compare(readFileSync(path.join(prompts, file), 'utf8'), path.join(expectedDir, file));

      // Then the build itself: the generated tree and manifest a user would commit.
      await buildWith(root, writeEverything);
      const treeDir = path.join(sample, 'expected-tree');
      if (update) rmSync(treeDir, { recursive: true, force: true });
      const tree = filesUnder(path.join(root, 'generated'));
      if (!update) expect(Object.keys(tree).sort()).toEqual(Object.keys(filesUnder(treeDir)).sort());
      for (const [file, content] of Object.entries(tree)) compare(file.endsWith('manifest.json') ? stableManifest(content) : content, path.join(treeDir, file));
    });
  }
});
