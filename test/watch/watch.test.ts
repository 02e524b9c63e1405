/**
 * `speccc watch` against real files and the real chokidar watcher: the ways editors save, bursts,
 * deletes, new files, broken specs, Ctrl-C, and a build cancelled by a newer edit.
 */
import { cpSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/commands/index.js';
import { watchWorkspace } from '../../src/watch/watch.js';
import type { Agent } from '../../src/types/index.js';
import { runtimeFactory } from '../helpers/runtime.js';
import { useTempWorkspace } from '../helpers/fixtures.js';

const repo = path.resolve(import.meta.dirname, '../..');
const workspaces = useTempWorkspace();

let debugEvents: Record<string, unknown>[] = [];
const clean = readFileSync(path.join(repo, 'test/commands/check/samples/clean/specs/cart.md'), 'utf8');

function workspace(): string {
  const root = workspaces.empty('speccc-watch-');
  cpSync(path.join(repo, 'test/commands/check/samples/clean'), root, { recursive: true });
  rmSync(path.join(root, 'expected.txt'));
  return root;
}

async function waitFor(what: () => boolean, label: string, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!what()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${label}: ${JSON.stringify(debugEvents.map((e) => [e.type, e.changed, e.errors, (e.added as { code: string }[] | undefined)?.map((d) => d.code)]))}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

/**
 * Proves that nothing else happened before it: writes a context document the watcher must
 * report, and waits for that round. Rounds run in order, so any round an earlier event caused
 * would have been printed first.
 */
async function sentinel(root: string, checks: () => Record<string, unknown>[], n: number): Promise<Record<string, unknown>> {
  const before = checks().length;
  writeFileSync(path.join(root, 'context/sentinel.md'), `# Sentinel ${n}\n`);
  await waitFor(() => checks().length > before, `sentinel ${n}`);
  return checks()[before]!;
}

/** Starts `speccc watch --format json` in-process; events are parsed as they are printed. */
async function startWatch(root: string) {
  const controller = new AbortController();
  const events: Record<string, unknown>[] = [];
  debugEvents = events;
  let ready = false;
  const exit = main(['watch', '--format', 'json'], {
    cwd: root,
    env: {},
    stdout: (t) => t.split('\n').filter(Boolean).forEach((l) => events.push(JSON.parse(l) as Record<string, unknown>)),
    stderr: () => {},
    isTTY: false,
    color: false,
    signal: controller.signal,
  });
  // Rounds a warm-up write caused (below) are not the test's: they are left out of what it counts.
  const warmUp = (e: Record<string, unknown>) => JSON.stringify(e.changed) === JSON.stringify(['context/warmup.md']);
  const checks = () => events.filter((e) => e.type === 'check' && !warmUp(e));
  await waitFor(() => checks().length === 1, 'the first round');
  // chokidar reports readiness after its initial scan: edits before it could be missed.
  await waitFor(() => events.some((e) => e.type === 'ready'), 'the watcher to be ready');
  // Even after 'ready', a loaded machine's first inotify events can be lost: write until one round shows the watcher is live.
  for (let n = 1; !events.some((e) => e.type === 'check' && warmUp(e)); n++) {
    if (n > 6) throw new Error('the watcher never reported a write');
    writeFileSync(path.join(root, 'context/warmup.md'), `# Warm-up ${n}\n`);
    await waitFor(() => events.some((e) => e.type === 'check' && warmUp(e)), 'the warm-up', 5_000).catch(() => {});
  }
  ready = true;
  return { events, checks, stop: () => controller.abort(), exit, ready };
}

describe('speccc watch', () => {
  it('a save, an atomic rename-save, a burst, a broken spec and its fix, a new file and a delete', async () => {
    const root = workspace();
    const spec = path.join(root, 'specs/cart.md');
    const w = await startWatch(root);
    expect(w.checks()[0]).toMatchObject({ specs: 1, errors: 0 });

    // a plain save that breaks the spec: one round with the new finding
    writeFileSync(spec, clean.replace('## Rules', '## Rules\n\n- Rounding: TBD'));
    await waitFor(() => w.checks().length === 2, 'the save');
    const broken = w.checks()[1]!;
    expect(broken).toMatchObject({ changed: ['specs/cart.md'], errors: 1 });
    expect((broken.added as { code: string }[]).map((d) => d.code)).toEqual(['placeholder-text']);

    // the fix, saved the way many editors do: write a temp file, rename it over the original
    writeFileSync(path.join(root, 'specs/.cart.md.tmp'), clean);
    renameSync(path.join(root, 'specs/.cart.md.tmp'), spec);
    await waitFor(() => w.checks().length === 3, 'the rename-save');
    expect(w.checks()[2]).toMatchObject({ errors: 0 });
    expect((w.checks()[2]!.fixed as { code: string }[]).map((d) => d.code)).toEqual(['placeholder-text']);

    // a burst of saves is one round; the last content wins
    for (let i = 0; i < 10; i++) writeFileSync(spec, clean.replace('The checkout page.', `The checkout page, revision ${i}.`));
    await waitFor(() => w.checks().length === 4, 'the burst');
    expect(await sentinel(root, w.checks, 1)).toMatchObject({ changed: ['context/sentinel.md'] });
    expect(w.checks()).toHaveLength(5);

    // a save with unchanged content does nothing
    writeFileSync(spec, readFileSync(spec));
    expect(await sentinel(root, w.checks, 2)).toMatchObject({ changed: ['context/sentinel.md'] });
    expect(w.checks()).toHaveLength(6);

    // a new spec file and then its deletion
    writeFileSync(path.join(root, 'specs/other.md'), clean.replace('id: cart-total', 'id: other').replace(/src\/cart/g, 'src/other'));
    await waitFor(() => w.checks().length === 7, 'the new file');
    expect(w.checks()[6]).toMatchObject({ specs: 2, changed: ['specs/other.md'] });
    unlinkSync(path.join(root, 'specs/other.md'));
    await waitFor(() => w.checks().length === 8, 'the delete');
    expect(w.checks()[7]).toMatchObject({ specs: 1 });

    // editors' backup files never trigger a round
    writeFileSync(path.join(root, 'specs/cart.md~'), 'backup');
    expect(await sentinel(root, w.checks, 3)).toMatchObject({ changed: ['context/sentinel.md'] });
    expect(w.checks()).toHaveLength(9);

    w.stop();
    expect(await w.exit).toBe(0);
  }, 30_000);

  it('a syntax error does not stop the watcher', async () => {
    const root = workspace();
    const spec = path.join(root, 'specs/cart.md');
    const w = await startWatch(root);
    writeFileSync(spec, Buffer.from([0x00, 0x01, 0xff]));
    await waitFor(() => w.checks().length === 2, 'the binary save');
    expect((w.checks()[1]!.added as { code: string }[]).map((d) => d.code)).toEqual(['file-binary']);
    writeFileSync(spec, '---\nid: [broken\n---\n');
    await waitFor(() => w.checks().length === 3, 'the broken yaml');
    writeFileSync(spec, clean);
    await waitFor(() => w.checks().length === 4, 'the fix');
    expect(w.checks()[3]).toMatchObject({ errors: 0 });
    w.stop();
    expect(await w.exit).toBe(0);
  }, 30_000);

  it('an edit during an in-flight build cancels that build and builds the new content', async () => {
    const root = workspace();
    const spec = path.join(root, 'specs/cart.md');
    const seen: string[] = [];
    let release: (() => void) | undefined;
    const agent: Agent = {
      name: 'slow',
      async run(task, sandbox) {
        seen.push(task.prompt.includes('revision 2') ? 'revision 2' : task.prompt.includes('revision 1') ? 'revision 1' : 'original');
        if (seen.length === 1) {
          // The first job waits until it is aborted: it stands for a long model call.
          await new Promise<void>((resolve) => {
            release = resolve;
            task.signal.addEventListener('abort', () => resolve(), { once: true });
          });
          if (task.signal.aborted) return { status: 'aborted', usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 }, costUsd: 0, requests: 1, history: [] };
        }
        for (const p of sandbox.outputs) sandbox.write(p, `// ${seen.at(-1)}\nexport const x = 1;\n`);
        return { status: 'done', usage: { inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0 }, costUsd: 0, requests: 1, history: [] };
      },
    };
    const controller = new AbortController();
    const builds: string[] = [];
    let rounds = 0;
    const runtimeForBuild = await runtimeFactory(root, { agent });
    const done = watchWorkspace({ root, signal: controller.signal, runtimeForBuild, onRound: () => rounds++, onBuild: (e) => builds.push(e.type) });
    await waitFor(() => seen.length === 1, 'the first job to be in flight'); // the first clean round builds
    writeFileSync(spec, clean.replace('The checkout page.', 'The checkout page, revision 2.'));
    await waitFor(() => builds.includes('done'), 'the rebuild', 15_000);
    // One build at a time: the cancelled one ends before the next one starts.
    expect(builds.slice(0, 4)).toEqual(['start', 'cancelled', 'start', 'done']);
    expect(seen).toEqual(['original', 'revision 2']);
    expect(readFileSync(path.join(root, 'generated/src/cart.ts'), 'utf8')).toContain('// revision 2');
    release?.();
    controller.abort();
    await done;
    expect(rounds).toBe(2);
  }, 30_000);
});

describe('speccc watch against the twin', () => {
  it('an edit cancels the in-flight request (the twin sees it aborted) and the new content is built', async () => {
    const { startTwin, writeFilesReply } = await import('../../src/api-twin/index.js');
    const root = workspace();
    const spec = path.join(root, 'specs/cart.md');
    const files = { 'src/cart.ts': 'export const total = 1;\n', 'src/cart.test.ts': "import { it } from 'vitest';\nit('ok', () => {});\n" };
    const twin = await startTwin({
      script: [
        { match: { anyIncludes: 'revision 2' }, reply: writeFilesReply(files) },
        { match: { specId: 'cart-total' }, reply: writeFilesReply(files), delayMs: 5_000 },
      ],
    });
    try {
      const controller = new AbortController();
      const builds: string[] = [];
      const runtimeForBuild = await runtimeFactory(root, { env: twin.env() });
      const done = watchWorkspace({ root, signal: controller.signal, runtimeForBuild, onRound: () => {}, onBuild: (e) => builds.push(e.type) });
      await waitFor(() => twin.messageRequests().length === 1, 'the first request');
      writeFileSync(spec, clean.replace('The checkout page.', 'The checkout page, revision 2.'));
      await waitFor(() => builds.includes('done'), 'the rebuild', 20_000);
      expect(twin.messageRequests()[0]!.aborted).toBe(true);
      expect(builds).toContain('cancelled');
      expect(readFileSync(path.join(root, 'generated/src/cart.ts'), 'utf8')).toContain('export const total = 1;');
      controller.abort();
      await done;
    } finally {
      await twin.close();
    }
  }, 40_000);
});
