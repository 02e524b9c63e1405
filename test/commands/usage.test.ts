/** Mistakes on the command line are usage errors: one line, exit 2, nothing done. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { useTempWorkspace } from '../helpers/fixtures.js';

const workspaces = useTempWorkspace();

describe('usage errors', () => {
  it('unknown spec ids, a stray --prompts-out, a misspelt config key', async () => {
    const root = workspaces.example(['specs', 'context', 'scenarios']);
    expect(await runCli(['build', '--force', 'no-such-spec'], { cwd: root })).toMatchObject({ code: 2, stdout: '', stderr: 'speccc: --force names no ready spec that builds: `no-such-spec`\n' });
    expect(await runCli(['promote', 'no-such-spec'], { cwd: root })).toMatchObject({ code: 2, stdout: '', stderr: 'speccc: speccc promote names no ready spec that builds: `no-such-spec`\n' });
    expect(await runCli(['scenarios', 'generate', 'no-such-spec'], { cwd: root })).toMatchObject({ code: 2, stdout: '', stderr: 'speccc: no spec has id `no-such-spec`\n' });
    expect(await runCli(['build', '--prompts-out', 'out'], { cwd: root })).toMatchObject({ code: 2, stdout: '', stderr: 'speccc: --prompts-out writes the prompts of a dry run; add --dry-run\n' });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${root}/speccc.config.json`, '{ "concurency": 2 }\n');
    const check = await runCli(['check'], { cwd: root });
    expect(check.code).toBe(2);
    expect(check.stdout).toContain('Unknown config key `concurency`; did you mean `concurrency`?');
  });

  it('verify --help names the configured scenarios folder, not a fixed one', async () => {
    const help = await runCli(['verify', '--help'], { cwd: process.cwd() });
    expect(help.stdout).toContain('--scenarios <dir>');
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('default: paths.scenarios from speccc.config.json');
  });
});
