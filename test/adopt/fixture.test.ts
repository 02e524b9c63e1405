/**
 * `speccc adopt` on a real package nobody wrote for speccc: tsconfig-paths 4.2.0 (MIT, vendored in
 * test/fixtures/adopt/tsconfig-paths with its own jest-style tests). The skeleton of the whole
 * package is compared to test/adopt/samples/tsconfig-paths/expected/ (UPDATE=1 rewrites it);
 * then, on three of its modules, against the twin: drafting, the round trip (faithful for one
 * spec, one existing test failed for another), `--take` refusing the unfaithful one and taking
 * the faithful one, and the next build owning its files and nobody else's.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { useTwin } from '../helpers/fixtures.js';
import { removeAll } from '../helpers/workspaces.js';
import { CONFIG, confirm, DRAFTS, MODULES, packageCopy, REPLIES, SAMPLES } from '../helpers/adopt-fixture.js';

const temps: string[] = [];
afterEach(() => removeAll(temps));
const twin = useTwin();
const update = process.env.UPDATE === '1';
const EXPECTED = path.join(SAMPLES, 'expected');

/** Every file under a folder by relative POSIX path, speccc's state folders left out. */
function filesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const rel = path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/');
    if (!rel.split('/').includes('.speccc')) out[rel] = readFileSync(path.join(dir, rel), 'utf8');
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function compareTo(expectedDir: string, actual: Record<string, string>) {
  if (update) {
    for (const [file, text] of Object.entries(actual)) {
      mkdirSync(path.dirname(path.join(expectedDir, file)), { recursive: true });
      writeFileSync(path.join(expectedDir, file), text);
    }
  }
  expect(actual).toEqual(filesUnder(expectedDir));
}

