/**
 * How long the type-check server and the warm test runner stay up between runs is the runner's
 * `idleStopMs`: a build's (20 s) lets them go soon after it ends; a watch session's
 * (WATCH_IDLE_STOP_MS, src/runtime.ts) keeps them while the author pauses between edits, so the
 * next build is not a cold one.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeSharedServers, createSealedRunner, warmTestRunner, WATCH_IDLE_STOP_MS } from '../../src/io/sealed-runner.js';
import { toolConfigs, TSCONFIG } from '../../src/phases/7-validate/index.js';
import { processTable } from '../helpers/processes.js';

afterAll(closeSharedServers);
const signal = new AbortController().signal;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Processes under this one whose command line contains `marker` (and runs node), by pid. */
function ours(marker: string): number[] {
  const { commands, under } = processTable();
  return [...commands].filter(([pid, command]) => command.includes(marker) && command.startsWith(process.execPath) && under(pid, process.pid)).map(([pid]) => pid);
}

describe('idle servers stop when their runner says', () => {
  it("the type-check server: a short idleStopMs ends it between checks; watch's keeps the same one", async () => {
    const short = createSealedRunner({ mode: 'bubblewrap', parentEnv: process.env, idleStopMs: 1_000 });
    const watching = createSealedRunner({ mode: 'bubblewrap', parentEnv: process.env, idleStopMs: WATCH_IDLE_STOP_MS });
    const check = async (runner: typeof short) => {
      const result = await runner.typecheck!({ files: new Map([['src/a.ts', 'export const a = 1;\n'], ...toolConfigs(runner.toolchain)]), config: TSCONFIG, timeoutMs: 60_000, signal });
      expect(result).toMatchObject({ exitCode: 0 });
    };
    const before = new Set(ours('typecheck-server'));
    await check(watching);
    const watchServer = ours('typecheck-server').filter((p) => !before.has(p));
    await check(short);
    const servers = ours('typecheck-server').filter((p) => !before.has(p));
    expect(watchServer).toHaveLength(1);
    expect(servers).toHaveLength(2);
    const shortServer = servers.filter((p) => p !== watchServer[0]);
    await sleep(2_500);
    // The short-lived one stopped; the watch session's is still the one that checked.
    const left = ours('typecheck-server').filter((p) => !before.has(p));
    expect(left).toEqual(watchServer);
    expect(left).not.toContain(shortServer[0]);
    await check(watching);
    expect(ours('typecheck-server').filter((p) => !before.has(p))).toEqual(left);
  });

  it("the warm test runner: a short idleStopMs ends the waiting spare; watch's keeps it", async () => {
    const short = createSealedRunner({ mode: 'bubblewrap', parentEnv: process.env, idleStopMs: 300 });
    const before = new Set(ours('vitest-spare'));
    expect(await warmTestRunner(short)).toBe(true);
    expect(ours('vitest-spare').filter((p) => !before.has(p))).toHaveLength(1);
    await sleep(1_500);
    expect(ours('vitest-spare').filter((p) => !before.has(p))).toHaveLength(0);
    const watching = createSealedRunner({ mode: 'bubblewrap', parentEnv: process.env, idleStopMs: WATCH_IDLE_STOP_MS });
    expect(await warmTestRunner(watching)).toBe(true);
    await sleep(1_500);
    expect(ours('vitest-spare').filter((p) => !before.has(p))).toHaveLength(1);
  });
});
