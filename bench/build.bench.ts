import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../src/compile.js';
import { createRuntime, takeCredentials } from '../src/runtime.js';
import { loadConfig } from '../src/io/config-file.js';
import type { Agent, Validator } from '../src/types/index.js';
import { writeWorkspace } from './generate-workspace.js';
import { median, timeProcess, type BenchResult } from './util.js';

/** Writes every declared output with a one-line body: the cheapest possible "model". */
const instant: Agent = {
  name: 'bench',
  async run(task, sandbox) {
    for (const p of sandbox.outputs) sandbox.write(p, `export const id = ${JSON.stringify(task.specId)};\n`);
    return { status: 'done', usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 }, costUsd: 0, requests: 0, history: [] };
  },
};

/** Validation is measured on its own (sandbox overhead); here it passes, so the figure is speccc's own overhead. */
const passing: Validator = {
  visible: async () => ({ passed: true, feedback: '', durationMs: 0 }),
  holdout: async () => ({ passed: true, feedback: '', durationMs: 0, scenarios: [] }),
  mutate: async () => ({ result: null, error: 'not scored in this test', durationMs: 0 }),
  prove: async () => ({ proven: null, mutants: 0, durationMs: 0 }),
};

export async function run(): Promise<BenchResult[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'speccc-bench-build-'));
  try {
    writeWorkspace(root, 1000);
    const started = performance.now();
    const runtime = createRuntime({ root, config: (await loadConfig(root)).config, credentials: takeCredentials({}), command: 'build', provider: 'anthropic', inject: { agent: instant, validator: passing } });
    await build({ root, mode: 'build', runtime, concurrency: 8 });
    const fullMs = performance.now() - started;
    timeProcess(['build'], root); // warm the caches once
    const noop = [0, 1, 2, 3, 4].map(() => timeProcess(['build'], root));
    const checkMode = [0, 1, 2].map(() => timeProcess(['build', '--check'], root));
    return [
      { name: 'first build of 1,000 specs, instant agent (in-process)', value: fullMs, unit: 'ms', note: 'planning, keys, 1,000 jobs, promotion of 2,000 files' },
      { name: 'no-op `speccc build`, 1,000 specs, warm', value: median(noop), unit: 'ms', note: 'goal < 500 ms' },
      { name: '`speccc build --check`, 1,000 specs, in sync', value: median(checkMode), unit: 'ms' },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
