/**
 * One did-you-mean everywhere (src/diagnostics/closest.ts): the same typo gets the same
 * suggestion from the config loader, `speccc check` and the language server, and the command
 * line suggests with the same helper.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/io/config-file.js';
import { runCli } from '../helpers/cli.js';
import { exampleCopy, removeAll } from '../helpers/workspaces.js';
import { startClient, type TestClient } from '../lsp/client.js';

const temps: string[] = [];
let client: TestClient | undefined;
afterEach(() => {
  if (client && client.child.exitCode === null) client.child.kill();
  client = undefined;
});
afterAll(() => removeAll(temps));

const LINE_ITEMS = 'specs/features/line-items.md';
const suggested = (text: string) => [...text.matchAll(/did you mean `([^`]+)`\?/gi)].map((m) => m[1]);

describe('did you mean', () => {
  it('the same typo gets the same suggestion from the config loader, check and the language server', async () => {
    const root = exampleCopy(temps);
    // One typo of a rule code, made twice: in the config's rules map and in a suppression comment.
    writeFileSync(path.join(root, 'speccc.config.json'), '{ "rules": { "vague-wordng": "warn" } }\n');
    const spec = readFileSync(path.join(root, LINE_ITEMS), 'utf8').replace('## Rules\n', '## Rules\n\n<!-- speccc-disable-next-line vague-wordng -- reason -->\n');
    writeFileSync(path.join(root, LINE_ITEMS), spec);

    const loaded = await loadConfig(root);
    expect(loaded.diagnostics.map((d) => d.message).flatMap(suggested)).toEqual(['vague-wording']);

    const check = await runCli(['check', '--no-cache'], { cwd: root });
    expect(check.code).toBe(2);
    expect(check.stdout).toContain('Unknown rule `vague-wordng` in `rules`; did you mean `vague-wording`?');
    expect(check.stdout).toMatch(/unused-suppression Suppression names `vague-wordng`.*\n {2}hint: Did you mean `vague-wording`\?/);
    expect(suggested(check.stdout)).toEqual(['vague-wording', 'vague-wording']);

    client = await startClient(root);
    const config = client.diagnostics((p) => p.uri === client!.uri('speccc.config.json'), 'the config');
    const opened = await client.open(LINE_ITEMS, spec);
    expect(opened.diagnostics.map((d) => d.code)).toEqual(['unused-suppression']);
    expect(suggested(String(opened.diagnostics[0]!.message))).toEqual(['vague-wording']);
    expect((await config).diagnostics.flatMap((d) => suggested(String(d.message)))).toEqual(['vague-wording']);
    expect(await client.stop()).toBe(0);
  });

  it('the command line suggests with the same helper: commands, options and choices', async () => {
    const root = exampleCopy(temps, ['specs', 'context', 'scenarios']);
    expect(await runCli(['chek'], { cwd: root })).toMatchObject({ code: 2, stderr: "error: unknown command 'chek'\n(Did you mean check?)\n" });
    expect(await runCli(['check', '--strickt'], { cwd: root })).toMatchObject({ code: 2, stderr: "error: unknown option '--strickt'\n(Did you mean --strict?)\n" });
    expect((await runCli(['check', '--format', 'jsno'], { cwd: root })).stderr).toMatch(/Allowed choices are text, json, sarif\.\n\(Did you mean json\?\)\n$/);
    expect(await runCli(['scenarios', 'generat'], { cwd: root })).toMatchObject({ code: 2, stderr: "error: unknown command 'generat'\n(Did you mean generate?)\n" });
    // Nothing near: no guess.
    expect((await runCli(['colour'], { cwd: root })).stderr).toBe("error: unknown command 'colour'\n");
    // Spec ids named on the command line.
    expect(await runCli(['build', '--force', 'line-itmes'], { cwd: root })).toMatchObject({ code: 2, stderr: 'speccc: --force names no ready spec that builds: `line-itmes` (did you mean `line-items`?)\n' });
    expect(await runCli(['scenarios', 'generate', 'mony'], { cwd: root })).toMatchObject({ code: 2, stderr: 'speccc: no spec has id `mony` (did you mean `money`?)\n' });
  });
});
