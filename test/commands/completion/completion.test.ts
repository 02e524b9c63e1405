/**
 * `speccc completion bash|zsh|fish`: each script names every command and every flag that
 * `speccc --help` lists (an independent reading of the CLI, so a new command or flag without
 * completion fails here), parses in its shell, and completes what it should: in each shell, the
 * workspace's spec ids after `build --force`, `verify`, `trace`, `promote` and `scenarios
 * generate`, through `speccc completion --ids` run as the scripts run it (the `speccc` on PATH,
 * here dist/cli.js: `npm run build` first).
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';

const repo = path.resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'speccc-completion-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The zsh and fish tests need those shells: .ci/run installs both, so CI always runs them; they
// are skipped only on a developer's machine without the shell (bash is everywhere).
const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;

// A workspace of specs in folders, with a README and a file without frontmatter that are no specs,
// and a second one elsewhere for `--root`. `speccc` on PATH is this repository's dist/cli.js.
const workspace = path.join(dir, 'shop');
const other = path.join(dir, 'other');
const bin = path.join(dir, 'bin');
const spec = (id: string) => `---\nid: ${id}\nkind: feature\nstatus: draft\n---\n\n# ${id}\n`;
for (const [file, text] of Object.entries({
  'specs/core/money.md': spec('money'),
  'specs/features/line-items.md': spec('line-items'),
  'specs/features/discount-codes.md': `---\nid: "discount-codes" # quoted, with a comment\nkind: feature\n---\n`,
  'specs/README.md': '# About these specs\n',
  'specs/notes.md': 'no frontmatter, so no id\n',
})) {
  mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
  writeFileSync(path.join(workspace, file), text);
}
mkdirSync(path.join(other, 'specs'), { recursive: true });
writeFileSync(path.join(other, 'specs/payments.md'), spec('payments'));
mkdirSync(bin);
writeFileSync(path.join(bin, 'speccc'), `#!/bin/sh\nexec '${process.execPath}' '${path.join(repo, 'dist/cli.js')}' "$@"\n`);
chmodSync(path.join(bin, 'speccc'), 0o755);
const shellEnv = { PATH: `${bin}:${process.env.PATH}`, HOME: dir };
const IDS = ['discount-codes', 'line-items', 'money'];
/** Command lines that complete spec ids, with what they offer in `workspace`. */
const ID_CASES: [string, string[]][] = [
  ['speccc build --force ', IDS],
  ['speccc build --dry-run --force money l', ['line-items']],
  ['speccc verify ', IDS],
  ['speccc trace m', ['money']],
  ['speccc promote money ', IDS],
  ['speccc scenarios generate ', IDS],
  [`speccc verify --root ${other} `, ['payments']],
  // no --force: build takes no words
  ['speccc build ', []],
];

const run = promisify(execFile);

/**
 * Each command line of ID_CASES completed at once, in shells of their own: every completion is a
 * shell and a `speccc completion --ids` process, mostly waiting, so one after the other they took
 * most of this file's time.
 */
async function completeAll(complete: (line: string, index: number) => Promise<string[]>): Promise<void> {
  const got = await Promise.all(ID_CASES.map(([line], i) => complete(line, i)));
  ID_CASES.forEach(([line, ids], i) => expect(got[i], line).toEqual(ids));
}

async function script(shell: string): Promise<string> {
  const run = await runCli(['completion', shell], { cwd: repo });
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return run.stdout;
}

/** Commands and flags as `--help` prints them, for every command path. */
async function helpTree(pathWords: string[] = []): Promise<{ path: string[]; commands: string[]; flags: string[] }[]> {
  const help = (await runCli([...pathWords, '--help'], { cwd: repo })).stdout;
  const section = (title: string) => help.split(`\n${title}:\n`)[1]?.split('\n\n')[0] ?? '';
  const commands = [...section('Commands').matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]!);
  const flags = [...section('Options').matchAll(/^ {2}(?:(-\w), )?(--[\w-]+)/gm)].flatMap((m) => [m[1], m[2]].filter((x): x is string => Boolean(x)));
  const nested = await Promise.all(commands.filter((c) => c !== 'help').map((c) => helpTree([...pathWords, c])));
  return [{ path: pathWords, commands, flags }, ...nested.flat()];
}

