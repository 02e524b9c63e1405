/**
 * A plain paragraph under Evaluation is not merged into the scenario before it: the scenario ends
 * at its last step, and the paragraph is kept apart (the scenarios rule reports it).
 */
import { describe, expect, it } from 'vitest';
import { parseSpecFile } from '../../../src/phases/1-parse/index.js';
import { modelSpec } from '../../../src/phases/2-model/index.js';

const model = (text: string) => modelSpec(parseSpecFile('specs/cart.md', new TextEncoder().encode(text))).spec!;

describe('scenarios under Evaluation', () => {
  it('end at their last step; a paragraph after one is stray text, not part of it', () => {
    const spec = model(
      '---\nid: cart\nkind: feature\nstatus: ready\n---\n\n# Cart\n\n## Evaluation\n\nIntro prose.\n\n### Scenario: two items\n- **Given** prices 250 and 175\n- **When** the total is computed\n\nThe total is never negative.\n\n### Scenario: next\n- **Given** x\n- **When** y\n- **Then** z\n',
    );
    const [first, second] = spec.scenarios;
    expect(first!.name).toBe('two items');
    // Lines 13–15: the heading and two steps; the paragraph on line 17 is not in it.
    expect([first!.span.start.line, first!.span.end.line]).toEqual([13, 15]);
    expect(first!.then).toEqual([]);
    expect(second!.name).toBe('next');
    expect(spec.strayEvaluationText.map((s) => [s.start.line, spec.source.slice(s.start.offset, s.end.offset)])).toEqual([[17, 'The total is never negative.']]);
  });

  it('a paragraph that holds steps is still part of its scenario', () => {
    const spec = model('---\nid: cart\nkind: feature\nstatus: ready\n---\n\n# Cart\n\n## Evaluation\n\n### Scenario: a\nGiven x\n\nWhen y\n\nThen z\n');
    expect(spec.scenarios.map((s) => [s.given.length, s.when.length, s.then.length])).toEqual([[1, 1, 1]]);
    expect(spec.strayEvaluationText).toEqual([]);
  });

  it('text after a second H1 is no scenario\'s (title-multiple reports the H1)', () => {
    const spec = model('---\nid: cart\nkind: feature\nstatus: ready\n---\n\n# Cart\n\n## Evaluation\n\n### Scenario: a\n- **Given** x\n- **When** y\n- **Then** z\n\n# Discounts\n\nA discount code takes 10% off the total.\n');
    expect(spec.strayEvaluationText).toEqual([]);
    expect(spec.scenarios.map((s) => s.span.end.line)).toEqual([14]);
  });

  it('a property is For any steps and Then steps, with its own requirement id (P-)', () => {
    const spec = model(
      '---\nid: slugify\nkind: feature\nstatus: ready\n---\n\n# Slugify\n\n## Evaluation\n\n### Property: slugs are safe\n- **For any** title of 1 to 200 characters\n- **And** any separator\n- **When** it is slugified\n- **Then** the slug contains only a–z, 0–9 and single hyphens\n\n- **For all** slugs, **then** slugifying again changes nothing.\n\n### Scenario: one title\n- **Given** the title `Hello World`\n- **When** it is slugified\n- **Then** the slug is `hello-world`\n',
    );
    const named = (start: string) => spec.scenarios.find((s) => s.name.startsWith(start));
    const [safe, idempotent, example] = [named('slugs are safe'), named('For all'), named('one title')];
    expect(safe).toMatchObject({ name: 'slugs are safe', kind: 'property', when: [{ text: 'it is slugified' }], then: [{ text: 'the slug contains only a–z, 0–9 and single hyphens' }] });
    expect(safe!.forAny!.map((s) => s.text)).toEqual(['title of 1 to 200 characters', 'any separator']);
    expect(idempotent).toMatchObject({ form: 'list', kind: 'property', forAny: [{ text: 'slugs' }], then: [{ text: 'slugifying again changes nothing.' }] });
    expect(example!.kind).toBeUndefined();
    expect(spec.requirements.map((r) => [r.local, r.kind])).toEqual([
      ['P-slugs-are-safe', 'property'],
      ['P-for-all-slugs-then-slugifying-again-changes', 'property'],
      ['S-one-title', 'scenario'],
    ]);
  });
});
