/**
 * A built workspace of 10,000 specs (BENCH_NOOP_SIZE): the no-op `speccc build` (a whole process,
 * pointed at a twin of the Messages API that counts what it is asked), and an edit of one spec:
 * the build after it generates one job and reuses every other. The first build, which only sets
 * the workspace up, runs in process with an instant agent and a passing validator.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../src/compile.js';
import { createRuntime, takeCredentials } from '../src/runtime.js';
import { loadConfig } from '../src/io/config-file.js';
import { startTwin } from '../src/api-twin/index.js';
import type { Agent, JobOutcome } from '../src/types/index.js';
import { writeWorkspace } from './generate-workspace.js';
import { passing, writeListedFiles } from './stubs.js';
import { measureSpeccc, medians, type BenchResult } from './util.js';

const SIZE = Number(process.env.BENCH_NOOP_SIZE ?? 10_000);

/** Writes every declared output with a one-line body: the cheapest possible "model". */
const instant: Agent = {
  name: 'bench',
  async run(task, sandbox) {
    for (const p of sandbox.outputs) sandbox.write(p, `export const id = ${JSON.stringify(task.specId)};\n`);
    return { status: 'done', usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 }, costUsd: 0, requests: 0, history: [] };
  },
};

const count = (n: number) => n.toLocaleString('en-US');

export async function run(): Promise<BenchResult[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'speccc-bench-noop-'));
  const twin = await startTwin({ script: [{ reply: writeListedFiles }] });
  try {
    // Ten layers of specs, each on two of the layer below: a product's depth. The default corpus
    // (each spec on the ones 7 and 10 before it) is a chain 1,400 deep at 10,000 specs, and every
    // prompt shows a spec's whole chain: its first build would take hours, with nothing a no-op
    // build does differently.
    writeWorkspace(root, SIZE, { layers: 10 });
    const config = (await loadConfig(root)).config;
    const setup = await build({ root, mode: 'build', runtime: createRuntime({ root, config, credentials: takeCredentials({}), command: 'build', provider: 'anthropic', inject: { agent: instant, validator: passing } }), concurrency: 8 });
    if (setup.kind !== 'built') throw new Error(`the first build did not build (${setup.kind})`);
    const env = { ANTHROPIC_BASE_URL: twin.url, ANTHROPIC_API_KEY: 'bench-key' };
    measureSpeccc(['build'], root, env); // the first run after a build stores the stamp's stats
    const before = twin.requests.length;
    const noop = medians([0, 1, 2, 3, 4].map(() => measureSpeccc(['build'], root, env)));
    const requests = twin.requests.length - before;

    // One spec edited: its job, and only it, is stale (nothing depends on the last spec).
    appendFileSync(path.join(root, `specs/group-${Math.floor((SIZE - 1) / 100)}/feature-${SIZE - 1}.md`), '\n- The total is rounded once, at the end.\n');
    const runtime = createRuntime({ root, config, credentials: takeCredentials(env), command: 'build', provider: 'anthropic', inject: { validator: passing } });
    const started = performance.now();
    const edited = await build({ root, mode: 'build', runtime });
    const editMs = performance.now() - started;
    const outcomes: JobOutcome[] = edited.kind === 'built' ? [...edited.outcomes.values()] : [];
    const generated = outcomes.filter((o) => o.state === 'built').length;
    const untouched = outcomes.filter((o) => o.state === 'fresh' || o.state === 'reused').length;
    return [
      { name: `no-op \`speccc build\`, ${count(SIZE)} specs`, value: noop.ms, unit: 'ms', note: `cpu ${Math.round(noop.cpuMs)} ms, peak RSS ${Math.round(noop.maxRssMb)} MB; ${requests} requests to the API in 5 runs; goal < 1,000 ms and 0 requests`, row: `build, no-op, ${count(SIZE)} specs`, tool: 'speccc' },
      { name: `build after editing 1 of ${count(SIZE)} specs`, value: editMs, unit: 'ms', note: `${generated} job generated, ${untouched} up to date (in process, against the twin, passing validator); goal: 1 job` },
    ];
  } finally {
    await twin.close();
    rmSync(root, { recursive: true, force: true });
  }
}
