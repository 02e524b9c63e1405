/**
 * docs/getting-started.md, followed to the letter in a temporary folder: every block marked
 * `<!-- run -->` is executed line by line (speccc in-process through the CLI's own entry point,
 * other commands with sh), every `<!-- file: PATH -->` block is written to PATH, and every
 * `<!-- output -->` block must be what the command before it printed (digits may differ:
 * tokens, costs, times, ports, run ids). Then the inline `npx speccc …` commands of the prose
 * run too, and what the guide claims about git, CI and generated/ is checked.
 *
 * Three substitutions, because a test has no network and no API key and is not a shell:
 * - `npm i -D speccc` links this repository as node_modules/speccc;
 * - `npx speccc twin … > FILE &` runs the twin in this process, and a child `sh` writes its first
 *   line into FILE (the guide's named pipe) as the twin's stdout would;
 * - the twin stands in for the API in step 6 (`unset ANTHROPIC_BASE_URL` keeps it), so
 *   "Build with Claude" runs the same commands against the twin.
 * A port is never part of what is compared: `127.0.0.1:<port>` in the guide matches any.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startCli } from '../helpers/cli.js';

const repo = path.resolve(import.meta.dirname, '../..');
const GUIDE = readFileSync(path.join(repo, 'docs/getting-started.md'), 'utf8');
const REPLIES = path.join(repo, 'test/e2e/samples/getting-started/replies');
const temps: string[] = [];
const stops: (() => Promise<unknown>)[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) child.kill();
  for (const stop of stops) await stop();
  temps.forEach((t) => rmSync(t, { recursive: true, force: true }));
});

interface Block {
  directive: 'run' | 'output' | 'file' | null;
  arg: string | undefined;
  lang: string;
  body: string;
  line: number;
}

/** Every fenced block, with the directive comment on the line before it, if any. */
export function guideBlocks(text: string): Block[] {
  const out: Block[] = [];
  for (const m of text.matchAll(/(?:<!-- (run|output|file)(?:: ([^>]*?))? -->\n)?```(\w*)\n([\s\S]*?)\n```/g)) {
    out.push({ directive: (m[1] as Block['directive']) ?? null, arg: m[2], lang: m[3]!, body: m[4]!, line: text.slice(0, m.index).split('\n').length });
  }
  return out;
}

