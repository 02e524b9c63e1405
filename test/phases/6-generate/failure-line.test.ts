import { describe, expect, it } from 'vitest';
import { failureLine } from '../../../src/phases/6-generate/failure-line.js';

const VITEST = `
 RUN  v4.1.12 /tmp/x

 ❯ src/fail.test.ts (2 tests | 1 failed) 9ms
   × 450 words take 3 minutes [reading-time#S-x, reading-time#R-y] 7ms
   ✓ fine 0ms

⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯

 FAIL  src/fail.test.ts > 450 words take 3 minutes [reading-time#S-x, reading-time#R-y]
AssertionError: expected 2 to be 3 // Object.is equality
`;

describe('the one line a failed job shows', () => {
  it('names the failing test and why, without its requirement ids and time', () => {
    expect(failureLine(VITEST)).toBe('450 words take 3 minutes: AssertionError: expected 2 to be 3 // Object.is equality');
  });
  it('is the compiler’s first error when the code does not compile', () => {
    expect(failureLine("src/a.ts(1,14): error TS2322: Type 'number' is not assignable to type 'string'.\nsrc/a.ts(2,1): error TS1005: ';' expected.\n")).toBe(
      "src/a.ts(1,14): error TS2322: Type 'number' is not assignable to type 'string'.",
    );
  });
  it('falls back to the first error line, then the first line, and stays one short line', () => {
    expect(failureLine('starting\nTypeError: x is not a function\n')).toBe('TypeError: x is not a function');
    expect(failureLine('something odd\n')).toBe('something odd');
    expect(failureLine('')).toBe('no output');
    expect(failureLine('x'.repeat(1000))).toHaveLength(240);
  });
});
