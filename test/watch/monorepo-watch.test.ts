/**
 * `speccc watch` at a monorepo's root (examples/monorepo): every member's specs are checked under
 * their qualified ids from the first round, an edit to a member's spec starts a round with its
 * findings, and a save that changes no byte starts none. Before, the watch read the root's
 * `specs/` alone: a monorepo, which has none, got "specs folder missing" and nothing was watched.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/commands/index.js';
import { useTempWorkspace } from '../helpers/fixtures.js';

const repo = path.resolve(import.meta.dirname, '../..');
const workspaces = useTempWorkspace();
type Event = Record<string, unknown> & { type: string; changed?: string[]; added?: { code: string; file: string }[] };

async function waitFor(what: () => boolean, label: string, events: Event[], ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!what()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${label}: ${JSON.stringify(events.map((e) => [e.type, e.changed, e.errors]))}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

describe('watch in a monorepo', () => {
  it("checks every member, reports an edit to a member's spec, and ignores a save that changes nothing", { timeout: 120_000 }, async () => {
    const root = workspaces.empty('speccc-watch-mono-');
    cpSync(path.join(repo, 'examples/monorepo'), root, { recursive: true });
    const events: Event[] = [];
    const controller = new AbortController();
    const exit = main(['watch', '--format', 'json'], {
      cwd: root,
      env: {},
      stdout: (t) => t.split('\n').filter(Boolean).forEach((l) => events.push(JSON.parse(l) as Event)),
      stderr: () => {},
      isTTY: false,
      color: false,
      signal: controller.signal,
    });
    try {
      const checks = () => events.filter((e) => e.type === 'check');
      await waitFor(() => events.some((e) => e.type === 'ready'), 'the watcher to be ready', events);
      const first = checks()[0]!;
      expect(first).toMatchObject({ specs: 2, errors: 0 });
      expect(first.added!.map((d) => d.code)).not.toContain('specs-folder-missing');

      // An edit to a member's spec: retried, as a loaded machine can lose the first inotify events.
      const invoice = path.join(root, 'packages/billing/specs/invoice.md');
      const text = readFileSync(invoice, 'utf8');
      const edited = text.replace(/\n## Edge cases\n/, '\n## Edge cases\n\n- The rounding of a refund is TBD.\n');
      expect(edited).not.toBe(text);
      const reported = () => checks().find((e) => e.changed?.includes('packages/billing/specs/invoice.md'));
      for (let n = 0; !reported(); n++) {
        if (n > 6) throw new Error(`the watcher never reported the edit: ${JSON.stringify(events)}`);
        writeFileSync(invoice, edited);
        for (const deadline = Date.now() + 3_000; !reported() && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 15));
      }
      expect(reported()!.added!.some((d) => d.code === 'placeholder-text' && d.file === 'packages/billing/specs/invoice.md')).toBe(true);

      // The same bytes again, then a context document: the next round is the context's alone.
      const before = checks().length;
      writeFileSync(invoice, edited);
      writeFileSync(path.join(root, 'context/sentinel.md'), '# Sentinel\n');
      await waitFor(() => checks().some((e, i) => i >= before && e.changed?.includes('context/sentinel.md')), 'the sentinel', events);
      expect(checks().slice(before).flatMap((e) => e.changed ?? [])).not.toContain('packages/billing/specs/invoice.md');
    } finally {
      controller.abort();
      expect(await exit).toBe(0);
    }
  });
});
