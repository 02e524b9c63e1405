/** The compact model form the parse cache stores and parse workers send: decode(encode(m)) is m, byte for byte as JSON. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSpecFile } from '../../src/phases/1-parse/index.js';
import { modelSpec } from '../../src/phases/2-model/index.js';
import { decodeModel, encodeModel } from '../../src/phases/2-model/model-codec.js';
import type { ModelledFile } from '../../src/types/index.js';
import { mixedWorkspace, specFiles } from '../helpers/mixed-workspace.js';
import { useTempWorkspace } from '../helpers/fixtures.js';

const workspaces = useTempWorkspace({ scope: 'all' });

const model = (file: string, bytes: Uint8Array) => modelSpec(parseSpecFile(file, bytes));
const roundTrip = (m: ModelledFile) => decodeModel(encodeModel(m), m, () => m.spec?.source ?? '');

describe('model codec', () => {
  it('gives back every sample spec model exactly, in about two thirds of the JSON', () => {
    const root = mixedWorkspace(workspaces.temps, 5);
    let encoded = 0;
    let plain = 0;
    for (const file of specFiles(root)) {
      const m = model(file, new Uint8Array(readFileSync(path.join(root, file))));
      expect(JSON.stringify(roundTrip(m)), file).toBe(JSON.stringify(m));
      encoded += encodeModel(m).length;
      plain += JSON.stringify(m).length;
    }
    expect(encoded).toBeLessThan(plain * 0.75);
  });

  it('keeps strings that look like its own span marks', () => {
    const text = '---\nid: "@12:40"\nkind: feature\nstatus: ready\n---\n# @@team\n\n## What\n\n@1:2 and @@ and @\n';
    const m = model('specs/at.md', new TextEncoder().encode(text));
    expect(JSON.stringify(roundTrip(m))).toBe(JSON.stringify(m));
  });

  it('round-trips edited specs (property)', () => {
    const seed = readFileSync(path.resolve(import.meta.dirname, '../../specs/features/invoice-totals.md'), 'utf8');
    const piece = fc.oneof(fc.constantFrom('\n', '@', '@1:2', '## ', '- **Given** ', '`', '[a](b.md)', '[[T]]', '\r\n', '\ufeff', 'é😀'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.nat(), text: piece, cut: fc.nat(20) }), { maxLength: 8 }), (edits) => {
        let text = seed;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.text + text.slice(at + (e.cut > 15 ? e.cut - 15 : 0));
        }
        const m = model('specs/x.md', new TextEncoder().encode(text));
        expect(JSON.stringify(roundTrip(m))).toBe(JSON.stringify(m));
      }),
      { numRuns: 100 },
    );
  });

  it('refuses what is not an encoded model of this file and content', () => {
    const m = model('specs/a.md', new TextEncoder().encode('---\nid: a\nkind: feature\nstatus: ready\n---\n# A\n\n## What\n\nx\n'));
    const encoded = encodeModel(m);
    const text = () => m.spec!.source;
    expect(() => decodeModel(encoded, { file: 'specs/b.md', hash: m.hash }, text)).toThrow();
    expect(() => decodeModel(encoded, { file: m.file, hash: '0'.repeat(64) }, text)).toThrow();
    for (const bad of ['', 'null', '[]', '{}', encoded.slice(0, encoded.length >> 1), encoded.replace('"sections":[', '"sections":5,"_":['), encoded.replace(/"@(\d+):(\d+)"/, '"@x"')]) {
      expect(() => decodeModel(bad, m, text), bad.slice(0, 40)).toThrow();
    }
  });
});
