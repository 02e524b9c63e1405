/**
 * speccc's remark plugin reports what `speccc check` reports on a spec, at the same places:
 * compared on every spec of every check sample (test/commands/check/samples/), less the findings that
 * need the rest of the workspace. And what a pipeline author can get wrong: options, a pipeline
 * without remark-frontmatter, a transformer before it that leaves nodes without positions.
 */
import { cpSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Plugin } from 'unified';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { check } from '../../src/compile.js';
import { RULE_CODES, SPEC_LOCAL_RULES } from '../../src/phases/3-check/rules/index.js';
import { remarkSpeccc } from '../../src/remark/index.js';
import type { Diagnostic } from '../../src/types/index.js';
import { runPlugin } from './run-plugin.js';
import { useTempWorkspace } from '../helpers/fixtures.js';

const checkSamples = path.resolve(import.meta.dirname, '../commands/check/samples');
const problems = path.resolve(import.meta.dirname, 'samples/problems');
const workspaces = useTempWorkspace({ scope: 'all' });

/** What a reader compares: code, severity and place (1-based lines and columns). */
const shown = (m: { ruleId?: string | undefined; fatal?: boolean | null | undefined; place?: unknown }) => {
  const place = m.place as { start: { line: number; column: number }; end: { line: number; column: number } };
  return `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column} ${m.fatal ? 'error' : 'warning'} ${m.ruleId}`;
};
const fromCheck = (d: Diagnostic) => shown({ ruleId: d.code, fatal: d.severity === 'error', place: d.span });

/** Codes only `speccc check` can find: the workspace-wide rules', the generated tree's and coverage's. */
const LOCAL = new Set<string>(SPEC_LOCAL_RULES.flatMap((rule) => rule.codes));
const WORKSPACE = [...RULE_CODES].filter((code) => !LOCAL.has(code) && code !== 'unused-suppression');
const needsWorkspace = (d: Diagnostic) =>
  WORKSPACE.includes(d.code) ||
  /^(generated|manifest)-|^requirement-(untested|id-unknown)$/.test(d.code) ||
  (d.code === 'unused-suppression' && WORKSPACE.some((code) => d.message.startsWith(`Suppression of \`${code}\` suppresses nothing`)));

