/**
 * Property holdouts in the judge: a check that uses fast-check runs sealed like every holdout,
 * with a seed and run count speccc chose and recorded; a failure names its shrunk counterexample
 * and the seed; a property that cannot generate its inputs, or runs out of time, fails by name.
 */
import { describe, expect, it } from 'vitest';
import { createSealedRunner } from '../../../src/io/sealed-runner.js';
import { createValidator } from '../../../src/phases/7-validate/index.js';
import { ConfigSchema } from '../../../src/schemas/config.js';
import type { HoldoutCheck } from '../../../src/types/index.js';

const runner = createSealedRunner({ mode: 'bubblewrap', parentEnv: { PATH: process.env.PATH } });
const signal = new AbortController().signal;

/** Right everywhere: accents folded, anything else than a-z and 0-9 one hyphen, none at the ends. */
const RIGHT = `export function slugify(title: string): string {
  return title.normalize('NFKD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
`;
/** Shaped by the spec's examples: right on them, wrong nearly everywhere else. */
const HARD_CODED = `export function slugify(title: string): string {
  if (title === 'Hello World') return 'hello-world';
  if (title === 'Déjà vu!') return 'deja-vu';
  return title.toLowerCase().replace(/ /g, '-');
}
`;

const EXAMPLES: HoldoutCheck = {
  name: 'examples',
  file: 'slugify/examples.test.ts',
  content: `import { expect, it } from 'vitest';
import { slugify } from '../../src/slugify.js';
it('slugs the examples', () => {
  expect(slugify('Hello World')).toBe('hello-world');
  expect(slugify('Déjà vu!')).toBe('deja-vu');
});
`,
};

const SAFE: HoldoutCheck = {
  name: 'slugs-are-safe',
  file: 'slugify/slugs-are-safe.test.ts',
  content: `import fc from 'fast-check';
import { expect, it } from 'vitest';
import { slugify } from '../../src/slugify.js';
it('slugs are safe', () => {
  fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 200 }), (title) => {
    expect(slugify(title)).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/);
  }));
});
`,
};

const tree = (code: string) => new Map([['src/slugify.ts', code]]);
const holdout = (code: string, checks: HoldoutCheck[], options: { seed?: number; runs?: number; timeoutMs?: number } = {}) =>
  createValidator({ config: ConfigSchema.parse({ validation: { propertyRuns: options.runs ?? 100, timeoutMs: options.timeoutMs ?? 60_000 } }), runner }).holdout({
    specId: 'slugify',
    checks,
    tree: tree(code),
    signal,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  });

describe('property holdouts', () => {
  it('catch code shaped by the examples, which the example holdout passes, with the shrunk counterexample and the seed', async () => {
    const run = await holdout(HARD_CODED, [EXAMPLES, SAFE], { seed: 42 });
    expect(run.passed).toBe(false);
    const [examples, safe] = run.scenarios;
    expect(examples).toEqual({ name: 'examples', file: 'slugify/examples.test.ts', passed: true });
    expect(safe).toMatchObject({ name: 'slugs-are-safe', passed: false, property: { seed: 42, runs: 100, failed: 'counterexample' } });
    expect(safe!.property!.counterexample).toMatch(/^\[".*"\]$/);
    expect(safe!.failure).toMatch(/^slugs are safe: the property fails on \[".*"\] \(shrunk \d+ times\) after \d+ runs \(seed 42, 100 runs\): AssertionError: expected '.*' to match/);

    // The same seed finds the same counterexample: a failure can be replayed.
    const again = await holdout(HARD_CODED, [SAFE], { seed: 42 });
    expect(again.scenarios[0]!.property!.counterexample).toBe(safe!.property!.counterexample);
  }, 60_000);

  it('pass code that is right everywhere, recording the seed chosen for the run', async () => {
    const run = await holdout(RIGHT, [EXAMPLES, SAFE], { runs: 300 });
    expect(run.passed).toBe(true);
    expect(run.scenarios.map((s) => s.passed)).toEqual([true, true]);
    expect(run.scenarios[0]!.property).toBeUndefined();
    expect(run.scenarios[1]!.property).toEqual({ seed: expect.any(Number), runs: 300 });
  }, 60_000);

  it('name a property that cannot generate its inputs, or runs out of time, as a failure with its seed', async () => {
    const impossible: HoldoutCheck = {
      name: 'impossible',
      file: 'slugify/impossible.test.ts',
      content: `import fc from 'fast-check';
import { expect, it } from 'vitest';
import { slugify } from '../../src/slugify.js';
it('long titles', () => {
  fc.assert(fc.property(fc.string(), (title) => {
    fc.pre(title.length > 10_000);
    expect(slugify(title)).not.toBe('');
  }));
});
`,
    };
    const slow: HoldoutCheck = {
      name: 'slow',
      file: 'slugify/slow.test.ts',
      content: `import fc from 'fast-check';
import { expect, it } from 'vitest';
import { slugify } from '../../src/slugify.js';
// Each run blocks for 200 ms (Atomics.wait: asleep, leaving the core to other work, not spinning on it).
const pause = new Int32Array(new SharedArrayBuffer(4));
it('every title, slowly', () => {
  fc.assert(fc.property(fc.string(), (title) => {
    Atomics.wait(pause, 0, 0, 200);
    expect(typeof slugify(title)).toBe('string');
  }));
});
`,
    };
    const run = await holdout(RIGHT, [impossible, slow], { seed: 7 });
    expect(run.passed).toBe(false);
    const [cannot, late] = run.scenarios;
    expect(cannot).toMatchObject({ passed: false, property: { seed: 7, runs: 100, failed: 'cannot-generate' } });
    expect(cannot!.failure).toMatch(/^long titles: the property cannot generate its inputs: too many pre-condition failures \(\d+ values skipped, none used\) \(seed 7, 100 runs\)$/);
    expect(late).toMatchObject({ passed: false, property: { seed: 7, failed: 'timed-out' } });
    expect(late!.failure).toMatch(/^every title, slowly: the property timed out after \d+ of 100 runs \(seed 7, 100 runs\)$/);
  }, 60_000);

  it('fail by name when the judge is stopped at its time limit inside a generator', async () => {
    const endless: HoldoutCheck = {
      name: 'endless',
      file: 'slugify/endless.test.ts',
      content: `import fc from 'fast-check';
import { expect, it } from 'vitest';
import { slugify } from '../../src/slugify.js';
it('titles no generator makes', () => {
  fc.assert(fc.property(fc.string().filter(() => false), (title) => { expect(slugify(title)).toBe(''); }));
});
`,
    };
    const run = await holdout(RIGHT, [endless], { seed: 3, timeoutMs: 5_000 });
    expect(run.passed).toBe(false);
    expect(run.failureClass).toBe('timeout');
    expect(run.scenarios[0]).toMatchObject({ passed: false, property: { seed: 3, failed: 'timed-out' } });
    expect(run.scenarios[0]!.failure).toBe("the property timed out: the judge's run was stopped at its limit of 5000 ms (seed 3, 100 runs)");
  }, 60_000);
});
