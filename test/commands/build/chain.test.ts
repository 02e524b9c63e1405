/**
 * Specs build on specs that build on specs: a job's staged tree, type-check, prompt and key hold
 * every spec it builds on, directly or not. The fixture (test/fixtures/chain) is a chain of three
 * and a diamond, built by the CLI against the twin with the real sealed validator and holdouts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { useTempWorkspace, useTwin } from '../../helpers/fixtures.js';
import { repo } from '../../helpers/workspaces.js';

const FIXTURE = 'test/fixtures/chain';
const REPLIES = path.join(repo, FIXTURE, 'replies');
const twin = useTwin();
const workspaces = useTempWorkspace();

describe('dependency chains', () => {
  it('a chain of three and a diamond build, pass their holdouts and verify; an edit at the start rebuilds only what its outputs reach', async () => {
    const root = workspaces.copy(FIXTURE, ['replies']);
    await twin.replies(REPLIES);
    const run = await runCli(['build'], { cwd: root, env: twin.env() });
    expect(run.stderr).toBe('');
    for (const id of ['slugify', 'wordcount', 'headline', 'summary']) expect(run.stdout).toMatch(new RegExp(`✔ ${id} built: type-checked, its tests passed, 1/1 holdouts passed`));
    expect(run.code).toBe(0);

    // headline builds on wordcount (its file in full) and, through it, on slugify (declarations only)
    const prompt = twin.twin.messageRequests().map((r) => r.rawBody).find((b) => b.includes('speccc-spec-id: headline'))!;
    expect(prompt).toContain('export function wordCount(title: string): number');
    expect(prompt).toContain('### slugify (a dependency of a dependency: declarations only');
    expect(prompt).toContain('export declare function slugify(title: string): string;');
    expect(prompt).not.toContain(".replace(/[^a-z0-9]+/g, '-')");
    // summary reaches slugify directly too: its body is in that prompt
    const summary = twin.twin.messageRequests().map((r) => r.rawBody).find((b) => b.includes('speccc-spec-id: summary'))!;
    expect(summary).toContain(".replace(/[^a-z0-9]+/g, '-')");

    expect(await runCli(['verify'], { cwd: root })).toMatchObject({ code: 0 });
    const manifest = JSON.parse(readFileSync(path.join(root, 'generated/.speccc/manifest.json'), 'utf8'));
    expect(manifest.specs.headline.verdict).toMatchObject({ admitted: true, holdout: 'passed' });

    // An edit to the start of the chain rebuilds only what its outputs reach.
    twin.twin.clearRequests();
    const spec = path.join(root, 'specs/slugify.md');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('Turns a title into', 'Turns any title into'));
    const second = await runCli(['build'], { cwd: root, env: twin.env() });
    expect(second.code).toBe(0);
    // the twin answers with the same code: every dependant is cut off early, none asked again
    expect(new Set(twin.twin.messageRequests().map((r) => /speccc-spec-id: ([a-z0-9-]+)/.exec(r.rawBody)?.[1]))).toEqual(new Set(['slugify']));
    expect(second.stdout).toContain('summary up to date (its dependency was rebuilt with identical outputs)');
  }, 180_000);
});