describe('speccc completion', () => {
  it('every script names every command, subcommand and flag that --help lists', async () => {
    const tree = await helpTree();
    const commands = tree[0]!.commands;
    expect(commands).toEqual(expect.arrayContaining(['check', 'build', 'log', 'verify', 'promote', 'scenarios', 'watch', 'init', 'twin', 'completion', 'help']));
    for (const shell of ['bash', 'zsh', 'fish']) {
      const text = await script(shell);
      for (const node of tree) {
        for (const command of node.commands) expect(text, `${shell}: ${[...node.path, command].join(' ')}`).toMatch(new RegExp(`(^|[\\s'"(|])${command}([\\s'":)|]|$)`, 'm'));
        for (const flag of node.flags) {
          // fish names flags without dashes: `-l format`, `-s h`
          const spelled = shell === 'fish' ? (flag.startsWith('--') ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`) : flag;
          expect(text, `${shell}: ${[...node.path].join(' ')} ${flag}`).toContain(spelled);
        }
      }
    }
  });

  it('an unknown shell is a usage error', async () => {
    const run = await runCli(['completion', 'powershell'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("error: command-argument value 'powershell' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish.\n");
  });

  it('bash: parses (bash -n) and completes commands, subcommands, choices and folders', async () => {
    const file = path.join(dir, 'speccc.bash');
    writeFileSync(file, await script('bash'));
    execFileSync('bash', ['-n', file]);
    const complete = (line: string) => {
      const words = line.split(' ');
      const probe = `source '${file}'; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _speccc; printf '%s\\n' "\${COMPREPLY[@]}"`;
      return execFileSync('bash', ['-c', probe], { cwd: repo, encoding: 'utf8' }).split('\n').filter(Boolean).sort();
    };
    expect(complete('speccc ch')).toEqual(['check']);
    expect(complete('speccc ')).toEqual(['adopt', 'audit', 'build', 'check', 'completion', 'graph', 'help', 'init', 'lessons', 'log', 'lsp', 'promote', 'report', 'scenarios', 'status', 'trace', 'triage', 'twin', 'verify', 'watch']);
    expect(complete('speccc scenarios ')).toEqual(['accept', 'drafts', 'generate', 'help', 'propose', 'reject']);
    expect(complete('speccc scenarios generate --ov')).toEqual(['--overwrite']);
    expect(complete('speccc check --format ')).toEqual(['json', 'sarif', 'text']);
    expect(complete('speccc build --format ')).toEqual(['json', 'text']);
    expect(complete('speccc report --format ')).toEqual(['html', 'json', 'markdown']);
    expect(complete('speccc graph --format ')).toEqual(['dot', 'mermaid', 'svg']);
    expect(complete('speccc init --ci ')).toEqual(['github']);
    expect(complete('speccc completion ')).toEqual(['bash', 'fish', 'zsh']);
    expect(complete('speccc twin --script-dir ass')).toEqual(['assets']);
    expect(complete('speccc build --max-cost ')).toEqual([]);
    expect(complete('speccc check --root dist sr')).toEqual(['src']);
  });

  it('speccc completion --ids prints the spec ids of the workspace (or --root), one a line, from their frontmatter', async () => {
    expect(await runCli(['completion', '--ids'], { cwd: workspace })).toEqual({ code: 0, stdout: 'discount-codes\nline-items\nmoney\n', stderr: '' });
    expect(await runCli(['completion', '--ids', '--root', other], { cwd: workspace })).toEqual({ code: 0, stdout: 'payments\n', stderr: '' });
    expect(await runCli(['completion', '--ids'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await runCli(['completion'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: "error: missing required argument 'shell'\n" });
    // hidden: not a flag to complete or read about
    expect((await runCli(['completion', '--help'], { cwd: dir })).stdout).not.toContain('--ids');
  });

  it('bash: completes spec ids where commands take them', async () => {
    const file = path.join(dir, 'ids.bash');
    writeFileSync(file, await script('bash'));
    await completeAll(async (line) => {
      const words = line.split(' ');
      const probe = `source '${file}'; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _speccc; printf '%s\\n' "\${COMPREPLY[@]}"`;
      return (await run('bash', ['-c', probe], { cwd: workspace, env: shellEnv, encoding: 'utf8' })).stdout.split('\n').filter(Boolean).sort();
    });
  });

  // Skipped only where zsh is missing (a developer's machine); .ci/run installs it, so CI always runs this.
  it.skipIf(!has('zsh'))('zsh: parses (zsh -n) and registers with compinit', async () => {
    const file = path.join(dir, '_speccc');
    writeFileSync(file, await script('zsh'));
    execFileSync('zsh', ['-n', file]);
    const out = execFileSync('zsh', ['-f', '-c', `autoload -U compinit && compinit -u -D && source '${file}' && print -r -- $_comps[speccc]`], { cwd: dir, encoding: 'utf8' });
    expect(out.trim()).toBe('_speccc');
  });

  // Skipped only where zsh is missing (a developer's machine); .ci/run installs it, so CI always runs this.
  it.skipIf(!has('zsh'))('zsh: completes spec ids where commands take them (an interactive zsh, Tab pressed)', async () => {
    const file = path.join(dir, '_speccc_ids');
    writeFileSync(file, await script('zsh'));
    // An interactive zsh in a pseudo-terminal (zpty) loads the script; compadd is wrapped to record
    // each match it is given, and Tab runs completion, then writes DONE.
    const init = path.join(dir, 'zinit.zsh');
    writeFileSync(
      init,
      [
        "PS1=''",
        'autoload -U compinit && compinit -u -D',
        'source $ZC_SCRIPT',
        'compadd() {',
        '  local -a __hits',
        '  builtin compadd -A __hits "$@"',
        '  (( $#__hits )) && print -rl -- "HIT "$^__hits >> $ZC_OUT',
        '  builtin compadd "$@"',
        '}',
        '__probe() { zle complete-word; print -r -- DONE >> $ZC_OUT }',
        'zle -N __probe',
        "bindkey '^I' __probe",
        '',
      ].join('\n'),
    );
    const driver = path.join(dir, 'zdriver.zsh');
    writeFileSync(
      driver,
      [
        'zmodload zsh/zpty',
        ': > $ZC_OUT',
        'zpty z zsh -f -i',
        `zpty -w z "source ${init}"`,
        'zpty -w -n z "$1"$\'\\t\'',
        'for i in {1..300}; do grep -q DONE $ZC_OUT && break; sleep 0.1; done',
        'zpty -d z',
        '',
      ].join('\n'),
    );
    // Each completion writes to a file of its own: they run at once.
    const complete = async (line: string, index: number) => {
      const out = path.join(dir, `zsh-hits-${index}.txt`);
      await run('zsh', ['-f', driver, line], { cwd: workspace, env: { ...shellEnv, ZC_SCRIPT: file, ZC_OUT: out } });
      const lines = readFileSync(out, 'utf8').split('\n');
      expect(lines, `${line}: completion finished`).toContain('DONE');
      return [...new Set(lines.filter((l) => l.startsWith('HIT ')).map((l) => l.slice(4)))].filter((w) => !w.startsWith('-')).sort();
    };
    await completeAll(complete);
    // the same harness sees flags and choices too, so an empty answer above is not a broken harness
    expect(await complete('speccc build --format ', ID_CASES.length)).toEqual(['json', 'text']);
  }, 120_000);

  // Skipped only where fish is missing (a developer's machine); .ci/run installs it, so CI always runs this.
  it.skipIf(!has('fish'))('fish: parses and completes commands, subcommands, choices and folders', async () => {
    const file = path.join(dir, 'speccc.fish');
    writeFileSync(file, await script('fish'));
    execFileSync('fish', ['--no-execute', file]);
    const complete = (line: string) =>
      execFileSync('fish', ['--no-config', '-c', `source '${file}'; complete -C '${line}'`], { cwd: repo, encoding: 'utf8' })
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0]!)
        .sort();
    expect(complete('speccc ch')).toEqual(['check']);
    expect(complete('speccc scenarios ')).toEqual(['accept', 'drafts', 'generate', 'help', 'propose', 'reject']);
    expect(complete('speccc check --format ')).toEqual(['json', 'sarif', 'text']);
    expect(complete('speccc completion ')).toEqual(['bash', 'fish', 'zsh']);
    expect(complete('speccc twin --script-dir ass')).toEqual(['assets/']);
  });

  // Skipped only where fish is missing (a developer's machine); .ci/run installs it, so CI always runs this.
  it.skipIf(!has('fish'))('fish: completes spec ids where commands take them', async () => {
    const file = path.join(dir, 'ids.fish');
    writeFileSync(file, await script('fish'));
    await completeAll(async (line) =>
      (await run('fish', ['--no-config', '-c', `source '${file}'; complete -C '${line}'`], { cwd: workspace, env: shellEnv, encoding: 'utf8' })).stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0]!)
        .sort(),
    );
  });
});
