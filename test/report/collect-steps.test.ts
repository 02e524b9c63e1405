/** Two steps of collectReport pinned on their own: a spec's scenario list and a verify run's satisfaction. */
import { describe, expect, it } from 'vitest';
import { satisfactionOf, scenarioResults } from '../../src/report/collect.js';

describe('scenarioResults', () => {
  it('lists known scenarios by title with their result (null when unreported), then reported scenarios nobody knows, by name', () => {
    const known = [
      { name: 'pays-once', title: 'Pays exactly once' },
      { name: 'retries', title: null },
    ];
    const verdicts = { scenarios: [{ name: 'pays-once', passed: false }, { name: 'ghost', passed: true }] };
    expect(scenarioResults(known, verdicts)).toEqual([
      { name: 'Pays exactly once', passed: false },
      { name: 'retries', passed: null },
      { name: 'ghost', passed: true },
    ]);
  });

  it('gives every known scenario null when there are no verdicts', () => {
    expect(scenarioResults([{ name: 'a', title: null }], null)).toEqual([{ name: 'a', passed: null }]);
  });
});

describe('satisfactionOf', () => {
  it('averages the share passed per spec, so a spec with many scenarios does not outweigh one with few', () => {
    const results = [
      { spec: 'a', passed: true },
      { spec: 'a', passed: false },
      { spec: 'a', passed: false },
      { spec: 'a', passed: false },
      { spec: 'b', passed: true },
    ];
    expect(satisfactionOf(results)).toBeCloseTo((0.25 + 1) / 2);
  });

  it('is null for a verify run without results', () => {
    expect(satisfactionOf([])).toBeNull();
  });
});
