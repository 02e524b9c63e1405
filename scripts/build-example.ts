/**
 * Builds the bundled example workspace with scripted replies instead of a model: an agent that
 * writes, for each job, the files in examples/replies/<spec-id>/ through the job's sandbox. The
 * output still goes through the whole pipeline (plan, prompts, job keys, validation with tsc,
 * vitest and the holdout scenarios, atomic promotion) and the manifest says who wrote it.
 *
 *   node --import tsx scripts/build-example.ts [--force]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from '../src/compile.js';
import { loadConfig } from '../src/config/load.js';
import { createValidator } from '../src/phases/7-validate/index.js';
import type { Agent } from '../src/types.js';

const root = path.resolve(import.meta.dirname, '..');
const repliesDir = path.join(root, 'examples/replies');

function repliesFor(id: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(path.relative(path.join(repliesDir, id), p).split(path.sep).join('/'), readFileSync(p, 'utf8'));
    }
  };
  walk(path.join(repliesDir, id));
  return files;
}

const scripted: Agent = {
  name: 'scripted',
  async run(task, sandbox) {
    const files = repliesFor(task.specId);
    for (const [p, content] of files) {
      const verdict = sandbox.write(p, content);
      if (!verdict.ok) throw new Error(`scripted reply for ${task.specId} was refused: ${verdict.error}`);
    }
    return { status: 'done', usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 }, costUsd: 0, requests: 0, history: [] };
  },
};

const { config } = await loadConfig(root);
const result = await build({
  root,
  mode: 'build',
  force: process.argv.includes('--force') ? 'all' : null,
  agent: scripted,
  providerLabel: 'scripted replies from examples/replies/ (written by the speccc developers; no model was called)',
  validator: createValidator({ config, scenariosDir: path.join(root, config.paths.scenarios) }),
});
for (const [id, o] of result.outcomes) console.log(`${id}: ${o.state}${o.error ? ` (${o.error})` : ''}`);
if (result.blocked.length > 0) console.log(result.blocked.map((d) => `${d.file}:${d.span.start.line} ${d.code} ${d.message}`).join('\n'));
process.exitCode = [...result.outcomes.values()].every((o) => o.state === 'built' || o.state === 'fresh' || o.state === 'reused') && result.blocked.length === 0 ? 0 : 1;