describe('adopt on tsconfig-paths', () => {
  it('--no-model drafts a spec per module of the whole package, checks without errors, and changes none of its files', async () => {
    const root = packageCopy(temps);
    const before = filesUnder(path.join(root, 'src'));
    const run = await runCli(['adopt', '--no-model'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    compareTo(EXPECTED, { 'stdout.txt': run.stdout, ...Object.fromEntries(Object.entries(filesUnder(path.join(root, 'specs'))).map(([f, t]) => [`specs/${f}`, t])), 'speccc.config.json': readFileSync(path.join(root, 'speccc.config.json'), 'utf8') });
    expect(filesUnder(path.join(root, 'src'))).toEqual(before);

    const checked = await runCli(['check', '--format', 'json', '--no-cache'], { cwd: root });
    expect(checked.code).toBe(0);
    const diagnostics = (JSON.parse(checked.stdout) as { diagnostics: { code: string; severity: string }[] }).diagnostics;
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // The only warnings: drafted sentences, and the entry point (index.ts) has no test of its own.
    expect(new Set(diagnostics.map((d) => d.code))).toEqual(new Set(['drafted-unconfirmed', 'outputs-no-test']));
  });

  it('drafts with a model, round-trips two specs against the package\'s own tests, takes the faithful one, and the next build owns only its files', async () => {
    const root = packageCopy(temps, MODULES);
    await twin.replies(DRAFTS);
    const drafted = await runCli(['adopt'], { cwd: root, env: twin.env() });
    expect(drafted.stdout).toContain('✔ adopted 3 draft specs (generated root: src)');
    expect(drafted.stdout).toMatch(/drafted 3 of 3 specs with a model \(\$\d+\.\d{4}\)/);
    expect(drafted.stderr).toContain('… drafting try-path (3 of 3)\n');
    expect(drafted.code).toBe(0);
    const tryPath = readFileSync(path.join(root, 'specs/try-path.md'), 'utf8');
    expect(tryPath).toContain('- getPathsToTry returns undefined when no entry matches the module name. <!-- drafted -->');
    // Drafts check without errors, but a CI gate refuses them until a person confirms each sentence.
    expect((await runCli(['check'], { cwd: root })).code).toBe(0);
    expect((await runCli(['check', '--strict'], { cwd: root })).code).toBe(1);

    confirm(root, MODULES);
    writeFileSync(path.join(root, 'speccc.config.json'), CONFIG);
    const confirmed = await runCli(['check'], { cwd: root });
    expect(confirmed.stdout).not.toContain('drafted-unconfirmed');
    expect(confirmed.code).toBe(0);
    // Ready but still the team's: the queue holds them for a person; no build --next takes them.
    expect((await runCli(['status'], { cwd: root })).stdout).toMatch(/^queue: 0 waiting, 0 running, 0 failed, 3 held, 0 shipped$/m);

    // The round trip: built alone from each spec, in a copy; the package's own tests judge it.
    await twin.replies(REPLIES);
    const code = filesUnder(path.join(root, 'src'));
    const checked = await runCli(['adopt', '--check', 'mapping-entry', 'try-path'], { cwd: root, env: twin.env() });
    expect(checked.stdout).toMatch(/^✔ mapping-entry: faithful: code built from the spec alone passes its 1 existing test file \(\$\d+\.\d{4}\)$/m);
    // The try-path draft never says a relative module name is left alone: the package's test for it fails.
    expect(checked.stdout).toMatch(/^✖ try-path: not faithful: code built from the spec alone fails 1 existing test \(\$\d+\.\d{4}\); each is a requirement the spec is missing:\n {4}src\/__tests__\/try-path\.test\.ts › mapping-entry › should return no paths for relative requested module\n/m);
    expect(checked.stderr).toContain('… round trip of try-path: building it alone from the spec, with its 1 existing test file as holdouts\n');
    expect(checked.code).toBe(1);
    expect(filesUnder(path.join(root, 'src'))).toEqual(code);

    const refused = await runCli(['adopt', '--take', 'try-path'], { cwd: root });
    expect(refused.stderr).toBe('speccc: not taken: try-path is not faithful: its last round trip failed 1 existing test(s); strengthen the spec and run `speccc adopt --check try-path` again\n');
    expect(refused.code).toBe(1);
    const taken = await runCli(['adopt', '--take', 'mapping-entry'], { cwd: root });
    expect(taken.stdout).toBe("✔ mapping-entry is speccc's: its 1 existing test file is a holdout in scenarios/mapping-entry/; the next `speccc build` generates src/mapping-entry.ts, src/__tests__/mapping-entry.test.ts from specs/mapping-entry.md\n");
    expect(taken.code).toBe(0);
    expect(readFileSync(path.join(root, 'scenarios/mapping-entry/mapping-entry.test.ts'), 'utf8')).toContain('from "../../mapping-entry"');

    const built = await runCli(['build'], { cwd: root, env: twin.env() });
    expect(built.stdout, built.stderr).toMatch(/^✔ mapping-entry built: .*1\/1 holdouts passed/m);
    expect(built.code).toBe(0);
    const after = filesUnder(path.join(root, 'src'));
    expect(after['mapping-entry.ts']).toMatch(/^\/\/ Generated by speccc from specs\/mapping-entry\.md/);
    // The hand-owned modules and their tests came through byte for byte.
    for (const file of ['filesystem.ts', 'try-path.ts', '__tests__/filesystem.test.ts', '__tests__/try-path.test.ts']) expect(after[file], file).toBe(code[file]);
    const manifest = JSON.parse(readFileSync(path.join(root, 'src/.speccc/manifest.json'), 'utf8')) as { specs: Record<string, { outputs: Record<string, string> }> };
    expect(Object.keys(manifest.specs)).toEqual(['mapping-entry']);
    expect(Object.keys(manifest.specs['mapping-entry']!.outputs)).toEqual(['mapping-entry.ts', '__tests__/mapping-entry.test.ts']);
    expect((await runCli(['check'], { cwd: root })).code).toBe(0);
    expect((await runCli(['status'], { cwd: root })).stdout).toMatch(/^queue: 0 waiting, 0 running, 0 failed, 2 held, 1 shipped$/m);
    expect(existsSync(path.join(root, '.speccc/adopt/try-path.json'))).toBe(true);
  }, 240_000);
});