/** The prose outside code blocks and comments. */
const prose = (text: string) => text.replace(/```[\s\S]*?```/g, '').replace(/<!--[\s\S]*?-->/g, '');
const norm = (text: string) => text.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>').replace(/\d+/g, '#').trimEnd();
const stripComment = (line: string) => line.replace(/\s+#\s.*$/, '').trim();

const args = (command: string) => command.replace(/^npx speccc\s*/, '').split(/\s+/).filter(Boolean);

class Session {
  cwd: string;
  env: Record<string, string>;
  twinUrl: string | undefined;
  /** What the last command printed (stdout) and its exit code. */
  last: { command: string; code: number; stdout: string } | undefined;
  readonly ran: string[] = [];

  constructor(readonly base: string) {
    this.cwd = base;
    this.env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: base,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Guide Reader',
      GIT_AUTHOR_EMAIL: 'reader@example.com',
      GIT_COMMITTER_NAME: 'Guide Reader',
      GIT_COMMITTER_EMAIL: 'reader@example.com',
    };
  }

  /** The exit code the guide implies: 1 when the output it shows ends in a failure line. */
  async block(lines: string[], expectedLastCode: number): Promise<void> {
    const commands = lines.map(stripComment).filter(Boolean);
    for (const [i, line] of commands.entries()) {
      for (const part of line.split(' && ')) await this.command(part.trim());
      const code = this.last?.code ?? 0;
      expect(code, `${line}\n${this.last?.stdout ?? ''}`).toBe(i === commands.length - 1 ? expectedLastCode : 0);
    }
  }

  private set(command: string, code: number, stdout: string) {
    this.last = { command, code, stdout };
  }

  async command(command: string): Promise<void> {
    let m: RegExpExecArray | null;
    if ((m = /^mkdir (\S+)$/.exec(command))) {
      mkdirSync(path.resolve(this.cwd, m[1]!));
      this.set(command, 0, '');
    } else if ((m = /^cd (\S+)$/.exec(command))) {
      this.cwd = path.resolve(this.cwd, m[1]!);
      this.set(command, 0, '');
    } else if (command === 'npm i -D speccc') {
      // as npm would, minus the registry: package.json and node_modules/speccc
      const version = (JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string }).version;
      writeFileSync(path.join(this.cwd, 'package.json'), JSON.stringify({ devDependencies: { speccc: `^${version}` } }, null, 2) + '\n');
      mkdirSync(path.join(this.cwd, 'node_modules'));
      symlinkSync(repo, path.join(this.cwd, 'node_modules/speccc'), 'dir');
      this.set(command, 0, '');
    } else if ((m = /^export ([A-Z_]+)=(.+)$/.exec(command))) {
      // The value as sh expands it ($(…) included), in the session's folder and environment.
      const value = execFileSync('sh', ['-c', `printf '%s' "${m[2]!}"`], { cwd: this.cwd, env: this.env, encoding: 'utf8', timeout: 30_000 });
      if (m[1] === 'ANTHROPIC_BASE_URL') expect(value, 'ANTHROPIC_BASE_URL is the address the twin printed').toBe(this.twinUrl);
      this.env[m[1]!] = value;
      this.set(command, 0, '');
    } else if ((m = /^unset ([A-Z_]+)$/.exec(command))) {
      // No API in a test: the twin keeps standing in for it (see the header).
      if (m[1] !== 'ANTHROPIC_BASE_URL') delete this.env[m[1]!];
      this.set(command, 0, '');
    } else if ((m = /^(npx speccc twin .*) > (\S+) &$/.exec(command))) {
      const twin = startCli(args(m[1]!), { cwd: this.cwd, env: this.env });
      stops.push(twin.stop);
      this.twinUrl = await twin.firstLine;
      // What the twin's stdout would do: write its first line into the file (a named pipe: this
      // blocks until the guide's next command reads it, so it runs beside the test).
      const writer = spawn('sh', ['-c', 'printf \'%s\\n\' "$1" > "$2"', 'sh', this.twinUrl, m[2]!], { cwd: this.cwd, stdio: 'ignore' });
      children.push(writer);
      this.ran.push(m[1]!);
      this.set(command, 0, '');
    } else if (command.startsWith('npx speccc watch')) {
      const watch = startCli(args(command), { cwd: this.cwd, env: this.env });
      await watch.firstLine; // the first round's status line
      const code = await watch.stop();
      this.ran.push(command);
      this.set(command, code, watch.output().stdout);
    } else if (command.startsWith('npx speccc')) {
      const run = await runCli(args(command), { cwd: this.cwd, env: this.env });
      expect(run.stderr, command).not.toMatch(/internal error/);
      this.ran.push(command);
      this.set(command, run.code, run.stdout);
    } else {
      let stdout = '';
      let code = 0;
      try {
        stdout = execFileSync('sh', ['-c', command], { cwd: this.cwd, env: this.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (error) {
        const e = error as { status: number; stdout: string; stderr: string };
        code = e.status;
        stdout = `${e.stdout}${e.stderr}`;
      }
      this.set(command, code, stdout);
    }
  }
}

function compare(block: Block, actual: string) {
  const where = `docs/getting-started.md:${block.line}`;
  if (block.arg === 'contains') {
    for (const line of block.body.split('\n')) expect(norm(actual), `${where}: ${line}`).toContain(norm(line));
  } else if (block.arg === 'any order') {
    expect(norm(actual).split('\n').sort(), where).toEqual(norm(block.body).split('\n').sort());
  } else {
    expect(block.arg, where).toBeUndefined();
    expect(norm(actual), where).toBe(norm(block.body));
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

describe('docs/getting-started.md', () => {
  const blocks = guideBlocks(GUIDE);

  it('its replies are test/e2e/samples/getting-started/replies/, file for file', () => {
    const shown = blocks.filter((b) => b.directive === 'file' && b.arg!.startsWith('replies/'));
    expect(shown.map((b) => b.arg!.slice('replies/'.length)).sort()).toEqual(filesUnder(REPLIES));
    for (const b of shown) expect(`${b.body}\n`, b.arg).toBe(readFileSync(path.join(REPLIES, b.arg!.slice('replies/'.length)), 'utf8'));
  });

  it('from an empty folder to a built, verified product: every command works and prints what the guide shows', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'speccc-guide-'));
    temps.push(base);
    const session = new Session(base);

    for (const [i, block] of blocks.entries()) {
      if (block.directive === 'file') {
        const target = path.resolve(session.cwd, block.arg!);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, `${block.body}\n`);
      } else if (block.directive === 'run') {
        const next = blocks[i + 1];
        const shown = next?.directive === 'output' ? next.body.split('\n').filter(Boolean) : [];
        await session.block(block.body.split('\n'), shown.at(-1)?.startsWith('✖') ? 1 : 0);
      } else if (block.directive === 'output') {
        expect(blocks[i - 1]?.directive, `docs/getting-started.md:${block.line}: an output block follows a run block`).toBe('run');
        compare(block, session.last!.stdout);
      }
    }
    const root = path.join(base, 'acme');
    expect(session.cwd).toBe(root);

    // No port is written down: the twin picks a free one, and the guide reads it with $(…).
    expect(GUIDE).not.toMatch(/127\.0\.0\.1:\d/);
    expect(GUIDE).toContain('export ANTHROPIC_BASE_URL=$(');

    // Built by the twin, as the guide says.
    const manifest = JSON.parse(readFileSync(path.join(root, 'generated/.speccc/manifest.json'), 'utf8')) as { specs: Record<string, { provider: string }> };
    expect(Object.keys(manifest.specs).sort()).toEqual(['foundation', 'reading-time', 'slugify']);
    expect(manifest.specs['reading-time']!.provider).toBe('anthropic (speccc twin at 127.0.0.1; no model was called)');
    expect(GUIDE).toContain('`anthropic (speccc twin at 127.0.0.1; no model was called)`');

    // Step 8 committed the specs, generated/ and its manifest, and none of .speccc/.
    const git = (...a: string[]) => execFileSync('git', a, { cwd: root, env: session.env, encoding: 'utf8' });
    const tracked = git('ls-files').split('\n');
    for (const f of ['.gitignore', 'package.json', 'speccc.config.json', 'specs/features/reading-time.md', 'context/mission.md', 'generated/.speccc/manifest.json', 'generated/package.json', 'generated/tsconfig.json', 'generated/src/slugify.ts', 'generated/src/reading-time.test.ts']) expect(tracked, f).toContain(f);
    expect(tracked.filter((f) => f.startsWith('.speccc/') || f.startsWith('node_modules/'))).toEqual([]);
    expect(existsSync(path.join(root, '.speccc/cache'))).toBe(true);
    // step 9 added only the workflow
    expect(git('status', '--porcelain')).toBe('?? .github/\n');
    expect(execFileSync('git', ['ls-files'], { cwd: path.join(base, 'acme-scenarios'), encoding: 'utf8' }).split('\n').filter(Boolean).sort()).toEqual([
      'README.md',
      'reading-time/two-hundred-words.md',
      'reading-time/two-hundred-words.test.ts',
      'slugify/accents-are-dropped.md',
      'slugify/accents-are-dropped.test.ts',
    ]);

    // The commands the guide lists for CI are the workflow's.
    const workflow = readFileSync(path.join(root, '.github/workflows/speccc.yml'), 'utf8');
    const illustrations = blocks.filter((b) => b.directive === null && b.lang === 'sh');
    const ciCommands = illustrations.flatMap((b) => b.body.split('\n').map(stripComment)).filter((l) => l.startsWith('npx speccc'));
    expect(ciCommands).toHaveLength(3);
    for (const c of ciCommands) expect(workflow, c).toContain(`run: ${c}\n`);

    // "copied anywhere, npm install && npm run typecheck && npm test" (install: this repository's node_modules)
    const copy = path.join(base, 'acme-package');
    cpSync(path.join(root, 'generated'), copy, { recursive: true });
    symlinkSync(path.join(repo, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    execFileSync('npm', ['run', 'typecheck'], { cwd: copy, env: session.env, stdio: 'pipe' });
    const tested = execFileSync('npm', ['test'], { cwd: copy, env: { ...session.env, NO_COLOR: '1' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(tested.replace(/\u001b\[[0-9;]*m/g, '')).toMatch(/Tests\s+8 passed \(8\)/);

    // "You can also npm install inside generated/": speccc never reads generated/node_modules/.
    mkdirSync(path.join(root, 'generated/node_modules/.vite'), { recursive: true });
    writeFileSync(path.join(root, 'generated/node_modules/.vite/results.json'), '{}');
    const installed = await runCli(['check', '--no-cache'], { cwd: root, env: session.env });
    expect(installed.code).toBe(0);
    rmSync(path.join(root, 'generated/node_modules'), { recursive: true });

    // The commands the prose mentions work too.
    const mentioned = [...prose(GUIDE).matchAll(/`(npx speccc [^`]*)`/g)].map((m) => m[1]!).filter((c) => !c.includes('…'));
    expect(mentioned.sort()).toEqual(['npx speccc completion bash', 'npx speccc init my-app', 'npx speccc log', 'npx speccc scenarios generate reading-time', 'npx speccc verify --history']);
    for (const command of mentioned) {
      const cwd = command.includes('init my-app') ? base : root;
      const run = await runCli(args(command), { cwd, env: session.env });
      expect(run.code, `${command}\n${run.stdout}${run.stderr}`).toBe(0);
    }
    expect(existsSync(path.join(base, 'my-app/speccc.config.json'))).toBe(true);

    // Every speccc command in a run block ran.
    const inRunBlocks = blocks
      .filter((b) => b.directive === 'run')
      .flatMap((b) => b.body.split('\n').map(stripComment))
      .filter((l) => l.startsWith('npx speccc'))
      .map((l) => l.replace(/ > \S+ &$/, ''));
    expect(session.ran).toEqual(inRunBlocks);
  }, 600_000);
});
