/**
 * Where a rule runs again after an edit is derived from the scope it declares (reach.ts). These
 * pin that derivation on a four-spec workspace, with made-up rules declaring one scope each: a
 * body edit, a frontmatter edit, a rename, a glossary change, a cycle closed. The parity test
 * (parity.test.ts) holds the real rules' declarations to check().
 */
import { describe, expect, it } from 'vitest';
import { parseSpecFile } from '../../src/phases/1-parse/index.js';
import { modelSpec } from '../../src/phases/2-model/index.js';
import type { Rule, RuleScope } from '../../src/phases/3-check/rule.js';
import { indexIds } from '../../src/workspace.js';
import { changedSpec } from '../../src/incremental/changed-spec.js';
import { planRule, type UpdateView } from '../../src/incremental/reach.js';
import { createSpecIndex, indexAll, replaceModel } from '../../src/incremental/spec-index.js';
import type { Diagnostic, ModelledFile } from '../../src/types/index.js';

const spec = (id: string, options: { deps?: string[]; outputs?: string[]; body?: string } = {}) => `---
id: ${id}
kind: feature
status: draft
depends_on: [${(options.deps ?? []).join(', ')}]
outputs: [${(options.outputs ?? [`src/${id}.ts`]).join(', ')}]
---

# ${id}

${options.body ?? 'Plain words.'}
`;

const model = (file: string, text: string): ModelledFile => modelSpec(parseSpecFile(file, new TextEncoder().encode(text)));

/** a depends on b; c links to b and shares an output with b; d stands alone. */
const TEXTS: Record<string, string> = {
  'specs/a.md': spec('a', { deps: ['b'] }),
  'specs/b.md': spec('b', { outputs: ['src/b.ts', 'src/shared.ts'] }),
  'specs/c.md': spec('c', { outputs: ['src/c.ts', 'src/shared.ts'], body: 'See [b](b.md).' }),
  'specs/d.md': spec('d'),
};

/** The view of one edit: `file` gets `text` (or a context document changed, when file is null). */
function edited(file: string | null, text = '', contextChanged = false): UpdateView {
  const models = Object.entries(TEXTS).map(([f, t]) => model(f, t));
  const idx = createSpecIndex();
  indexAll(idx, models);
  const changed = file === null ? [] : [changedSpec(file, idx.byFile.get(file)!, model(file, text))];
  for (const c of changed) replaceModel(idx, c.before, c.after);
  return { changed, contextChanged, idx, byId: indexIds([...idx.byFile.values()]).byId };
}

const rule = (scope: RuleScope): Rule => ({ id: 'made-up', codes: [], scope, check: () => [] });
const plan = (scope: RuleScope, view: UpdateView, previous = new Map<string, Diagnostic[]>()) => {
  const p = planRule(rule(scope), view, previous);
  return p.run === 'some' ? { judged: [...p.judged].sort(), seen: [...p.seen].sort() } : p.run;
};

describe('a rule re-runs where its declared scope reaches', () => {
  const bodyEdit = edited('specs/b.md', TEXTS['specs/b.md']!.replace('Plain words.', 'Other words.'));
  const renamed = edited('specs/b.md', TEXTS['specs/b.md']!.replace('id: b', 'id: e'));

  it('a body edit re-judges the edited spec for rules that read its body, and nothing for rules that read only frontmatter', () => {
    expect(plan({ kind: 'spec-local' }, bodyEdit)).toEqual({ judged: ['specs/b.md'], seen: ['specs/b.md'] });
    expect(plan({ kind: 'file', reads: ['glossary'] }, bodyEdit)).toEqual({ judged: ['specs/b.md'], seen: ['specs/b.md'] });
    expect(plan({ kind: 'workspace', own: 'frontmatter', reads: ['same-id', 'dependencies'] }, bodyEdit)).toBe('none');
    expect(plan({ kind: 'workspace', own: 'none', reads: ['scenarios', 'config'] }, bodyEdit)).toBe('none');
  });

  it('gives the rule the specs it reads beside the judged one, without keeping their findings', () => {
    expect(plan({ kind: 'workspace', own: 'spec', reads: ['output-owners'] }, bodyEdit)).toEqual({ judged: ['specs/b.md'], seen: ['specs/b.md', 'specs/c.md'] });
    const cEdit = edited('specs/c.md', TEXTS['specs/c.md']!.replace('See', 'Read'));
    expect(plan({ kind: 'workspace', own: 'spec', reads: ['linked-specs'] }, cEdit)).toEqual({ judged: ['specs/c.md'], seen: ['specs/b.md', 'specs/c.md'] });
  });

  it('a rename re-judges the specs that name the old or new id, link to the spec, or share its outputs', () => {
    expect(plan({ kind: 'workspace', own: 'frontmatter', reads: ['dependencies'] }, renamed)).toEqual({ judged: ['specs/a.md', 'specs/b.md'], seen: ['specs/a.md', 'specs/b.md'] });
    expect(plan({ kind: 'workspace', own: 'none', reads: ['linked-specs'] }, renamed)).toEqual({ judged: ['specs/c.md'], seen: ['specs/b.md', 'specs/c.md'] });
    expect(plan({ kind: 'workspace', own: 'none', reads: ['output-owners'] }, renamed)).toEqual({ judged: ['specs/b.md', 'specs/c.md'], seen: ['specs/b.md', 'specs/c.md'] });
    // A hint drawn from every id: the specs the rule had findings on are judged again.
    const previous = new Map([['specs/d.md', [] as Diagnostic[]]]);
    expect(plan({ kind: 'workspace', own: 'none', reads: ['spec-ids'] }, renamed, previous)).toEqual({ judged: ['specs/d.md'], seen: ['specs/d.md'] });
    expect(plan({ kind: 'workspace', own: 'none', reads: ['spec-ids'] }, bodyEdit, previous)).toBe('none');
    expect(plan({ kind: 'workspace', own: 'none', reads: ['all-frontmatter'] }, renamed)).toBe('all');
  });

  it('a changed context document re-runs a glossary reader everywhere, and nothing else', () => {
    const glossary = edited(null, '', true);
    expect(plan({ kind: 'file', reads: ['glossary'] }, glossary)).toBe('all');
    expect(plan({ kind: 'spec-local' }, glossary)).toBe('none');
    expect(plan({ kind: 'workspace', own: 'spec', reads: ['config', 'dependencies'] }, glossary)).toBe('none');
  });

  it('the dependency graph re-runs everywhere when an edit closes a cycle, and not when it adds an edge that closes none', () => {
    const graph: RuleScope = { kind: 'workspace', own: 'none', reads: ['dependency-graph'] };
    expect(plan(graph, edited('specs/b.md', spec('b', { deps: ['a'], outputs: ['src/b.ts', 'src/shared.ts'] })))).toBe('all');
    expect(plan(graph, edited('specs/b.md', spec('b', { deps: ['d'], outputs: ['src/b.ts', 'src/shared.ts'] })))).toBe('none');
  });
});
