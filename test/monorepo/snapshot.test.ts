/**
 * Read once, in a monorepo: one run lists the root's and every member's scenarios folder once and
 * reads each scenario file at most once, and the snapshot holds the members' holdouts under
 * qualified ids (`billing:invoice`), which the validator places beside the member's code.
 */
import { promises as fs, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { spec } from '../../src/diagnostics/catalogue/example.js';
import { readInputs } from '../../src/fast-path.js';
import { readSnapshot } from '../../src/pipeline/snapshot.js';
import { holdoutPlacement } from '../../src/phases/7-validate/index.js';

const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));
afterEach(() => vi.restoreAllMocks());

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'speccc-mono-snap-'));
  temps.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

const check = `import { it, expect } from 'vitest';\nit('pays', () => expect(1).toBe(1));\n`;

describe('a monorepo snapshot', () => {
  it("reads every member's scenarios folder once, its holdouts keyed by qualified id", async () => {
    const root = workspace({
      'speccc.config.json': '{ "members": ["packages/billing", "packages/shop"] }\n',
      'packages/billing/specs/invoice.md': spec('', { id: 'invoice' }).content() as string,
      'packages/billing/scenarios/invoice/pays.md': 'An invoice is paid.\n',
      'packages/billing/scenarios/invoice/pays.test.ts': check,
      'packages/billing/scenarios/.git/HEAD': 'ref: main\n',
      'packages/shop/specs/cart.md': spec('', { id: 'cart' }).content() as string,
      'packages/shop/scenarios/cart/adds.md': 'A cart adds an item.\n',
    });
    const readdir = vi.spyOn(fs, 'readdir');
    const readFile = vi.spyOn(fs, 'readFile');
    const inputs = await readInputs(root);
    const snapshot = await readSnapshot(root, { inputs });
    const billing = path.join(root, 'packages/billing/scenarios');
    const listed = readdir.mock.calls.map(([dir]) => String(dir));
    expect(listed.filter((d) => d === billing)).toHaveLength(1);
    expect(listed.filter((d) => d === path.join(billing, 'invoice'))).toHaveLength(1);
    const read = readFile.mock.calls.map(([file]) => String(file));
    expect(read.filter((f) => f === path.join(billing, 'invoice/pays.md'))).toHaveLength(1);
    expect(read.filter((f) => f === path.join(billing, 'invoice/pays.test.ts')).length).toBeLessThanOrEqual(1);

    expect([...snapshot.scenarios.holdouts.keys()]).toEqual(['billing:invoice']);
    const [pays] = snapshot.scenarios.holdouts.get('billing:invoice')!;
    expect(pays).toMatchObject({ name: 'pays', file: 'billing:invoice/pays.test.ts', content: check });
    expect(holdoutPlacement(pays!.file)).toBe('billing/.holdout/invoice/pays.test.ts');
    expect(snapshot.scenarios.entries.map((e) => [e.spec, e.hasCheck])).toEqual([['billing:invoice', true], ['shop:cart', false]]);
    expect(snapshot.scenarios.folders).toEqual(['billing:invoice', 'shop:cart']);
    expect(snapshot.members.members.map((m) => m.name)).toEqual(['billing', 'shop']);
    // The fast path's digest covers every member's checks, by qualified name.
    expect(inputs.inputs.holdouts.map(([f]) => f)).toEqual(['billing:invoice/pays.test.ts']);
  });
});
