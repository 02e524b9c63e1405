import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/diagnostics/catalogue/index.js';
import { renderGeneratedDocs } from '../../scripts/render-docs.js';
import { SPECCC_VERSION } from '../../src/version.js';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Codes that `speccc check` never prints, each tested elsewhere. Keep it short: a code listed
 * here must name the test that covers it.
 */
const NOT_FROM_CHECK: Record<string, string> = {
  'model-unknown': 'test/diagnostics/catalogue-examples.test.ts (a build against the twin, whose Models API refuses the id)',
  // `speccc adopt` reports these, not check: test/adopt/skeleton.test.ts runs each.
  ...Object.fromEntries(['adopt-no-sources', 'adopt-parse-error', 'adopt-id-collision', 'adopt-file-left-out', 'adopt-generated-root', 'adopt-reserved-file'].map((c) => [c, 'test/adopt/skeleton.test.ts'])),
};

function sampleOutputs(): string {
  const roots = ['test/commands/check/samples', 'test/commands/build/samples'].map((d) => path.join(root, d));
  let all = '';
  for (const dir of roots) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      for (const file of ['expected.txt', 'expected-plan.txt']) {
        try {
          all += readFileSync(path.join(dir, name, file), 'utf8');
        } catch {
          // a sample has one or the other
        }
      }
    }
  }
  return all;
}

describe('catalogue and generated documents', () => {
  it('every generated document is up to date (run `npm run docs`)', () => {
    for (const [file, content] of Object.entries(renderGeneratedDocs())) {
      expect(readFileSync(path.join(root, file), 'utf8'), file).toBe(content);
    }
  });

  it('every code has a doc entry with examples', () => {
    const doc = readFileSync(path.join(root, 'docs/diagnostics.md'), 'utf8');
    for (const entry of CATALOGUE.values()) {
      expect(doc).toContain(`## ${entry.code}\n`);
      expect(Object.keys(entry.ok.files).length, entry.code).toBeGreaterThan(0);
      expect(Object.keys(entry.notOk.files).length, entry.code).toBeGreaterThan(0);
      expect(entry.code).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
    }
  });

  it('every code appears in at least one test sample', () => {
    const outputs = sampleOutputs();
    const missing = [...CATALOGUE.keys()].filter((code) => !NOT_FROM_CHECK[code] && !outputs.includes(` ${code} `));
    expect(missing).toEqual([]);
  });

  it('the version constant matches package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(SPECCC_VERSION).toBe(pkg.version);
  });
});
