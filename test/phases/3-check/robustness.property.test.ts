/**
 * Property: whatever is done to a valid spec (bytes inserted, deleted, duplicated, lines
 * shuffled, frontmatter broken), the checker never throws and every diagnostic's positions lie
 * inside the file it names.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSpecFile } from '../../../src/phases/1-parse/index.js';
import { modelSpec } from '../../../src/phases/2-model/index.js';
import { assembleWorkspace } from '../../../src/workspace.js';
import { defaultConfig } from '../../../src/config/parse.js';
import { checkWorkspace } from '../../../src/phases/3-check/index.js';
import { createLineIndex } from '../../../src/phases/1-parse/line-index.js';

const repo = path.resolve(import.meta.dirname, '../../..');
const seeds = ['specs/features/invoice-totals.md', 'specs/core/money.md', 'specs/constraints/typescript-library.md'].map((f) =>
  readFileSync(path.join(repo, f), 'utf8'),
);

const FRAGMENTS = ['---', '\n', '\r\n', '# ', '## ', '### Scenario: x\n', '- **Given** ', '**When**', 'then ', '[[', ']]', '[a](b.md)', '`', '```', '>', '  - ', ': ', '&a', '*a', '\t', '\u0000', '\ufeff', 'é', '😀', 'TBD', 'fast', 'depends_on: [', 'outputs: [../x]'];

const mutation = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ op: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, m: Mutation): string {
  if (m.op === 'swapLines') {
    const lines = text.split('\n');
    const a = m.a % lines.length;
    const b = m.b % lines.length;
    [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    return lines.join('\n');
  }
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  if (m.op === 'insert') return text.slice(0, at) + m.text + text.slice(at);
  if (m.op === 'delete') return text.slice(0, at) + text.slice(at + m.length);
  return text.slice(0, at) + text.slice(at, at + m.length) + text.slice(at);
}

describe('checker robustness (property)', () => {
  it('never throws and keeps every position inside the file', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 8 }), fc.boolean(), (seed, mutations, asLatin1) => {
        const text = mutations.reduce(apply, seed);
        const bytes = asLatin1 ? Uint8Array.from(Buffer.from(text, 'latin1')) : new TextEncoder().encode(text);
        const files = [modelSpec(parseSpecFile('specs/a.md', bytes)), modelSpec(parseSpecFile('specs/b.md', new TextEncoder().encode(seeds[1]!)))];
        const workspace = assembleWorkspace('/ws', files, []);
        const diagnostics = [...files.flatMap((f) => f.diagnostics), ...checkWorkspace({ workspace, generatedRoot: 'generated', config: defaultConfig(), configSpans: new Map(), scenarios: [] })];
        const decoded = files[0]!.spec?.source ?? new TextDecoder().decode(bytes);
        const index = createLineIndex(decoded);
        for (const d of diagnostics.filter((x) => x.file === 'specs/a.md')) {
          for (const p of [d.span.start, d.span.end]) {
            expect(p.line).toBeGreaterThanOrEqual(1);
            expect(p.line).toBeLessThanOrEqual(index.lines);
            expect(p.column).toBeGreaterThanOrEqual(1);
          }
          expect(d.span.end.offset).toBeGreaterThanOrEqual(d.span.start.offset);
          if (files[0]!.spec) expect(d.span.end.offset).toBeLessThanOrEqual(decoded.length);
          expect(d.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
