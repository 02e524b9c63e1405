/**
 * Mixed ownership: files of hand-owned specs (`owner: hand`) are never written, removed or
 * treated as orphans by a build, even when a build promotes other specs' output into the same
 * folder; a change to one is a warning in check, never an error or an overwrite; `adopt --take`
 * refuses a spec that is not ready and faithful (as its last round trip recorded) and otherwise
 * hands it to speccc: its tests become holdouts and the next build generates and owns its files.
 * Builds run sealed, against the twin.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { useTempWorkspace, useTwin } from '../helpers/fixtures.js';
import { sha256 } from '../../src/hash.js';

const temp = useTempWorkspace();
const twin = useTwin();

function write(root: string, files: Record<string, string>) {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
}

const MONEY = '/** Adds two amounts in cents. */\nexport function add(a: number, b: number): number {\n  return a + b;\n}\n';
const MONEY_TEST = "import { expect, it } from 'vitest';\nimport { add } from './money.js';\n\nit('adds', () => expect(add(2, 3)).toBe(5));\n";
const GREETING_SPEC = `---
id: greeting
kind: feature
status: ready
outputs: [greeting.ts, greeting.test.ts]
---

# Greeting

## What

Greets a person by name.

## Who

The shop's front page.

## Inputs

\`greet(name: string)\`. An empty name is rejected with a \`RangeError\`.

## Outputs

- \`greeting.ts\` exports \`greet\`.
- \`greeting.test.ts\` tests the scenario below.

## Rules

- \`greet(name)\` must return \`Hello, <name>!\`.

## Edge cases

- An empty name must throw a \`RangeError\`.

## Evaluation

- **Given** the name Ada, **when** \`greet\` is called, **then** it returns \`Hello, Ada!\`.
`;
const GREETING = "/** [greeting#R-greet-name-must-return-hello] [greeting#E-an-empty-name-must-throw] */\nexport function greet(name: string): string {\n  if (name === '') throw new RangeError('empty name');\n  return `Hello, ${name}!`;\n}\n";
const GREETING_TEST = "import { expect, it } from 'vitest';\nimport { greet } from './greeting.js';\n\nit('[greeting#S-given-the-name-ada-when] [greeting#R-greet-name-must-return-hello] greets', () => expect(greet('Ada')).toBe('Hello, Ada!'));\nit('[greeting#E-an-empty-name-must-throw] refuses an empty name', () => expect(() => greet('')).toThrow(RangeError));\n";

describe('hand-owned files', () => {
  it('a build that promotes other output leaves them as they are; a change is a warning, never an overwrite', async () => {
    const root = temp.empty();
    write(root, { 'src/money.ts': MONEY, 'src/money.test.ts': MONEY_TEST });
    expect((await runCli(['adopt', '--no-model'], { cwd: root })).code).toBe(0);
    write(root, { 'specs/greeting.md': GREETING_SPEC });
    const replies = temp.empty();
    write(replies, { 'greeting/greeting.ts': GREETING, 'greeting/greeting.test.ts': GREETING_TEST });
    await twin.replies(replies);

    const plan = await runCli(['build', '--dry-run', '--format', 'json'], { cwd: root });
    expect(JSON.parse(plan.stdout)).toMatchObject({ jobs: [{ id: 'greeting', state: 'stale' }], orphans: [] });
    const built = await runCli(['build'], { cwd: root, env: twin.env() });
    expect(built.stdout, built.stderr).toContain('✔ greeting built');
    expect(built.code).toBe(0);
    // The tree was swapped whole; the team's files came through it byte for byte, with no header.
    expect(readFileSync(path.join(root, 'src/money.ts'), 'utf8')).toBe(MONEY);
    expect(readFileSync(path.join(root, 'src/money.test.ts'), 'utf8')).toBe(MONEY_TEST);
    expect(readFileSync(path.join(root, 'src/greeting.ts'), 'utf8')).toContain('export function greet');
    const manifest = JSON.parse(readFileSync(path.join(root, 'src/.speccc/manifest.json'), 'utf8')) as { specs: Record<string, unknown> };
    expect(Object.keys(manifest.specs)).toEqual(['greeting']);
    expect((await runCli(['check'], { cwd: root })).code).toBe(0);

    // The team changes its own file: check warns (exit 0), a build leaves it alone.
    const edited = MONEY.replace('return a + b;', 'return b + a;');
    writeFileSync(path.join(root, 'src/money.ts'), edited);
    const checked = await runCli(['check'], { cwd: root });
    expect(checked.stdout).toContain('src/money.ts:1:1: warning adopted-file-changed Hand-owned file of spec `money` changed since adoption; expected the spec (specs/money.md) to be checked against it again');
    expect(checked.stdout).not.toContain('error');
    expect(checked.code).toBe(0);
    expect((await runCli(['build'], { cwd: root, env: twin.env() })).code).toBe(0);
    expect(readFileSync(path.join(root, 'src/money.ts'), 'utf8')).toBe(edited);
    // Reviewed: --refresh records it as it is now, and the warning goes.
    expect((await runCli(['adopt', '--refresh', 'money'], { cwd: root })).stdout).toBe('✔ recorded 2 files of money as they are now\n');
    expect((await runCli(['check'], { cwd: root })).stdout).not.toContain('adopted-file-changed');
  }, 180_000);
});

