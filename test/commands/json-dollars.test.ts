import { describe, expect, it } from 'vitest';
import { toJson } from '../../src/commands/shared.js';

describe('JSON output', () => {
  it('gives dollar amounts to a millionth of a dollar and leaves every other number alone', () => {
    const out = JSON.parse(toJson({ worstCaseUsd: 95.83488000000001, total: { cost: 0.1 + 0.2, input: 1234 }, ratio: 0.1 + 0.2 })) as Record<string, unknown>;
    expect(out).toEqual({ worstCaseUsd: 95.83488, total: { cost: 0.3, input: 1234 }, ratio: 0.30000000000000004 });
  });
});
