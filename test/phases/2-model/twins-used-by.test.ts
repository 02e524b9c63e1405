/**
 * twinsUsedBy answers from one pass over the dependency graph per workspace (components of
 * cycles included) instead of walking each spec's closure: on any graph it must give what the
 * walk gives, duplicate ids, cycles, twins in depends_on and unready twins included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serviceTwin, twinsUsedBy } from '../../../src/phases/2-model/twins.js';
import type { Frontmatter, Spec, Workspace } from '../../../src/types/index.js';

/** The walk twinsUsedBy did before: the reference. */
function walk(spec: Spec, workspace: Workspace) {
  const fm = spec.frontmatter;
  if (!fm) return [];
  if (fm.kind === 'twin') return [serviceTwin(fm.id)];
  const ready = (s: Spec | undefined) => s?.frontmatter?.kind === 'twin' && s.frontmatter.status === 'ready';
  const found = new Set<string>();
  const seen = new Set<string>();
  const visit = (s: Spec) => {
    const f = s.frontmatter;
    if (!f || seen.has(f.id)) return;
    seen.add(f.id);
    for (const id of f.uses_twins) if (ready(workspace.byId.get(id))) found.add(id);
    for (const dep of f.depends_on) {
      const target = workspace.byId.get(dep);
      if (target && target.frontmatter?.kind !== 'twin') visit(target);
    }
  };
  visit(spec);
  return [...found].sort().map(serviceTwin);
}

const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'missing'];

const frontmatter = fc.record({
  id: fc.constantFrom(...IDS.slice(0, 8)),
  kind: fc.constantFrom('feature', 'twin', 'architecture'),
  status: fc.constantFrom('ready', 'draft'),
  depends_on: fc.subarray(IDS, { maxLength: 4 }),
  uses_twins: fc.subarray(IDS, { maxLength: 3 }),
});

function workspaceOf(list: Omit<Frontmatter, 'outputs'>[]): Workspace {
  const specs = list.map((fm, i) => ({ file: `specs/${i}.md`, frontmatter: { ...fm, outputs: [] } }) as unknown as Spec);
  const byId = new Map<string, Spec>();
  for (const s of specs) if (!byId.has(s.frontmatter!.id)) byId.set(s.frontmatter!.id, s);
  return { root: '/w', folders: { generated: 'generated', scenarios: 'scenarios' }, files: specs.map((spec) => ({ file: spec.file, hash: '', spec, diagnostics: [] })), byId, sharedIds: new Set(), context: [], glossary: [] };
}

describe('twinsUsedBy', () => {
  it('gives what walking each spec gives, on any graph', () => {
    fc.assert(
      fc.property(fc.array(frontmatter, { minLength: 1, maxLength: 12 }), (list) => {
        const workspace = workspaceOf(list as Omit<Frontmatter, 'outputs'>[]);
        for (const { spec } of workspace.files) expect(twinsUsedBy(spec!, workspace)).toEqual(walk(spec!, workspace));
      }),
      { numRuns: 3000 },
    );
  });

  it('a chain of 20,000 specs is answered in one pass (no deep recursion, no quadratic walk)', () => {
    const list = Array.from({ length: 20_000 }, (_, i) => ({ id: `s${i}`, kind: 'feature', status: 'ready', depends_on: i > 0 ? [`s${i - 1}`] : [], uses_twins: i === 0 ? ['tw'] : [] }));
    const workspace = workspaceOf([...list, { id: 'tw', kind: 'twin', status: 'ready', depends_on: [], uses_twins: [] }] as Omit<Frontmatter, 'outputs'>[]);
    const last = workspace.byId.get('s19999')!;
    expect(twinsUsedBy(last, workspace).map((t) => t.id)).toEqual(['tw']);
    expect(workspace.files.every(({ spec }) => spec!.frontmatter!.kind === 'twin' || twinsUsedBy(spec!, workspace).length === 1)).toBe(true);
  });
});