describe('adopt --take', () => {
  it('refuses a spec that is not ready, has no round trip, changed since it, or was not faithful; takes a faithful one', async () => {
    const root = temp.empty();
    write(root, { 'src/money.ts': MONEY, 'src/money.test.ts': MONEY_TEST });
    expect((await runCli(['adopt', '--no-model'], { cwd: root })).code).toBe(0);
    const take = () => runCli(['adopt', '--take', 'money'], { cwd: root });

    expect((await runCli(['adopt', '--take', 'mony'], { cwd: root })).stderr).toBe('speccc: --take names no hand-owned (adopted) spec: `mony` (did you mean `money`?)\n');
    let refused = await take();
    expect(refused.stderr).toBe('speccc: not taken: money is draft: confirm its drafted sentences, set status: ready in specs/money.md, then run `speccc adopt --check money`\n');
    expect(refused.code).toBe(1);

    const specFile = path.join(root, 'specs/money.md');
    writeFileSync(specFile, readFileSync(specFile, 'utf8').replace('status: draft', 'status: ready'));
    expect((await take()).stderr).toBe('speccc: not taken: money has no round trip on record: run `speccc adopt --check money` first\n');

    // What `adopt --check` records (here written as it would have: the round trip itself runs in fixture.test.ts).
    const recordCheck = (faithful: boolean, specText = readFileSync(specFile, 'utf8')) =>
      write(root, {
        '.speccc/adopt/money.json': JSON.stringify({ format: 1, spec: 'money', specHash: sha256(specText), faithful, checkedAt: '2026-01-02T03:04:05.000Z', costUsd: 0.01, failing: faithful ? [] : ['src/money.test.ts › adds'] }),
      });
    recordCheck(false);
    expect((await take()).stderr).toBe('speccc: not taken: money is not faithful: its last round trip failed 1 existing test(s); strengthen the spec and run `speccc adopt --check money` again\n');
    recordCheck(true, 'an older text of the spec');
    expect((await take()).stderr).toBe('speccc: not taken: money changed since its last round trip (2026-01-02T03:04:05.000Z): run `speccc adopt --check money` again\n');
    expect(readFileSync(specFile, 'utf8')).toContain('owner: hand');

    recordCheck(true);
    const taken = await take();
    expect(taken.stdout).toBe("✔ money is speccc's: its 1 existing test file is a holdout in scenarios/money/; the next `speccc build` generates src/money.ts, src/money.test.ts from specs/money.md\n");
    expect(taken.code).toBe(0);
    expect(readFileSync(specFile, 'utf8')).not.toContain('owner: hand');
    expect(readFileSync(path.join(root, 'scenarios/money/money.test.ts'), 'utf8')).toBe(MONEY_TEST.replace("'./money.js'", "'../../money.js'"));
    expect(JSON.parse(readFileSync(path.join(root, 'specs/adopted.json'), 'utf8'))).toEqual({ format: 1, specs: {} });
    // The next build plans it as never built: speccc writes its files from now on.
    const plan = JSON.parse((await runCli(['build', '--dry-run', '--format', 'json'], { cwd: root })).stdout) as { jobs: { id: string; reasons: string[] }[] };
    expect(plan.jobs).toMatchObject([{ id: 'money', reasons: ['never-built'] }]);
    expect(existsSync(path.join(root, 'src/money.ts'))).toBe(true);
  });
});