describe('remark plugin', () => {
  it('reports what `speccc check` reports on each spec of the check samples, at the same places', async () => {
    let compared = 0;
    for (const sample of readdirSync(checkSamples).sort()) {
      const root = workspaces.empty('speccc-remark-');
      cpSync(path.join(checkSamples, sample), root, { recursive: true });
      const checked = await check({ root, useCache: false });
      const specFiles = [...new Set(checked.workspace.files.map((f) => f.file))];
      for (const spec of specFiles) {
        const expected = checked.diagnostics.filter((d) => d.file === spec && !needsWorkspace(d)).map(fromCheck);
        const file = await runPlugin(root, spec, { rules: checked.config.rules });
        expect(file.messages.map(shown), `${sample}/${spec}`).toEqual(expected);
        if (expected.length > 0) compared++;
      }
    }
    // Most samples have findings on their specs: the comparison is not of empty lists.
    expect(compared).toBeGreaterThan(25);
  });

  it('sets source, ruleId, fatal, url and note the remark-lint way', async () => {
    const file = await runPlugin(problems, 'specs/cart.md');
    const duplicate = file.messages.find((m) => m.ruleId === 'requirement-id-duplicate')!;
    expect(duplicate).toMatchObject({
      source: 'speccc',
      fatal: true,
      line: 30,
      column: 35,
      url: 'https://github.com/speccc/speccc/blob/main/docs/diagnostics.md#requirement-id-duplicate',
      note: 'Give each pinned id to one requirement only, or remove the pin to let speccc derive the id from the text.\n`total` is first pinned here at 29:25',
    });
    expect(file.messages.find((m) => m.ruleId === 'vague-wording')).toMatchObject({ fatal: false, reason: 'Vague wording `quickly` cannot be tested; expected a measurable statement' });
  });

  it('offers a rule’s replacement as `expected`, with the text it replaces as `actual`', async () => {
    const file = await runPlugin(problems, 'specs/cart.md');
    expect(file.messages.find((m) => m.ruleId === 'section-misspelled')).toMatchObject({ actual: 'Evaluaton', expected: ['Evaluation'] });
  });

  it('reads the frontmatter itself when the pipeline has no remark-frontmatter', async () => {
    const withIt = await runPlugin(problems, 'specs/cart.md');
    const without = await runPlugin(problems, 'specs/cart.md', undefined, { noFrontmatter: true });
    expect(without.messages.map(shown)).toEqual(withIt.messages.map(shown));
  });

  it('reads the file itself when a transformer before it left nodes without positions', async () => {
    const unpositioned: Plugin<[], Root> = () => (tree) => {
      tree.children.splice(1, 0, { type: 'paragraph', children: [{ type: 'text', value: 'inserted' }] });
    };
    const withIt = await runPlugin(problems, 'specs/cart.md');
    const after = await runPlugin(problems, 'specs/cart.md', undefined, { before: unpositioned });
    expect(after.messages.map(shown)).toEqual(withIt.messages.map(shown));
  });

  it('reports a file that is not UTF-8 as `speccc check` does, on a file read as bytes', async () => {
    const file = await runPlugin(path.join(checkSamples, 'input-problems'), 'specs/latin1.md');
    expect(file.messages.map((m) => [m.ruleId, m.fatal, m.line, m.column])).toEqual([['file-not-utf8', true, 4, 6]]);
  });

  it('takes a file given as a string', async () => {
    const pipeline = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkSpeccc);
    const file = new VFile({ path: 'specs/a.md', value: '---\nid: a\nkind: feature\nstatus: ready\n---\n\n# A\n' });
    await pipeline.run(pipeline.parse(file), file);
    expect(file.messages.map((m) => m.ruleId)).toContain('section-missing');
    expect(file.messages.every((m) => m.file === 'specs/a.md' && m.source === 'speccc')).toBe(true);
  });

  it('does not call a suppression of a workspace-wide code unused: only `speccc check` can tell', async () => {
    const pipeline = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkSpeccc);
    const text = (code: string) => `---\nid: a\nkind: constraint\nstatus: ready\n---\n\n# A\n\n## What\n\nPrices.\n\n## Rules\n\n<!-- speccc-disable-next-line ${code} -- the ledger is in another repository -->\n- A price must be an integer number of cents, see [the ledger](ledger.md).\n`;
    const run = async (code: string) => {
      const file = new VFile({ path: 'specs/a.md', value: text(code) });
      await pipeline.run(pipeline.parse(file), file);
      return file.messages.map((m) => [m.ruleId, m.line, m.reason]);
    };
    expect(await run('unknown-link')).toEqual([]);
    // A spec-local code it does find nothing for is reported, as `speccc check` reports it.
    expect(await run('vague-wording')).toEqual([['unused-suppression', 15, 'Suppression of `vague-wording` suppresses nothing: no `vague-wording` finding on the next line; expected it to be removed']]);
  });

  it.each([
    [{ rules: { 'vage-wording': 'off' } }, 'speccc/remark: unknown rule `vage-wording` in `rules`; did you mean `vague-wording`?'],
    [{ rules: { 'vague-wording': 'warning' } }, `speccc/remark: rule \`vague-wording\` is set to "warning"; expected one of 'off', 'warn', 'error'`],
    [{ rules: ['vague-wording'] }, "speccc/remark: `rules` is an array; expected an object of code: 'off' | 'warn' | 'error'"],
  ])('refuses options a config would refuse, when the pipeline is set up: %j', (options, message) => {
    expect(() => unified().use(remarkParse).use(remarkSpeccc, options as never).freeze()).toThrow(message);
  });

  it('refuses to turn down a locked code, as the config does', () => {
    const locked = [...RULE_CODES].find((code) => code === 'depends-on-unready');
    expect(locked).toBeDefined();
    expect(() => unified().use(remarkParse).use(remarkSpeccc, { rules: { [locked!]: 'off' } }).freeze()).toThrow(/cannot be set to `off`/);
  });
});
