/** The plugin as users import it: by the package's name, from the built package (package.json exports `./remark`). */
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

describe('speccc/remark', () => {
  it('gives remarkSpeccc, also as the default export, and it reports in a pipeline', async () => {
    const { remarkSpeccc, default: plugin } = await import('speccc/remark');
    expect(plugin).toBe(remarkSpeccc);
    const pipeline = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkSpeccc, { rules: { 'section-missing': 'warn' } });
    const file = new VFile({ path: 'specs/a.md', value: '---\nid: a\nkind: constraint\nstatus: ready\n---\n\n# A\n\n## What\n\nPrices.\n' });
    await pipeline.run(pipeline.parse(file), file);
    expect(file.messages.map((m) => [m.ruleId, m.fatal, m.line, m.column])).toEqual([['section-missing', false, 7, 1]]);
  });
});
