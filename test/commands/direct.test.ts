/**
 * `speccc --version` and a bare `speccc check` skip commander (src/commands/direct.ts): they must
 * behave exactly as the commander path does.
 */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { BARE_CHECK_FLAGS } from '../../src/commands/direct.js';
import { registerCheck } from '../../src/commands/check.js';
import type { CliIo } from '../../src/commands/shared.js';
import { SPECCC_VERSION } from '../../src/version.js';
import { runCli } from '../helpers/cli.js';
import { useTempWorkspace } from '../helpers/fixtures.js';

const workspaces = useTempWorkspace();

describe('command lines run without commander', () => {
  it('a bare check gets the flags commander would give it (a new option with a default must be added to BARE_CHECK_FLAGS)', () => {
    const program = new Command().exitOverride();
    registerCheck(program, {} as CliIo, () => {});
    const check = program.commands.find((c) => c.name() === 'check')!;
    check.action(() => {});
    program.parse(['check'], { from: 'user' });
    expect(check.opts()).toEqual(BARE_CHECK_FLAGS);
  });

  it('--version and -V print the version alone and exit 0', async () => {
    for (const flag of ['--version', '-V']) expect(await runCli([flag], { cwd: process.cwd() })).toEqual({ code: 0, stdout: `${SPECCC_VERSION}\n`, stderr: '' });
  });

  it('a bare check prints and exits as the same check through commander', async () => {
    const root = workspaces.copy('test/commands/check/samples/references');
    const bare = await runCli(['check'], { cwd: root });
    const parsed = await runCli(['check', '--format', 'text'], { cwd: root });
    expect(bare.code).toBe(1);
    expect(bare.stdout).toContain('error');
    expect(bare).toEqual(parsed);
  });
});
