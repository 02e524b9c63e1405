/**
 * Why a request missed the prompt cache: each run keeps its shared prefix's per-block digests in
 * its trace; when a run's first request writes the prefix instead of reading it, `speccc log`
 * and the report name the block that changed since the run before (a context file, a template,
 * the tools…), or say the entry had expired or the model changed.
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { explainCacheMiss } from '../../src/report/cache-miss.js';
import { writeFilesReply } from '../../src/api-twin/index.js';
import type { TracedEvent } from '../../src/types/index.js';
import { moneyUnproven } from '../helpers/provider.js';
import { useTempWorkspace, useTwin } from '../helpers/fixtures.js';

const twins = useTwin();
const workspaces = useTempWorkspace();

describe('a prompt-cache miss, explained', () => {
  it('build, edit one context file, build again: speccc log and the report name that file', async () => {
    const root = workspaces.moneyOnly();
    const twin = await twins.start({ script: [{ match: { specId: 'money' }, reply: writeFilesReply(moneyUnproven) }] });
    expect((await runCli(['build'], { cwd: root, env: twin.env() })).code).toBe(0);
    appendFileSync(path.join(root, 'context/glossary.md'), '\n- **Tender**: how a customer pays.\n');
    expect((await runCli(['build'], { cwd: root, env: twin.env() })).code).toBe(0);

    const log = await runCli(['log'], { cwd: root });
    expect(log.stdout).toMatch(/^prompt cache: the first request \(money\) wrote \d+ tokens of the shared prefix instead of reading them: context file context\/glossary\.md changed since run \S+$/m);
    const json = JSON.parse((await runCli(['log', '--format', 'json'], { cwd: root })).stdout) as { cacheMiss?: { changed: { block: string; change: string }[] } };
    expect(json.cacheMiss!.changed).toEqual([{ block: 'context file context/glossary.md', change: 'changed' }]);
    const report = await runCli(['report', '--format', 'markdown'], { cwd: root });
    expect(report.stdout).toContain('context file context/glossary.md changed since run');

    // Unchanged and within the lifetime: the next run reads the prefix, and nothing is said.
    expect((await runCli(['build', '--force'], { cwd: root, env: twin.env() })).code).toBe(0);
    expect((await runCli(['log'], { cwd: root })).stdout).not.toContain('prompt cache:');
  }, 90_000);
});

describe('explainCacheMiss', () => {
  const at = (minutes: number) => new Date(Date.UTC(2026, 10, 25, 10, minutes)).toISOString();
  const blocks = (glossary = 'a', system = 's1') => [
    { name: 'tools', digest: 't' },
    { name: 'template (default)/system.hbs', digest: 'h' },
    { name: 'context file context/glossary.md', digest: glossary },
    { name: 'system prompt', digest: system },
  ];
  const request = (minutes: number, read: number, write: number, model = 'claude-sonnet-5-5') =>
    ({ type: 'request', at: at(minutes), spec: 'money', job: 'k', model, promptHash: 'p', inputTokens: 10, outputTokens: 5, cacheReadTokens: read, cacheWriteTokens: write, costUsd: 0, latencyMs: 1, requestId: 'req_1', stopReason: 'tool_use' }) as TracedEvent;
  const prefix = (b = blocks(), ttl: '5m' | '1h' = '5m') => ({ type: 'prefix', at: at(0), blocks: b, ttl, caching: true }) as TracedEvent;
  const previous = { id: 'run-1', events: [prefix(), request(1, 0, 3000)] };

  it('a read is no miss', () => {
    expect(explainCacheMiss(previous, { events: [prefix(), request(2, 3000, 0)] })).toBeNull();
  });

  it('names what changed, leaving out the system prompt that any change changes', () => {
    const miss = explainCacheMiss(previous, { events: [prefix(blocks('b', 's2')), request(2, 0, 3000)] })!;
    expect(miss.changed).toEqual([{ block: 'context file context/glossary.md', change: 'changed' }]);
    expect(miss.reason).toBe('context file context/glossary.md changed since run run-1');
  });

  it('names a file added or removed, and the system prompt alone when nothing more specific changed', () => {
    const added = [...blocks(), { name: 'context file context/tender.md', digest: 'x' }];
    expect(explainCacheMiss(previous, { events: [prefix(added), request(2, 0, 3000)] })!.reason).toBe('context file context/tender.md was added since run run-1');
    expect(explainCacheMiss(previous, { events: [prefix(blocks('a', 's9')), request(2, 0, 3000)] })!.reason).toBe('system prompt changed since run run-1');
  });

  it('nothing changed: the entry had expired, the model changed, or the API evicted it', () => {
    expect(explainCacheMiss(previous, { events: [prefix(), request(9, 0, 3000)] })!.reason).toBe("the cache entry had expired: 8 min after run run-1's last request, past the 5m cache lifetime");
    expect(explainCacheMiss(previous, { events: [prefix(), request(2, 0, 3000, 'claude-opus-5-5')] })!.reason).toContain('the model changed from claude-sonnet-5-5 to claude-opus-5-5');
    expect(explainCacheMiss(previous, { events: [prefix(), request(2, 0, 3000)] })!.reason).toContain('the API evicted the entry');
  });
});
