/**
 * `speccc adopt` with a model, against the twin of the Messages API (scripted replies, never the
 * network): one request per spec through the runtime, a draft kept only with the skeleton's
 * frontmatter and without check errors, every drafted sentence marked even where the model did
 * not mark it, progress on stderr; `--dry-run` prices drafting and writes nothing.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { useTempWorkspace, useTwin } from '../helpers/fixtures.js';

const temp = useTempWorkspace();
const twin = useTwin();

const PROJECT = {
  'src/money.ts': '/** Adds two amounts in cents. */\nexport function add(a: number, b: number): number {\n  return a + b;\n}\n',
  'src/total.ts': "import { add } from './money.js';\n\n/** The sum of a list of prices in cents; 0 for none. */\nexport const total = (prices: number[]): number => prices.reduce(add, 0);\n",
  'src/total.test.ts': "import { expect, it } from 'vitest';\nimport { total } from './total.js';\n\nit('adds prices', () => expect(total([250, 175])).toBe(425));\nit('is 0 for no prices', () => expect(total([])).toBe(0));\n",
};

function write(root: string, files: Record<string, string>) {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
}

const frontmatterOf = (text: string) => /^---\n[\s\S]*?\n---\n/.exec(text)![0];

describe('adopt with a model', () => {
  it('drafts each spec through the twin, keeps a draft only with the skeleton\'s frontmatter, and marks every drafted sentence', async () => {
    // The skeletons, to write the replies against.
    const seen = temp.empty();
    write(seen, PROJECT);
    expect((await runCli(['adopt', '--no-model'], { cwd: seen })).code).toBe(0);
    const skeleton = (id: string) => readFileSync(path.join(seen, `specs/${id}.md`), 'utf8');

    const replies = temp.empty();
    // A good draft; the model forgot the marker on one rule and on the scenario.
    write(replies, {
      'total/specs/total.md': `${frontmatterOf(skeleton('total'))}
# Total

## What

Sums a basket's prices in cents. <!-- drafted -->

## Who

The checkout page. <!-- drafted -->

## Inputs

- \`total(prices: number[]): number\`: prices in cents.

Invalid input (a price that is not a number) is not checked: the sum is whatever \`+\` gives. <!-- drafted -->

## Outputs

- \`total.ts\` exports \`total\`.
- \`total.test.ts\`: tests of this code.

## Rules

- \`total\` must return the sum of the prices, in cents. <!-- drafted -->
- \`total\` must add the prices with \`add\` of the money spec.

## Edge cases

- An empty list totals 0. <!-- drafted -->

## Evaluation

- **Given** the prices 250 and 175, **when** the total is computed, **then** it is 425 (see [\`total.test.ts\`](../src/total.test.ts)).
`,
      // A draft that changed the frontmatter: refused, the skeleton stays.
      'money/specs/money.md': skeleton('money').replace('status: draft', 'status: ready'),
    });
    await twin.replies(replies);

    const root = temp.empty();
    write(root, PROJECT);
    const run = await runCli(['adopt'], { cwd: root, env: twin.env() });
    expect(run.stdout).toContain('✔ adopted 2 draft specs (generated root: src)');
    expect(run.stdout).toMatch(/drafted 1 of 2 specs with a model \(\$\d+\.\d{4}\)/);
    expect(run.stderr).toContain('… drafting money (1 of 2)\n');
    expect(run.stderr).toContain('✖ money: kept the skeleton: the draft changed the frontmatter');
    expect(run.stderr).toMatch(/✔ drafted specs\/total\.md \(\$\d+\.\d{4}\)/);
    expect(run.code).toBe(1);

    const drafted = readFileSync(path.join(root, 'specs/total.md'), 'utf8');
    expect(frontmatterOf(drafted)).toBe(frontmatterOf(skeleton('total')));
    expect(drafted).toContain('- `total` must add the prices with `add` of the money spec. <!-- drafted -->');
    expect(drafted).toContain('**then** it is 425 (see [`total.test.ts`](../src/total.test.ts)). <!-- drafted -->');
    expect(readFileSync(path.join(root, 'specs/money.md'), 'utf8')).toBe(skeleton('money'));
    // The prompt showed the code and its tests, and named the file to write.
    const prompt = twin.twin.messageRequests().map((r) => JSON.stringify(r.body)).find((b) => b.includes("speccc-spec-id: total"))!;
    expect(prompt).toContain('Write the file `specs/total.md`');
    expect(prompt).toContain("it('is 0 for no prices'");
    // Both specs check without errors.
    expect((await runCli(['check'], { cwd: root })).code).toBe(0);
  });

  it('--dry-run prices drafting, writes nothing and sends nothing', async () => {
    const root = temp.empty();
    write(root, PROJECT);
    const before = readdirSync(root, { recursive: true }).sort();
    const run = await runCli(['adopt', '--dry-run'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('would adopt 2 draft specs (generated root: src)');
    expect(run.stdout).toMatch(/drafting 2 specs with claude-sonnet-5-5: one request each, about \$\d+\.\d{4} expected, \$\d+\.\d{2} at worst/);
    expect(run.stdout).toMatch(/^ {2}money {2}[\d,]+ input tokens, \$\d+\.\d{4} expected, \$\d+\.\d{2} worst case$/m);
    expect(run.stdout).toContain('nothing was written and no request was sent (--dry-run)');
    expect(readdirSync(root, { recursive: true }).sort()).toEqual(before);
  });

  it('without a key, says how to go on and writes nothing', async () => {
    const root = temp.empty();
    write(root, PROJECT);
    const run = await runCli(['adopt'], { cwd: root });
    expect(run.stderr).toBe('speccc: drafting with a model needs ANTHROPIC_API_KEY (or a twin: docs/twin.md); `--no-model` writes the skeleton alone, `--dry-run` prices drafting; nothing was written\n');
    expect(run.code).toBe(2);
    expect(readdirSync(root)).toEqual(['src']);
  });
});


