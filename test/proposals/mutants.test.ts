import { describe, expect, it } from 'vitest';
import { applyMutant, draftName, mutantsToDraft, parseSurvivors, type KnownMutant } from '../../src/proposals/mutants.js';
import { renderProposal } from '../../src/proposals/prompt.js';
import { draftProblem } from '../../src/proposals/draft.js';
import type { Spec } from '../../src/types/index.js';

const source = 'export function f(a: number): number {\n  if (a === 0) return 1;\n  return a * 2;\n}\n';
const mutant = (over: Partial<KnownMutant> = {}): KnownMutant => ({ file: 'src/f.ts', line: 2, column: 7, end: { line: 2, column: 14 }, mutator: 'EqualityOperator', original: 'a === 0', replacement: 'a !== 0', status: 'Survived', requirements: [], ...over });

describe('proposals: surviving mutants', () => {
  it('applies a mutant only where the code it replaced still is', () => {
    expect(applyMutant(source, mutant())).toBe(source.replace('a === 0', 'a !== 0'));
    expect(applyMutant(source, mutant({ column: 8 }))).toBeNull();
    expect(applyMutant(source, mutant({ line: 9, end: { line: 9, column: 14 } }))).toBeNull();
    const block = mutant({ line: 1, column: 38, end: { line: 4, column: 2 }, original: '{\n  if (a === 0) return 1;\n  return a * 2;\n}', replacement: '{}', mutator: 'BlockStatement' });
    expect(applyMutant(source, block)).toBe('export function f(a: number): number {}\n');
  });

  it('names a draft after where its mutant sits and what it changed', () => {
    expect(draftName(mutant())).toBe('mutant-f-l2c7-equality-operator');
  });

  it('drafts for logic before message strings, ran before never run, one per line first, skipping what is taken', () => {
    const picks = mutantsToDraft(
      [
        mutant({ line: 1, mutator: 'StringLiteral' }),
        mutant({ line: 2, status: 'NoCoverage' }),
        mutant({ line: 3 }),
        mutant({ line: 3, column: 9, mutator: 'ArithmeticOperator' }),
        mutant({ line: 4 }),
      ],
      4,
      new Set(['mutant-f-l4c7-equality-operator']),
    );
    expect(picks.map(draftName)).toEqual(['mutant-f-l3c7-equality-operator', 'mutant-f-l2c7-equality-operator', 'mutant-f-l1c7-string-literal', 'mutant-f-l3c9-arithmetic-operator']);
  });

  it('reads the survivors file as untrusted input, saying what is wrong in one line', () => {
    expect(parseSurvivors('{')).toEqual({ ok: false, message: 'is not valid JSON' });
    expect(parseSurvivors(JSON.stringify({ at: 'x', specs: [{ spec: 'a', score: 1, files: [], survivors: [{ ...mutant(), line: -1 }] }] }))).toEqual({ ok: false, message: 'does not hold what `verify --mutate` writes (at specs.0.survivors.0.line)' });
    const ok = parseSurvivors(JSON.stringify({ at: 'x', specs: [{ spec: 'a', score: 50, files: ['src/f.ts'], survivors: [mutant()] }] }));
    expect(ok.ok && ok.specs[0]!.survivors[0]!.original).toBe('a === 0');
  });

  it('shows the proposer the start of a long block the mutant empties, not the whole body', () => {
    const spec = { file: 'specs/f.md', source: '# f', frontmatter: { id: 'f', outputs: ['src/f.ts'] }, requirements: [] } as unknown as Spec;
    const long = Array.from({ length: 20 }, (_, i) => `  step${i}();`).join('\n');
    const prompt = renderProposal('{{{mutant.original}}}', { spec, name: 'n', mutant: mutant({ original: `{\n${long}\n}`, replacement: '{}' }), interfaces: [] });
    expect(prompt).toContain('step4();');
    expect(prompt).not.toContain('step5();');
    expect(prompt).toContain('// … 16 more lines of the block');
  });

  it('refuses a draft that does not name its spec or says nothing a person can judge', () => {
    expect(draftProblem('---\nspec: f\n---\n\n# t\n\n- **Then** x\n', 'check', 'f')).toBeNull();
    expect(draftProblem('---\nspec: g\n---\n\n- **Then** x\n', 'check', 'f')).toBe("its scenario's frontmatter must say `spec: f`");
    expect(draftProblem('---\nspec: f\n---\n\n# t\n', 'check', 'f')).toBe('its scenario has no **Then** step: it says nothing a person can judge');
    expect(draftProblem(null, 'check', 'f')).toBe('its scenario (.md) is missing or unreadable');
  });
});
