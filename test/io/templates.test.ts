/**
 * speccc's default templates live in the package's top-level templates/ (the design card's layout),
 * and a workspace's `paths.templates` folder overrides them file by file.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultTemplatesDir, readTemplates } from '../../src/io/templates.js';
import { mergeTemplates } from '../../src/phases/4-render/templates.js';

const repo = path.resolve(import.meta.dirname, '../..');
const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

describe('templates', () => {
  it('the defaults are the top-level templates/ folder', async () => {
    expect(defaultTemplatesDir()).toBe(path.join(repo, 'templates'));
    const root = mkdtempSync(path.join(tmpdir(), 'speccc-templates-'));
    temps.push(root);
    const { defaults, overrides } = await readTemplates(root, 'templates');
    expect(defaults.map((t) => t.file).sort()).toEqual(readdirSync(path.join(repo, 'templates')).filter((n) => n.endsWith('.hbs')).map((n) => `(speccc default) ${n}`).sort());
    expect(overrides).toEqual([]);
  });

  it("a workspace's templates folder replaces the default of the same name and keeps the others", async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'speccc-templates-'));
    temps.push(root);
    mkdirSync(path.join(root, 'prompts'));
    writeFileSync(path.join(root, 'prompts/job.hbs'), 'my job {{spec.id}}\n');
    const { defaults, overrides } = await readTemplates(root, 'prompts');
    const set = mergeTemplates(defaults, overrides);
    expect(set.byName.get('job')).toMatchObject({ file: 'prompts/job.hbs', text: 'my job {{spec.id}}\n' });
    expect(set.byName.get('system')?.file).toBe('(speccc default) system.hbs');
  });

  it("speccc's own repository, a workspace whose templates/ is the defaults folder, reads it once as the defaults", async () => {
    const { defaults, overrides } = await readTemplates(repo, 'templates');
    expect(defaults.length).toBeGreaterThan(0);
    expect(overrides).toEqual([]);
  });
});
