/**
 * canonicalJson is the text behind every cache key and job key (a change of its output would
 * rebuild every spec): its shortcut for arrays of plain values must give exactly what the general
 * walk gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/hash.js';

/** The walk without the shortcut, as it was written first. */
function reference(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  if (value instanceof Map) return reference(Object.fromEntries(value));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

describe('canonicalJson', () => {
  it('sorts keys at every level and gives the same text for the same value', () => {
    expect(canonicalJson({ b: [['x', 'h1'], ['y', 'h2']], a: { d: 1, c: [true, null] }, u: undefined })).toBe('{"a":{"c":[true,null],"d":1},"b":[["x","h1"],["y","h2"]]}');
  });

  it('matches the general walk on any value, undefined and NaN in arrays included', () => {
    const leaf = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node')), fc.dictionary(fc.string(), tie('node'))),
    })).node;
    fc.assert(fc.property(value, (v) => canonicalJson(v) === reference(v)), { numRuns: 2000 });
  });
});
