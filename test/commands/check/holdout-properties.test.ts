/** `speccc check` reads a holdout scenario that states a property for its For any and Then steps, as it reads a spec's. */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';

const repo = path.resolve(import.meta.dirname, '../../..');
const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

describe('holdout property scenarios in check', () => {
  it('reports one with no For any or no Then, and says nothing of a whole one or an example', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'speccc-holdout-properties-'));
    temps.push(root);
    for (const dir of ['specs', 'context', 'scenarios']) cpSync(path.join(repo, dir), path.join(root, dir), { recursive: true });
    cpSync(path.join(repo, 'speccc.config.json'), path.join(root, 'speccc.config.json'));
    const scenario = (name: string, steps: string) => {
      writeFileSync(path.join(root, `scenarios/money/${name}.md`), `---\nspec: money\n---\n\n# Property: ${name}\n\n${steps}`);
      writeFileSync(path.join(root, `scenarios/money/${name}.test.ts`), "import { expect, it } from 'vitest';\nit('x', () => expect(1).toBe(1));\n");
    };
    scenario('whole', '- **For any** amount\n- **When** it is added to zero\n- **Then** the sum is the amount\n');
    scenario('no-inputs', '- **When** an amount is added to zero\n- **Then** the sum is the amount\n');
    scenario('no-outcome', '- **For any** amount\n- **When** it is added to zero\n');
    const ran = await runCli(['check', '--format', 'json', '--no-cache'], { cwd: root });
    const found = (JSON.parse(ran.stdout) as { diagnostics: { code: string; file: string; message: string }[] }).diagnostics.filter((d) => d.code.startsWith('property-'));
    expect(found.map((d) => [d.code, d.file])).toEqual([
      ['property-no-assertion', 'scenarios/money/no-outcome.md'],
      ['property-no-generator', 'scenarios/money/no-inputs.md'],
    ].sort((a, b) => (a[1]! < b[1]! ? -1 : 1)));
    expect(found.find((d) => d.file.endsWith('no-inputs.md'))!.message).toBe('Property scenario `no-inputs` of spec `money` has no For any step; expected one naming the inputs it holds for');
    expect(ran.code).toBe(1);

    // The stored report is keyed by the scenarios' text: a holdout that gains its For any step is read again, not answered from the store.
    const codes = async () => (JSON.parse((await runCli(['check', '--format', 'json'], { cwd: root })).stdout) as { diagnostics: { code: string; file: string }[] }).diagnostics.filter((d) => d.code.startsWith('property-')).map((d) => d.file);
    expect(await codes()).toContain('scenarios/money/no-inputs.md');
    scenario('no-inputs', '- **For any** amount\n- **When** it is added to zero\n- **Then** the sum is the amount\n');
    expect(await codes()).toEqual(['scenarios/money/no-outcome.md']);
  });
});
